import type { ProduceRequest, ProduceTimeouts, Sim } from './world';

/**
 * request.timeout.ms of produce requests without an event object per request.
 *
 * Every send of a produce request (acks 1 or all) has a deadline, and almost every one is moot by
 * then (answered in a few ms, the deadline is 30 s away). As one agenda event each, the timeouts
 * were the agenda's biggest population: an object per send that lived 30 s of virtual time, long
 * enough to be copied by the garbage collector before it fired and was ignored.
 *
 * Instead, sends with the same timeout are listed in deadline order (the deadline is now + a fixed
 * timeout, so appending keeps the order), as four numeric columns in a ring, and only the first
 * one still waiting for its answer is on the agenda. Each entry keeps the agenda sequence number
 * reserved when its send was made, exactly where a per-send event took its number, so every
 * timeout that matters fires in exactly its place (among events of the same millisecond too).
 * Entries whose send was answered in the meantime are dropped when the next one is put on the
 * agenda: a send once answered (or superseded by a retry) never waits again, so dropping them
 * changes nothing but the count of agenda events run (an entry already on the agenda when its
 * answer comes still fires, and is ignored). Timelines saved while moot entries still ran as
 * events still apply every action at its time: Engine.applyLogged reads a command's count of
 * events only within the command's millisecond.
 *
 * The list object is itself the agenda event (kind 'produceTimeout'): it is on the agenda at most
 * once at a time (`armed`), so it is reused. One list per distinct timeout, kept in World
 * (the type, ProduceTimeouts, is in world.ts with the rest of the state).
 */

/**
 * Lanes of these lists: far below the lanes sync services take (-1, -2, ... one per service, see
 * sync.ts) and the delay lanes (>= 0).
 */
const FIRST_LANE = -(2 ** 40);

const FIRST_CAPACITY = 64;

/** The list for sends timing out after `timeoutMs` (made on first use). */
export function timeoutsFor(sim: Sim, timeoutMs: number): ProduceTimeouts {
  const lists = sim.world.produceTimeouts;
  let list = lists.get(timeoutMs);
  if (list === undefined) {
    list = {
      kind: 'produceTimeout',
      lane: FIRST_LANE - lists.size,
      armed: false,
      head: 0,
      size: 0,
      deadlines: new Float64Array(FIRST_CAPACITY),
      seqs: new Float64Array(FIRST_CAPACITY),
      requests: new Float64Array(FIRST_CAPACITY),
      sendNos: new Float64Array(FIRST_CAPACITY),
    };
    lists.set(timeoutMs, list);
  }
  return list;
}

/**
 * Send `sendNo` of request `requestId` times out `timeoutMs` from now: takes its agenda sequence
 * number now (where sim.schedule would have) and lists it.
 */
export function watchProduceTimeout(sim: Sim, timeoutMs: number, requestId: number, sendNo: number): void {
  const list = timeoutsFor(sim, timeoutMs);
  const seq = sim.reserveSeq();
  if (list.size === list.deadlines.length) grow(list);
  const i = (list.head + list.size) & (list.deadlines.length - 1);
  list.deadlines[i] = sim.now + timeoutMs;
  list.seqs[i] = seq;
  list.requests[i] = requestId;
  list.sendNos[i] = sendNo;
  list.size++;
  arm(sim, list);
}

/** Puts the first entry still waiting on the agenda, unless one is there or none waits. */
function arm(sim: Sim, list: ProduceTimeouts): void {
  if (list.armed) return;
  const mask = list.deadlines.length - 1;
  while (list.size > 0 && !awaitsAnswer(sim.world.inFlight.get(list.requests[list.head]), list.sendNos[list.head])) {
    list.head = (list.head + 1) & mask;
    list.size--;
  }
  if (list.size === 0) return;
  list.armed = true;
  sim.scheduleReserved(list.deadlines[list.head], list.seqs[list.head], list, list.lane);
}

/** Whether send `sendNo` of `request` (as World.inFlight has it) still waits for its answer: else
 * an answer or timeout for it is moot, for good (a finished request never restarts, and a retry
 * makes a new send number). */
export function awaitsAnswer(request: ProduceRequest | undefined, sendNo: number): request is ProduceRequest {
  return request !== undefined && !request.done && request.sendNo === sendNo;
}

/**
 * The list's event ran: its first entry is due. Removes it, puts the next one on the agenda, and
 * returns the due send as `fire(requestId, sendNo)`.
 */
export function takeDueTimeout(sim: Sim, list: ProduceTimeouts, fire: (sim: Sim, requestId: number, sendNo: number) => void): void {
  list.armed = false;
  const i = list.head;
  const requestId = list.requests[i];
  const sendNo = list.sendNos[i];
  list.head = (i + 1) & (list.deadlines.length - 1);
  list.size--;
  arm(sim, list);
  fire(sim, requestId, sendNo);
}

/** Doubles the ring, unrolled to start at index 0. */
function grow(list: ProduceTimeouts): void {
  const n = list.deadlines.length;
  const columns = [list.deadlines, list.seqs, list.requests, list.sendNos].map((old) => {
    const next = new Float64Array(n * 2);
    for (let k = 0; k < n; k++) next[k] = old[(list.head + k) & (n - 1)];
    return next;
  });
  [list.deadlines, list.seqs, list.requests, list.sendNos] = columns;
  list.head = 0;
}
