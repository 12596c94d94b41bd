import type { Command } from './commands';
import { resolveConfig, type EngineConfig, type ResolvedConfig } from './config';
import { newBroker } from './cluster';
import { applyCommand, runEvent } from './dispatch';
import { fail } from './errors';
import { Prng } from './prng';
import { InFlightRequests } from './inFlight';
import { EventQueue } from './queue';
import type { ProduceTraceType, RequestTraceType, SourcedTraceType, TraceBody, TraceEvent, TraceType } from './trace';
import { TraceRing } from './traceRing';
import type { KafkaRecord } from './types';
import { buildView, type EngineView } from './view';
import type { Sim, SimEvent, World } from './world';

/** A command as the engine accepted it: when, and after how many agenda events, so a replay can
 * apply it at exactly the same point (even between two events of the same millisecond). */
export interface LoggedCommand {
  readonly at: number;
  readonly afterEvents: number;
  readonly command: Command;
}

export interface SubscribeOptions {
  /**
   * Only these event types reach the listener. When no reader at all wants a type (no kept trace,
   * no advance() collecting, no listener of every type or of this one), the engine does not build
   * its events: they are only counted (traceCount and seq numbers stay as if they had been).
   */
  types?: readonly TraceType[];
  /**
   * Narrower than a type, for the request events (the sync side's busiest): of each request type
   * named here, only the events whose caller (`from`, 'user' for a sync client's own requests) is
   * listed reach the listener; a type left out is heard whole (if `types` lets it through). When no
   * reader wants an event of one of these types from that caller, the engine does not build it:
   * it is counted, as above (the comparison's metrics read `requestAnswered` of the user's calls
   * only, and skip three answers between services per order).
   */
  requestsFrom?: { readonly [K in RequestTraceType]?: readonly string[] };
  /**
   * The same for the produce events (the event-driven side's busiest): of each type named here,
   * only the events of the producers listed (their `producer`) reach the listener, and an event no
   * reader wants from that producer is not built, only counted (the comparison's metrics follow
   * the orders' producer alone, and skip what the services publish: three results per order).
   */
  producedBy?: { readonly [K in ProduceTraceType]?: readonly string[] };
}

export type { ProduceTraceType, RequestTraceType, SourcedTraceType };

export interface AdvanceOptions {
  /**
   * false: return [] instead of the trace produced (listeners still hear every event). For
   * callers that only listen: gathering a busy second's events into an array keeps them all alive
   * until it returns, which costs a headless run much of its time in the garbage collector.
   */
  collect?: boolean;
}

export interface Engine {
  readonly config: ResolvedConfig;
  /** Current virtual time, ms. */
  readonly now: number;
  /** Agenda events run so far. */
  readonly eventsRun: number;
  /**
   * Trace kept in memory (at most config.traceLimit events, oldest dropped). Kept in columns (see
   * traceRing.ts); reading it brings one array of objects up to date (events since the last read
   * built and appended, dropped ones removed) and returns it, always the same array. Read it
   * through this getter when needed: held and read later, the array shows the trace as it was.
   */
  readonly trace: readonly TraceEvent[];
  /** Every trace event ever emitted, including those dropped from `trace` and those nobody heard. */
  readonly traceCount: number;
  /** Time of the latest trace event emitted (heard or not), ms; 0 before any. A listener of some
   * types only learns from it how far the trace has gone. */
  readonly lastTraceAt: number;
  readonly commandLog: readonly LoggedCommand[];
  /** Validates and applies a command now. Throws EngineError and changes nothing if refused. */
  apply(command: Command): void;
  /** Runs every event up to now + ms and moves the clock there. Returns the trace it produced. */
  advance(ms: number, options?: AdvanceOptions): TraceEvent[];
  /** Runs events up to time t (>= now). */
  advanceTo(t: number, options?: AdvanceOptions): TraceEvent[];
  /** Runs the next agenda event (the clock jumps to its time). Returns its trace; [] if idle. */
  step(): TraceEvent[];
  /** Time of the next agenda event, or Infinity when nothing is scheduled. */
  nextEventTime(): number;
  /** A read-only snapshot for UIs, lessons and tests. */
  view(): EngineView;
  /** Up to `max` records of a partition from offset `from`, as immutable objects. */
  readRecords(topic: string, partition: number, from: number, max: number): KafkaRecord[];
  /**
   * Applies a command recorded earlier (from this engine's log or a saved timeline) at exactly
   * its recorded point: runs every agenda event before `at`, then those of `at` until
   * `afterEvents` have run, stands at `at`, applies. Throws NEGATIVE_TIME if `at` is already past.
   */
  applyLogged(entry: LoggedCommand): void;
  /** A new engine with the same seed and commands, replayed to time t (t <= now): "step back". */
  rebuildAt(t: number): Engine;
  /** Calls `listener` with every trace event (or those of `options.types`) as it happens; returns
   * an unsubscribe function. A listener subscribes once: subscribing it again changes nothing
   * (its types stay) and returns its unsubscribe function. */
  subscribe(listener: (event: TraceEvent) => void, options?: SubscribeOptions): () => void;
}

