import { z } from 'zod';
import { COMMANDS, VALUE_MODELS, type Command, type ValueModel } from '../engine';
import { COMPATIBILITY_MODES, FIELD_TYPES } from '../schema/model';
import { LIMITS, NODE_KINDS, SCENARIO_VERSION } from './constants';

/**
 * The zod schemas of the saved/shared form of a canvas (schema.ts describes the form and holds its
 * types and constants). Building them takes ~0.1 s of a slow phone's first load, and zod is a large
 * share of the app's JavaScript, so only the validation module (validate.ts) and code loaded later
 * (lessons, AsyncAPI) import this file: the first screen never does.
 */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'ids use 1-40 letters, digits, "_" or "-"');
const topicName = z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'topic names use 1-60 letters, digits, ".", "_" or "-"');
/** Free text typed by the learner; always rendered as text, never as HTML. */
const label = z.string().trim().min(1, 'a label cannot be empty').max(40, 'labels are at most 40 characters');
const eventType = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, 'event types start with a letter, e.g. OrderPlaced');
const optionalEventType = z.union([z.literal(''), eventType]);
const assignor = z.enum(['range', 'roundrobin', 'sticky', 'cooperative-sticky']);
const offsetReset = z.enum(['earliest', 'latest']);
/** isolation.level (Kafka's default read_uncommitted). */
const isolationLevel = z.enum(['read_uncommitted', 'read_committed']);
const position = z.object({ x: z.number().finite(), y: z.number().finite() });

/** An Avro name: a letter or "_", then letters, digits or "_" (Avro's rule), at most 40. */
const avroName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'Avro names start with a letter or "_", then letters, digits or "_"');
/**
 * A record schema as learners edit it (src/schema/model.ts): a few simple fields, each with or
 * without a default. Schemas are optional props (version 5): absent means the node uses no schema
 * registry, as every earlier canvas did.
 */
export const recordSchema = z
  .object({
    name: avroName,
    fields: z.array(z.object({ name: avroName, type: z.enum(FIELD_TYPES), withDefault: z.boolean() })).max(20),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.fields.forEach((f, i) => {
      if (seen.has(f.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `two fields are named "${f.name}"` });
      seen.add(f.name);
    });
  });

export const producerProps = z.object({
  ratePerSec: z.number().min(0).max(100_000),
  keyPattern: z.enum(['none', 'cycle', 'random']),
  /** For 'cycle': the keys, in order. */
  keys: z.array(z.string().max(40)).max(50),
  /** For 'random': keys are `${keyPrefix}${0..keyCount-1}`. */
  keyPrefix: z.string().max(20),
  keyCount: z.number().int().min(1).max(1_000_000),
  eventType,
  acks: z.union([z.literal(0), z.literal(1), z.literal('all')]),
  idempotent: z.boolean(),
  /** request.timeout.ms (Kafka default 30000): how long it waits for an answer before retrying.
   * At most delivery.timeout.ms (120000), which Kafka requires to cover it. */
  requestTimeoutMs: z.number().int().min(1000).max(120_000),
  /** What each generated record's value holds (engine values.ts): a counter, an amount, a temperature. */
  values: z.enum(VALUE_MODELS as [ValueModel, ...ValueModel[]]),
  /** The writer schema its serializer registers under "<topic>-value" and writes with (version 5). */
  schema: recordSchema.optional(),
});

export const topicProps = z.object({
  partitions: z.number().int().min(1).max(LIMITS.partitions),
  replicationFactor: z.number().int().min(1).max(LIMITS.replicas),
  minInsyncReplicas: z.number().int().min(1).max(LIMITS.replicas),
  /** retention.ms; null = keep forever (Kafka's -1). The palette's default is Kafka's 7 days. */
  retentionMs: z.number().int().min(1).nullable(),
  cleanupPolicy: z.enum(['delete', 'compact']),
  /** retention.bytes per partition; null = no size limit (Kafka's default -1). */
  retentionBytes: z.number().int().min(1).nullable(),
  /** Records per log segment: the simulator rolls segments by count (Kafka by segment.bytes / segment.ms). */
  segmentRecords: z.number().int().min(1).max(1_000_000),
  /** delete.retention.ms: how long a compacted topic keeps tombstones (Kafka default 1 day). */
  deleteRetentionMs: z.number().int().min(0).max(31_536_000_000),
  /**
   * The schema registry's subject "<topic>-value" (version 5): its compatibility mode (absent =
   * BACKWARD, Confluent Schema Registry's default) and the versions registered before the run
   * starts, oldest first. Kafka itself stores bytes; the registry is a separate service.
   */
  compatibility: z.enum(COMPATIBILITY_MODES).optional(),
  schemaVersions: z.array(recordSchema).max(20).optional(),
});

