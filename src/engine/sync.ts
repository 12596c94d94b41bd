import { positiveInt } from './cluster';
import type { AddSyncClient, AddSyncService, SendRequest, SetSyncService } from './commands';
import { tickInterval } from './producers';
import { fail } from './errors';
import { SET_BY_EMIT, type SyncFailure, type TraceBody } from './trace';
import type { Sim, SyncCall, SyncServiceState } from './world';

/**
 * The synchronous world: services call each other and wait. A request to a service does its own
 * work (latencyMs), then calls each downstream service in turn; the caller only hears back when
 * the whole chain has answered, so latencies add up and one failure anywhere fails the request.
 * Callers stop waiting after the callee's timeoutMs; the callee may keep working regardless.
 *
 * Timeouts: most calls are answered long before their deadline, so a call does not put an event of
 * its own on the agenda. Each service keeps its calls in deadline order and the agenda holds one
 * timeout event per service, for the first call still waiting; the event carries the sequence
 * number reserved when that call was sent, so timeouts fire in exactly the order (among events of
 * the same millisecond too) that one event per call gave.
 */
export function validateAddSyncService(sim: Sim, c: AddSyncService): void {
  if (!c.id || typeof c.id !== 'string' || c.id === 'user') fail('INVALID_ARGUMENT', { field: 'id' }, 'a sync service needs an id other than "user"');
  if (sim.world.syncServices.has(c.id)) fail('DUPLICATE_ID', { id: c.id }, `sync service "${c.id}" already exists`);
  validateSyncSettings(sim, c, c.id);
}

function validateSyncSettings(sim: Sim, c: Omit<Partial<AddSyncService>, 'type'>, self: string): void {
  for (const key of ['latencyMs', 'timeoutMs'] as const) {
    const v = c[key];
    if (v !== undefined && !(v >= 0 && Number.isFinite(v))) fail('INVALID_ARGUMENT', { field: key }, `${key} must be a number >= 0, got ${v}`);
  }
  if (c.failureRate !== undefined && !(c.failureRate >= 0 && c.failureRate <= 1))
    fail('INVALID_ARGUMENT', { field: 'failureRate' }, `failureRate must be between 0 and 1, got ${c.failureRate}`);
  if (c.concurrency !== undefined) positiveInt('concurrency', c.concurrency, 1e6);
  for (const callee of c.calls ?? []) {
    if (callee === self) fail('INVALID_ARGUMENT', { field: 'calls' }, `sync service "${self}" cannot call itself`);
    if (!sim.world.syncServices.has(callee)) fail('UNKNOWN_SERVICE', { id: callee }, `sync service "${callee}" does not exist`);
  }
}

export function addSyncService(sim: Sim, c: AddSyncService): void {
  sim.world.syncServices.set(c.id, {
    id: c.id,
    latencyMs: c.latencyMs ?? 20,
    timeoutMs: c.timeoutMs ?? 1000,
    failureRate: c.failureRate ?? 0,
    calls: [...(c.calls ?? [])],
    concurrency: c.concurrency ?? 10,
    down: false,
    active: 0,
    queue: [],
    stats: { handled: 0, failed: 0 },
    timeouts: { calls: [], deadlines: [], seqs: [], head: 0, base: 0 },
    timerArmed: false,
    timerLane: -1 - sim.world.syncServices.size,
  });
}

export function validateSetSyncService(sim: Sim, c: SetSyncService): void {
  if (!sim.world.syncServices.has(c.id)) fail('UNKNOWN_SERVICE', { id: c.id }, `sync service "${c.id}" does not exist`);
  validateSyncSettings(sim, c, c.id);
}

export function setSyncService(sim: Sim, c: SetSyncService): void {
  const s = sim.world.syncServices.get(c.id)!;
  if (c.down !== undefined && c.down !== s.down) {
    s.down = c.down;
    sim.emit({ type: c.down ? 'serviceDown' : 'serviceUp', service: c.id });
  }
  if (c.latencyMs !== undefined) s.latencyMs = c.latencyMs;
  if (c.failureRate !== undefined) s.failureRate = c.failureRate;
  if (c.calls !== undefined) s.calls = [...c.calls];
  if (c.concurrency !== undefined) {
    s.concurrency = c.concurrency;
    drainQueue(sim, s);
  }
}

export function validateSendRequest(sim: Sim, c: SendRequest): void {
  if (!sim.world.syncServices.has(c.to)) fail('UNKNOWN_SERVICE', { id: c.to }, `sync service "${c.to}" does not exist`);
}

export function sendRequest(sim: Sim, c: SendRequest): void {
  const requestId = c.requestId ?? `req-${sim.world.nextCallId}`;
  startCall(sim, requestId, 'user', c.to, null);
}