const NO_EVENTS: readonly TraceEvent[] = Object.freeze([]);

interface ListenerEntry {
  readonly listener: (event: TraceEvent) => void;
  /** The types it hears; null: every type. */
  readonly types: ReadonlySet<TraceType> | null;
  /** Per request type narrowed by caller (requestsFrom), the callers it hears; null: all. Fields
   * rather than a map: emit() tells them apart by comparing the type, no lookup per event. */
  readonly sentFrom: ReadonlySet<string> | null;
  readonly answeredFrom: ReadonlySet<string> | null;
  readonly failedFrom: ReadonlySet<string> | null;
  /** Per produce type narrowed by producer (producedBy), the producers it hears; null: all. */
  readonly producedFrom: ReadonlySet<string> | null;
  readonly ackedFrom: ReadonlySet<string> | null;
  readonly produceFailedFrom: ReadonlySet<string> | null;
  /** Whether any of the six is set. */
  readonly narrowed: boolean;
  /** false once unsubscribed (an emit walking an older array skips it). */
  active: boolean;
}

export function createEngine(config: EngineConfig = {}): Engine {
  return new SimulationEngine(resolveConfig(config));
}

class SimulationEngine implements Engine, Sim {
  readonly cfg: ResolvedConfig;
  readonly world: World;
  readonly rng: Prng;
  now = 0;
  eventsRun = 0;
  traceCount = 0;
  lastTraceAt = 0;
  private readonly queue = new EventQueue<SimEvent>();
  /** The kept trace (null when traceLimit is 0). */
  private readonly kept: TraceRing | null;
  /** The kept trace as objects, as of the last read of `trace`: events [readUpTo - length, readUpTo) of all pushed. */
  private readonly keptObjects: TraceEvent[] = [];
  private readUpTo = 0;
  private readonly log: LoggedCommand[] = [];
  /**
   * Listeners, each with the types it hears (null: every type), in subscription order. A new array
   * on every (un)subscribe, so emit() walks a plain array without allocating (iterating a Map's
   * entries cost the sync side a quarter of its time): a listener added while an event is being
   * delivered hears from the next event on; one removed meanwhile is not called again.
   */
  private listeners: readonly ListenerEntry[] = [];
  /** Listeners of every type, and per type the listeners of only some types that want it. */
  private openListeners = 0;
  private readonly typeListeners = new Map<TraceType, number>();
  /** Trace events produced by the current advance/step call, returned to its caller. */
  private batch: TraceEvent[] | null = null;

  constructor(cfg: ResolvedConfig) {
    this.cfg = cfg;
    this.kept = cfg.traceLimit > 0 ? new TraceRing(cfg.traceLimit) : null;
    this.rng = new Prng(cfg.seed);
    this.world = {
      brokers: Array.from({ length: cfg.brokers }, (_, id) => newBroker(id)),
      topics: new Map(),
      producers: new Map(),
      consumers: new Map(),
      groups: new Map(),
      services: new Map(),
      syncServices: new Map(),
      syncClients: new Map(),
      inFlight: new InFlightRequests(),
      produceTimeouts: new Map(),
      nextRequestId: 0,
      nextCallId: 0,
      nextIncarnation: 0,
      keyHashes: new Map(),
      recentOrigins: new Map(),
      retentionScheduled: false,
      transactions: new Map(),
    };
  }

  get config(): ResolvedConfig {
    return this.cfg;
  }
  get trace(): readonly TraceEvent[] {
    const ring = this.kept;
    if (!ring) return NO_EVENTS;
    // Objects are built only on read, and only for events not built before: a reader that looks
    // every frame (the comparison's diagram panel) pays for the new events, not the whole trace.
    const objects = this.keptObjects;
    const oldest = ring.pushed - ring.length;
    const dropped = Math.min(objects.length, oldest - (this.readUpTo - objects.length));
    if (dropped > 0) objects.splice(0, dropped);
    if (objects.length === 0) this.readUpTo = Math.max(this.readUpTo, oldest);
    for (let i = this.readUpTo; i < ring.pushed; i++) objects.push(ring.at(i - oldest));
    this.readUpTo = ring.pushed;
    return objects;
  }
  get commandLog(): readonly LoggedCommand[] {
    return this.log;
  }

