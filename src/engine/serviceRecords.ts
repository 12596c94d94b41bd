import { sharedRecordOrigin } from './handled';
import { send } from './producers';
import { aboveThreshold } from './serviceRule';
import { sendInTransaction } from './transactions';
import { commitRow, countPublished, crashesNow, RESTART_DELAY_MS, type RowEvent } from './database';
import { SET_BY_EMIT, type TraceBody } from './trace';
import type { Headers } from './types';
import type { ConsumerState, DeliveredRecord, ProducerState, ServiceState, Sim } from './world';

/**
 * What a service's instance does with one record of its batch (see processing.ts): skip it if an
 * idempotent service handled its business event already, else run the handlers (failing with the
 * service's failureRate) and publish what they emit, retry, dead-letter or drop. `doneAt` is when
 * the record's processing ended, reported on its `processed` trace event.
 */

/** Identity of the business event: the first record it arrived as, kept across retry topics. */
const originOf = (sim: Sim, r: DeliveredRecord) => r.headers.origin ?? sharedRecordOrigin(sim.world.recentOrigins, r.topic, r.partition, r.offset);

/** Whether the service handled r's business event already; the same as
 * `processedIds.has(originOf(sim, r))` without building the string. */
function handledBefore(s: ServiceState, r: DeliveredRecord): boolean {
  const origin = r.headers.origin;
  return origin != null ? s.processedIds.has(origin) : s.processedIds.hasRecord(r.topic, r.partition, r.offset);
}

function markHandled(s: ServiceState, r: DeliveredRecord): void {
  const origin = r.headers.origin;
  if (origin != null) s.processedIds.add(origin);
  else s.processedIds.addRecord(r.topic, r.partition, r.offset);
}

/** Publishes through the service's producer, inside the instance's transaction if it has one. */
function publish(sim: Sim, consumer: ConsumerState, producer: ProducerState, topic: string, key: string | null, value: unknown, headers: Headers): void {
  if (consumer.transactionalId !== null) sendInTransaction(sim, consumer, producer.id, topic, key, value, headers);
  else send(sim, producer, topic, key, value, headers);
}

type Outcome = 'ok' | 'failed' | 'duplicateSkipped' | 'retryScheduled' | 'deadLettered' | 'dropped' | 'failureEmitted' | 'undeserialisable' | 'alreadySaved';

function emitProcessed(sim: Sim, consumer: ConsumerState, r: DeliveredRecord, outcome: Outcome, doneAt: number): void {
  sim.emit({ type: 'processed', group: consumer.group, consumer: consumer.id, service: consumer.service, topic: r.topic, partition: r.partition, offset: r.offset, outcome, doneAt, t: SET_BY_EMIT, seq: SET_BY_EMIT } as TraceBody);
}

/** Runs the service `s`'s handler for one record of its instance `consumer`; `producer` is the
 * service's (looked up once per batch by the caller). Hot path: allocates only what it emits. */
export function handleServiceRecord(sim: Sim, consumer: ConsumerState, s: ServiceState, producer: ProducerState, r: DeliveredRecord, doneAt: number): 'done' | 'retryInPlace' | 'crashed' {
  if (s.readableSchemaIds !== null && !s.readableSchemaIds.has(r.headers.schemaId ?? '')) return undeserialisable(sim, consumer, s, producer, r, doneAt);
  // A transactional service needs no origin dedupe: an aborted transaction's outputs are
  // discarded with it and its records processed again, so remembering them would lose them.
  const dedupe = s.idempotent && !s.transactional;
  if (dedupe && handledBefore(s, r)) {
    s.stats.duplicatesSkipped++;
    emitProcessed(sim, consumer, r, 'duplicateSkipped', doneAt);
    return 'done';
  }
  if (!sim.rng.chance(s.failureRate)) {
    let origin: string | null = null;
    if (dedupe) markHandled(s, r);
    s.stats.processed++;
    if (s.rule !== null && !passesRule(s, r)) {
      s.stats.filtered++;
      emitProcessed(sim, consumer, r, 'ok', doneAt);
      return 'done';
    }
    if (s.db !== null) return saveAndPublish(sim, s, consumer, producer, r, doneAt);
    const type = r.headers.type;
    // Indexed loops: the handlers come from a frozen command, and for-of over a frozen array
    // allocated an iterator result per step here (~150 bytes per record).
    const handlers = s.handlers;
    for (let i = 0; i < handlers.length; i++) {
      const h = handlers[i];
      if (h.on !== '*' && h.on !== type) continue;
      const emits = h.emit;
      if (!emits) continue;
      origin ??= originOf(sim, r);
      for (let j = 0; j < emits.length; j++) {
        const e = emits[j];
        publish(sim, consumer, producer, e.topic, e.key === 'none' ? null : r.key, r.value, Object.freeze({ type: e.eventType, origin }));
        s.stats.emitted++;
      }
    }
    emitProcessed(sim, consumer, r, 'ok', doneAt);
    return 'done';
  }

  s.stats.failed++;
  const attempts = r.attempt + 1;
  if (attempts < s.maxAttempts) {
    if (s.retryTopic) {
      publish(sim, consumer, producer, s.retryTopic, r.key, r.value, Object.freeze({ ...r.headers, origin: originOf(sim, r), attempt: String(attempts) }));
      emitProcessed(sim, consumer, r, 'retryScheduled', doneAt);
      return 'done';
    }
    r.attempt = attempts;
    emitProcessed(sim, consumer, r, 'failed', doneAt);
    return 'retryInPlace';
  }
  // Failure events: the business outcome ("payment declined") as an event others can react to.
  // Only for a record the service reacts to: a record none of its handlers is about was never its
  // business.
  const failureEvent = s.failureEmits.length > 0 && reactsTo(s, r.headers.type);
  if (failureEvent) {
    const origin = originOf(sim, r);
    for (const e of s.failureEmits)
      publish(sim, consumer, producer, e.topic, e.key === 'none' ? null : r.key, r.value, Object.freeze({ type: e.eventType, origin, error: 'processing failed' }));
    s.failureEvents++;
  }
  if (s.deadLetterTopic) {
    publish(sim, consumer, producer, s.deadLetterTopic, r.key, r.value, Object.freeze({ ...r.headers, origin: originOf(sim, r), attempt: String(attempts), error: 'processing failed' }));
    s.stats.deadLettered++;
    emitProcessed(sim, consumer, r, 'deadLettered', doneAt);
  } else if (failureEvent) {
    emitProcessed(sim, consumer, r, 'failureEmitted', doneAt);
  } else {
    s.stats.dropped++;
    emitProcessed(sim, consumer, r, 'dropped', doneAt);
  }
  return 'done';
}

