/**
 * The engine's shared vocabulary. Times are virtual milliseconds, offsets and partitions plain
 * non-negative integers; names say which (`t`, `offset`, `partition`, `…Ms`). Ids of topics and
 * partitions have their own module (topicPartition.ts), clients' ids theirs (clientIds.ts).
 */

export type Headers = Readonly<Record<string, string>>;

/** An immutable record as a consumer sees it. */
export interface KafkaRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Headers;
  /** Virtual milliseconds when the leader appended it. */
  readonly timestamp: number;
}

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export type Acks = 0 | 1 | 'all';
export type OffsetReset = 'earliest' | 'latest';
export type CleanupPolicy = 'delete' | 'compact';
/** isolation.level: read_uncommitted (Kafka's default) also returns records of open and aborted
 * transactions; read_committed reads only up to the last stable offset and skips aborted ones. */
export type IsolationLevel = 'read_uncommitted' | 'read_committed';

/** How a service with a database publishes the events of the rows it saves (database.ts). */
export type DatabaseMode = 'dualWrite' | 'outbox';
