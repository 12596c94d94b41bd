import { scenarioToEngine, type EngineSetup, type NodeOf, type Scenario, type ScenarioNode, type SetupProblem } from '../scenario';
import { uniqueSlugs } from './names';
import { note, sortNotes, type ExportNote, type ExportNoteCode } from './notes';
import { schemaFiles, type SchemaFilePlan } from './schemas';

/**
 * What to generate, decided once from a scenario: the topics, one script per producer, service and
 * consumer that the simulator would run, and the notes. The writers (topics.ts, producer.ts, ...)
 * only format a plan; every decision about what the canvas means lives here.
 *
 * The canvas's meaning is taken from `scenarioToEngine`, the same function that sets up the
 * simulator, so the project runs what the learner saw: which topics a node reads and writes, that a
 * service reads its own retry topic, keys of a "cycle" producer without keys, and so on.
 */

/** The exported cluster has a single broker: every topic keeps one copy. */
export const EXPORT_BROKERS = 1;

export interface TopicPlan {
  nodeId: string;
  name: string;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** What the canvas asked for, before capping to the one-broker cluster. */
  canvasReplicationFactor: number;
  canvasMinInsyncReplicas: number;
  /** null = keep forever. */
  retentionMs: number | null;
  cleanupPolicy: 'delete' | 'compact';
  /** retention.bytes per partition; null = no size limit. */
  retentionBytes: number | null;
  /** delete.retention.ms: how long a compacted topic keeps tombstones. */
  deleteRetentionMs: number;
}

export type KeysPlan = { pattern: 'none' } | { pattern: 'cycle'; keys: string[] } | { pattern: 'random'; prefix: string; count: number };

interface ScriptPlan {
  nodeId: string;
  label: string;
  /** Unique safe name: the script's file name (without .ts) and its npm script. */
  name: string;
  /** Path of the script in the project, e.g. "src/services/payment.ts". */
  file: string;
  /** Virtual ms at which the node joined the simulation; 0 = from the start. */
  joinAtMs: number;
}

export interface ProducerPlan extends ScriptPlan {
  kind: 'producer';
  topics: string[];
  ratePerSec: number;
  eventType: string;
  keys: KeysPlan;
  acks: 0 | 1 | 'all';
  idempotent: boolean;
  /** What each record's value carries besides type, n and time (the canvas's value model). */
  values: NodeOf<'producer'>['props']['values'];
}

/** A service's rule (engine serviceRule.ts): react only to values whose field is above a number,
 * optionally only once a key has `count` of them within `windowMs`. */
export interface RulePlan {
  field: string;
  above: number;
  count: number;
  windowMs: number;
}

type Assignor = NodeOf<'service'>['props']['assignor'];

interface ReaderPlan extends ScriptPlan {
  group: string;
  inputs: string[];
  instances: number;
  processingMs: number;
  assignor: Assignor;
  autoOffsetReset: 'earliest' | 'latest';
  /** isolation.level on the canvas (Kafka's default read_uncommitted). */
  isolationLevel: 'read_uncommitted' | 'read_committed';
}

export interface ServicePlan extends ReaderPlan {
  kind: 'service';
  /** Topics it emits to (its arrows out, without the retry and dead-letter topics). */
  outputs: string[];
  emits: string;
  failureRate: number;
  maxAttempts: number;
  idempotent: boolean;
  /** The canvas runs it in Kafka transactions (exactly-once); so does its script (kafkajs transactions). */
  transactional: boolean;
  retryTopic: string | null;
  deadLetterTopic: string | null;
  rule: RulePlan | null;
  /** Sagas: the only event type it reacts to (null = every record), and the failure event it
   * publishes for a record that failed for good (null = none). */
  reactsTo: string | null;
  failureEmits: string | null;
}

export interface ConsumerPlan extends ReaderPlan {
  kind: 'consumer';
  commitMode: 'auto' | 'afterProcess' | 'beforeProcess';
}

export type ActorPlan = ProducerPlan | ServicePlan | ConsumerPlan;

export interface ExportPlan {
  scenarioName: string;
  /** Brokers on the canvas (at least 1, as the simulator runs). */
  canvasBrokers: number;
  topics: TopicPlan[];
  /** In canvas node order. */
  actors: ActorPlan[];
  /** The canvas's record schemas, written as .avsc files (schemas.ts). */
  schemas: SchemaFilePlan[];
  notes: ExportNote[];
}