/**
 * A record the service's deserializer cannot read (its writer schema does not resolve to the
 * reader schema): no retry can help, so it goes straight to the dead-letter topic with the reason
 * in an `error` header, or is dropped without one. Its offset is committed like any other, so the
 * partition moves on (a consumer that rethrew would stop at this record for ever).
 */
function undeserialisable(sim: Sim, consumer: ConsumerState, s: ServiceState, producer: ProducerState, r: DeliveredRecord, doneAt: number): 'done' {
  s.undeserialisable++;
  if (s.deadLetterTopic) {
    publish(sim, consumer, producer, s.deadLetterTopic, r.key, r.value, Object.freeze({ ...r.headers, origin: originOf(sim, r), error: 'could not deserialise' }));
    s.stats.deadLettered++;
    emitProcessed(sim, consumer, r, 'deadLettered', doneAt);
  } else emitProcessed(sim, consumer, r, 'undeserialisable', doneAt);
  return 'done';
}

/**
 * A service with a database (database.ts): saves the record as a row whose primary key is its
 * origin, then publishes its events (dual write) or leaves them in the outbox for the relay. A
 * record whose row exists was handled before: it is done, and nothing is published again. At the
 * crash point (right after the commit) the instance dies and the platform restarts it.
 */
function saveAndPublish(sim: Sim, s: ServiceState, consumer: ConsumerState, producer: ProducerState, r: DeliveredRecord, doneAt: number): 'done' | 'crashed' {
  const row = originOf(sim, r);
  const events: RowEvent[] = [];
  const type = r.headers.type;
  for (const h of s.handlers) {
    if ((h.on !== '*' && h.on !== type) || !h.emit) continue;
    for (const e of h.emit) events.push({ topic: e.topic, key: e.key === 'none' ? null : r.key, value: r.value, headers: Object.freeze({ type: e.eventType, origin: row }) });
  }
  const db = s.db!;
  if (!commitRow(sim, s, row, events)) {
    emitProcessed(sim, consumer, r, 'alreadySaved', doneAt);
    return 'done';
  }
  if (crashesNow(sim, db)) {
    if (db.mode === 'dualWrite' && events.length > 0) db.stats.lost++;
    sim.emit({ type: 'processCrashed', service: s.id, process: consumer.id, point: 'afterDbWrite' });
    sim.schedule(RESTART_DELAY_MS, { kind: 'instanceRestart', consumer: consumer.id });
    return 'crashed';
  }
  if (db.mode === 'dualWrite') {
    for (const e of events) publish(sim, consumer, producer, e.topic, e.key, e.value, e.headers);
    s.stats.emitted += events.length;
    countPublished(s, row, events.length);
  }
  emitProcessed(sim, consumer, r, 'ok', doneAt);
  return 'done';
}

/** Whether one of the service's handlers is about records of this event type. */
function reactsTo(s: ServiceState, type: string | undefined): boolean {
  for (const h of s.handlers) if (h.on === '*' || h.on === type) return true;
  return false;
}

/** The service's rule: over the threshold, then (if it counts) enough matches of the key in the window. */
function passesRule(s: ServiceState, r: DeliveredRecord): boolean {
  if (!aboveThreshold(s.rule!, r.value)) return false;
  return s.windows === null || s.windows.add(r.key, r.timestamp);
}
