import type { CommitMode, Emit, Handler, KeyPattern } from './commands';
import type { ResolvedConfig } from './config';
import type { OriginSet, RecentOrigins } from './handled';
import type { InFlightRequests } from './inFlight';
import type { PartitionLog } from './log';
import type { PendingAcks } from './pendingAcks';
import type { KeyWindows, ServiceRule } from './serviceRule';
import type { ValueModel } from './values';
import type { Prng } from './prng';
import type { ProducerSequences } from './producerSequences';
import type { TraceBody } from './trace';
import type { Acks, AssignorName, CleanupPolicy, DatabaseMode, Headers, IsolationLevel, OffsetReset } from './types';

/** The whole mutable simulation state. Only engine modules touch it, and only while handling a
 * command or a scheduled event; everything outside reads it through `Engine.view()`. */
export interface World {
  brokers: BrokerState[];
  topics: Map<string, TopicState>;
  producers: Map<string, ProducerState>;
  consumers: Map<string, ConsumerState>;
  groups: Map<string, GroupState>;
  services: Map<string, ServiceState>;
  syncServices: Map<string, SyncServiceState>;
  syncClients: Map<string, SyncClientState>;
  /** Produce requests not finished yet (acks=0: not arrived yet), by id (inFlight.ts). */
  inFlight: InFlightRequests<ProduceRequest>;
  /** Deadlines of produce sends (request.timeout.ms), one list per distinct timeout, keyed by it
   * (produceTimeouts.ts). */
  produceTimeouts: Map<number, ProduceTimeouts>;
  nextRequestId: number;
  nextCallId: number;
  /** Source of consumer incarnations, unique across the run: a consumer re-added under a removed
   * one's id must never match events scheduled for the old one. */
  nextIncarnation: number;
  /** murmur2 (positive) of every key seen, shared by all topics: an order key flows through
   * several topics and is hashed once. */
  keyHashes: Map<string, number>;
  /** Origins recently built per topic and partition, shared by the services that handle the same
   * records (handled.ts sharedRecordOrigin); kept here so they go with the engine. */
  recentOrigins: RecentOrigins;
  retentionScheduled: boolean;
  /** Transactional producers by transactional.id (see transactions.ts). */
  transactions: Map<string, TransactionState>;
}

/**
 * One transactional.id's state, kept by its transaction coordinator. A transaction writes records
 * into partitions as it goes (read_uncommitted readers see them at once); commit or abort appends
 * a control record (marker) to every partition it wrote to.
 */
export interface TransactionState {
  id: string;
  service: string;
  /** The instance (consumer id) that last called initTransactions with this id. */
  owner: string;
  /** Producer epoch: bumped when a new owner fences the old one. */
  epoch: number;
  open: boolean;
  /** Numbers the transactions of this id, so a stale timeout event never aborts a later one. */
  number: number;
  startedAt: number;
  /** topic-partition -> offsets this transaction wrote there. */
  written: Map<string, number[]>;
  /** A write failed (no leader): the transaction can only be aborted. */
  failed: boolean;
  /** The coordinator aborted it (timeout) while its owner still ran: the owner's commit must fail. */
  doomed: boolean;
}

/** Transaction bookkeeping of one partition; null until a transaction writes to it, so partitions
 * of non-transactional runs never pay for it. */
export interface PartitionTxns {
  /** transactional.id -> first offset of its open transaction here (what holds the LSO back). */
  open: Map<string, number>;
  /** Offsets of control records (commit / abort markers). */
  controls: Map<number, 'COMMIT' | 'ABORT'>;
  /** Offsets of records written by aborted transactions. */
  aborted: Set<number>;
}

export interface BrokerState {
  id: number;
  up: boolean;
  /** Bumped on every failure so a stale "fence" event for an earlier failure is ignored. */
  incarnation: number;
  fenced: boolean;
  /** Its followers' fetches of the partitions it leads (cluster.ts). */
  fetcher: ReplicaFetcher;
}

/**
 * The followers' fetching from one leader broker: in Kafka each follower fetches every partition
 * it follows on a leader in one request (a replica fetcher thread per leader, num.replica.fetchers
 * = 1), so the partitions with records to copy or to report go in one round. It is itself the
 * round's agenda event, on the agenda at most once at a time (`scheduled`), so it is reused.
 */
export interface ReplicaFetcher {
  readonly kind: 'replicaFetch';
  readonly broker: number;
  scheduled: boolean;
  /** Partitions for the next round, in the order they were listed (PartitionState.fetchScheduled). */
  due: PartitionState[];
  /** The previous round's list, kept empty for the round after (no array per round). */
  spare: PartitionState[];
}

