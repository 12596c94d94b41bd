/**
 * The engine's shared vocabulary. Units are branded so a millisecond is never passed where an
 * offset is expected (STYLE.md #6). Brands are compile-time only: at run time these are numbers.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Virtual time in milliseconds since the simulation started. */
export type SimTime = Brand<number, 'SimTime'>;
/** Position of a record in one partition's log; contiguous, starting at 0. */
export type Offset = Brand<number, 'Offset'>;
/** Index of a partition within its topic, 0..numPartitions-1. */
export type PartitionId = Brand<number, 'PartitionId'>;
export type BrokerId = number;

export const simTime = (ms: number) => ms as SimTime;
export const offset = (n: number) => n as Offset;
export const partitionId = (n: number) => n as PartitionId;

/** "topic-partition", the name Kafka's tools and assignors use, e.g. "orders-3". */
export type TopicPartitionName = string;
export const tpName = (topic: string, partition: number): TopicPartitionName => `${topic}-${partition}`;

export type Headers = Readonly<Record<string, string>>;

/** An immutable record as a consumer sees it. */
export interface KafkaRecord {
  readonly topic: string;
  readonly partition: PartitionId;
  readonly offset: Offset;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Headers;
  readonly timestamp: SimTime;
}

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export type Acks = 0 | 1 | 'all';
export type OffsetReset = 'earliest' | 'latest';
export type CleanupPolicy = 'delete' | 'compact';
