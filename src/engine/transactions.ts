import { leaderAvailable, partitionOfKey, scheduleReplication } from './cluster';
import { estimateSize } from './log';
import { commitOffsets } from './offsets';
import { stickyPartition } from './producers';
import { topicPartition } from './topicPartition';
import type { Headers } from './types';
import type { ConsumerState, PartitionState, PartitionTxns, ServiceState, Sim, TransactionState } from './world';

/**
 * Kafka transactions, as a consume-transform-produce service uses them (exactly-once):
 *
 * - each instance's producer has a transactional.id; `initTransactions` with an id bumps its
 *   epoch and aborts whatever transaction an earlier owner left open (fencing);
 * - records sent in a transaction are appended to their partitions at once (a
 *   read_uncommitted reader sees them), remembered per partition as "open" from the
 *   transaction's first offset there: the partition's last stable offset (LSO) cannot pass it;
 * - commit (with the input offsets, sendOffsetsToTransaction) or abort appends a control record,
 *   a marker, to every partition the transaction wrote to. Markers take an offset (so readers see
 *   gaps) but are never handed to applications; an abort also marks the transaction's records as
 *   aborted, which read_committed readers skip;
 * - the coordinator aborts a transaction open longer than transaction.timeout.ms (Kafka default
 *   60000), e.g. one whose producer crashed and never came back.
 *
 * Simplifications: records and markers go straight into the leader's log (no accumulator, no
 * network hop, no retries): a write to a partition without a leader fails the transaction, which
 * can then only abort; markers are written even while a leader is down (the real coordinator
 * retries until it can). Leader changes that truncate the log are not modelled for transactions.
 */

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;

/** The header a control record carries, so anything that reads the raw log can tell it apart. */
export const CONTROL_HEADER = 'control';
const MARKER_HEADERS = {
  COMMIT: Object.freeze({ [CONTROL_HEADER]: 'COMMIT' }),
  ABORT: Object.freeze({ [CONTROL_HEADER]: 'ABORT' }),
} as const;

export const transactionalIdOf = (service: string, slot: number): string => `${service}-txn-${slot}`;

function txnsOf(p: PartitionState): PartitionTxns {
  return (p.txn ??= { open: new Map(), controls: new Map(), aborted: new Set() });
}

/**
 * The last stable offset: the first offset of the oldest open transaction in the partition, or
 * the high watermark if none is open (and never above it). read_committed readers stop here.
 */
export function lastStableOffset(p: PartitionState): number {
  let lso = p.highWatermark;
  if (p.txn) for (const first of p.txn.open.values()) if (first < lso) lso = first;
  return lso;
}

/** initTransactions: `owner` takes the transactional.id; an open transaction of an earlier owner
 * (a crashed instance) is aborted and that owner fenced (its epoch is over). */
export function initTransactions(sim: Sim, service: ServiceState, consumer: ConsumerState, id: string): void {
  let t = sim.world.transactions.get(id);
  if (!t) {
    t = { id, service: service.id, owner: consumer.id, epoch: 0, open: false, number: 0, startedAt: 0, written: new Map(), failed: false, doomed: false };
    sim.world.transactions.set(id, t);
  } else {
    if (t.open) endTransaction(sim, t, 'ABORT', 'fenced');
    t.epoch++;
    t.owner = consumer.id;
    t.doomed = false;
  }
  consumer.transactionalId = id;
}

/** The consumer's transaction if it still owns its transactional.id. */
function ownTransaction(sim: Sim, consumer: ConsumerState): TransactionState | null {
  if (consumer.transactionalId === null) return null;
  const t = sim.world.transactions.get(consumer.transactionalId);
  return t && t.owner === consumer.id ? t : null;
}

/**
 * Sends one record inside the consumer's transaction (beginning one if none is open). Returns
 * false when the record could not be written (the transaction can then only abort).
 */
