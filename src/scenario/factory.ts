import type { NodeKind, NodeOf, Scenario, ScenarioNode } from './schema';

/** Kafka's retention.ms default (log.retention.hours=168): 7 days. */
export const KAFKA_RETENTION_MS = 604_800_000;
/** Kafka's delete.retention.ms default: 1 day. */
export const KAFKA_DELETE_RETENTION_MS = 86_400_000;
/** A service without a rule: it reacts to every record (ruleField empty). */
export const NO_RULE = { ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000 } as const;

/**
 * New canvas nodes with sensible defaults, as the palette adds them.
 *
 * Contract: the result is valid for the schema and unique in `scenario`: id `${kind}-${n}` with the
 * smallest n ≥ 1 not taken (for topics the name `topic-${n}` must be free too), label
 * "Producer n" etc. (topics show their name). Defaults follow Kafka's where a learner would notice
 * (acks=all + idempotence since Kafka 3.0, one replica per broker up to 3, min ISR 2 with RF 3).
 * Without a position the node is put near the top-left, offset from the previous new node.
 */
export function newNode<K extends NodeKind>(kind: K, scenario: Pick<Scenario, 'nodes'>, position?: { x: number; y: number }): NodeOf<K> {
  const ids = new Set(scenario.nodes.map((n) => n.id));
  const topicNames = new Set(scenario.nodes.flatMap((n) => (n.kind === 'topic' ? [n.props.name] : [])));
  let n = 1;
  while (ids.has(`${kind}-${n}`) || (kind === 'topic' && topicNames.has(`topic-${n}`))) n++;
  const id = `${kind}-${n}`;
  const k = scenario.nodes.length % 8;
  const at = position ? { x: position.x, y: position.y } : { x: 80 + 30 * k, y: 80 + 30 * k };
  const brokers = scenario.nodes.filter((x) => x.kind === 'broker').length;
  return { id, kind, label: LABEL[kind](n, id), position: at, props: defaultProps(kind as NodeKind, id, brokers) } as NodeOf<K>;
}

const LABEL: Record<NodeKind, (n: number, id: string) => string> = {
  producer: (n) => `Producer ${n}`,
  topic: (_n, id) => id,
  service: (n) => `Service ${n}`,
  consumer: (n) => `Consumer ${n}`,
  broker: (n) => `Broker ${n}`,
};

/** The props a new node of `kind` starts with (a topic's name and a group's name are its id). */
export function defaultProps<K extends NodeKind>(kind: K, id: string, brokers: number): NodeOf<K>['props'];
export function defaultProps(kind: NodeKind, id: string, brokers: number): ScenarioNode['props'] {
  switch (kind) {
    case 'producer':
      return {
        ratePerSec: 1,
        keyPattern: 'random',
        keys: [],
        keyPrefix: 'key-',
        keyCount: 10,
        eventType: 'EventHappened',
        acks: 'all',
        idempotent: true,
        values: 'counter',
        requestTimeoutMs: 30_000,
      } satisfies NodeOf<'producer'>['props'];
    case 'topic': {
      const replicationFactor = Math.min(3, Math.max(1, brokers));
      return {
        name: id,
        partitions: 3,
        replicationFactor,
        minInsyncReplicas: replicationFactor >= 3 ? 2 : 1,
        retentionMs: KAFKA_RETENTION_MS,
        cleanupPolicy: 'delete',
        retentionBytes: null,
        segmentRecords: 1000,
        deleteRetentionMs: KAFKA_DELETE_RETENTION_MS,
      } satisfies NodeOf<'topic'>['props'];
    }
    case 'service':
      return {
        group: id,
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
        ...NO_RULE,
        transactional: false,
        isolationLevel: 'read_uncommitted',
        failureEmits: '',
        reactsTo: '',
        database: 'none',
        crashChance: 0,
      } satisfies NodeOf<'service'>['props'];
    case 'consumer':
      return {
        group: id,
        instances: 1,
        processingMs: 5,
        assignor: 'cooperative-sticky',
        autoOffsetReset: 'earliest',
        commitMode: 'auto',
        isolationLevel: 'read_uncommitted',
      } satisfies NodeOf<'consumer'>['props'];
    case 'broker':
      return {};
  }
}