  schedule(delayMs: number, event: SimEvent): void {
    // The delay is the queue's lane: times pushed with one delay never decrease (see EventQueue).
    this.queue.push(this.now + delayMs, event, delayMs);
  }

  reserveSeq(): number {
    return this.queue.reserveSeq();
  }

  scheduleReserved(at: number, seq: number, event: SimEvent, lane: number): void {
    this.queue.pushReserved(at, seq, event, lane);
  }

  emit(body: TraceBody): void {
    const event = body as TraceEvent;
    (event as { t: number }).t = this.now;
    (event as { seq: number }).seq = this.traceCount++;
    this.lastTraceAt = this.now;
    this.kept?.push(event);
    if (this.batch) this.batch.push(event);
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      const l = listeners[i];
      if (l.active && (l.types === null || l.types.has(event.type)) && (!l.narrowed || callerHeard(l, event))) l.listener(event);
    }
  }

  unheard(type: TraceType): boolean {
    if (this.kept !== null || this.batch !== null || this.openListeners > 0 || this.typeListeners.has(type)) return false;
    this.traceCount++;
    this.lastTraceAt = this.now;
    return true;
  }

  unheardFrom(type: SourcedTraceType, from: string): boolean {
    if (this.kept !== null || this.batch !== null) return false;
    // A handful of listeners at most: asking each is cheaper than keeping counts per caller.
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      const l = listeners[i];
      if (!l.active || (l.types !== null && !l.types.has(type))) continue;
      const callers = callersOf(l, type);
      if (callers === null || callers.has(from)) return false;
    }
    this.traceCount++;
    this.lastTraceAt = this.now;
    return true;
  }

  apply(command: Command): void {
    let frozen: Command;
    try {
      frozen = deepFreeze(structuredClone(command));
    } catch {
      fail('INVALID_ARGUMENT', { field: 'command' }, 'a command must be plain data (no functions or class instances)');
    }
    applyCommand(this, frozen);
    this.log.push({ at: this.now, afterEvents: this.eventsRun, command: frozen });
  }

  advance(ms: number, options?: AdvanceOptions): TraceEvent[] {
    if (!(ms >= 0) || !Number.isFinite(ms)) fail('NEGATIVE_TIME', { ms }, `advance() needs a finite time >= 0, got ${ms}`);
    return this.advanceTo(this.now + ms, options);
  }

  advanceTo(t: number, options?: AdvanceOptions): TraceEvent[] {
    if (!Number.isFinite(t)) fail('INVALID_ARGUMENT', { field: 't' }, `advanceTo() needs a finite time, got ${t}`);
    if (t < this.now) fail('NEGATIVE_TIME', { ms: t }, `cannot advance to ${t} ms: the clock is already at ${this.now} ms (use rebuildAt to go back)`);
    const out: TraceEvent[] = [];
    this.batch = options?.collect === false ? null : out;
    try {
      while (this.queue.peekTime() <= t) this.runNext();
      this.now = t;
    } finally {
      this.batch = null;
    }
    return out;
  }

  step(): TraceEvent[] {
    const out: TraceEvent[] = [];
    if (this.queue.size === 0) return out;
    this.batch = out;
    try {
      this.runNext();
    } finally {
      this.batch = null;
    }
    return out;
  }

  private runNext(): void {
    this.now = this.queue.peekTime();
    const event = this.queue.pop()!;
    this.eventsRun++;
    runEvent(this, event);
  }

  nextEventTime(): number {
    return this.queue.peekTime();
  }

  view(): EngineView {
    return buildView(this);
  }

  readRecords(topicName: string, partition: number, from: number, max: number): KafkaRecord[] {
    const topic = this.world.topics.get(topicName);
    if (!topic) fail('UNKNOWN_TOPIC', { topic: topicName }, `topic "${topicName}" does not exist`);
    const p = topic.partitions[partition];
    if (!p) fail('INVALID_ARGUMENT', { field: 'partition' }, `topic "${topicName}" has no partition ${partition}`);
    const out: KafkaRecord[] = [];
    p.log.scan(from, p.log.endOffset, max, (offset, key, value, headers, timestamp) => {
      out.push(Object.freeze({ topic: topicName, partition, offset, key, value, headers, timestamp }) as KafkaRecord);
    });
    return out;
  }

  rebuildAt(t: number): Engine {
    if (!(t >= 0) || t > this.now) fail('INVALID_ARGUMENT', { field: 't' }, `rebuildAt() needs a time from 0 to ${this.now} ms, got ${t}`);
    const replica = new SimulationEngine(this.cfg);
    for (const entry of this.log) {
      if (entry.at > t) break;
      replica.applyLogged(entry);
    }
    replica.advanceTo(t);
    return replica;
  }

  applyLogged(entry: LoggedCommand): void {
    if (entry.at < this.now) fail('NEGATIVE_TIME', { ms: entry.at }, `cannot apply a command recorded at ${entry.at} ms: the clock is already at ${this.now} ms`);
    const out: TraceEvent[] = [];
    this.batch = out;
    try {
      // Every event before the command's millisecond runs first; then, of that millisecond's
      // events, those the original run had run before it. In a timeline this engine recorded, the
      // count is never below the events before that millisecond, so this is exactly the recorded
      // point. A timeline saved by an engine version that ran more or fewer events (or edited by
      // hand) still gets every command at its time, the clock never going back: its count then
      // only places the command within its millisecond.
      while (this.queue.peekTime() < entry.at) this.runNext();
      while (this.eventsRun < entry.afterEvents && this.queue.peekTime() === entry.at) this.runNext();
      this.now = entry.at;
    } finally {
      this.batch = null;
    }
    this.apply(entry.command);
  }

  subscribe(listener: (event: TraceEvent) => void, options?: SubscribeOptions): () => void {
    if (this.listeners.some((l) => l.listener === listener)) return () => this.unsubscribe(listener);
    const types = options?.types ? new Set(options.types) : null;
    const from = options?.requestsFrom ?? {};
    checkNarrowing('requestsFrom', from, REQUEST_TYPES, 'callers');
    const by = options?.producedBy ?? {};
    checkNarrowing('producedBy', by, PRODUCE_TYPES, 'producers');
    const set = (sources: readonly string[] | undefined) => (sources ? new Set(sources) : null);
    const sentFrom = set(from.requestSent);
    const answeredFrom = set(from.requestAnswered);
    const failedFrom = set(from.requestFailed);
    const producedFrom = set(by.produced);
    const ackedFrom = set(by.acked);
    const produceFailedFrom = set(by.produceFailed);
    const narrowed = sentFrom !== null || answeredFrom !== null || failedFrom !== null || producedFrom !== null || ackedFrom !== null || produceFailedFrom !== null;
    const entry: ListenerEntry = { listener, types, sentFrom, answeredFrom, failedFrom, producedFrom, ackedFrom, produceFailedFrom, narrowed, active: true };
    this.listeners = [...this.listeners, entry];
    if (types === null) this.openListeners++;
    else for (const type of types) this.typeListeners.set(type, (this.typeListeners.get(type) ?? 0) + 1);
    return () => this.unsubscribe(listener);
  }

  private unsubscribe(listener: (event: TraceEvent) => void): void {
    const entry = this.listeners.find((l) => l.listener === listener);
    if (!entry) return;
    entry.active = false;
    this.listeners = this.listeners.filter((l) => l !== entry);
    const types = entry.types;
    if (types === null) this.openListeners--;
    else
      for (const type of types) {
        const left = this.typeListeners.get(type)! - 1;
        if (left === 0) this.typeListeners.delete(type);
        else this.typeListeners.set(type, left);
      }
  }
}

