import type { Control } from './controls';
import { defaultConfig, type CompareConfig } from './model';
import { CompareRun } from './run';

/**
 * Scripted scenarios: a starting config, controls at given virtual times, and the one-line
 * lesson each teaches. Data only; the UI and the tests play them the same way (`playScenario`
 * headless, or step by step with `stepsBetween` from an animation loop).
 */
export type ScenarioId = 'emailDown' | 'paymentSlow' | 'blackFriday' | 'addAnalytics';

export interface ScriptStep {
  atMs: number;
  control: Control;
}

export interface Scenario {
  id: ScenarioId;
  /** Message keys (src/i18n/en/compare.ts): the button label and the one-line lesson. */
  titleKey: `compare.scenario.${ScenarioId}`;
  lessonKey: `compare.lesson.${ScenarioId}`;
  durationMs: number;
  config: CompareConfig;
  /** In time order. */
  steps: ScriptStep[];
}

const scenario = (id: ScenarioId, durationMs: number, steps: ScriptStep[], config = defaultConfig()): Scenario => ({
  id,
  titleKey: `compare.scenario.${id}`,
  lessonKey: `compare.lesson.${id}`,
  durationMs,
  config,
  steps,
});

export const SCENARIOS: readonly Scenario[] = [
  // Sync: every order fails while Email is down. EDA: accepted; Email's lag grows, then drains.
  scenario('emailDown', 70_000, [
    { atMs: 5_000, control: { type: 'setDown', service: 'email', down: true } },
    { atMs: 35_000, control: { type: 'setDown', service: 'email', down: false } },
  ]),
  // Sync: the user waits for Payment's extra 200 ms. EDA: the user's wait stays flat; Payment lags.
  scenario('paymentSlow', 60_000, [
    { atMs: 5_000, control: { type: 'setExtraLatency', service: 'payment', ms: 200 } },
    { atMs: 25_000, control: { type: 'setExtraLatency', service: 'payment', ms: 0 } },
  ]),
  // 10x orders: sync's Order service runs out of threads (it holds one for the whole chain);
  // EDA keeps accepting, and Payment is scaled on its own while the others catch up later.
  scenario('blackFriday', 60_000, [
    { atMs: 5_000, control: { type: 'setRate', ratePerSec: 200 } },
    { atMs: 15_000, control: { type: 'setInstances', service: 'payment', instances: 8 } },
    { atMs: 40_000, control: { type: 'setRate', ratePerSec: 20 } },
  ]),
  // Sync must change the Order service to call Analytics; EDA adds a subscriber and changes nothing.
  scenario('addAnalytics', 30_000, [{ atMs: 10_000, control: { type: 'addFeature', service: 'analytics' } }]),
];

export function scenarioById(id: ScenarioId): Scenario {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new RangeError(`unknown scenario ${id}`);
  return s;
}

/** Steps due in the half-open window (fromMs, toMs]. */
export function stepsBetween(s: Scenario, fromMs: number, toMs: number): ScriptStep[] {
  return s.steps.filter((step) => step.atMs > fromMs && step.atMs <= toMs);
}

/**
 * Advances `run` to `toMs`, applying the scenario's steps at their exact times on the way.
 * Returns the steps applied. The UI calls this every frame; `playScenario` once.
 */
export function advanceScenario(run: CompareRun, s: Scenario, toMs: number): ScriptStep[] {
  const target = Math.min(toMs, s.durationMs);
  const due = stepsBetween(s, run.now, target);
  for (const step of due) {
    run.advanceTo(step.atMs);
    run.apply(step.control);
  }
  run.advanceTo(Math.max(run.now, target));
  return due;
}

/** The whole scenario, headless. */
export function playScenario(s: Scenario, options: { traceLimit?: number } = {}): CompareRun {
  const run = new CompareRun({ ...s.config, traceLimit: options.traceLimit ?? s.config.traceLimit }, { collect: false });
  advanceScenario(run, s, s.durationMs);
  return run;
}
