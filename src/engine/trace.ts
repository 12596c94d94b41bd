/**
 * What happened, in virtual-time order. The UI animates from these; lessons and the sequence
 * diagram export read them. Record-level events carry offset ranges rather than one event per
 * record so a busy simulation stays cheap (`[fromOffset, toOffset)` is half-open).
 */
export type TraceBody =
  | { type: 'topicCreated'; topic: string; partitions: number; replicationFactor: number }
  | { type: 'partitionsAdded'; topic: string; partitions: number }
  /** `transactionalId` only on records written inside a transaction (transactions.ts). */
  | { type: 'produced'; producer: string; topic: string; partition: number; baseOffset: number; count: number; keys: (string | null)[]; transactionalId?: string }
  | { type: 'acked'; producer: string; topic: string; partition: number; baseOffset: number; count: number; acks: 0 | 1 | 'all' }
  | { type: 'produceFailed'; producer: string; topic: string; partition: number; count: number; error: ProduceError; willRetry: boolean }
  | { type: 'duplicateDropped'; producer: string; topic: string; partition: number; count: number }
  | { type: 'replicated'; topic: string; partition: number; highWatermark: number; isr: number[] }
  | { type: 'delivered'; group: string; consumer: string; topic: string; partition: number; fromOffset: number; toOffset: number }
  | {
      type: 'processed';
      group: string;
      consumer: string;
      service: string | null;
      topic: string;
      partition: number;
      offset: number;
      outcome: 'ok' | 'failed' | 'duplicateSkipped' | 'retryScheduled' | 'deadLettered' | 'dropped' | 'failureEmitted' | 'undeserialisable' | 'alreadySaved';
      /** When this record's processing ended (<= t). A batch is handled in bulk when it is done
       * (or when a crash, close or rebalance cuts it short), so `t` can be later than this. */
      doneAt: number;
    }
  | { type: 'committed'; group: string; consumer: string; offsets: Record<string, number> }
  | { type: 'offsetsReset'; group: string; topic: string; offsets: Record<string, number> }
  | { type: 'consumerJoined'; group: string; consumer: string }
  | { type: 'consumerLeft'; group: string; consumer: string; reason: 'left' | 'sessionTimeout' }
  | { type: 'consumerCrashed'; group: string; consumer: string }
  | { type: 'rebalanceStarted'; group: string; reason: string }
  | { type: 'rebalanced'; group: string; generation: number; assignor: string; assignment: Record<string, string[]> }
  | { type: 'offsetOutOfRange'; group: string; consumer: string; topic: string; partition: number; resetTo: number }
  | { type: 'brokerFailed'; broker: number }
  | { type: 'brokerFenced'; broker: number }
  | { type: 'brokerRecovered'; broker: number }
  | { type: 'leaderElected'; topic: string; partition: number; leader: number; epoch: number; unclean: boolean; truncated: number }
  | { type: 'partitionOffline'; topic: string; partition: number }
  | { type: 'recordsDeleted'; topic: string; partition: number; count: number; startOffset: number; reason: 'retention' | 'compaction' | 'recordLimit' }
  /** A transaction ended: a marker was appended at `markers[tp]` to each partition it wrote to. */
  | {
      type: 'transactionEnded';
      transactionalId: string;
      service: string;
      result: 'COMMIT' | 'ABORT';
      reason: 'committed' | 'failed' | 'fenced' | 'timeout' | 'closed';
      records: number;
      markers: Record<string, number>;
    }
  | { type: 'serviceDown'; service: string }
  /** A service's process died at its risky moment (database.ts): an instance right after its
   * database commit, or the outbox relay after publishing, before marking the rows sent. */
  | { type: 'processCrashed'; service: string; process: string; point: 'afterDbWrite' | 'beforeMarkingSent' }
  /** The outbox relay published `events` outbox rows (`again` of them a second time). */
  | { type: 'outboxRelayed'; service: string; events: number; again: number }
  | { type: 'serviceUp'; service: string }
  | { type: 'requestSent'; requestId: string; callId: string; from: string; to: string }
  | { type: 'requestAnswered'; requestId: string; callId: string; from: string; to: string; latencyMs: number }
  | { type: 'requestFailed'; requestId: string; callId: string; from: string; to: string; reason: SyncFailure; latencyMs: number };

export type ProduceError = 'LEADER_NOT_AVAILABLE' | 'NOT_ENOUGH_REPLICAS' | 'REQUEST_TIMED_OUT' | 'OUT_OF_ORDER_SEQUENCE' | 'INVALID_RECORD';
export type SyncFailure = 'unavailable' | 'error' | 'timeout' | 'downstream';

export type TraceEvent = TraceBody & { readonly t: number; readonly seq: number };

/**
 * What a hot path writes for `t` and `seq` in the object literal it hands to emit(), which sets
 * both: an object literal has room only for the properties it is written with, so adding two more
 * later cost each event a second allocation. Written last, in that order, as emit() would add them.
 */
export const SET_BY_EMIT = 0;
export type TraceType = TraceEvent['type'];
export type TraceOf<K extends TraceType> = Extract<TraceEvent, { type: K }>;

/** Trace types a subscription can narrow by caller (Engine SubscribeOptions.requestsFrom). */
export type RequestTraceType = 'requestSent' | 'requestAnswered' | 'requestFailed';
/** Trace types a subscription can narrow by producer (SubscribeOptions.producedBy). */
export type ProduceTraceType = 'produced' | 'acked' | 'produceFailed';
/** Trace types narrowed by their source: a request's caller (`from`), a produce event's producer. */
export type SourcedTraceType = RequestTraceType | ProduceTraceType;