export interface TopicState {
  name: string;
  replicationFactor: number;
  minInsyncReplicas: number;
  retentionMs: number | null;
  retentionBytes: number | null;
  cleanupPolicy: CleanupPolicy;
  segmentRecords: number;
  deleteRetentionMs: number;
  partitions: PartitionState[];
}

export interface PartitionState {
  topic: string;
  id: number;
  /** The leader's log. Followers are modelled by how far they have copied it (`replicaLeo`). */
  log: PartitionLog;
  /** Assigned replicas, preferred leader first. */
  replicas: number[];
  leader: number;
  leaderEpoch: number;
  isr: number[];
  /** Each replica's true log end offset: how much of the log it actually holds. Indexed by
   * broker id (0 for brokers that hold no replica). */
  replicaLeo: number[];
  /** The leader's knowledge of each follower's log end offset, learned from its next fetch.
   * The high watermark is computed from this, so it trails replication by one fetch round. */
  reportedLeo: number[];
  highWatermark: number;
  /** Whether the partition is listed for its leader's next fetch round (ReplicaFetcher.due). */
  fetchScheduled: boolean;
  /** acks=all requests waiting for the high watermark to pass their last offset, in the order they
   * were appended, as four numbers each (pendingAcks.ts): request id, send number, base offset,
   * end offset. Numbers rather than an object per request: nothing to allocate per batch. */
  pendingAcks: PendingAcks;
  /** Idempotent producers, per producer id: the highest producer epoch seen and the last few
   * appended batches' (last sequence, end offset), so a retried batch is recognised and truncation
   * can forget lost batches (producerSequences.ts). */
  producerSequences: Map<string, ProducerSequences>;
  /** Transactions that wrote here (markers, aborted records, open transactions); null if none. */
  txn: PartitionTxns | null;
}

export interface ProducerState {
  id: string;
  topic: string;
  acks: Acks;
  retries: number;
  retryBackoffMs: number;
  requestTimeoutMs: number;
  deliveryTimeoutMs: number;
  idempotent: boolean;
  lingerMs: number;
  batchSizeBytes: number;
  ratePerSec: number;
  keys: KeyPattern;
  /** Generated key strings, interned so a million records share a few thousand strings. */
  keyCache: string[];
  /** murmur2 (positive) of the pattern's key i, filled as keys are generated (cycle and random
   * patterns), so a generated record's partition costs an array read, not a string-keyed Map
   * lookup (which costs far more than the ring buffer's whole append). */
  keyHashCache: number[];
  eventType: string | null;
  headers: Headers;
  /** What generated records carry as their value, and the id's hash the values are drawn from. */
  values: ValueModel;
  valuesHash: number;
  /** Fractional records carried between generator ticks. */
  carry: number;
  generated: number;
  tickScheduled: boolean;
  flushScheduled: boolean;
  /** The accumulator, per topic the producer ever wrote to (kept across linger windows). */
  accumulator: Map<string, TopicAccumulator>;
  /** The accumulators holding records of the current linger window, in the order the window first
   * sent to each: the order a flush sends them in. Entries [0, windowLength) only: the array keeps
   * its size across windows (emptying an array makes V8 drop its storage and allocate it again at
   * the next push, once per flush). */
  window: TopicAccumulator[];
  windowLength: number;
  /** Sticky partitioner state per topic (Kafka's BuiltInPartitioner). */
  sticky: Map<string, { partition: number; bytes: number }>;
  /** Next idempotence sequence number per topic, indexed by partition (undefined: 0). */
  nextSeq: Map<string, number[]>;
  /**
   * Producer epoch per topic-partition. When a batch fails for good, the sequence has a gap the
   * broker would refuse forever (OUT_OF_ORDER_SEQUENCE); like Kafka since KIP-360, the producer
   * bumps its epoch and numbers the batches still in flight from 0 again. Per topic, indexed by
   * partition (undefined: 0).
   */
  epochs: Map<string, number[]>;
  /**
   * Idempotent producers keep each partition's batches in order, as Kafka does: while a batch
   * waits to be retried, newer batches for that partition are held back (`held`) and go out right
   * after it. Without this, every new batch would overtake the retry and be refused as out of
   * order, and the partition would never settle.
   */
  retrying: Map<string, Set<number>>;
  held: Map<string, ProduceRequest[]>;
  stats: { sent: number; acked: number; failed: number };
  /** Retries the leader recognised by PID + sequence and did not append again (idempotent), and
   * records appended a second time by a retry of a batch already written (not idempotent). */
  resends: { notRewritten: number; writtenTwice: number };
  removed: boolean;
}

