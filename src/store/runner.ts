import { createEngine, EngineError, type Command, type Engine, type LoggedCommand, type TraceEvent } from '../engine';
import type { Refusal } from '../i18n/refusals';
import { scenarioToEngine, type EngineIdMap, type Scenario, type TimelineEntry } from '../scenario';

/** The runner hears every event through its subscription: the engine need not also gather them. */
const NO_COLLECT = { collect: false } as const;

export type Problem = ReturnType<typeof scenarioToEngine>['problems'][number];

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
 */
export class SimulationRunner {
  engine: Engine;
  readonly ids: EngineIdMap;
  readonly problems: Problem[];
  private readonly setup: Command[];
  /** Nodes that join while the simulation runs: applied at their moment, on every replay alike. */
  private readonly scheduled: readonly { at: number; command: Command }[];
  private readonly seedConfig: ReturnType<typeof scenarioToEngine>['config'];
  private pending: TraceEvent[] = [];
  private dropped: DroppedAction[] = [];
  private unsubscribe: () => void = () => {};

  constructor(scenario: Scenario) {
    const { config, commands, scheduled, problems, ids } = scenarioToEngine(scenario);
    this.seedConfig = { ...config, traceLimit: 20_000 };
    this.setup = commands;
    this.scheduled = scheduled;
    this.problems = problems;
    this.ids = ids;
    this.engine = this.fresh();
  }

  private fresh(): Engine {
    const engine = createEngine(this.seedConfig);
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
      this.pending.push(event);
    });
  }

  get now(): number {
    return this.engine.now;
  }

  /**
   * Moves forward by `ms`, applying recorded timeline entries and scheduled joins that fall in the
   * window (after now, up to and including the target), in time order; a join goes before a
   * recorded entry of the same moment, since the learner could only act on a node once it was there.
   */
  advance(ms: number, timeline: readonly TimelineEntry[]): void {
    const from = this.engine.now;
    const target = from + ms;
    const inWindow = (at: number) => at > from && at <= target;
    const joins = this.scheduled.filter((j) => inWindow(j.at));
    let next = 0;
    const joinUpTo = (t: number) => {
      for (; next < joins.length && joins[next].at <= t; next++) {
        this.engine.advanceTo(joins[next].at, NO_COLLECT);
        try {
          this.engine.apply(joins[next].command);
        } catch {
          // toEngine checked the command against the setup; one the engine still refuses is left out
        }
      }
    };
    for (const entry of timeline) {
      if (!inWindow(entry.at)) continue;
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

  /** Jumps to virtual time t: forward by playing, backward by replaying from the seed. */
  seek(t: number, timeline: readonly TimelineEntry[]): void {
    const target = Math.max(0, t);
    if (target >= this.engine.now) return this.advance(target - this.engine.now, timeline);
    this.pending = [];
    this.engine = this.fresh();
    this.advance(target, timeline);
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

  /** Trace events since the last call. */
  drain(): TraceEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  dispose(): void {
    this.unsubscribe();
  }
}
