import type { Engine } from '../engine';
import type { Scenario } from '../scenario';

/**
 * How much work the store lets the engine do at once, and how far a saved run is replayed.
 * These are the simulator's honest limits: the UI states them (see notice.restoreCapped,
 * notice.recordLimit and the "running at" badge).
 */

/** Wall time the frame loop gives the engine per frame, ms: with rendering, a frame stays well under 100 ms. */
export const FRAME_BUDGET_MS = 12;
/**
 * Work is counted as agenda events run plus trace events emitted (a busy batch emits one per record
 * processed), a measure that is the same on every machine.
 *
 * A frame may always do this much work before its wall budget is checked, so a light run (every
 * lesson, every test) advances exactly as asked on any machine, however busy.
 */
export const MIN_WORK_PER_FRAME = 2_000;
/**
 * Every replay (opening a canvas, an edit that replays to now, seek, scrubbing, stepping back) does
 * at most this much work at once (a few dozen ms) before continuing over frames with its progress
 * shown; a lesson or test that reads the result awaits the store's settled().
 */
export const UI_SYNC_WORK = 20_000;
/** Loading replays a saved run to its moment only up to this much virtual time (5 minutes)... */
export const MAX_RESTORE_MS = 5 * 60_000;
/** ...and only while its producers would have written at most this many records. */
export const MAX_RESTORE_RECORDS = 1_000_000;

export type Clock = () => number;

/** Work the engine has done so far (see MIN_WORK_PER_FRAME). */
const workDone = (engine: Engine) => engine.eventsRun + engine.traceCount;

/** True while the learner's input (a key press, a click) waits for the main thread. */
export type InputPending = () => boolean;

/**
 * A stop check for SimulationRunner.advanceTo: stop once `maxWork` work is done, or once `wallMs`
 * of wall time has passed and at least MIN_WORK_PER_FRAME work is done, or at once when
 * `inputPending` says the learner pressed something: the frame hands the main thread back within
 * one slice (well under a millisecond of engine work), so Pause is handled without waiting for
 * the rest of the frame's budget.
 */
export function workBudget(engine: Engine, clock: Clock, limits: { wallMs?: number; maxWork?: number; inputPending?: InputPending }): () => boolean {
  const startWork = workDone(engine);
  const startWall = clock();
  const { wallMs = Infinity, maxWork = Infinity, inputPending } = limits;
  return () => {
    const done = workDone(engine) - startWork;
    return done >= maxWork || (done >= MIN_WORK_PER_FRAME && clock() - startWall > wallMs) || (inputPending?.() ?? false);
  };
}

/** Records per second the scenario's producers write, together. */
export function producerRate(s: Scenario): number {
  return s.nodes.reduce((sum, n) => sum + (n.kind === 'producer' ? n.props.ratePerSec : 0), 0);
}

/**
 * The furthest moment (virtual ms) loading replays this scenario to: MAX_RESTORE_MS, or less when
 * its producers would write more than MAX_RESTORE_RECORDS records by then. Replay work grows with
 * both, so this bounds how long opening any canvas can take.
 */
export function restoreLimitMs(s: Scenario): number {
  const rate = producerRate(s);
  return rate > 0 ? Math.min(MAX_RESTORE_MS, Math.floor((MAX_RESTORE_RECORDS / rate) * 1000)) : MAX_RESTORE_MS;
}

/** The limit as the learner reads it, for the notices' {{limit}} (minutes of virtual time). */
export function limitParams(s: Scenario): { limit: string } {
  return { limit: formatMinutes(restoreLimitMs(s)) };
}

/** Virtual ms as minutes for a message: "5", "0.17", "500", "123,457"; past a million, "1,000,000+". */
export function formatMinutes(ms: number): string {
  const min = ms / 60_000;
  if (min > 1e6) return '1,000,000+';
  return min.toLocaleString('en-US', { maximumFractionDigits: min < 1 ? 2 : 0 });
}