/** One topic's share of a producer's accumulator: a batch per partition, and the partitions in
 * the order their batches were started, which is the order a flush sends them in. */
export interface TopicAccumulator {
  readonly topic: string;
  /** Indexed by partition; undefined where nothing waits. */
  batches: (PendingBatch | undefined)[];
  /** The partitions with a batch, in the order their batches were started: entries
   * [0, orderLength) only (kept at its size across windows, as ProducerState.window). */
  order: number[];
  orderLength: number;
  /** Whether it is on ProducerState.window (it has records waiting, or is about to). */
  inWindow: boolean;
}

/** A batch being filled, then sent. Once flushed its columns never change: the partition log may
 * keep them as they are (PartitionLog.appendBatch). */
export interface PendingBatch {
  keys: (string | null)[];
  values: unknown[];
  /** Per-record headers, or null while every record carries `header` (a generator's batches). */
  headers: Headers[] | null;
  header: Headers;
  sizes: number[];
  bytes: number;
}

export interface ProduceRequest {
  id: number;
  producer: string;
  topic: string;
  partition: number;
  batch: PendingBatch;
  baseSeq: number;
  /** The producer epoch the sequence numbers belong to. */
  epoch: number;
  attempt: number;
  /** When the record batch was first sent; delivery.timeout.ms counts from here. */
  firstSentAt: number;
  done: boolean;
  /** Which send of this request is current; responses to older sends are ignored. */
  sendNo: number;
  /** Where the leader appended an earlier send of this batch (its ack may have been lost); -1 if
   * it never did, or a leader change truncated that copy away. */
  appendedAt: number;
}

export interface ConsumerState {
  id: string;
  group: string;
  topics: string[];
  assignor: AssignorName;
  autoOffsetReset: OffsetReset;
  commitMode: CommitMode;
  autoCommitIntervalMs: number;
  sessionTimeoutMs: number;
  maxPollRecords: number;
  pollIntervalMs: number;
  processingMs: number;
  /** Set when this consumer is an instance of a service. */
  service: string | null;
  /** false after a crash: the process is gone but may still be a group member until timed out. */
  alive: boolean;
  /** Bumped on crash/restart so events scheduled for an earlier life are ignored. */
  incarnation: number;
  assigned: string[];
  positions: Map<string, number>;
  /** Records delivered by the last poll and not yet processed (services / slow consumers). */
  backlog: DeliveredRecord[];
  /** When processing of the backlog's head record began (see processing.ts). */
  batchClock: number;
  /** Numbers the batches, so a batch's "done" event never acts on a later batch. */
  batchNo: number;
  /** commitMode auto: the first poll at or after this time commits (auto.commit.interval.ms). */
  nextAutoCommitAt: number;
  busy: boolean;
  pollScheduled: boolean;
  /** Offsets to commit once the current batch is processed (commitMode afterProcess). */
  pendingCommit: Map<string, number>;
  /** isolation.level (Kafka default read_uncommitted). */
  isolationLevel: IsolationLevel;
  /** read_committed: records of aborted transactions it passed over without delivering. */
  abortedSkipped: number;
  /** read_uncommitted: records it was handed that belong to transactions aborted (before or after). */
  abortedRead: number;
  /** The transactional.id its service's producer uses for this instance; null if not transactional. */
  transactionalId: string | null;
  /** The states of the `assigned` partitions, for that very array (consumers.ts assignedPartitions). */
  assignedPartitions: { of: string[]; partitions: (PartitionState | undefined)[] } | null;
}

export interface DeliveredRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: unknown;
  headers: Headers;
  attempt: number;
  /** When the leader appended it (the record's timestamp, LogAppendTime-like). */
  timestamp: number;
}

export interface GroupState {
  id: string;
  generation: number;
  state: 'Empty' | 'PreparingRebalance' | 'Stable';
  assignor: AssignorName;
  /** auto.offset.reset of the group's first member: where the group starts without a commit. */
  autoOffsetReset: OffsetReset;
  /** Members in join order (crashed members stay until their session times out). */
  members: string[];
  committed: Map<string, number>;
  rebalanceToken: number;
  /** Subscribed topics' partition counts at the last assignment, to notice growth. */
  lastAssignment: Record<string, string[]>;
}

