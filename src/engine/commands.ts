import type { ServiceRule } from './serviceRule';
import type { Acks, AssignorName, CleanupPolicy, DatabaseMode, IsolationLevel, OffsetReset } from './types';
import type { ValueModel } from './values';

/**
 * Everything a learner (or a lesson, or a test) can do to the simulation, as plain data. The
 * engine logs each accepted command with the moment it was applied; replaying the log from the
 * seed rebuilds any earlier state. Optional fields take Kafka's defaults (see each handler).
 */
export type Command =
  | CreateTopic
  | AddPartitions
  | Produce
  | AddProducer
  | SetProducerRate
  | RemoveProducer
  | AddConsumer
  | RemoveConsumer
  | CrashConsumer
  | RestartConsumer
  | CommitOffsets
  | ResetOffsets
  | FailBroker
  | RecoverBroker
  | AddService
  | SetServiceDown
  | ScaleService
  | RemoveService
  | AddSyncService
  | SetSyncService
  | SendRequest
  | AddSyncClient
  | SetSyncClientRate;

export interface CreateTopic {
  type: 'createTopic';
  name: string;
  partitions: number;
  replicationFactor?: number;
  /** min.insync.replicas (Kafka default 1). */
  minInsyncReplicas?: number;
  /** retention.ms; null or absent = keep forever. */
  retentionMs?: number | null;
  /** retention.bytes per partition; null or absent = unlimited. */
  retentionBytes?: number | null;
  cleanupPolicy?: CleanupPolicy;
  /** Records per log segment (Kafka rolls by bytes; records keep the model legible). */
  segmentRecords?: number;
  /** delete.retention.ms: how long tombstones survive compaction. */
  deleteRetentionMs?: number;
}

export interface AddPartitions {
  type: 'addPartitions';
  topic: string;
  /** The new total; Kafka only ever increases a topic's partition count. */
  partitions: number;
}

export interface ProducerSettings {
  /** Kafka's default since 3.0 is acks=all with idempotence on. */
  acks?: Acks;
  retries?: number;
  retryBackoffMs?: number;
  requestTimeoutMs?: number;
  /** delivery.timeout.ms: give up on a record this long after first sending it. */
  deliveryTimeoutMs?: number;
  idempotent?: boolean;
  lingerMs?: number;
  /** batch.size in bytes: the sticky partitioner moves on after a batch this big. */
  batchSizeBytes?: number;
}

/** One record sent by a producer (created on first use with default settings). */
export interface Produce {
  type: 'produce';
  topic: string;
  key?: string | null;
  value?: unknown;
  /** Event type, carried in the `type` header; services route on it. */
  eventType?: string;
  headers?: Record<string, string>;
  producer?: string;
  /** Send straight to this partition, bypassing the partitioner. */
  partition?: number;
}

export type KeyPattern =
  | { kind: 'none' }
  | { kind: 'fixed'; key: string }
  | { kind: 'cycle'; keys: string[] }
  /** key = prefix + uniform random integer in [0, count). */
  | { kind: 'random'; prefix: string; count: number }
  /** key = prefix + n for the n-th generated record (0, 1, 2, ...): one key per business entity. */
  | { kind: 'sequence'; prefix: string };

export interface AddProducer extends ProducerSettings {
  type: 'addProducer';
  id: string;
  topic: string;
  /** Records per second generated; 0 = only explicit `produce` commands. */
  ratePerSec?: number;
  keys?: KeyPattern;
  eventType?: string;
  /** What generated records carry as their value (values.ts); default 'counter'. */
  values?: ValueModel;
  /**
   * Id of the writer schema its serializer registered (the scenario layer runs the simulated
   * schema registry): every record it generates carries it in the `schemaId` header. A real
   * Confluent serializer puts it in the value's first bytes (magic byte 0, then the 4-byte id);
   * the simulator shows it as a header so it can be seen. Absent = no schema.
   */
  schemaId?: number;
}

export interface SetProducerRate {
  type: 'setProducerRate';
  id: string;
  ratePerSec: number;
}

export interface RemoveProducer {
  type: 'removeProducer';
  id: string;
}

export type CommitMode =
  /** enable.auto.commit=true: each poll, once autoCommitIntervalMs has passed since the last
   * auto-commit, first commits the positions of what earlier polls returned (already processed,
   * since the loop polls only after its batch); also on close and on a rebalance. */
  | 'auto'
  /** Commit after a batch is processed: at-least-once (a crash re-delivers). */
  | 'afterProcess'
  /** Commit as soon as a batch is received, before processing: at-most-once (a crash loses). */
  | 'beforeProcess';

export interface ConsumerSettings {
  assignor?: AssignorName;
  autoOffsetReset?: OffsetReset;
  commitMode?: CommitMode;
  autoCommitIntervalMs?: number;
  /** session.timeout.ms; Kafka's default is 45 s, 10 s keeps lessons short. */
  sessionTimeoutMs?: number;
  maxPollRecords?: number;
  pollIntervalMs?: number;
  /** Time to process one record; 0 = a consumer that only reads. */
  processingMs?: number;
  /** isolation.level; Kafka's default is read_uncommitted. */
  isolationLevel?: IsolationLevel;
}

export interface AddConsumer extends ConsumerSettings {
  type: 'addConsumer';
  id: string;
  group: string;
  topics: string[];
}

/** A graceful leave: commits (if auto-commit) and leaves the group at once. */
export interface RemoveConsumer {
  type: 'removeConsumer';
  id: string;
}

