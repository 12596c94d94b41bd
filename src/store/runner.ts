import { createEngine, EngineError, type Command, type Engine, type LoggedCommand, type TraceEvent } from '../engine';
import type { Refusal } from '../i18n/refusals';
import { scenarioToEngine, type EngineIdMap, type Registry, type Scenario, type TimelineEntry } from '../scenario';
import { KEEP, MetricsTimeline, SAMPLE_MS } from './metrics';

/** The runner hears every event through its subscription: the engine need not also gather them. */
const NO_COLLECT = { collect: false } as const;

/**
 * Trace events kept for the next frame to animate. A frame shows a few dozen moving dots per
 * arrow at most, so a busy frame's surplus is counted (metrics) but not kept.
 */
export const MAX_PENDING_EVENTS = 2000;
/**
 * The simulator's memory limit: records one partition keeps (older ones are deleted as retention
 * would). 20 000 records is far more than a lane shows and keeps a long busy run within tens of MB.
 */
export const RECORDS_PER_PARTITION = 20_000;
/** Longest engine advance between two checks of the caller's budget, virtual ms... */
const SLICE_MS = 50;
/** ...shortened under load to about this much work (agenda plus trace events), down to MIN_SLICE_MS. */
const SLICE_WORK = 500;
const MIN_SLICE_MS = 0.5;

export type Problem = ReturnType<typeof scenarioToEngine>['problems'][number];

/** Asked between slices of work: true means stop now (the frame's time is used up). */
export type StopCheck = () => boolean;
const NEVER: StopCheck = () => false;
/** A recorded timeline action that playback skipped because the engine refused it at its moment
 * (e.g. it crashes a consumer that an edit has removed). */
export interface DroppedAction {
  at: number;
  command: Command['type'];
  refusal: Refusal;
}

/**
 * Owns the engine for one scenario setup. The setup (nodes and edges) is applied at t = 0; the
 * timeline (learner actions) is a recording played back as time passes, so stepping back and
 * playing forward again repeats exactly what happened. Not React: the store drives it.
 *
 * It also owns what is derived from the run as it happens: the chart samples (rebuilt by every
 * replay) and a bounded batch of trace events for the next frame.
 */
export class SimulationRunner {
  engine: Engine;
  readonly ids: EngineIdMap;
  readonly problems: Problem[];
  /** The simulated schema registry of this setup (pending until the schema judge has loaded). */
  readonly registry: Registry;
  readonly metrics = new MetricsTimeline();
  /** Topics that lost records to RECORDS_PER_PARTITION since this runner started. */
  readonly limitedTopics = new Set<string>();
  private readonly setup: Command[];
  /** Nodes that join while the simulation runs, by time: applied at their moment, on every replay alike. */
  private readonly scheduled: readonly { at: number; command: Command }[];
  private readonly seedConfig: ReturnType<typeof scenarioToEngine>['config'];
  private pending: TraceEvent[] = [];
  /** Length of the next budgeted slice, virtual ms (see adaptSlice). */
  private sliceMs = SLICE_MS;
  private dropped: DroppedAction[] = [];
  private unsubscribe: () => void = () => {};

  constructor(scenario: Scenario) {
    const { config, commands, scheduled, problems, ids, registry } = scenarioToEngine(scenario);
    this.seedConfig = { ...config, traceLimit: 20_000, maxRecordsPerPartition: RECORDS_PER_PARTITION };
    this.setup = commands;
    this.scheduled = [...scheduled].sort((a, b) => a.at - b.at);
    this.problems = problems;
    this.registry = registry;
    this.ids = ids;
    this.engine = this.fresh();
  }

  private fresh(): Engine {
    const engine = createEngine(this.seedConfig);
    this.metrics.reset();
    for (const command of this.setup) {
      try {
        engine.apply(command);
      } catch {
        // toEngine reports problems; a command the engine still refuses is simply left out
      }
    }
    this.attach(engine);
    return engine;
  }

  private attach(engine: Engine): void {
    this.unsubscribe();
    this.unsubscribe = engine.subscribe((event) => {
      this.metrics.record(event);
      if (event.type === 'recordsDeleted' && event.reason === 'recordLimit') this.limitedTopics.add(event.topic);
      if (this.pending.length < MAX_PENDING_EVENTS) this.pending.push(event);
    });
  }

  get now(): number {
    return this.engine.now;
  }

  /** Moves forward by `ms` (all of it). */
  advance(ms: number, timeline: readonly TimelineEntry[]): void {
    this.advanceTo(this.engine.now + ms, timeline);
  }