export interface ServiceState {
  id: string;
  group: string;
  subscribes: string[];
  handlers: Handler[];
  instances: number;
  processingMs: number;
  failureRate: number;
  maxAttempts: number;
  retryTopic: string | null;
  deadLetterTopic: string | null;
  /** Published when a record fails for good (AddService.failureEmits); empty = none. */
  failureEmits: Emit[];
  /** Failure events published (counted per record that failed for good). */
  failureEvents: number;
  /** Writer schema ids (as in the `schemaId` header) its reader schema resolves; null = reads
   * any record (AddService.readableSchemaIds). */
  readableSchemaIds: ReadonlySet<string> | null;
  /** Records it could not deserialize (their writer schema is not readable). */
  undeserialisable: number;
  idempotent: boolean;
  /** Id of the producer its handlers publish with. */
  producerId: string;
  assignor: AssignorName;
  autoOffsetReset: OffsetReset;
  sessionTimeoutMs: number;
  down: boolean;
  /** Origins handled (idempotent services), see originOf in services.ts. */
  processedIds: OriginSet;
  /** Consumer ids of the current instances. */
  members: string[];
  nextInstance: number;
  /** Which records it reacts to; null = every record. */
  rule: ServiceRule | null;
  /** The rule's per-key windows (when it counts within a window). */
  windows: KeyWindows | null;
  stats: { processed: number; failed: number; duplicatesSkipped: number; deadLettered: number; dropped: number; emitted: number; filtered: number };
  /** Transactional (exactly-once) service: outputs and input offsets commit together. */
  transactional: boolean;
  /** transaction.timeout.ms (Kafka default 60000). */
  transactionTimeoutMs: number;
  isolationLevel: IsolationLevel;
  txnStats: { committed: number; aborted: number };
  /** Its own database (lesson 18: dual write or outbox, database.ts); null = none. */
  db: ServiceDatabase | null;
}

export interface SyncServiceState {
  id: string;
  latencyMs: number;
  timeoutMs: number;
  failureRate: number;
  calls: string[];
  concurrency: number;
  down: boolean;
  active: number;
  /** Calls that arrived while every slot was busy, oldest first. */
  queue: SyncCall[];
  stats: { handled: number; failed: number };
  /**
   * Calls to this service whose callers will stop waiting, in deadline order (the service's
   * timeoutMs is fixed, so the order they were sent in), each with the agenda sequence number
   * its timeout would have had as an event of its own (see sync.ts watchTimeout). `head` is the
   * first one not yet looked at.
   */
  timeouts: SyncTimeouts;
  /** Whether the agenda holds the timeout event of the first call in `timeouts`. */
  timerArmed: boolean;
  /** The agenda lane of that event: one lane per service, below 0 (delay lanes are >= 0). */
  timerLane: number;
}

export interface SyncClientState {
  id: string;
  to: string;
  ratePerSec: number;
  requestPrefix: string;
  carry: number;
  sent: number;
  tickScheduled: boolean;
}

/** Sends of produce requests with one request.timeout.ms, in deadline order, and the agenda event
 * of the first (produceTimeouts.ts). */
export interface ProduceTimeouts {
  readonly kind: 'produceTimeout';
  /** The agenda lane the armed event goes in: its own, so reserved numbers keep their order. */
  readonly lane: number;
  /** Whether the agenda holds this list's event (for the entry at `head`). */
  armed: boolean;
  /** Ring of entries: index `head`, then `size` entries; capacity a power of two. */
  head: number;
  size: number;
  deadlines: Float64Array;
  seqs: Float64Array;
  requests: Float64Array;
  sendNos: Float64Array;
}

/** A sync service's calls in deadline order (SyncServiceState.timeouts). A call's entry is
 * cleared (null) once it is settled, so an answered call is not kept alive until its deadline
 * (which made every call outlive a young-generation GC). `base` counts entries spliced off the
 * front: the entry of a call is at `call.timeoutSlot - base`. */
export interface SyncTimeouts {
  calls: (SyncCall | null)[];
  deadlines: number[];
  seqs: number[];
  head: number;
  base: number;
}

/**
 * One request/response call in the sync world (a user request is a call from 'user'). A call is
 * also its own agenda event: it is on the agenda at most once at a time (arriving, working, or its
 * answer travelling back), so `kind` says which step comes next and no event object is made per
 * step (sync.ts).
 */
export interface SyncCall {
  kind: 'syncArrive' | 'syncWorkDone' | 'syncReply';
  id: string;
  requestId: string;
  from: string;
  to: string;
  /** The callee (sync services are never removed); undefined if it does not exist. */
  callee: SyncServiceState | undefined;
  /** The call whose work made this call, or null for a user request. */
  parent: SyncCall | null;
  sentAt: number;
  /** Index of the downstream call in progress. */
  nextDownstream: number;
  settled: boolean;
  started: boolean;
  /** Where its callee keeps its timeout (SyncTimeouts), -1 if nowhere. */
  timeoutSlot: number;
  /** Forgotten by the engine: answered, or dropped from the callee's queue on timeout. Steps still
   * on the agenda for it do nothing. */
  gone: boolean;
  /** The answer, once the callee has one (kind 'syncReply'). */
  ok: boolean;
  reason: import('./trace').SyncFailure | null;
}