type Command = EngineSetup['commands'][number];
type Of<T extends Command['type']> = Extract<Command, { type: T }>;

const FOLDER = { producer: 'src/producers', service: 'src/services', consumer: 'src/consumers' } as const;

/** Engine problems that become notes as they are; the others are replaced by the export's own. */
const PROBLEM_NOTES: Partial<Record<string, ExportNoteCode>> = {
  notConnected: 'producerNotConnected',
  notSubscribed: 'readerNotSubscribed',
  duplicateTopicName: 'duplicateTopic',
  noKeys: 'noKeys',
  idempotentNeedsAcksAll: 'idempotentNeedsAcksAll',
  retryTopicMissing: 'retryTopicMissing',
  deadLetterTopicMissing: 'deadLetterTopicMissing',
  badConnection: 'badConnection',
  schemaRefused: 'schemaRefused',
  schemaCheckPending: 'schemaCheckPending',
};

export function planExport(scenario: Scenario): ExportPlan {
  const setup = scenarioToEngine(scenario);
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const notes: ExportNote[] = setup.problems.flatMap((p) => problemNote(p, byId));
  const commands = [...setup.commands, ...setup.scheduled.map((s) => s.command)];
  const ofType = <T extends Command['type']>(type: T) => commands.filter((c): c is Of<T> => c.type === type);

  // The simulator runs at least one broker, as toEngine does.
  const canvasBrokers = setup.config.brokers ?? 1;
  const topics = ofType('createTopic').map((c) => topicPlan(c, byId.get(setup.ids.topicNode[c.name])));
  const capped = topics.filter((t) => t.canvasReplicationFactor > EXPORT_BROKERS || t.canvasMinInsyncReplicas > EXPORT_BROKERS);
  if (canvasBrokers !== EXPORT_BROKERS) notes.push(note('brokersMerged', null, { brokers: canvasBrokers }));
  if (capped.length > 0) notes.push(note('replicationCapped', null, { count: capped.length, topics: capped.map((t) => t.name).join(', ') }));

  // Which nodes the simulator runs, with the topics it resolved for them.
  const producerTopics = new Map<string, string[]>();
  for (const c of ofType('addProducer')) {
    const nodeId = setup.ids.producerNode[c.id];
    producerTopics.set(nodeId, [...(producerTopics.get(nodeId) ?? []), c.topic]);
  }
  const services = new Map(ofType('addService').map((c) => [c.id, c]));
  const consumerTopics = new Map<string, string[]>();
  for (const c of ofType('addConsumer')) consumerTopics.set(setup.ids.consumerNode[c.id], c.topics);

  type Exported = NodeOf<'producer'> | NodeOf<'service'> | NodeOf<'consumer'>;
  const exported = scenario.nodes.filter(
    (n): n is Exported => (n.kind === 'producer' && producerTopics.has(n.id)) || (n.kind === 'service' && services.has(n.id)) || (n.kind === 'consumer' && consumerTopics.has(n.id)),
  );
  const names = uniqueSlugs(exported);
  const actors = exported.map((n, i): ActorPlan => {
    const base: ScriptPlan = { nodeId: n.id, label: n.label, name: names[i], file: `${FOLDER[n.kind]}/${names[i]}.ts`, joinAtMs: n.joinAtMs ?? 0 };
    if (n.kind === 'producer') return producerPlan(base, n, producerTopics.get(n.id)!);
    if (n.kind === 'service') return servicePlan(base, n, services.get(n.id)!);
    return { ...base, ...readerPlan(n, consumerTopics.get(n.id)!), kind: 'consumer', commitMode: n.props.commitMode };
  });

  const mapped = actors.filter((a): a is ServicePlan | ConsumerPlan => a.kind !== 'producer' && a.assignor !== 'roundrobin');
  if (mapped.length > 0)
    notes.push(note('assignorMapped', null, { nodes: mapped.map((a) => a.label).join(', '), assignors: [...new Set(mapped.map((a) => a.assignor))].join(', ') }));
  for (const a of actors) {
    if (a.kind !== 'producer' && a.instances > 1) notes.push(note('instances', { id: a.nodeId, label: a.label }, { instances: a.instances }));
    if (a.joinAtMs > 0) notes.push(note('joinsLater', { id: a.nodeId, label: a.label }, { seconds: Math.round(a.joinAtMs / 100) / 10 }));
  }
  for (const n of exported)
    if (n.kind === 'service' && n.props.database !== 'none') notes.push(note('databaseNotExported', { id: n.id, label: n.label }, { mode: n.props.database }));
  const schemas = schemaFiles(scenario, topics, actors);
  notes.push(...schemas.notes);
  if (actors.length === 0) notes.push(note('nothingToRun'));
  if (scenario.timeline.length > 0) notes.push(note('timelineNotExported', null, { count: scenario.timeline.length }));

  return { scenarioName: scenario.name, canvasBrokers, topics, actors, schemas: schemas.files, notes: sortNotes(notes) };
}

