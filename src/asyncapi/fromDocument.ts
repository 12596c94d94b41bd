import type { AsyncAPIDocumentInterface, ChannelInterface, MessageInterface, OperationInterface } from '@asyncapi/parser';
import {
  canConnect,
  LIMITS,
  SCENARIO_VERSION,
  type NodeOf,
  type Result,
  type Scenario,
  type ScenarioEdge,
  type ScenarioNode,
} from '../scenario';
import { validateScenario } from '../scenario/validate';
import { autoLayout } from '../scenario/layout';
import { defaultProps, KAFKA_DELETE_RETENTION_MS } from '../scenario/factory';
import { kafeChannel, kafeOperation, kafeRoot, readExtension, type KafeApplication, type KafeRoot } from './extension';
import { note, type ImportNote } from './notes';

/**
 * A parsed AsyncAPI 2.x or 3.x document (already validated by @asyncapi/parser) → a canvas.
 *
 * - channels → topics: name from the Kafka binding's `topic`, else the address, else the key;
 *   partitions / replicas / topic configs from the Kafka channel binding (also the Confluent
 *   CLI's `x-partitions`, `x-replicas`, `x-configs`). What is missing takes Kafka's broker
 *   defaults (num.partitions=1, default.replication.factor=1, min.insync.replicas=1,
 *   cleanup.policy=delete; retention is then unbounded, which a run of minutes cannot tell from
 *   the 7-day retention.ms default) and is listed in a note.
 * - operations → applications, grouped by the operation's `x-kafe.node`, else the Kafka binding's
 *   clientId, else (receive) its groupId, else the operation itself. An application that only sends
 *   is a producer, only receives a consumer group, both a service. 3.x `send`/`receive` are taken
 *   as written; in 2.x, `publish` receives and `subscribe` sends, except that a `subscribe` with a
 *   Kafka groupId consumes (what the Confluent CLI exports, where the document is the cluster).
 * - messages → the event type a producer writes / a service emits (the message name).
 * - brokers: `x-kafe.brokers`, else as many as the largest replication factor.
 *
 * Contract: never throws for a document the parser accepted; returns a schema-valid scenario and
 * the notes of everything not carried over, or an error sentence. Laid out with autoLayout unless
 * x-kafe gives every node a position.
 */
export interface Imported {
  scenario: Scenario;
  notes: ImportNote[];
}

type Json = Record<string, unknown>;
type AppKind = 'producer' | 'service' | 'consumer';
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,60}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
const MAX_NODES = 200;
const MAX_EDGES = 400;
const KAFKA_DEFAULTS = { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 };
/** What a topic may hold on the canvas (the scenario schema's LIMITS), as [min, max]. */
const TOPIC_BOUNDS = { partitions: [1, LIMITS.partitions], replicationFactor: [1, LIMITS.replicas], minInsyncReplicas: [1, LIMITS.replicas] } as const;
/** Kafka binding fields the mapping reads (or that carry no meaning for a simulation). */
const CHANNEL_BINDING_FIELDS = new Set(['topic', 'partitions', 'replicas', 'topicConfiguration', 'bindingVersion', 'x-partitions', 'x-replicas', 'x-configs']);
const OPERATION_BINDING_FIELDS = new Set(['groupId', 'clientId', 'bindingVersion']);
const TOPIC_CONFIGS = new Set(['cleanup.policy', 'retention.ms', 'retention.bytes', 'delete.retention.ms', 'min.insync.replicas']);

interface App {
  key: string;
  label: string | null;
  group: string | null;
  sends: { topicId: string; types: string[] }[];
  receives: { topicId: string }[];
}

/** One operation as an arrow to draw, in document order. */
interface Arrow {
  app: string;
  topicId: string;
  receives: boolean;
  edge: string | null;
  op: string;
}