/** The process dies: no leave, no commit; the group notices after the session timeout. */
export interface CrashConsumer {
  type: 'crashConsumer';
  id: string;
}

/** A crashed consumer's process comes back under the same id and rejoins its group. */
export interface RestartConsumer {
  type: 'restartConsumer';
  id: string;
}

export interface CommitOffsets {
  type: 'commitOffsets';
  consumer: string;
}

export interface ResetOffsets {
  type: 'resetOffsets';
  group: string;
  topic: string;
  to: 'earliest' | 'latest' | number;
}

export interface FailBroker {
  type: 'failBroker';
  broker: number;
}

export interface RecoverBroker {
  type: 'recoverBroker';
  broker: number;
}

/** What a service emits when it handles an event. */
export interface Emit {
  topic: string;
  eventType: string;
  /** 'same' keeps the input record's key (the usual choice: keeps per-entity order). */
  key?: 'same' | 'none';
}

export interface Handler {
  /** Event type to react to, or '*' for every record. */
  on: string;
  emit?: Emit[];
}

export interface AddService {
  type: 'addService';
  id: string;
  /** Consumer group name; defaults to the service id. */
  group?: string;
  subscribes: string[];
  handlers?: Handler[];
  instances?: number;
  processingMs?: number;
  /** Chance (0..1) that handling one record fails. */
  failureRate?: number;
  /** Attempts per record before giving up (1 = no retry). */
  maxAttempts?: number;
  /** Failed records are re-published here (and consumed again) instead of retried in place. */
  retryTopic?: string;
  /** Records that used up their attempts go here; without it they are dropped (and counted). */
  deadLetterTopic?: string;
  /**
   * Failure events: when a record fails for good (its last attempt failed), the service publishes
   * these (e.g. PaymentFailed, with the record's key and origin) so other services can react to
   * the business outcome (a saga's compensation) instead of the record silently vanishing. Written
   * besides a dead-letter copy when there is a dead-letter topic. Absent/empty = none.
   */
  failureEmits?: Emit[];
  /** Skip records this service has already processed (dedupe by source topic-partition-offset). */
  idempotent?: boolean;
  assignor?: AssignorName;
  autoOffsetReset?: OffsetReset;
  sessionTimeoutMs?: number;
  /** Which records the service reacts to (serviceRule.ts); absent = every record. */
  rule?: ServiceRule;
  /**
   * Exactly-once processing: each instance's producer has a transactional.id
   * (`${id}-txn-${slot}`), writes a batch's outputs in a transaction and commits the input
   * offsets with it (sendOffsetsToTransaction). Replaces the origin dedupe of `idempotent`.
   */
  transactional?: boolean;
  /** transaction.timeout.ms: the coordinator aborts a transaction open this long (default 60000). */
  transactionTimeoutMs?: number;
  /** isolation.level of its instances (default read_uncommitted, as Kafka's). */
  isolationLevel?: IsolationLevel;
  /**
   * The service deserializes with a reader schema: the writer schema ids (a record's `schemaId`
   * header) it can resolve. The engine does not judge schemas: the scenario layer asks avsc and
   * hands the answer over as data. A record whose id is not listed (or that has none) cannot be
   * deserialized: it goes to the dead-letter topic if there is one, else it is dropped, and is
   * counted as undeserialisable either way. Absent = the service reads any record, as before.
   */
  readableSchemaIds?: number[];
  /**
   * Its own database (database.ts): each record it handles is saved as a row, then its events
   * are published by dual write (the handler sends them after the commit) or through an outbox
   * (a relay publishes them). Absent = no database, the handler only publishes.
   */
  database?: DatabaseMode;
  /** With a database: chance (0..1) that a process dies at its risky moment (default 0). */
  crashChance?: number;
}

export interface SetServiceDown {
  type: 'setServiceDown';
  id: string;
  down: boolean;
}

export interface ScaleService {
  type: 'scaleService';
  id: string;
  instances: number;
}

export interface RemoveService {
  type: 'removeService';
  id: string;
}

/** A service in the synchronous request/response world (the "sync" side of the comparison). */
export interface AddSyncService {
  type: 'addSyncService';
  id: string;
  /** Own work per request, ms. */
  latencyMs?: number;
  /** Callers give up waiting for this service after this long, ms. */
  timeoutMs?: number;
  failureRate?: number;
  /** Downstream services called one after another; any failure fails this request. */
  calls?: string[];
  /** Requests handled at once; more wait in a queue. */
  concurrency?: number;
}

export interface SetSyncService {
  type: 'setSyncService';
  id: string;
  down?: boolean;
  latencyMs?: number;
  failureRate?: number;
  concurrency?: number;
  calls?: string[];
}

/** A user request into the synchronous world, e.g. placing an order with the Order service. */
export interface SendRequest {
  type: 'sendRequest';
  to: string;
  requestId?: string;
}

/**
 * A steady stream of user requests into the synchronous world (e.g. customers placing orders),
 * numbered like a producer with a `sequence` key pattern: request n is `${requestPrefix}${n}`,
 * so the same order can be followed on both sides of a comparison.
 */
export interface AddSyncClient {
  type: 'addSyncClient';
  id: string;
  to: string;
  ratePerSec: number;
  requestPrefix?: string;
}

export interface SetSyncClientRate {
  type: 'setSyncClientRate';
  id: string;
  ratePerSec: number;
}

export type CommandType = Command['type'];
