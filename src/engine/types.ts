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
