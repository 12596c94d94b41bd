import type { NodeKind } from './schema';

/**
 * The compact form a scenario takes inside a share link: the scenario JSON, except that node
 * `props` leave out every field equal to SHARE_DEFAULTS (usually most of them), which shortens
 * links by about a third. Exported JSON files and saves are never compacted.
 *
 * Contract:
 * - expand(compact(s)) deep-equals s, for any scenario s.
 * - expand only fills fields that are absent from a plain-object `props` of a node with a known
 *   kind; anything else is left for the schema to judge. A link holding a full scenario expands
 *   to itself, so hand-made links work too.
 * - SHARE_DEFAULTS is part of the link format: links already sent must keep their meaning, so
 *   never edit the table of a released version. Keyed by scenario version: when
 *   SCENARIO_VERSION changes, add a table for the new version (links are expanded with the
 *   table of THEIR version, before migration).
 */
type Defaults = Readonly<Record<NodeKind, Readonly<Record<string, unknown>>>>;

export const SHARE_DEFAULTS: Readonly<Record<number, Defaults>> = {
  1: {
    producer: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'EventHappened', acks: 'all', idempotent: true },
    topic: { partitions: 3, replicationFactor: 3, minInsyncReplicas: 2, retentionMs: null, cleanupPolicy: 'delete' },
    service: {
      instances: 1,
      processingMs: 20,
      failureRate: 0,
      maxAttempts: 3,
      idempotent: false,
      assignor: 'cooperative-sticky',
      autoOffsetReset: 'earliest',
      emits: 'EventProcessed',
      retryTopic: null,
      deadLetterTopic: null,
    },
    consumer: { instances: 1, processingMs: 5, assignor: 'cooperative-sticky', autoOffsetReset: 'earliest', commitMode: 'auto' },
    broker: {},
  },
  2: {
    producer: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'EventHappened', acks: 'all', idempotent: true, values: 'counter' },
    topic: {
      partitions: 3,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      retentionMs: 604_800_000,
      cleanupPolicy: 'delete',
      retentionBytes: null,
      segmentRecords: 1000,
      deleteRetentionMs: 86_400_000,
    },
    service: {
      instances: 1,
      processingMs: 20,
      failureRate: 0,
      maxAttempts: 3,
      idempotent: false,
      assignor: 'cooperative-sticky',
      autoOffsetReset: 'earliest',
      emits: 'EventProcessed',
      retryTopic: null,
      deadLetterTopic: null,
      ruleField: '',
      ruleAbove: 0,
      ruleCount: 1,
      ruleWindowMs: 1000,
    },
    consumer: { instances: 1, processingMs: 5, assignor: 'cooperative-sticky', autoOffsetReset: 'earliest', commitMode: 'auto' },
    broker: {},
  },
  3: {
    producer: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'EventHappened', acks: 'all', idempotent: true, values: 'counter', requestTimeoutMs: 30_000 },
    topic: {
      partitions: 3,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      retentionMs: 604_800_000,
      cleanupPolicy: 'delete',
      retentionBytes: null,
      segmentRecords: 1000,
      deleteRetentionMs: 86_400_000,
    },
    service: {
      instances: 1,
      processingMs: 20,
      failureRate: 0,
      maxAttempts: 3,
      idempotent: false,
      assignor: 'cooperative-sticky',
      autoOffsetReset: 'earliest',
      emits: 'EventProcessed',
      retryTopic: null,
      deadLetterTopic: null,
      ruleField: '',
      ruleAbove: 0,
      ruleCount: 1,
      ruleWindowMs: 1000,
      transactional: false,
      isolationLevel: 'read_uncommitted',
    },
    consumer: { instances: 1, processingMs: 5, assignor: 'cooperative-sticky', autoOffsetReset: 'earliest', commitMode: 'auto', isolationLevel: 'read_uncommitted' },
    broker: {},
  },
  4: {
    producer: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'EventHappened', acks: 'all', idempotent: true, values: 'counter', requestTimeoutMs: 30_000 },
    topic: {
      partitions: 3,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      retentionMs: 604_800_000,
      cleanupPolicy: 'delete',
      retentionBytes: null,
      segmentRecords: 1000,
      deleteRetentionMs: 86_400_000,
    },
    service: {
      instances: 1,
      processingMs: 20,
      failureRate: 0,
      maxAttempts: 3,
      idempotent: false,
      assignor: 'cooperative-sticky',
      autoOffsetReset: 'earliest',
      emits: 'EventProcessed',
      retryTopic: null,
      deadLetterTopic: null,
      ruleField: '',
      ruleAbove: 0,
      ruleCount: 1,
      ruleWindowMs: 1000,
      transactional: false,
      isolationLevel: 'read_uncommitted',
      failureEmits: '',
      reactsTo: '',
    },
    consumer: { instances: 1, processingMs: 5, assignor: 'cooperative-sticky', autoOffsetReset: 'earliest', commitMode: 'auto', isolationLevel: 'read_uncommitted' },
    broker: {},
  },
  // Version 5's schema-registry props are optional (absent = no registry): none are left out.
  5: {
    producer: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'EventHappened', acks: 'all', idempotent: true, values: 'counter', requestTimeoutMs: 30_000 },
    topic: {
      partitions: 3,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      retentionMs: 604_800_000,
      cleanupPolicy: 'delete',
      retentionBytes: null,
      segmentRecords: 1000,
      deleteRetentionMs: 86_400_000,
    },
    service: {
      instances: 1,
      processingMs: 20,
      failureRate: 0,
      maxAttempts: 3,
      idempotent: false,
      assignor: 'cooperative-sticky',
      autoOffsetReset: 'earliest',
      emits: 'EventProcessed',
      retryTopic: null,
      deadLetterTopic: null,
      ruleField: '',
      ruleAbove: 0,
      ruleCount: 1,
      ruleWindowMs: 1000,
      transactional: false,
      isolationLevel: 'read_uncommitted',
      failureEmits: '',
      reactsTo: '',
      database: 'none',
      crashChance: 0,
    },
    consumer: { instances: 1, processingMs: 5, assignor: 'cooperative-sticky', autoOffsetReset: 'earliest', commitMode: 'auto', isolationLevel: 'read_uncommitted' },
    broker: {},
  },
};

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Scenario-shaped data → its share form (a copy; the input is not changed). */
export function compactForShare<T>(scenario: T): T {
  return mapNodes(scenario, (props, defaults) => Object.fromEntries(Object.entries(props).filter(([k, v]) => !(k in defaults && same(defaults[k], v)))));
}

/** Share form → scenario-shaped data (a copy), ready for migrate and the schema. */
export function expandShared(raw: unknown): unknown {
  return mapNodes(raw, (props, defaults) => ({ ...structuredClone(defaults), ...props }));
}

function mapNodes<T>(raw: T, f: (props: Loose, defaults: Loose) => Loose): T {
  if (!isObject(raw) || !Array.isArray(raw.nodes)) return raw;
  const table = typeof raw.version === 'number' ? SHARE_DEFAULTS[raw.version] : undefined;
  if (!table) return raw;
  const nodes = raw.nodes.map((n: unknown) => {
    if (!isObject(n) || !isObject(n.props) || typeof n.kind !== 'string' || !Object.hasOwn(table, n.kind)) return n;
    return { ...n, props: f(n.props, table[n.kind as NodeKind]) };
  });
  return { ...raw, nodes } as T;
}
