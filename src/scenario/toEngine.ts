import { instanceId, parseInstanceId, serviceOfProducerId, topicProducerId, type AddConsumer, type AddProducer, type AddService, type Command, type CreateTopic, type EngineConfig, type KeyPattern } from '../engine';
import { loadedSchemaJudge } from '../schema/lazyJudge';
import type { SchemaJudge } from '../schema/model';
import { runRegistry, type Registry, type RegistryRun } from './registry';
import type { NodeOf, Scenario, ScenarioNode } from './schema';

/**
 * Turns a scenario's SETUP (nodes and edges) into the engine configuration and the commands to
 * apply at t = 0. The timeline is not included: the runner replays it separately.
 *
 * Contract:
 * - Never throws. Anything the engine would refuse, or that makes no sense yet (a producer with no
 *   topic), becomes a `problem` on the node concerned and is clamped or left out, so every command
 *   returned is accepted by `createEngine(config)` applied in order.
 * - Order: every createTopic, then producers, services, consumers (each in node order).
 * - Topics, producers, services and consumers of nodes with `joinAtMs` > 0 go to `scheduled`
 *   instead, to be applied at that moment (topics first; node order among equal times).
 * - Engine ids (spelled by engine/clientIds.ts): producer = node id, or topicProducerId(node,
 *   topic) when it writes to several topics; service = node id (its instances are engine consumers
 *   instanceId(node, n), n growing on restarts); consumer instance i = instanceId(node, i); the
 *   i-th broker node is engine broker i.
 */

