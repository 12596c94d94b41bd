import { handleServiceRecord } from './serviceRecords';
import { topicPartition } from './topicPartition';
import { SET_BY_EMIT, type TraceBody } from './trace';
import type { ConsumerState, DeliveredRecord, Sim } from './world';

/**
 * The "process the batch" half of a consumer's poll loop (poll, process the batch, commit).
 *
 * A poll hands the application a batch (`consumer.backlog`); the application works through it one
 * record at a time, `processingMs` per attempt. Instead of one agenda event per record, the engine
 * keeps a cursor (`consumer.batchClock`: when the head record's processing began) and handles
 * records in bulk whenever something needs the batch's state at time `now`: the batch's own
 * "done" event, a crash, a close, a rebalance, an offset reset. Each record is handled at the
 * moment its processing ends (`doneAt`, reported on its `processed` trace event, so per-record
 * latency is exact), even though the engine runs that code later, at `now`; what the handler
 * publishes is sent at `now`.
 *
 * Records are handled in the same order and with the same random draws per record whatever
 * triggers the catch-up, but the draws interleave with other consumers' differently than one
 * event per record did: runs are deterministic, not identical to the per-record engine's.
 */

/** Handles every record of the current batch whose processing has ended by `now`. Returns the
 * number of records still unprocessed. */
export function settleBatch(sim: Sim, consumer: ConsumerState): number {
  const backlog = consumer.backlog;
  const step = consumer.processingMs;
  let done = 0;
  let clock = consumer.batchClock;
  // Looked up once per catch-up, not per record (handling a record never removes either).
  const service = consumer.service !== null ? sim.world.services.get(consumer.service) : undefined;
  const producer = service !== undefined ? sim.world.producers.get(service.producerId)! : null;
  while (done < backlog.length && clock + step <= sim.now) {
    clock += step;
    const record = backlog[done];
    const outcome =
      consumer.service === null
        ? processPlain(sim, consumer, record, clock)
        : service !== undefined
          ? handleServiceRecord(sim, consumer, service, producer!, record, clock)
          : 'done';
    if (outcome === 'crashed') {
      // The process died while handling this record (after its database commit): it and the
      // rest of the batch stay unprocessed and uncommitted, and are delivered again.
      crashProcess(sim, consumer);
      return 0;
    }
    if (outcome !== 'retryInPlace') done++;
  }
  consumer.batchClock = clock;
  if (done > 0) consumer.backlog = done === backlog.length ? [] : backlog.slice(done);
  return consumer.backlog.length;
}

/**
 * The consumer's process dies now: no leave, no commit; what it fetched is forgotten; its group
 * notices after session.timeout.ms. Callers that go on after settleBatch check `alive`.
 */
export function crashProcess(sim: Sim, consumer: ConsumerState): void {
  consumer.alive = false;
  consumer.incarnation = ++sim.world.nextIncarnation;
  consumer.backlog = [];
  consumer.busy = false;
  consumer.pollScheduled = false;
  sim.emit({ type: 'consumerCrashed', group: consumer.group, consumer: consumer.id });
  sim.schedule(consumer.sessionTimeoutMs, { kind: 'sessionExpire', consumer: consumer.id, incarnation: consumer.incarnation });
}

/**
 * At most this much virtual time passes between two catch-ups of a batch: a batch of 50 records
 * at 200 ms each is handled in 100 ms chunks (one record per event, as it is slower than that),
 * so counters and lag on screen never trail the simulation by more than a view refresh. A batch
 * of fast records (the comparison's 2-3 ms) is one event.
 */
export const BATCH_CHUNK_MS = 100;

/** When the batch should next be caught up: the end of the chunk, or when the rest of the batch
 * is done at the earliest (every remaining record succeeding first time). Always after now. */
export function nextCatchUp(consumer: ConsumerState): number {
  const end = consumer.batchClock + consumer.backlog.length * consumer.processingMs;
  return Math.min(end, consumer.batchClock + Math.max(consumer.processingMs, BATCH_CHUNK_MS));
}

function processPlain(sim: Sim, consumer: ConsumerState, r: DeliveredRecord, doneAt: number): 'done' {
  sim.emit(<TraceBody>{
    type: 'processed',
    group: consumer.group,
    consumer: consumer.id,
    service: null,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    outcome: 'ok',
    doneAt,
    t: SET_BY_EMIT,
    seq: SET_BY_EMIT,
  });
  return 'done';
}

/**
 * The offset after the last processed record of each partition (of `only`, if given): the first
 * unprocessed record's offset where the batch still holds one, else the position. What an
 * at-least-once consumer may commit at any moment.
 */
export function processedPositions(consumer: ConsumerState, only?: ReadonlySet<string>): Map<string, number> {
  const done = new Map<string, number>();
  for (const [tp, pos] of consumer.positions) if (!only || only.has(tp)) done.set(tp, pos);
  // The backlog is in fetch order, so the first record seen per partition is its lowest.
  const seen = new Set<string>();
  for (const r of consumer.backlog) {
    const tp = topicPartition(r.topic, r.partition);
    if (seen.has(tp) || !done.has(tp)) continue;
    seen.add(tp);
    done.set(tp, r.offset);
  }
  return done;
}