const REQUEST_TYPES: readonly RequestTraceType[] = ['requestSent', 'requestAnswered', 'requestFailed'];
const PRODUCE_TYPES: readonly ProduceTraceType[] = ['produced', 'acked', 'produceFailed'];

/** Refuses a narrowing by source (SubscribeOptions.requestsFrom, producedBy) that names a type
 * outside `types` or gives it something other than a list of `sources`. */
function checkNarrowing(field: 'requestsFrom' | 'producedBy', narrowing: object, types: readonly SourcedTraceType[], sources: string): void {
  for (const [type, list] of Object.entries(narrowing))
    if (!types.includes(type as SourcedTraceType) || (list !== undefined && !Array.isArray(list)))
      fail('INVALID_ARGUMENT', { field }, `${field} narrows ${types.join(', ')} by a list of ${sources}; got "${type}"`);
}

/** The sources (callers of a request type, producers of a produce type) a listener hears; null:
 * all (or a type not narrowed by source). */
function callersOf(l: ListenerEntry, type: TraceType): ReadonlySet<string> | null {
  switch (type) {
    case 'requestAnswered':
      return l.answeredFrom;
    case 'requestSent':
      return l.sentFrom;
    case 'requestFailed':
      return l.failedFrom;
    case 'produced':
      return l.producedFrom;
    case 'acked':
      return l.ackedFrom;
    case 'produceFailed':
      return l.produceFailedFrom;
    default:
      return null;
  }
}

/** Whether a listener narrowed by source hears `event` (events of other types pass). */
function callerHeard(l: ListenerEntry, event: TraceEvent): boolean {
  const sources = callersOf(l, event.type);
  if (sources === null) return true;
  const source = event.type === 'produced' || event.type === 'acked' || event.type === 'produceFailed' ? event.producer : (event as { from: string }).from;
  return sources.has(source);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