export const serviceProps = z.object({
  group: label,
  instances: z.number().int().min(1).max(LIMITS.instances),
  processingMs: z.number().min(0).max(60_000),
  failureRate: z.number().min(0).max(1),
  maxAttempts: z.number().int().min(1).max(20),
  idempotent: z.boolean(),
  assignor,
  autoOffsetReset: offsetReset,
  /** Event type this service emits to every topic it is connected to. */
  emits: eventType,
  /** Node ids of topics used as retry / dead-letter topics (must also be connected as outputs). */
  retryTopic: id.nullable(),
  deadLetterTopic: id.nullable(),
  /**
   * The service's rule (engine serviceRule.ts): react only to records whose value's `ruleField`
   * is above `ruleAbove`, and (ruleCount > 1) only once the key has ruleCount such records within
   * ruleWindowMs. An empty ruleField = react to every record.
   */
  ruleField: z.string().regex(/^([A-Za-z_][A-Za-z0-9_]{0,29})?$/, 'a rule field is a name like "amount" (or empty: every record)'),
  ruleAbove: z.number().finite().min(-1e12).max(1e12),
  ruleCount: z.number().int().min(1).max(1000),
  ruleWindowMs: z.number().int().min(1).max(3_600_000),
  /** Exactly-once: outputs written in a Kafka transaction with the input offsets (engine transactions.ts). */
  transactional: z.boolean(),
  isolationLevel,
  /**
   * Sagas (lesson 17). failureEmits: the event type it publishes, with the record's key, to every
   * topic it writes to when a record fails for good (after maxAttempts), instead of dropping it
   * silently; empty = none. reactsTo: the only event type it reacts to; empty = every record.
   */
  failureEmits: optionalEventType,
  reactsTo: optionalEventType,
  /** The reader schema its deserializer resolves every record's writer schema to (version 5). */
  readerSchema: recordSchema.optional(),
  /**
   * The outbox pattern (lesson 18, engine database.ts). database: 'none', or the service saves
   * each record it handles as a row and publishes its events by 'dualWrite' (after the commit) or
   * through an 'outbox' and its relay. crashChance: chance (0..1) that its process dies at the
   * risky moment (right after the database commit; the relay before marking rows sent).
   */
  database: z.enum(['none', 'dualWrite', 'outbox']),
  crashChance: z.number().min(0).max(1),
});

export const consumerProps = z.object({
  group: label,
  instances: z.number().int().min(1).max(LIMITS.instances),
  processingMs: z.number().min(0).max(60_000),
  assignor,
  autoOffsetReset: offsetReset,
  commitMode: z.enum(['auto', 'afterProcess', 'beforeProcess']),
  isolationLevel,
});

export const brokerProps = z.object({});

const base = { id, label, position };
/**
 * A topic, producer, service or consumer added while the simulation was running joins at that
 * moment (virtual ms) instead of at t = 0, as a topic created or a process started later would: it
 * finds the history already in the other topics. Absent (or 0) means from the start.
 */
const joinAtMs = z.number().finite().min(0).optional();
export const scenarioNode = z.discriminatedUnion('kind', [
  z.object({ ...base, joinAtMs, kind: z.literal('producer'), props: producerProps }),
  z.object({ ...base, joinAtMs, kind: z.literal('topic'), props: topicProps.extend({ name: topicName }) }),
  z.object({ ...base, joinAtMs, kind: z.literal('service'), props: serviceProps }),
  z.object({ ...base, joinAtMs, kind: z.literal('consumer'), props: consumerProps }),
  z.object({ ...base, kind: z.literal('broker'), props: brokerProps }),
]);

export const scenarioEdge = z.object({ id, source: id, target: id });

export const timelineEntry = z.object({
  at: z.number().finite().min(0),
  afterEvents: z.number().int().min(0),
  /**
   * An engine command: here only its `type` is checked (it must be one the engine knows); the
   * engine validates the rest again when it is replayed. Typed as Command so the runner can hand
   * entries to engine.applyLogged without casts.
   */
  command: z.custom<Command>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      typeof (v as { type?: unknown }).type === 'string' &&
      Object.hasOwn(COMMANDS, (v as { type: string }).type),
    'must be an engine command with a known "type"',
  ),
});

export const scenarioSchema = z
  .object({
    version: z.literal(SCENARIO_VERSION),
    name: z.string().max(80),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    nodes: z.array(scenarioNode).max(200),
    edges: z.array(scenarioEdge).max(400),
    timeline: z.array(timelineEntry).max(10_000),
    /**
     * Virtual time (ms) the learner was looking at. Deliberately unbounded here: a save from a
     * long run is still the learner's work and is read whole. What is bounded is how far opening
     * replays it (the store's restoreLimitMs: 5 minutes of simulated time, or less when the
     * producers would have written over 1 M records by then); beyond that the canvas opens at 0 s
     * with its setup and timeline, and a notice names the limit and why.
     */
    time: z.number().finite().min(0),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    const topicNames = new Set<string>();
    s.nodes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node id "${n.id}"`, params: { issue: 'duplicateId', value: n.id } });
      ids.add(n.id);
      if (n.kind === 'topic') {
        if (topicNames.has(n.props.name)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'props', 'name'], message: `two topics are named "${n.props.name}"`, params: { issue: 'duplicateTopic', value: n.props.name } });
        topicNames.add(n.props.name);
      }
    });
    s.edges.forEach((e, i) => {
      for (const end of ['source', 'target'] as const)
        if (!ids.has(e[end])) ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `edge ${e.id} points to a node "${e[end]}" that does not exist`,
            params: { issue: 'unknownNode', value: e[end] },
          });
    });
  });

export const nodeKind = z.enum(NODE_KINDS);