/** Events on the agenda. Each names what it acts on; handlers re-check that it still applies. */
export type SimEvent =
  | { kind: 'producerTick'; producer: string }
  | { kind: 'producerFlush'; producer: string }
  | { kind: 'produceArrive'; request: number; sendNo: number }
  | { kind: 'produceResponse'; request: number; sendNo: number; error: import('./trace').ProduceError | null; baseOffset: number }
  /** The first listed send's request.timeout.ms is up (produceTimeouts.ts). */
  | ProduceTimeouts
  | { kind: 'produceRetry'; request: number }
  /** A leader broker's fetch round (its ReplicaFetcher, reused). */
  | ReplicaFetcher
  | { kind: 'brokerFence'; broker: number; incarnation: number }
  | { kind: 'poll'; consumer: string; incarnation: number }
  | { kind: 'processDone'; consumer: string; incarnation: number; batch: number }
  | { kind: 'sessionExpire'; consumer: string; incarnation: number }
  | { kind: 'rebalance'; group: string; token: number }
  | { kind: 'retentionCheck' }
  | { kind: 'transactionTimeout'; transactionalId: string; number: number }
  | { kind: 'instanceRestart'; consumer: string }
  | { kind: 'outboxRelay'; service: string; incarnation: number }
  | { kind: 'relayRestart'; service: string; incarnation: number }
  | SyncCall
  | { kind: 'syncTimeout'; service: string }
  | { kind: 'syncClientTick'; client: string };

/** What engine modules get to act with: the state, the clock, randomness, the agenda, the trace. */
export interface Sim {
  readonly cfg: ResolvedConfig;
  readonly world: World;
  readonly rng: Prng;
  now: number;
  schedule(delayMs: number, event: SimEvent): void;
  /** Takes an agenda sequence number now for an event scheduled later (EventQueue.reserveSeq). */
  reserveSeq(): number;
  /** Schedules `event` at time `at` with a reserved sequence number, in its own `lane` (< 0). */
  scheduleReserved(at: number, seq: number, event: SimEvent, lane: number): void;
  emit(body: TraceBody): void;
  /**
   * True when nobody reads trace events of `type` right now (no kept trace, no caller collecting,
   * no listener of it): the event is then counted as emitted and the caller skips building it.
   * For the busiest events only, whose bodies cost allocations (see Engine.subscribe).
   */
  unheard(type: import('./trace').TraceType): boolean;
  /** As unheard, for a request event from caller `from` or a produce event of producer `from`:
   * true when no reader wants that type from that source (SubscribeOptions.requestsFrom,
   * producedBy). */
  unheardFrom(type: import('./trace').SourcedTraceType, from: string): boolean;
}

/** One event waiting in the outbox: what the relay will publish. */
export interface OutboxRow {
  /** Primary key of the database row it belongs to (the input record's origin). */
  row: string;
  topic: string;
  key: string | null;
  value: unknown;
  headers: Headers;
  /** The relay published it before a crash that came before it was marked sent. */
  sentBefore: boolean;
}

export interface ServiceDatabase {
  mode: DatabaseMode;
  /** Chance (0..1) that the process dies at its risky moment. */
  crashChance: number;
  /** Primary keys of the rows saved. */
  rows: OriginSet;
  /** Rows with at least one event published, by primary key (to count each row once). */
  publishedRows: OriginSet;
  /** Unsent outbox rows, oldest first (outbox mode). */
  outbox: OutboxRow[];
  relay: { up: boolean; scheduled: boolean; incarnation: number };
  stats: DatabaseStats;
}

export interface DatabaseStats {
  /** Rows committed to the database. */
  rows: number;
  /** Rows with events to publish (the handler emits something). */
  rowsWithEvents: number;
  /** Of those, rows at least one of whose events reached Kafka. */
  rowsPublished: number;
  /** Events sent to Kafka (copies sent again included). */
  published: number;
  /** Dual write: rows saved whose events were never published (a crash came in between). */
  lost: number;
  /** Outbox: events the relay published again after a crash (duplicates downstream). */
  republished: number;
  /** Records delivered again whose row was already saved: the request counts as done. */
  alreadySaved: number;
  /** Processes that died at their risky moment (instances and relay). */
  crashes: number;
}

export type { Emit };