function problemNote(p: SetupProblem, byId: ReadonlyMap<string, ScenarioNode>): ExportNote[] {
  const code = PROBLEM_NOTES[p.code];
  if (!code) return [];
  const node = byId.get(p.nodeId);
  return [note(code, node ? { id: node.id, label: node.label } : null, p.detail)];
}

function topicPlan(c: Of<'createTopic'>, node: ScenarioNode | undefined): TopicPlan {
  // The canvas's own values (the simulator already capped them to the canvas's brokers).
  const asked = node?.kind === 'topic' ? node.props : undefined;
  const canvasReplicationFactor = asked?.replicationFactor ?? c.replicationFactor ?? 1;
  const canvasMinInsyncReplicas = asked?.minInsyncReplicas ?? c.minInsyncReplicas ?? 1;
  return {
    nodeId: node?.id ?? c.name,
    name: c.name,
    partitions: c.partitions,
    replicationFactor: Math.min(canvasReplicationFactor, EXPORT_BROKERS),
    minInsyncReplicas: Math.min(canvasMinInsyncReplicas, EXPORT_BROKERS),
    canvasReplicationFactor,
    canvasMinInsyncReplicas,
    retentionMs: c.retentionMs ?? null,
    cleanupPolicy: c.cleanupPolicy ?? 'delete',
    retentionBytes: c.retentionBytes ?? null,
    deleteRetentionMs: c.deleteRetentionMs ?? 86_400_000,
  };
}

function producerPlan(base: ScriptPlan, n: NodeOf<'producer'>, topics: string[]): ProducerPlan {
  const p = n.props;
  let keys: KeysPlan = { pattern: 'none' };
  if (p.keyPattern === 'cycle' && p.keys.length > 0) keys = { pattern: 'cycle', keys: [...p.keys] };
  else if (p.keyPattern === 'random') keys = { pattern: 'random', prefix: p.keyPrefix, count: p.keyCount };
  return {
    ...base,
    kind: 'producer',
    topics,
    ratePerSec: p.ratePerSec,
    eventType: p.eventType,
    keys,
    acks: p.acks,
    // As the simulator does: idempotence only with acks=all (a note says so otherwise).
    idempotent: p.idempotent && p.acks === 'all',
    values: p.values,
  };
}

function readerPlan(n: NodeOf<'service'> | NodeOf<'consumer'>, inputs: string[]) {
  const p = n.props;
  return {
    group: p.group,
    inputs: [...inputs],
    instances: p.instances,
    processingMs: p.processingMs,
    assignor: p.assignor,
    autoOffsetReset: p.autoOffsetReset,
    isolationLevel: p.isolationLevel,
  };
}

function servicePlan(base: ScriptPlan, n: NodeOf<'service'>, c: Of<'addService'>): ServicePlan {
  const p = n.props;
  const outputs = [...new Set((c.handlers ?? []).flatMap((h) => (h.emit ?? []).map((e) => e.topic)))];
  return {
    ...base,
    ...readerPlan(n, c.subscribes),
    kind: 'service',
    outputs,
    emits: p.emits,
    failureRate: p.failureRate,
    maxAttempts: p.maxAttempts,
    idempotent: p.idempotent,
    transactional: p.transactional,
    retryTopic: c.retryTopic ?? null,
    deadLetterTopic: c.deadLetterTopic ?? null,
    rule: c.rule ? { field: c.rule.field, above: c.rule.above, count: c.rule.count ?? 1, windowMs: c.rule.windowMs ?? 1000 } : null,
    reactsTo: p.reactsTo === '' ? null : p.reactsTo,
    failureEmits: c.failureEmits && c.failureEmits.length > 0 ? p.failureEmits : null,
  };
}