export const PROBLEM_CODES = [
  /** Topic: replication factor above the number of brokers (clamped). detail: replicationFactor, brokers */
  'rfAboveBrokers',
  /** Topic: min.insync.replicas above its replication factor (clamped). detail: minInsyncReplicas, replicationFactor */
  'minIsrAboveRf',
  /** Topic: another topic already has this name (left out). detail: name */
  'duplicateTopicName',
  /** Broker: more brokers than the engine runs (64); the extra ones are ignored. detail: max */
  'tooManyBrokers',
  /** Producer: writes to no topic (no command). */
  'notConnected',
  /** Producer: key pattern "cycle" with no keys (sends without keys instead). */
  'noKeys',
  /** Producer: idempotence needs acks=all (sent without idempotence). detail: acks */
  'idempotentNeedsAcksAll',
  /** Service/consumer: reads no topic (no command). */
  'notSubscribed',
  /** Service: retry topic is not a topic on the canvas (ignored). detail: topic (node id) */
  'retryTopicMissing',
  /** Service: dead-letter topic is not a topic on the canvas (ignored). detail: topic (node id) */
  'deadLetterTopicMissing',
  /** An arrow the canvas would not allow (e.g. from an edited file); ignored. detail: edge, target */
  'badConnection',
  /** Producer: the schema registry refused its schema, so it writes nothing to that topic.
   * detail: topic, subject, mode, latest (version), reason (avsc's words) */
  'schemaRefused',
  /** Producer or service: the schema checker (avsc) is still loading; the run starts again once it is there. */
  'schemaCheckPending',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface SetupProblem {
  nodeId: string;
  code: ProblemCode;
  detail?: Record<string, string | number>;
}

/** Engine ids → canvas node ids, so the UI can show engine state on the right node. */
export interface EngineIdMap {
  producerNode: Record<string, string>;
  /** Engine consumers of consumer nodes only; service instances: use nodeForConsumer. */
  consumerNode: Record<string, string>;
  serviceNode: Record<string, string>;
  topicNode: Record<string, string>;
  groupNodes: Record<string, string[]>;
  /** brokerNode[i] = node id of engine broker i. */
  brokerNode: string[];
}

export interface EngineSetup {
  config: EngineConfig;
  /** Applied at t = 0. */
  commands: Command[];
  /** Commands of nodes that join later (`joinAtMs` > 0), to apply at `at`; sorted by time. */
  scheduled: { at: number; node: string; command: Command }[];
  problems: SetupProblem[];
  ids: EngineIdMap;
  /** The simulated schema registry after this setup's producers registered (registry.ts). */
  registry: Registry;
}

/** The engine's limit on brokers. */
export const MAX_BROKERS = 64;

/**
 * `judge` answers the schema questions (src/schema: avsc, loaded lazily); by default the loaded
 * one, or none yet, in which case a canvas with schemas runs its schema producers only once it has
 * loaded (see registry.ts).
 */
export function scenarioToEngine(s: Scenario, judge: SchemaJudge | null = loadedSchemaJudge()): EngineSetup {
  const problems: SetupProblem[] = [];
  const ids: EngineIdMap = { producerNode: {}, consumerNode: {}, serviceNode: {}, topicNode: {}, groupNodes: {}, brokerNode: [] };
  const byId = new Map<string, ScenarioNode>(s.nodes.map((n) => [n.id, n]));
  const problem = (nodeId: string, code: ProblemCode, detail?: SetupProblem['detail']) =>
    problems.push(detail ? { nodeId, code, detail } : { nodeId, code });

  // Brokers.
  const brokerNodes = s.nodes.filter((n) => n.kind === 'broker');
  if (brokerNodes.length > MAX_BROKERS) problem(brokerNodes[MAX_BROKERS].id, 'tooManyBrokers', { max: MAX_BROKERS });
  ids.brokerNode = brokerNodes.slice(0, MAX_BROKERS).map((n) => n.id);
  const brokers = Math.max(1, ids.brokerNode.length);

  // Topics. topicName: node id → topic name, for topics that exist in the engine.
  const topicName = new Map<string, string>();
  const topicCommands: CreateTopic[] = [];
  for (const n of s.nodes) {
    if (n.kind !== 'topic') continue;
    const p = n.props;
    if (ids.topicNode[p.name] !== undefined) {
      problem(n.id, 'duplicateTopicName', { name: p.name });
      continue;
    }
    let rf = p.replicationFactor;
    if (rf > brokers) {
      problem(n.id, 'rfAboveBrokers', { replicationFactor: rf, brokers });
      rf = brokers;
    }
    let minIsr = p.minInsyncReplicas;
    if (minIsr > p.replicationFactor) problem(n.id, 'minIsrAboveRf', { minInsyncReplicas: minIsr, replicationFactor: p.replicationFactor });
    minIsr = Math.min(minIsr, rf);
    topicCommands.push({
      type: 'createTopic',
      name: p.name,
      partitions: p.partitions,
      replicationFactor: rf,
      minInsyncReplicas: minIsr,
      retentionMs: p.retentionMs,
      cleanupPolicy: p.cleanupPolicy,
      retentionBytes: p.retentionBytes,
      segmentRecords: p.segmentRecords,
      deleteRetentionMs: p.deleteRetentionMs,
    });
    ids.topicNode[p.name] = n.id;
    topicName.set(n.id, p.name);
  }

  // Arrows, sorted into reads (topic → reader) and writes (writer → topic), deduplicated.
  const writes = new Map<string, string[]>(); // writer node id → topic names
  const reads = new Map<string, string[]>(); // reader node id → topic names
  const add = (m: Map<string, string[]>, key: string, name: string) => {
    const list = m.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    m.set(key, list);
  };
  for (const e of s.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    if ((source.kind === 'producer' || source.kind === 'service') && target.kind === 'topic') {
      const name = topicName.get(target.id);
      if (name !== undefined) add(writes, source.id, name);
    } else if (source.kind === 'topic' && (target.kind === 'service' || target.kind === 'consumer')) {
      const name = topicName.get(source.id);
      if (name !== undefined) add(reads, target.id, name);
    } else {
      problem(source.id, 'badConnection', { edge: e.id, target: target.id });
    }
  }

  const groupOf = (group: string, nodeId: string) => {
    const list = (ids.groupNodes[group] ??= []);
    if (!list.includes(nodeId)) list.push(nodeId);
  };

  const schemas = runRegistry(s, judge, writes, ids.topicNode);
  for (const r of schemas.registry.refusals)
    problem(r.producerNode, 'schemaRefused', { topic: r.topic, subject: r.subject, mode: r.mode, latest: r.latestVersion, reason: r.refusal.reason });
  if (schemas.registry.pending)
    for (const n of s.nodes) if ((n.kind === 'producer' && n.props.schema) || (n.kind === 'service' && n.props.readerSchema)) problem(n.id, 'schemaCheckPending');

  const producerCommands: AddProducer[] = [];
  const serviceCommands: AddService[] = [];
  const consumerCommands: AddConsumer[] = [];
  for (const n of s.nodes) {
    if (n.kind === 'producer') producerCommands.push(...producerToEngine(n, writes.get(n.id) ?? [], ids, problem, schemas));
    else if (n.kind === 'service') {
      const c = serviceToEngine(n, reads.get(n.id) ?? [], writes.get(n.id) ?? [], topicName, problem, schemas);
      if (c) {
        serviceCommands.push(c);
        ids.serviceNode[n.id] = n.id;
        groupOf(n.props.group, n.id);
      }
    } else if (n.kind === 'consumer') {
      const topics = reads.get(n.id) ?? [];
      if (topics.length === 0) {
        problem(n.id, 'notSubscribed');
        continue;
      }
      const p = n.props;
      for (let i = 0; i < p.instances; i++) {
        const id = instanceId(n.id, i);
        consumerCommands.push({
          type: 'addConsumer',
          id,
          group: p.group,
          topics: [...topics],
          processingMs: p.processingMs,
          assignor: p.assignor,
          autoOffsetReset: p.autoOffsetReset,
          commitMode: p.commitMode,
          ...(p.isolationLevel !== 'read_uncommitted' ? { isolationLevel: p.isolationLevel } : {}),
        });
        ids.consumerNode[id] = n.id;
      }
      groupOf(p.group, n.id);
    }
  }

  const late = new Map(s.nodes.flatMap((n) => ('joinAtMs' in n && n.joinAtMs ? [[n.id, n.joinAtMs] as const] : [])));
  const nodeOf = (c: AddProducer | AddService | AddConsumer) => (c.type === 'addProducer' ? ids.producerNode[c.id] : c.type === 'addService' ? c.id : ids.consumerNode[c.id]);
  const joinAt = (c: AddProducer | AddService | AddConsumer) => late.get(nodeOf(c)) ?? 0;
  const topicJoin = (c: CreateTopic) => late.get(ids.topicNode[c.name]) ?? 0;
  const actors = [...producerCommands, ...serviceCommands, ...consumerCommands];
  return {
    config: { seed: s.seed, brokers },
    commands: [...topicCommands.filter((c) => topicJoin(c) === 0), ...actors.filter((c) => joinAt(c) === 0)],
    // Topics before the nodes that use them when they join at the same moment (the sort is stable).
    scheduled: [
      ...topicCommands.filter((c) => topicJoin(c) > 0).map((command) => ({ at: topicJoin(command), node: ids.topicNode[command.name], command })),
      ...actors.filter((c) => joinAt(c) > 0).map((command) => ({ at: joinAt(command), node: nodeOf(command), command })),
    ].sort((a, b) => a.at - b.at),
    problems,
    ids,
    registry: schemas.registry,
  };
}

type Report = (nodeId: string, code: ProblemCode, detail?: SetupProblem['detail']) => void;

function producerToEngine(n: NodeOf<'producer'>, topics: string[], ids: EngineIdMap, problem: Report, schemas: RegistryRun): AddProducer[] {
  const p = n.props;
  if (topics.length === 0) {
    problem(n.id, 'notConnected');
    return [];
  }
  let keys: KeyPattern;
  if (p.keyPattern === 'cycle') {
    if (p.keys.length === 0) problem(n.id, 'noKeys');
    keys = p.keys.length === 0 ? { kind: 'none' } : { kind: 'cycle', keys: [...p.keys] };
  } else if (p.keyPattern === 'random') keys = { kind: 'random', prefix: p.keyPrefix, count: p.keyCount };
  else keys = { kind: 'none' };
  if (p.idempotent && p.acks !== 'all') problem(n.id, 'idempotentNeedsAcksAll', { acks: p.acks });
  // A serializer whose schema the registry refused cannot send (registry.ts): that topic gets nothing.
  return topics.flatMap((topic): AddProducer[] => {
    const schemaId = schemas.writerId(n.id, topic);
    if (schemaId === null) return [];
    const id = topics.length === 1 ? n.id : topicProducerId(n.id, topic);
    ids.producerNode[id] = n.id;
    return [{
      type: 'addProducer',
      id,
      topic,
      ratePerSec: p.ratePerSec,
      keys,
      eventType: p.eventType,
      acks: p.acks,
      idempotent: p.idempotent && p.acks === 'all',
      ...(p.values !== 'counter' ? { values: p.values } : {}),
      ...(p.requestTimeoutMs !== 30_000 ? { requestTimeoutMs: p.requestTimeoutMs } : {}),
      ...(schemaId !== undefined ? { schemaId } : {}),
    }];
  });
}

function serviceToEngine(
  n: NodeOf<'service'>,
  reads: string[],
  writes: string[],
  topicName: ReadonlyMap<string, string>,
  problem: Report,
  schemas: RegistryRun,
): AddService | null {
  const p = n.props;
  const resolve = (nodeId: string | null, code: 'retryTopicMissing' | 'deadLetterTopicMissing') => {
    if (nodeId === null) return undefined;
    const name = topicName.get(nodeId);
    if (name === undefined) problem(n.id, code, { topic: nodeId });
    return name;
  };
  const retryTopic = resolve(p.retryTopic, 'retryTopicMissing');
  const deadLetterTopic = resolve(p.deadLetterTopic, 'deadLetterTopicMissing');
  // The engine subscribes a service to its retry topic itself.
  const subscribes = reads.filter((t) => t !== retryTopic);
  if (subscribes.length === 0) {
    problem(n.id, 'notSubscribed');
    return null;
  }
  const emitTo = writes.filter((t) => t !== retryTopic && t !== deadLetterTopic);
  return {
    type: 'addService',
    id: n.id,
    group: p.group,
    subscribes,
    handlers: [{ on: p.reactsTo === '' ? '*' : p.reactsTo, emit: emitTo.map((topic) => ({ topic, eventType: p.emits, key: 'same' as const })) }],
    instances: p.instances,
    processingMs: p.processingMs,
    failureRate: p.failureRate,
    maxAttempts: p.maxAttempts,
    idempotent: p.idempotent,
    assignor: p.assignor,
    autoOffsetReset: p.autoOffsetReset,
    ...(p.ruleField !== '' ? { rule: { field: p.ruleField, above: p.ruleAbove, count: p.ruleCount, windowMs: p.ruleWindowMs } } : {}),
    ...(retryTopic !== undefined ? { retryTopic } : {}),
    ...(deadLetterTopic !== undefined ? { deadLetterTopic } : {}),
    // Kafka's defaults are left out, so canvases that never set these give the same commands.
    ...(p.transactional ? { transactional: true } : {}),
    ...(p.isolationLevel !== 'read_uncommitted' ? { isolationLevel: p.isolationLevel } : {}),
    ...(p.readerSchema !== undefined ? { readableSchemaIds: schemas.readableIds(n.id, subscribes) ?? [] } : {}),
    ...(p.failureEmits !== '' && emitTo.length > 0 ? { failureEmits: emitTo.map((topic) => ({ topic, eventType: p.failureEmits, key: 'same' as const })) } : {}),
    ...(p.database !== 'none' ? { database: p.database, ...(p.crashChance > 0 ? { crashChance: p.crashChance } : {}) } : {}),
  };
}

/**
 * The canvas node an engine consumer belongs to: a consumer node's instance (`${nodeId}-${i}`), or
 * a service instance (`${serviceId}-${n}`, n grows as instances restart). Undefined if unknown.
 */
export function nodeForConsumer(ids: EngineIdMap, consumerId: string): string | undefined {
  const direct = ids.consumerNode[consumerId];
  if (direct !== undefined) return direct;
  const instance = parseInstanceId(consumerId);
  return instance ? ids.serviceNode[instance.owner] : undefined;
}

/** The canvas node an engine producer belongs to, including a service's own `${id}.producer`. */
export function nodeForProducer(ids: EngineIdMap, producerId: string): string | undefined {
  const direct = ids.producerNode[producerId];
  if (direct !== undefined) return direct;
  const service = serviceOfProducerId(producerId);
  return service === null ? undefined : ids.serviceNode[service];
}