  /**
   * Moves toward `target` in slices of at most SLICE_MS, stopping on every chart sample boundary
   * to take its sample, and asks `stop` after each slice: when it says so, stops early (the clock
   * stands at the end of the last slice). Returns the time reached.
   *
   * Recorded timeline entries and scheduled joins in each slice (after its start, up to and
   * including its end) are applied in time order; a join goes before a recorded entry of the same
   * moment, since the learner could only act on a node once it was there. How the way is sliced
   * never changes the run: the engine gives the same result for one long advance or many short ones.
   */
  advanceTo(target: number, timeline: readonly TimelineEntry[], stop: StopCheck = NEVER): number {
    const budgeted = stop !== NEVER;
    // Lag needs a look at every group (a view): only samples the charts can still show take it.
    const lagFrom = target - KEEP * SAMPLE_MS;
    while (this.engine.now < target) {
      const end = Math.min(target, this.engine.now + (budgeted ? this.sliceMs : Infinity), this.metrics.nextAt);
      const from = this.engine.now;
      const workBefore = this.engine.eventsRun + this.engine.traceCount;
      this.slice(end, timeline);
      if (budgeted) this.adaptSlice(this.engine.now - from, this.engine.eventsRun + this.engine.traceCount - workBefore);
      if (this.engine.now >= this.metrics.nextAt) this.metrics.sample(this.metrics.nextAt >= lagFrom ? totalLag(this.engine) : null);
      if (this.engine.now < target && stop()) break;
    }
    return this.engine.now;
  }

  /**
   * Sizes the next budgeted slice so it does about SLICE_WORK work (agenda plus trace events):
   * a flood gets short slices, so a frame's budget is checked often enough to hold.
   */
  private adaptSlice(ms: number, work: number): void {
    if (ms <= 0) return;
    const perMs = work / ms;
    this.sliceMs = perMs > 0 ? Math.max(MIN_SLICE_MS, Math.min(SLICE_MS, SLICE_WORK / perMs)) : SLICE_MS;
  }

  private slice(target: number, timeline: readonly TimelineEntry[]): void {
    const from = this.engine.now;
    let j = firstAfter(this.scheduled, from);
    const joinUpTo = (t: number) => {
      for (; j < this.scheduled.length && this.scheduled[j].at <= t; j++) {
        this.engine.advanceTo(this.scheduled[j].at, NO_COLLECT);
        try {
          this.engine.apply(this.scheduled[j].command);
        } catch {
          // toEngine checked the command against the setup; one the engine still refuses is left out
        }
      }
    };
    for (let i = firstAfter(timeline, from); i < timeline.length && timeline[i].at <= target; i++) {
      const entry = timeline[i];
      if (!(entry.at > from)) continue; // an out-of-order entry in a hand-edited file: skipped
      joinUpTo(entry.at);
      try {
        this.engine.applyLogged(entry as LoggedCommand);
      } catch (e) {
        // An entry that no longer applies (e.g. its consumer is gone) is skipped on playback, and
        // the store tells the learner (takeDropped).
        if (!(e instanceof EngineError)) throw e;
        this.dropped.push({ at: entry.at, command: entry.command.type, refusal: { code: e.code, params: e.params } });
      }
    }
    joinUpTo(target);
    this.engine.advanceTo(target, NO_COLLECT);
  }

  /** Starts again from the seed at t = 0 (the chart samples too); events not yet drained are dropped. */
  rewind(): void {
    this.engine = this.fresh();
    this.pending = [];
  }

  /** Jumps to virtual time t at once: forward by playing, backward by replaying from the seed. */
  seek(t: number, timeline: readonly TimelineEntry[]): void {
    const target = Math.max(0, t);
    if (target >= this.engine.now) {
      this.advanceTo(target, timeline);
      return;
    }
    this.rewind();
    this.advanceTo(target, timeline);
    this.pending = [];
  }

  /** Applies a learner command now; returns the entry to record. Throws EngineError if refused. */
  run(command: Command): TimelineEntry {
    this.engine.apply(command);
    const logged = this.engine.commandLog[this.engine.commandLog.length - 1];
    return { at: logged.at, afterEvents: logged.afterEvents, command: logged.command as TimelineEntry['command'] };
  }

  /** Timeline actions skipped since the last call. */
  takeDropped(): DroppedAction[] {
    if (this.dropped.length === 0) return this.dropped;
    const out = this.dropped;
    this.dropped = [];
    return out;
  }

  /** Trace events since the last call (at most MAX_PENDING_EVENTS: the first ones). */
  drain(): TraceEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  dispose(): void {
    this.unsubscribe();
  }
}

/** Index of the first item whose `at` is after `t` (items sorted by `at`). */
function firstAfter(items: readonly { at: number }[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].at > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function totalLag(engine: Engine): number {
  return engine.view().groups.reduce((n, g) => n + g.totalLag, 0);
}
