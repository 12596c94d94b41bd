import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  advanceScenario,
  CompareRun,
  defaultConfig,
  ordersLag,
  scenarioById,
  serviceOfGroup,
  serviceOfSyncId,
  type CompareConfig,
  type Control,
  type ControlRefusal,
  type MetricsSnapshot,
  type RunSummary,
  type ScenarioId,
  type ServiceId,
  type Side,
} from '../../compare';
import type { TraceEvent } from '../../engine';
import { activityOf, decayActivity, type Activity } from './activity';
import { COMPARE_SPEEDS } from '../speeds';

/** How often (wall-clock ms while playing) the heavier metrics snapshot is published. */
const PUBLISH_MS = 250;
/** Longest wall-clock step one frame may simulate (a background tab must not jump minutes). */
const MAX_FRAME_MS = 100;
/** The speed a new comparison runs at: 2×, so a first order crosses both sides in a few seconds. */
const START_SPEED = COMPARE_SPEEDS[1];

export interface CompareState {
  config: CompareConfig;
  playing: boolean;
  speed: number;
  nowMs: number;
  scenario: ScenarioId | null;
  /** The run has ended (scenario finished or "End run"): the summary is shown. */
  ended: boolean;
  snapshot: MetricsSnapshot;
  /** Per service now: sync requests queued + in progress, EDA consumer lag. */
  backlog: Record<Side, Partial<Record<ServiceId, number>>>;
  activity: Activity;
  summary: RunSummary | null;
  /** A control was refused: its refusal code, for a message. */
  refused: ControlRefusal | null;
  /** Bumped on every new run, so panels that read the run (diagrams) know to refresh. */
  runNumber: number;
  /** The order last drawn in the diagrams panel (the Markdown export draws it too). */
  diagramOrder: number | null;

  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** A new run from `config` (default: the starting config), paused at time 0. */
  reset(config?: CompareConfig): void;
  control(c: Control): void;
  startScenario(id: ScenarioId): void;
  endRun(): void;
  /** Advances the simulation by `wallMs` × speed and publishes. */
  frame(wallMs: number): void;
  setDiagramOrder(order: number | null): void;
  /** The run itself, for reading the trace (diagrams) outside React state. */
  getRun(): CompareRun;
}

function emptyBacklog(): Record<Side, Partial<Record<ServiceId, number>>> {
  return { sync: {}, eda: {} };
}

function backlogOf(run: CompareRun): Record<Side, Partial<Record<ServiceId, number>>> {
  const view = run.engine.view();
  const out = emptyBacklog();
  for (const g of view.groups) {
    const s = serviceOfGroup(g.id);
    if (s) out.eda[s] = ordersLag(view, g.id);
  }
  for (const s of view.syncServices) {
    const id = serviceOfSyncId(s.id);
    if (id) out.sync[id] = s.queued + s.active;
  }
  return out;
}

export type CompareStore = StoreApi<CompareState>;

/**
 * The comparison's own store, separate from the workbench: one CompareRun (engine + metrics)
 * held outside React state, advanced only by `frame` (called from the view's animation loop while
 * the view is visible and playing). It publishes the animation activity every frame and the
 * heavier metrics snapshot at most PUBLISH_MS apart.
 */
export function createCompareStore(): CompareStore {
  return createStore<CompareState>()((set, get) => {
    let run = new CompareRun(defaultConfig());
    let sincePublish = 0;

    const publish = (extra: Partial<CompareState> = {}) => {
      sincePublish = 0;
      set({ nowMs: run.now, config: run.config, snapshot: run.metrics.snapshot(), backlog: backlogOf(run), ...extra });
    };

    const start = (config: CompareConfig, scenario: ScenarioId | null, playing: boolean) => {
      run = new CompareRun(config);
      publish({ scenario, playing, ended: false, summary: null, refused: null, activity: {}, runNumber: get().runNumber + 1, diagramOrder: null });
    };

    const finish = () => {
      publish({ playing: false, ended: true, summary: run.metrics.summary(run.now) });
    };

    return {
      config: run.config,
      playing: false,
      speed: START_SPEED,
      nowMs: 0,
      scenario: null,
      ended: false,
      snapshot: run.metrics.snapshot(),
      backlog: emptyBacklog(),
      activity: {},
      summary: null,
      refused: null,
      runNumber: 0,
      diagramOrder: null,

      play() {
        if (get().ended) start(get().scenario ? scenarioById(get().scenario!).config : run.config, get().scenario, true);
        else set({ playing: true });
      },
      pause() {
        set({ playing: false });
      },
      setSpeed(speed) {
        set({ speed });
      },
      reset(config) {
        start(config ?? defaultConfig(), null, false);
      },
      control(c) {
        const why = run.refusal(c);
        if (why) {
          set({ refused: why });
          return;
        }
        run.apply(c);
        publish({ refused: null });
      },
      startScenario(id) {
        start(scenarioById(id).config, id, true);
      },
      endRun() {
        finish();
      },
      frame(wallMs) {
        const state = get();
        const dt = Math.min(Math.max(0, wallMs), MAX_FRAME_MS);
        if (!state.playing) {
          if (Object.keys(state.activity).length) set({ activity: decayActivity(state.activity, dt) });
          return;
        }
        const target = run.now + dt * state.speed;
        let done = false;
        if (state.scenario) {
          const s = scenarioById(state.scenario);
          advanceScenario(run, s, target);
          done = run.now >= s.durationMs;
        } else run.advanceTo(target);
        const events: TraceEvent[] = run.drain();
        const activity = activityOf(decayActivity(state.activity, dt), events);
        sincePublish += dt;
        if (done) {
          set({ activity });
          finish();
        } else if (sincePublish >= PUBLISH_MS) publish({ activity });
        else set({ activity, nowMs: run.now });
      },
      setDiagramOrder(order) {
        set({ diagramOrder: order });
      },
      getRun() {
        return run;
      },
    };
  });
}
