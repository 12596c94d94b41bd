import { stringify } from 'yaml';
import type { NodeOf, Scenario, ScenarioNode } from '../scenario';
import { KAFE_EXTENSION_FORMAT, type KafeApplication, type KafeChannel, type KafeOperation, type KafeRoot } from './extension';

/**
 * The canvas as an AsyncAPI 3.0.0 document with Kafka bindings (binding version 0.5.0):
 *
 * - each topic is a channel (key: the topic node's id, address: the topic name) whose Kafka channel
 *   binding holds partitions, replicas and the topic configs (cleanup.policy, retention.ms — -1 for
 *   "kept forever" — and min.insync.replicas);
 * - each canvas arrow is an operation: producer/service → topic is `send`, topic → service/consumer
 *   is `receive`. Every operation's Kafka binding names the application as clientId; a receive
 *   operation also names its consumer group as groupId;
 * - each event type is a message in components.messages, listed in the channels it is written to;
 * - everything AsyncAPI has no field for goes under `x-kafe` (see extension.ts).
 *
 * Contract: pure; the same scenario gives the same text; the result passes @asyncapi/parser with
 * no errors (test/asyncapi/roundTrip.test.ts).
 */
export const ASYNCAPI_VERSION = '3.0.0';
export const KAFKA_BINDING_VERSION = '0.5.0';

type Json = Record<string, unknown>;
type Application = NodeOf<'producer'> | NodeOf<'service'> | NodeOf<'consumer'>;

const isApplication = (n: ScenarioNode): n is Application => n.kind === 'producer' || n.kind === 'service' || n.kind === 'consumer';
/** The event type an application writes, if it writes. */
const eventTypeOf = (n: Application): string | null => (n.kind === 'producer' ? n.props.eventType : n.kind === 'service' ? n.props.emits : null);
/** A JSON Schema that allows exactly one string: how the Kafka binding names a group or client. */
const exactly = (value: string) => ({ type: 'string', enum: [value] });

export function scenarioToAsyncApi(s: Scenario): Json {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const topics = s.nodes.filter((n): n is NodeOf<'topic'> => n.kind === 'topic');
  const applications = s.nodes.filter(isApplication);

  // Which event types are written to each topic (channel messages), in edge order.
  const written = new Map<string, string[]>();
  for (const e of s.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target || target.kind !== 'topic' || !isApplication(source)) continue;
    const type = eventTypeOf(source);
    if (type === null) continue;
    const list = written.get(target.id) ?? [];
    if (!list.includes(type)) list.push(type);
    written.set(target.id, list);
  }

  const channels: Json = {};
  for (const t of topics) {
    const ext: KafeChannel = {
      node: t.id,
      label: t.label,
      position: t.position,
      ...(t.joinAtMs ? { joinAtMs: t.joinAtMs } : {}),
      ...(t.props.segmentRecords !== 1000 ? { segmentRecords: t.props.segmentRecords } : {}),
      ...(t.props.compatibility !== undefined ? { compatibility: t.props.compatibility } : {}),
      ...(t.props.schemaVersions !== undefined ? { schemaVersions: t.props.schemaVersions } : {}),
    };
    channels[t.id] = {
      address: t.props.name,
      title: t.label,
      messages: Object.fromEntries((written.get(t.id) ?? []).map((type) => [type, { $ref: `#/components/messages/${type}` }])),
      bindings: {
        kafka: {
          topic: t.props.name,
          partitions: t.props.partitions,
          replicas: t.props.replicationFactor,
          topicConfiguration: {
            'cleanup.policy': [t.props.cleanupPolicy],
            'retention.ms': t.props.retentionMs ?? -1,
            'retention.bytes': t.props.retentionBytes ?? -1,
            'delete.retention.ms': t.props.deleteRetentionMs,
            'min.insync.replicas': t.props.minInsyncReplicas,
          },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
      'x-kafe': ext,
    };
  }

  const operations: Json = {};
  const usedKeys = new Set<string>();
  for (const e of s.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    const send = isApplication(source) && target.kind === 'topic';
    const receive = source.kind === 'topic' && isApplication(target);
    if (!send && !receive) continue; // not an arrow Kafé draws (the scenario's setup reports it)
    const app = (send ? source : target) as Application;
    const topic = (send ? target : source) as NodeOf<'topic'>;
    const type = send ? eventTypeOf(app) : null;
    const kafka: Json = { clientId: exactly(app.id) };
    if (receive && app.kind !== 'producer') kafka.groupId = exactly(app.props.group);
    kafka.bindingVersion = KAFKA_BINDING_VERSION;
    const ext: KafeOperation = { node: app.id, edge: e.id };
    operations[uniqueKey(`${app.id}.${send ? 'send' : 'receive'}.${topic.id}`, usedKeys)] = {
      action: send ? 'send' : 'receive',
      channel: { $ref: `#/channels/${topic.id}` },
      title: app.label,
      ...(type ? { messages: [{ $ref: `#/channels/${topic.id}/messages/${type}` }] } : {}),
      bindings: { kafka },
      'x-kafe': ext,
    };
  }

  const messages: Json = {};
  for (const type of [...new Set([...written.values()].flat())].sort()) {
    messages[type] = { name: type, title: type, summary: `A ${type} event.`, bindings: { kafka: { key: { type: 'string' }, bindingVersion: KAFKA_BINDING_VERSION } } };
  }

  const brokers = s.nodes.filter((n) => n.kind === 'broker');
  const root: KafeRoot = {
    format: KAFE_EXTENSION_FORMAT,
    seed: s.seed,
    time: s.time,
    nodeOrder: s.nodes.map((n) => n.id),
    brokers: brokers.map((b) => ({ id: b.id, label: b.label, position: b.position })),
    applications: Object.fromEntries(applications.map((n) => [n.id, application(n)])),
    timeline: s.timeline,
  };

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: s.name.trim() === '' ? 'Kafé canvas' : s.name,
      version: '1.0.0',
      description: `Exported from Kafé, the Kafka simulator: ${topics.length} topic(s), ${applications.length} application(s), ${brokers.length} broker(s). Simulator-only settings are under x-kafe.`,
    },
    defaultContentType: 'application/json',
    servers: {
      kafe: { host: 'localhost:9092', protocol: 'kafka', description: `Kafé's simulated cluster of ${brokers.length} broker(s).` },
    },
    channels,
    operations,
    components: { messages },
    'x-kafe': root,
  };
}

/** The document as YAML text (what the Export AsyncAPI button downloads). */
export function scenarioToAsyncApiYaml(s: Scenario): string {
  return stringify(scenarioToAsyncApi(s), { lineWidth: 0, aliasDuplicateObjects: false });
}

function application(n: Application): KafeApplication {
  const base = { label: n.label, position: n.position, ...(n.joinAtMs ? { joinAtMs: n.joinAtMs } : {}) };
  switch (n.kind) {
    case 'producer':
      return { kind: 'producer', ...base, props: n.props };
    case 'service':
      return { kind: 'service', ...base, props: n.props };
    case 'consumer':
      return { kind: 'consumer', ...base, props: n.props };
  }
}

function uniqueKey(wanted: string, used: Set<string>): string {
  let key = wanted;
  for (let i = 2; used.has(key); i++) key = `${wanted}.${i}`;
  used.add(key);
  return key;
}