export function documentToScenario(doc: AsyncAPIDocumentInterface): Result<Imported> {
  const notes: ImportNote[] = [];
  const rawRoot = extensionValue(doc.extensions(), 'x-kafe');
  const kafe = readExtension(kafeRoot, rawRoot);
  if (rawRoot !== undefined && kafe === null) notes.push(note('badKafeExtension', 'x-kafe'));
  const ids = new Set<string>();
  /** Nodes whose position the document saved (x-kafe); when all have one, no layout is needed. */
  const positioned = new Set<string>();
  const claim = (wanted: string, fallback: string): string => {
    const base = sanitize(wanted, /[^A-Za-z0-9_-]+/g, 40) || fallback;
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base.slice(0, 36)}-${i}`;
    ids.add(id);
    return id;
  };

  documentNotes(doc, kafe, notes);

  // Channels → topics.
  const topics: NodeOf<'topic'>[] = [];
  const topicOfChannel = new Map<string, NodeOf<'topic'>>();
  const topicNames = new Set<string>();
  for (const channel of doc.channels().all()) {
    const topic = channelToTopic(channel, kafe, claim, topicNames, notes);
    if (kafe && readExtension(kafeChannel, extensionValue(channel.extensions(), 'x-kafe'))?.position) positioned.add(topic.id);
    topics.push(topic);
    topicOfChannel.set(channel.id(), topic);
  }

  // Operations → applications.
  const apps = new Map<string, App>();
  const arrows: Arrow[] = [];
  for (const op of doc.operations().all()) {
    const channel = op.channels().all()[0];
    const topic = channel ? topicOfChannel.get(channel.id()) : undefined;
    const opName = op.id() ?? '(unnamed operation)';
    if (!topic) {
      notes.push(note('noChannel', opName));
      continue;
    }
    const ext = readExtension(kafeOperation, extensionValue(op.extensions(), 'x-kafe'));
    const binding = kafkaBinding(op.bindings());
    const groupId = schemaValue(binding?.groupId);
    const clientId = schemaValue(binding?.clientId);
    let receives = op.isReceive();
    if (!receives && doc.version().startsWith('2.') && binding && 'groupId' in binding) {
      receives = true;
      notes.push(note('subscribeAsConsumer', opName));
    }
    if (binding) unknownFields(binding, OPERATION_BINDING_FIELDS, opName, notes);
    otherBindings(op.bindings(), opName, notes);
    otherExtensions(op.extensions(), opName, notes);
    if (op.reply?.()) notes.push(note('reply', opName));
    if (op.security().length > 0) notes.push(note('security', opName));

    const key = ext?.node ?? clientId ?? (receives && groupId ? `group:${groupId}` : `op:${opName}`);
    const app = apps.get(key) ?? { key, label: null, group: null, sends: [], receives: [] };
    apps.set(key, app);
    const title = stringField(op.json(), 'title');
    app.label ??= title ?? kafe?.applications[ext?.node ?? '']?.label ?? clientId ?? groupId ?? opName;
    if (receives) {
      app.group ??= groupId;
      app.receives.push({ topicId: topic.id });
    } else {
      const types = op.messages().all().map(messageName).filter((n): n is string => n !== null);
      app.sends.push({ topicId: topic.id, types });
    }
    arrows.push({ app: key, topicId: topic.id, receives, edge: ext?.edge ?? null, op: opName });
  }
  messageNotes(doc, notes);

  // Applications → nodes. An x-kafe application without any operation (nothing drawn to it) too.
  const nodes: ScenarioNode[] = [...topics];
  const nodeOfApp = new Map<string, ScenarioNode>();
  for (const [nodeId, saved] of Object.entries(kafe?.applications ?? {})) {
    if (!apps.has(nodeId)) apps.set(nodeId, { key: nodeId, label: saved.label, group: null, sends: [], receives: [] });
  }
  const brokerCount = kafe?.brokers.length ?? Math.max(1, ...topics.map((t) => t.props.replicationFactor));
  for (const app of apps.values()) {
    const saved = kafe?.applications[app.key] ?? null;
    const node = appToNode(app, saved, claim, brokerCount, notes);
    if (saved?.position) positioned.add(node.id);
    nodes.push(node);
    nodeOfApp.set(app.key, node);
  }

  // Brokers.
  if (kafe) {
    for (const b of kafe.brokers) {
      const id = claim(b.id, 'broker');
      if (b.position) positioned.add(id);
      nodes.push({ id, kind: 'broker', label: label(b.label, b.id), position: b.position ?? { x: 0, y: 0 }, props: {} });
    }
  } else {
    for (let i = 1; i <= brokerCount; i++) nodes.push({ id: claim(`broker-${i}`, 'broker'), kind: 'broker', label: `Broker ${i}`, position: { x: 0, y: 0 }, props: {} });
    notes.push(note('brokersAssumed', '', String(brokerCount)));
  }

  // Arrows, in operation order; the canvas's own rules refuse loops and impossible pairs.
  const edges: ScenarioEdge[] = [];
  const edgeIds = new Set<string>();
  const addEdge = (source: string, target: string, wanted: string | null, op: string) => {
    const verdict = canConnect({ nodes, edges }, source, target);
    if (!verdict.ok) {
      if (verdict.reason !== 'duplicate') notes.push(note('connection', op, verdict.reason));
      return;
    }
    let id = wanted !== null && ID.test(wanted) && !edgeIds.has(wanted) ? wanted : `${source}-to-${target}`.slice(0, 40);
    for (let i = 2; edgeIds.has(id); i++) id = `${`${source}-to-${target}`.slice(0, 36)}-${i}`;
    edgeIds.add(id);
    edges.push({ id, source, target });
  };
  for (const a of arrows) {
    const node = nodeOfApp.get(a.app)!;
    if (a.receives) addEdge(a.topicId, node.id, a.edge, a.op);
    else addEdge(node.id, a.topicId, a.edge, a.op);
  }

  // Retry / dead-letter topics must be topics this service writes to.
  for (const n of nodes) {
    if (n.kind !== 'service') continue;
    for (const field of ['retryTopic', 'deadLetterTopic'] as const) {
      const t = n.props[field];
      if (t !== null && !edges.some((e) => e.source === n.id && e.target === t)) {
        n.props = { ...n.props, [field]: null };
        notes.push(note('clamped', n.label, `${field}=${t} → none`));
      }
    }
  }

  if (nodes.length > MAX_NODES) return { ok: false, error: `this document describes ${nodes.length} topics, applications and brokers; a Kafé canvas holds at most ${MAX_NODES}`, reason: 'tooBig' };
  if (edges.length > MAX_EDGES) return { ok: false, error: `this document describes ${edges.length} operations; a Kafé canvas holds at most ${MAX_EDGES} arrows`, reason: 'tooBig' };

  if (kafe) {
    const rank = new Map(kafe.nodeOrder.map((id, i) => [id, i]));
    nodes.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }
  const placed = kafe && nodes.every((n) => positioned.has(n.id)) ? nodes : autoLayout(nodes, edges);
  const scenario = {
    version: SCENARIO_VERSION,
    name: (doc.info().title() ?? '').trim().slice(0, 80) || 'Imported AsyncAPI document',
    seed: kafe?.seed ?? 42,
    nodes: placed,
    edges,
    timeline: kafe?.timeline ?? [],
    time: kafe?.time ?? 0,
  };
  const valid = validateScenario(scenario);
  if (!valid.ok) return { ...valid, error: `the document maps to a canvas Kafé cannot run: ${valid.error}` };
  return { ok: true, value: { scenario: valid.value, notes } };
}

function channelToTopic(
  channel: ChannelInterface,
  kafe: KafeRoot | null,
  claim: (wanted: string, fallback: string) => string,
  topicNames: Set<string>,
  notes: ImportNote[],
): NodeOf<'topic'> {
  const ext = kafe ? readExtension(kafeChannel, extensionValue(channel.extensions(), 'x-kafe')) : null;
  const binding = kafkaBinding(channel.bindings()) ?? {};
  const where = channel.id();
  const wantedName = stringField(binding, 'topic') ?? channel.address() ?? channel.id();
  if (/\{[^}]*\}/.test(wantedName) || channel.parameters().length > 0) notes.push(note('channelParameters', where));
  let name = sanitize(wantedName, /[^A-Za-z0-9._-]+/g, 60) || 'topic';
  for (let i = 2; topicNames.has(name); i++) name = `${sanitize(wantedName, /[^A-Za-z0-9._-]+/g, 56) || 'topic'}-${i}`;
  topicNames.add(name);
  if (name !== wantedName) notes.push(note('renamed', wantedName, name));
  const id = claim(ext?.node ?? channel.id(), 'topic');

  const configs: Json = { ...objectField(binding, 'x-configs'), ...objectField(binding, 'topicConfiguration') };
  const defaults: string[] = [];
  const whole = (field: keyof typeof TOPIC_BOUNDS, value: unknown, fallback: number, configName: string) => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      defaults.push(`${configName}=${fallback}`);
      return fallback;
    }
    const [min, max] = TOPIC_BOUNDS[field];
    const clamped = Math.min(max, Math.max(min, Math.round(n)));
    if (clamped !== n) notes.push(note('clamped', name, `${configName}=${String(value)} → ${clamped}`));
    return clamped;
  };
  const partitions = whole('partitions', binding.partitions ?? binding['x-partitions'], KAFKA_DEFAULTS.partitions, 'partitions');
  const replicationFactor = whole('replicationFactor', binding.replicas ?? binding['x-replicas'], KAFKA_DEFAULTS.replicationFactor, 'replicas');
  let minInsyncReplicas = whole('minInsyncReplicas', configs['min.insync.replicas'], KAFKA_DEFAULTS.minInsyncReplicas, 'min.insync.replicas');
  if (minInsyncReplicas > replicationFactor) {
    // Kafka would accept it, but no acks=all write could ever succeed: Kafé refuses that setup.
    notes.push(note('clamped', name, `min.insync.replicas=${minInsyncReplicas} → ${replicationFactor}`));
    minInsyncReplicas = replicationFactor;
  }

  const policies = (Array.isArray(configs['cleanup.policy']) ? configs['cleanup.policy'] : String(configs['cleanup.policy'] ?? '').split(','))
    .map((p) => String(p).trim())
    .filter((p) => p !== '');
  if (policies.length === 0) defaults.push('cleanup.policy=delete');
  const cleanupPolicy = policies.includes('compact') ? 'compact' : 'delete';
  if (policies.includes('compact') && policies.includes('delete')) notes.push(note('compactDelete', name));

  const rawRetention = configs['retention.ms'];
  const retention = typeof rawRetention === 'string' && rawRetention.trim() !== '' ? Number(rawRetention) : rawRetention;
  let retentionMs: number | null = null;
  if (typeof retention === 'number' && Number.isFinite(retention) && retention >= 1) retentionMs = Math.round(retention);
  else if (retention !== undefined && retention !== -1) notes.push(note('clamped', name, `retention.ms=${String(rawRetention)} → unbounded`));

  const rawBytes = configs['retention.bytes'];
  const bytes = typeof rawBytes === 'string' && rawBytes.trim() !== '' ? Number(rawBytes) : rawBytes;
  let retentionBytes: number | null = null;
  if (typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 1) retentionBytes = Math.round(bytes);
  else if (bytes !== undefined && bytes !== -1) notes.push(note('clamped', name, `retention.bytes=${String(rawBytes)} → unbounded`));
  const rawTombstones = configs['delete.retention.ms'];
  const tombstones = typeof rawTombstones === 'string' && rawTombstones.trim() !== '' ? Number(rawTombstones) : rawTombstones;
  let deleteRetentionMs = KAFKA_DELETE_RETENTION_MS;
  if (typeof tombstones === 'number' && Number.isFinite(tombstones) && tombstones >= 0) deleteRetentionMs = Math.min(31_536_000_000, Math.round(tombstones));
  else if (tombstones !== undefined) notes.push(note('clamped', name, `delete.retention.ms=${String(rawTombstones)} → ${KAFKA_DELETE_RETENTION_MS}`));

  if (defaults.length > 0) notes.push(note('kafkaDefaults', name, defaults.join(', ')));
  const ignoredConfigs = Object.keys(configs).filter((k) => !TOPIC_CONFIGS.has(k));
  if (ignoredConfigs.length > 0) notes.push(note('topicConfigs', name, ignoredConfigs.join(', ')));
  unknownFields(binding, CHANNEL_BINDING_FIELDS, where, notes);
  otherBindings(channel.bindings(), where, notes);
  otherExtensions(channel.extensions(), where, notes);

  return {
    id,
    kind: 'topic',
    label: label(ext?.label ?? stringField(channel.json(), 'title') ?? name, name),
    position: ext?.position ?? { x: 0, y: 0 },
    ...(ext?.joinAtMs ? { joinAtMs: ext.joinAtMs } : {}),
    props: {
      name,
      partitions,
      replicationFactor,
      minInsyncReplicas,
      retentionMs,
      cleanupPolicy,
      retentionBytes,
      segmentRecords: ext?.segmentRecords ?? 1000,
      deleteRetentionMs,
      ...(ext?.compatibility !== undefined ? { compatibility: ext.compatibility } : {}),
      ...(ext?.schemaVersions !== undefined ? { schemaVersions: ext.schemaVersions } : {}),
    },
  };
}

function appToNode(app: App, saved: KafeApplication | null, claim: (wanted: string, fallback: string) => string, brokers: number, notes: ImportNote[]): ScenarioNode {
  const inferred: AppKind = app.sends.length > 0 ? (app.receives.length > 0 ? 'service' : 'producer') : 'consumer';
  // A saved kind wins unless the operations contradict it (a producer cannot read).
  const kind: AppKind = saved && !(saved.kind === 'producer' && app.receives.length > 0) && !(saved.kind === 'consumer' && app.sends.length > 0) ? saved.kind : inferred;
  const id = claim(saved ? app.key : app.key.replace(/^(group|op):/, ''), kind);
  const displayName = label(saved?.label ?? app.label ?? id, id);
  const props = { ...defaultProps(kind, id, brokers), ...(saved && saved.kind === kind ? saved.props : {}) } as Record<string, unknown>;
  if (kind !== 'producer') {
    if (app.group !== null) props.group = label(app.group, id);
    else if (!saved) props.group = id;
  }
  const types = [...new Set(app.sends.flatMap((s) => s.types))];
  if (types.length > 0) {
    const type = eventType(types[0], notes);
    if (kind === 'producer') props.eventType = type;
    if (kind === 'service') props.emits = type;
    if (types.length > 1) notes.push(note('extraMessages', displayName, types.join(', ')));
  }
  return {
    id,
    kind,
    label: displayName,
    position: saved?.position ?? { x: 0, y: 0 },
    ...(saved?.joinAtMs ? { joinAtMs: saved.joinAtMs } : {}),
    props,
  } as ScenarioNode;
}

function documentNotes(doc: AsyncAPIDocumentInterface, kafe: KafeRoot | null, notes: ImportNote[]): void {
  // A Kafé export's one server is the simulated cluster itself: nothing to say about it.
  if (!kafe) for (const server of doc.servers().all()) notes.push(note('server', server.id(), server.protocol()));
  const schemes = doc.components().securitySchemes().all().map((s) => s.id());
  if (schemes.length > 0) notes.push(note('security', schemes.join(', ')));
  otherExtensions(doc.extensions(), 'document', notes);
}

function messageNotes(doc: AsyncAPIDocumentInterface, notes: ImportNote[]): void {
  const withSchemas = new Set<string>();
  for (const m of doc.allMessages().all()) {
    const json = m.json() as Json;
    if (json.payload !== undefined || json.headers !== undefined || json.correlationId !== undefined) withSchemas.add(messageName(m) ?? '?');
  }
  if (withSchemas.size > 0) notes.push(note('messageSchemas', [...withSchemas].join(', ')));
}

function eventType(name: string, notes: ImportNote[]): string {
  if (EVENT_TYPE.test(name)) return name;
  let fixed = sanitize(name, /[^A-Za-z0-9_.-]+/g, 40);
  if (!/^[A-Za-z]/.test(fixed)) fixed = `E${fixed}`.slice(0, 40);
  notes.push(note('renamed', name, fixed));
  return fixed;
}

function messageName(m: MessageInterface): string | null {
  const json = m.json() as Json;
  return m.name() ?? stringField(json, 'messageId') ?? stringField(json, 'x-parser-message-name') ?? (m.id() || null);
}

type Extensions = ReturnType<AsyncAPIDocumentInterface['extensions']>;
type Bindings = ReturnType<OperationInterface['bindings']>;

function extensionValue(extensions: Extensions, id: string): unknown {
  return extensions.get(id)?.value();
}

function kafkaBinding(bindings: Bindings): Json | null {
  const value: unknown = bindings.get('kafka')?.value();
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

function otherBindings(bindings: Bindings, where: string, notes: ImportNote[]): void {
  const others = bindings.all().map((b) => b.protocol()).filter((p) => p !== 'kafka');
  if (others.length > 0) notes.push(note('otherBindings', where, others.join(', ')));
}

function otherExtensions(extensions: Extensions, where: string, notes: ImportNote[]): void {
  const others = extensions.all().map((e) => e.id()).filter((id) => id !== 'x-kafe' && !id.startsWith('x-parser-'));
  if (others.length > 0) notes.push(note('extensions', where, others.join(', ')));
}

function unknownFields(binding: Json, known: ReadonlySet<string>, where: string, notes: ImportNote[]): void {
  const unknown = Object.keys(binding).filter((k) => !known.has(k));
  if (unknown.length > 0) notes.push(note('bindingFields', where, unknown.join(', ')));
}

/** The one value a Kafka binding's groupId/clientId schema allows (`const` or a one-item `enum`). */
function schemaValue(schema: unknown): string | null {
  if (!schema || typeof schema !== 'object') return null;
  const s = schema as Json;
  if (typeof s.const === 'string') return s.const;
  if (Array.isArray(s.enum) && s.enum.length >= 1 && typeof s.enum[0] === 'string') return s.enum[0];
  return null;
}

function stringField(o: unknown, key: string): string | null {
  if (!o || typeof o !== 'object') return null;
  const v = (o as Json)[key];
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function objectField(o: Json, key: string): Json {
  const v = o[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

function sanitize(text: string, disallowed: RegExp, max: number): string {
  return text.replace(disallowed, '-').replace(/^-+|-+$/g, '').slice(0, max);
}

/** A node label: trimmed, at most 40 characters, never empty. */
function label(text: string, fallback: string): string {
  return text.trim().slice(0, 40).trim() || fallback.slice(0, 40);
}