export function sendInTransaction(sim: Sim, consumer: ConsumerState, producerId: string, topicName: string, key: string | null, value: unknown, headers: Headers): boolean {
  const t = ownTransaction(sim, consumer);
  if (!t || t.doomed) return false; // fenced or aborted by the coordinator: the send fails
  const topic = sim.world.topics.get(topicName)!;
  const size = estimateSize(key, value);
  const producer = sim.world.producers.get(producerId)!;
  const partition = key !== null ? partitionOfKey(sim, topic, key) : stickyPartition(sim, producer, topicName, size);
  const p = topic.partitions[partition];
  if (!t.open) {
    t.open = true;
    t.number++;
    t.startedAt = sim.now;
    t.failed = false;
    const s = sim.world.services.get(t.service);
    sim.schedule(s?.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS, { kind: 'transactionTimeout', transactionalId: t.id, number: t.number });
  }
  if (!leaderAvailable(sim, p)) {
    t.failed = true;
    return false;
  }
  const offset = p.log.append(key, value, headers, sim.now, size);
  const txns = txnsOf(p);
  if (!txns.open.has(t.id)) txns.open.set(t.id, offset);
  const tp = topicPartition(topicName, partition);
  const written = t.written.get(tp);
  if (written) written.push(offset);
  else t.written.set(tp, [offset]);
  producer.stats.sent++;
  producer.stats.acked++;
  sim.emit({ type: 'produced', producer: producerId, topic: topicName, partition, baseOffset: offset, count: 1, keys: [key], transactionalId: t.id });
  scheduleReplication(sim, p);
  return true;
}

/**
 * commitTransaction with the input offsets (sendOffsetsToTransaction): markers and offsets are
 * written together. Returns false when there was nothing it could commit — the transaction had
 * failed, or was aborted by the coordinator or fenced meanwhile — in which case it was aborted
 * and the caller must rewind to the committed offsets to process those records again.
 */
export function commitTransaction(sim: Sim, consumer: ConsumerState, offsets: Map<string, number>): boolean {
  const t = ownTransaction(sim, consumer);
  if (!t) return false; // fenced: a newer owner has the id; this zombie commits nothing
  if (t.doomed) {
    t.doomed = false;
    return false;
  }
  if (t.open && t.failed) {
    endTransaction(sim, t, 'ABORT', 'failed');
    return false;
  }
  if (t.open) endTransaction(sim, t, 'COMMIT', 'committed');
  // A transaction with only offsets (no output) commits them alone.
  commitOffsets(sim, consumer, offsets);
  return true;
}

/** The application gives up the transaction (closing mid-batch). */
export function abortTransaction(sim: Sim, consumer: ConsumerState): void {
  const t = ownTransaction(sim, consumer);
  if (t?.open) endTransaction(sim, t, 'ABORT', 'closed');
}

/** transaction.timeout.ms passed: the coordinator aborts the transaction if it is still open. */
export function onTransactionTimeout(sim: Sim, id: string, number: number): void {
  const t = sim.world.transactions.get(id);
  if (!t || !t.open || t.number !== number) return;
  endTransaction(sim, t, 'ABORT', 'timeout');
  // If its owner still runs, its next commit fails (Kafka: InvalidProducerEpoch / ProducerFenced).
  const owner = sim.world.consumers.get(t.owner);
  if (owner?.alive && owner.transactionalId === t.id) t.doomed = true;
}

type EndReason = 'committed' | 'failed' | 'fenced' | 'timeout' | 'closed';

/** read_uncommitted consumers that already fetched records now aborted: they read them. */
function countReadBeforeAbort(sim: Sim, tp: string, offsets: number[]): void {
  for (const c of sim.world.consumers.values()) {
    if (!c.alive || c.isolationLevel !== 'read_uncommitted') continue;
    const position = c.positions.get(tp);
    if (position === undefined) continue;
    for (const o of offsets) if (o < position) c.abortedRead++;
  }
}

/** Writes the marker to every partition the transaction wrote to and closes it. */
function endTransaction(sim: Sim, t: TransactionState, result: 'COMMIT' | 'ABORT', reason: EndReason): void {
  const markers: Record<string, number> = {};
  let records = 0;
  for (const [tp, offsets] of t.written) {
    const dash = tp.lastIndexOf('-');
    const p = sim.world.topics.get(tp.slice(0, dash))?.partitions[Number(tp.slice(dash + 1))];
    if (!p) continue;
    const txns = txnsOf(p);
    if (result === 'ABORT') {
      for (const o of offsets) txns.aborted.add(o);
      countReadBeforeAbort(sim, tp, offsets);
    }
    records += offsets.length;
    const marker = p.log.append(null, null, MARKER_HEADERS[result], sim.now, estimateSize(null, null));
    txns.controls.set(marker, result);
    txns.open.delete(t.id);
    markers[tp] = marker;
    scheduleReplication(sim, p);
  }
  t.written = new Map();
  t.open = false;
  const s = sim.world.services.get(t.service);
  if (s) {
    if (result === 'COMMIT') s.txnStats.committed++;
    else s.txnStats.aborted++;
  }
  sim.emit({ type: 'transactionEnded', transactionalId: t.id, service: t.service, result, reason, records, markers });
}