function startCall(sim: Sim, requestId: string, from: string, to: string, parent: SyncCall | null): void {
  const callee = sim.world.syncServices.get(to);
  const call: SyncCall = {
    kind: 'syncArrive',
    id: `call-${sim.world.nextCallId++}`,
    requestId,
    from,
    to,
    callee,
    parent,
    sentAt: sim.now,
    nextDownstream: 0,
    settled: false,
    started: false,
    timeoutSlot: -1,
    gone: false,
    ok: false,
    reason: null,
  };
  sim.emit({ type: 'requestSent', requestId, callId: call.id, from, to, t: SET_BY_EMIT, seq: SET_BY_EMIT } as TraceBody);
  sim.schedule(sim.cfg.networkLatencyMs, call);
  if (callee) watchTimeout(sim, callee, call);
}

/** The caller stops waiting for `call` after the callee's timeoutMs (see the file comment). */
function watchTimeout(sim: Sim, callee: SyncServiceState, call: SyncCall): void {
  const t = callee.timeouts;
  call.timeoutSlot = t.base + t.calls.length;
  t.calls.push(call);
  t.deadlines.push(sim.now + callee.timeoutMs);
  t.seqs.push(sim.reserveSeq());
  armTimer(sim, callee);
}

/** A call whose caller already has its answer (or gave up) needs no timeout (a settled call's
 * entry is null, see SyncTimeouts). */
const timeoutMoot = (call: SyncCall | null) => call === null || call.settled || call.gone;

/** Puts the timeout of the service's first call still waiting on the agenda, unless one is there. */
function armTimer(sim: Sim, s: SyncServiceState): void {
  if (s.timerArmed) return;
  const t = s.timeouts;
  while (t.head < t.calls.length && timeoutMoot(t.calls[t.head])) t.head++;
  if (t.head > 1024 && t.head * 2 > t.calls.length) {
    t.calls.splice(0, t.head);
    t.deadlines.splice(0, t.head);
    t.seqs.splice(0, t.head);
    t.base += t.head;
    t.head = 0;
  }
  if (t.head === t.calls.length) return;
  s.timerArmed = true;
  sim.scheduleReserved(t.deadlines[t.head], t.seqs[t.head], { kind: 'syncTimeout', service: s.id }, s.timerLane);
}

/** Schedules the call's next step (the call is its own agenda event, see SyncCall). */
function next(sim: Sim, call: SyncCall, kind: SyncCall['kind'], delayMs: number): void {
  call.kind = kind;
  sim.schedule(delayMs, call);
}

/** The answer leaves the callee and reaches the caller one network hop later. */
function reply(sim: Sim, call: SyncCall, ok: boolean, reason: SyncFailure | null): void {
  call.ok = ok;
  call.reason = reason;
  next(sim, call, 'syncReply', sim.cfg.networkLatencyMs);
}

export function onSyncArrive(sim: Sim, call: SyncCall): void {
  if (call.gone) return;
  const s = call.callee;
  if (!s || s.down) return reply(sim, call, false, 'unavailable');
  if (s.active < s.concurrency) startWork(sim, s, call);
  else s.queue.push(call);
}

function startWork(sim: Sim, s: SyncServiceState, call: SyncCall): void {
  s.active++;
  call.started = true;
  next(sim, call, 'syncWorkDone', s.latencyMs);
}

export function onSyncWorkDone(sim: Sim, call: SyncCall): void {
  if (call.gone) return;
  const s = call.callee!;
  if (s.down || sim.rng.chance(s.failureRate)) return finishCall(sim, call, false, 'error');
  callNextDownstream(sim, call);
}

function callNextDownstream(sim: Sim, call: SyncCall): void {
  const s = call.callee!;
  if (call.nextDownstream < s.calls.length) startCall(sim, call.requestId, s.id, s.calls[call.nextDownstream], call);
  else finishCall(sim, call, true, null);
}

/** The callee is done with a call (either way): it frees a slot and sends the answer back. */
function finishCall(sim: Sim, call: SyncCall, ok: boolean, reason: SyncFailure | null): void {
  const s = call.callee!;
  s.active--;
  if (ok) s.stats.handled++;
  else s.stats.failed++;
  drainQueue(sim, s);
  reply(sim, call, ok, reason);
}

function drainQueue(sim: Sim, s: SyncServiceState): void {
  while (s.active < s.concurrency && s.queue.length > 0) {
    const next = s.queue.shift()!;
    if (!next.gone) startWork(sim, s, next);
  }
}

