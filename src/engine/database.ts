import { fail } from './errors';
import { OriginSet } from './handled';
import { send } from './producers';
import type { DatabaseMode, Headers } from './types';
import type { ServiceDatabase, ServiceState, Sim } from './world';

/**
 * A service's own database, and the two ways a service can save a row AND publish an event about
 * it (lesson 18, "The outbox pattern"):
 *
 * - `dualWrite`: the handler commits the row, then sends the events to Kafka. Two systems, two
 *   writes, no transaction spanning both (Kafka's transactions cover Kafka's partitions and
 *   offsets only, never an outside database). A crash between the two leaves a row whose events
 *   were never published: "saved but never published" (`lost`). When the record is delivered
 *   again, the row is already there (its primary key is the input record's origin), so the
 *   handler treats the request as done and the event stays lost for good.
 * - `outbox`: the handler commits the row AND one outbox row per event in one local transaction.
 *   A relay (a polling publisher, or change data capture such as Debezium's outbox event router)
 *   reads the outbox, publishes the events and then marks them sent. A crash after the commit
 *   loses nothing: the outbox rows wait (`pending`) until the relay runs. A relay crash between
 *   publishing and marking sent makes the restarted relay publish those rows again: at-least-once,
 *   so consumers must be idempotent (`republished` counts the copies sent again).
 *
 * Crash points are drawn from the seed: with `crashChance` the process dies at its risky moment
 * (an instance right after its database commit, the relay right after publishing a batch, before
 * marking it sent). A service without a database draws nothing, so older runs are unchanged.
 */
export const DATABASE_MODES: readonly DatabaseMode[] = ['dualWrite', 'outbox'];

/** How often the relay polls the outbox while it has rows (a polling publisher's interval). */
export const RELAY_POLL_MS = 200;
/** Outbox rows the relay publishes per poll. */
export const RELAY_BATCH = 100;
/** How long the platform takes to start a crashed process again (a Kubernetes-like restart). */
export const RESTART_DELAY_MS = 1000;

export function validateDatabase(mode: unknown, crashChance: unknown): void {
  if (mode !== undefined && !DATABASE_MODES.includes(mode as DatabaseMode))
    fail('INVALID_ARGUMENT', { field: 'database' }, `database must be "dualWrite" or "outbox", got ${String(mode)}`);
  if (crashChance !== undefined && !(typeof crashChance === 'number' && crashChance >= 0 && crashChance <= 1))
    fail('INVALID_ARGUMENT', { field: 'crashChance' }, `crashChance must be between 0 and 1, got ${String(crashChance)}`);
}

export function newDatabase(sim: Sim, mode: DatabaseMode, crashChance: number): ServiceDatabase {
  return {
    mode,
    crashChance,
    rows: new OriginSet(),
    publishedRows: new OriginSet(),
    outbox: [],
    relay: { up: true, scheduled: false, incarnation: ++sim.world.nextIncarnation },
    stats: { rows: 0, rowsWithEvents: 0, rowsPublished: 0, published: 0, lost: 0, republished: 0, alreadySaved: 0, crashes: 0 },
  };
}

/** An event a handler wants published about the row it saves. */
export interface RowEvent {
  topic: string;
  key: string | null;
  value: unknown;
  headers: Headers;
}

/**
 * Commits the row `row` (and, in outbox mode, its events as outbox rows, in the same local
 * transaction). Returns false when the row already exists: the record was handled before, and the
 * handler must not publish again (it cannot know whether the earlier attempt published).
 */
export function commitRow(sim: Sim, s: ServiceState, row: string, events: readonly RowEvent[]): boolean {
  const db = s.db!;
  if (db.rows.has(row)) {
    db.stats.alreadySaved++;
    return false;
  }
  db.rows.add(row);
  db.stats.rows++;
  if (events.length > 0) db.stats.rowsWithEvents++;
  if (db.mode === 'outbox' && events.length > 0) {
    for (const e of events) db.outbox.push({ row, topic: e.topic, key: e.key, value: e.value, headers: e.headers, sentBefore: false });
    scheduleRelay(sim, s);
  }
  return true;
}

/** Whether the process dies right now, at its risky moment (a draw only if crashes are on). */
export function crashesNow(sim: Sim, db: ServiceDatabase): boolean {
  if (db.crashChance <= 0 || !sim.rng.chance(db.crashChance)) return false;
  db.stats.crashes++;
  return true;
}

/** Counts what a dual-write handler published for one row, after it sent the events. */
export function countPublished(s: ServiceState, row: string, events: number): void {
  const db = s.db!;
  db.stats.published += events;
  if (events > 0 && !db.publishedRows.has(row)) {
    db.publishedRows.add(row);
    db.stats.rowsPublished++;
  }
}

/** Wakes the relay for the outbox's rows, if it is running and not already waiting to poll. */
export function scheduleRelay(sim: Sim, s: ServiceState): void {
  const db = s.db;
  if (db === null || db.mode !== 'outbox' || db.outbox.length === 0 || s.down || !db.relay.up || db.relay.scheduled) return;
  db.relay.scheduled = true;
  sim.schedule(RELAY_POLL_MS, { kind: 'outboxRelay', service: s.id, incarnation: db.relay.incarnation });
}

/**
 * One poll of the relay: publish the oldest outbox rows through the service's producer, then mark
 * them sent (delete them from the outbox). The relay runs with the service (it stops while the
 * service is down). The producer is Kafka's default (acks=all, idempotent), so a send is retried
 * until the broker has it; marking the rows sent once they are handed to it is what a polling
 * publisher that waits for the acks does, without the wait.
 */
export function onOutboxRelay(sim: Sim, serviceId: string, incarnation: number): void {
  const s = sim.world.services.get(serviceId);
  const db = s?.db;
  if (!s || !db || db.relay.incarnation !== incarnation) return;
  db.relay.scheduled = false;
  if (s.down || !db.relay.up || db.outbox.length === 0) return;
  const producer = sim.world.producers.get(s.producerId)!;
  const batch = db.outbox.slice(0, RELAY_BATCH);
  let again = 0;
  for (const o of batch) {
    send(sim, producer, o.topic, o.key, o.value, o.headers);
    db.stats.published++;
    s.stats.emitted++;
    if (o.sentBefore) {
      again++;
      db.stats.republished++;
    }
    if (!db.publishedRows.has(o.row)) {
      db.publishedRows.add(o.row);
      db.stats.rowsPublished++;
    }
  }
  sim.emit({ type: 'outboxRelayed', service: s.id, events: batch.length, again });
  if (crashesNow(sim, db)) {
    // Published, but the UPDATE that marks them sent never ran: the restarted relay sends them again.
    for (const o of batch) o.sentBefore = true;
    db.relay.up = false;
    db.relay.incarnation = ++sim.world.nextIncarnation;
    sim.emit({ type: 'processCrashed', service: s.id, process: relayId(s.id), point: 'beforeMarkingSent' });
    sim.schedule(RESTART_DELAY_MS, { kind: 'relayRestart', service: s.id, incarnation: db.relay.incarnation });
    return;
  }
  db.outbox.splice(0, batch.length);
  scheduleRelay(sim, s);
}

/** The platform starts the crashed relay again; it reads the outbox from its first unsent row. */
export function onRelayRestart(sim: Sim, serviceId: string, incarnation: number): void {
  const s = sim.world.services.get(serviceId);
  const db = s?.db;
  if (!s || !db || db.relay.up || db.relay.incarnation !== incarnation) return;
  db.relay.up = true;
  scheduleRelay(sim, s);
}

/** The relay's process name in the trace. */
export const relayId = (service: string): string => `${service}.relay`;