/** The answer reaches the caller. A caller that already timed out ignores it. */
export function onSyncReply(sim: Sim, call: SyncCall): void {
  if (call.gone) return;
  call.gone = true;
  if (call.settled) return;
  settle(sim, call, call.ok, call.reason);
}

/** The deadline of the service's first waiting call has come (it may have been answered since). */
export function onSyncTimeout(sim: Sim, serviceId: string): void {
  const s = sim.world.syncServices.get(serviceId)!;
  s.timerArmed = false;
  const call = s.timeouts.calls[s.timeouts.head++];
  if (call !== null && !timeoutMoot(call)) {
    if (!call.started) {
      // Still queued at the callee: it will never be answered in time, so drop it from the queue.
      s.queue = s.queue.filter((c) => c !== call);
      call.gone = true;
    }
    settle(sim, call, false, 'timeout');
  }
  armTimer(sim, s);
}

function settle(sim: Sim, call: SyncCall, ok: boolean, reason: SyncFailure | null): void {
  call.settled = true;
  if (call.timeoutSlot >= 0 && call.callee) {
    // Its timeout is moot now: let the call go as soon as it is answered (see SyncTimeouts).
    const t = call.callee.timeouts;
    const i = call.timeoutSlot - t.base;
    if (i >= 0) t.calls[i] = null;
  }
  const latencyMs = sim.now - call.sentAt;
  if (ok) {
    if (!sim.unheardFrom('requestAnswered', call.from))
      sim.emit({ type: 'requestAnswered', requestId: call.requestId, callId: call.id, from: call.from, to: call.to, latencyMs, t: SET_BY_EMIT, seq: SET_BY_EMIT } as TraceBody);
  } else sim.emit({ type: 'requestFailed', requestId: call.requestId, callId: call.id, from: call.from, to: call.to, reason: reason!, latencyMs });
  const parent = call.parent;
  if (parent === null || parent.gone) return;
  if (ok) {
    parent.nextDownstream++;
    callNextDownstream(sim, parent);
  } else finishCall(sim, parent, false, 'downstream');
}

export function validateAddSyncClient(sim: Sim, c: AddSyncClient): void {
  if (!c.id || typeof c.id !== 'string') fail('INVALID_ARGUMENT', { field: 'id' }, 'a sync client needs an id');
  if (sim.world.syncClients.has(c.id)) fail('DUPLICATE_ID', { id: c.id }, `sync client "${c.id}" already exists`);
  if (!sim.world.syncServices.has(c.to)) fail('UNKNOWN_SERVICE', { id: c.to }, `sync service "${c.to}" does not exist`);
  validateRate(c.ratePerSec);
}

function validateRate(rate: number): void {
  if (!(rate >= 0 && rate <= 1e6)) fail('INVALID_ARGUMENT', { field: 'ratePerSec' }, `ratePerSec must be from 0 to 1e6, got ${rate}`);
}

export function addSyncClient(sim: Sim, c: AddSyncClient): void {
  const client = { id: c.id, to: c.to, ratePerSec: c.ratePerSec, requestPrefix: c.requestPrefix ?? `${c.id}-`, carry: 0, sent: 0, tickScheduled: false };
  sim.world.syncClients.set(c.id, client);
  scheduleClientTick(sim, client);
}

export function validateSetSyncClientRate(sim: Sim, id: string, rate: number): void {
  if (!sim.world.syncClients.has(id)) fail('UNKNOWN_SERVICE', { id }, `sync client "${id}" does not exist`);
  validateRate(rate);
}

export function setSyncClientRate(sim: Sim, id: string, rate: number): void {
  const client = sim.world.syncClients.get(id)!;
  client.ratePerSec = rate;
  scheduleClientTick(sim, client);
}

function scheduleClientTick(sim: Sim, client: { id: string; ratePerSec: number; tickScheduled: boolean }): void {
  if (client.tickScheduled || client.ratePerSec <= 0) return;
  client.tickScheduled = true;
  sim.schedule(tickInterval(client.ratePerSec), { kind: 'syncClientTick', client: client.id });
}

/** Sends this tick's share of requests, numbered continuously (same cadence as a producer). */
export function onSyncClientTick(sim: Sim, id: string): void {
  const client = sim.world.syncClients.get(id);
  if (!client) return;
  client.tickScheduled = false;
  if (client.ratePerSec <= 0) return;
  const due = client.ratePerSec * (tickInterval(client.ratePerSec) / 1000) + client.carry;
  const count = Math.floor(due);
  client.carry = due - count;
  for (let i = 0; i < count; i++) startCall(sim, `${client.requestPrefix}${client.sent++}`, 'user', client.to, null);
  scheduleClientTick(sim, client);
}
