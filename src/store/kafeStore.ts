import { createStore, type StoreApi } from 'zustand/vanilla';
import { EngineError, type Command, type EngineView, type KafkaRecord, type TraceEvent } from '../engine';
import {
  canConnect,
  loadedLayout,
  loadLayout,
  keepRegistrations,
  encodeShareFragment,
  newNode,
  scenarioToEngine,
  scenarioToJson,
  TEMPLATES,
  type EngineIdMap,
  type NodeKind,
  type Registry,
  type Scenario,
  type ReadIssue,
  type ReadReason,
  type ScenarioNode,
} from '../scenario';
import type { MessageKey } from '../i18n/en';
import type { Refusal } from '../i18n/refusals';
import type { MetricsSeries } from './metrics';
import { formatMinutes, FRAME_BUDGET_MS, limitParams, restoreLimitMs, UI_SYNC_WORK, workBudget, type Clock, type InputPending } from './budget';
import { stackNotice } from './noticeStack';
import { RECORDS_PER_PARTITION, SimulationRunner, type DroppedAction, type Problem } from './runner';
import { readFailureExtras } from './readFailure';
import { loadSchemaJudge } from '../schema/lazyJudge';
import { loadedValidation, VALIDATION_MISSING } from './lazyValidation';
import { FASTEST_SPEED, SLOWEST_SPEED } from './speeds';
import { reuseUnchanged } from './viewReuse';

/** What the canvas shows for the current moment; replaced once per animation frame at most. */
export interface Frame {
  now: number;
  view: EngineView;
  /** Trace events since the previous frame (what to animate). */
  events: readonly TraceEvent[];
  seq: number;
}

/**
 * A message for the learner. `key` is an i18n key the UI translates, filled with `params`; the
 * line under it is `refusal` in words when the engine refused something, else `detail` as text.
 * `reason`, when something could not be read, is translated too (`read.<reason>`) and shown above
 * the detail.
 */
export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'success';
  key: MessageKey;
  params?: Record<string, string | number>;
  detail?: string;
  refusal?: Refusal;
  reason?: ReadReason;
  /** When a schema rule refused a value: which, worded in the learner's language under `reason`
   * (`read.issue.<code>`); `detail` then holds the reader's English as a technical detail. */
  issue?: ReadIssue;
  /** Stays until dismissed, like an error: it explains something the learner must read. */
  sticky?: boolean;
}

/** A replay to a moment that runs over several frames (see SYNC_REPLAY_EVENTS), with its progress. */
export interface Replay {
  from: number;
  target: number;
  /** Where the replay stands now, virtual ms. */
  reached: number;
}

/** How a canvas was loaded: `kept` when it can be had again (a template, a lesson, a file, a link). */
export interface LoadOptions {
  kept?: boolean;
}

/** What a notice may carry besides its key and detail line. */
export type NoticeExtras = Pick<Notice, 'params' | 'refusal' | 'reason' | 'issue' | 'sticky'>;

export const STEP_MS = 100;
/** While playing, how often (wall ms) the canvas's numbers and lanes refresh: 10 per second reads
 * as live, and spares the browser re-rendering every node 60 times a second. */
export const VIEW_REFRESH_MS = 100;

export interface KafeState {
  scenario: Scenario;
  ids: EngineIdMap;
  problems: Problem[];
  /** The simulated schema registry of the current setup (subjects, versions, refusals). */
  registry: Registry;
  selectedId: string | null;
  frame: Frame;
  playing: boolean;
  speed: number;
  metrics: MetricsSeries;
  /** The notices showing, oldest first (see noticeStack.ts: capped, sticky ones kept). */
  notices: readonly Notice[];
  /** The newest of `notices`, or null. */
  notice: Notice | null;
  /** A long replay under way (loading, stepping back, scrubbing), or null. */
  replay: Replay | null;
  /**
   * While playing: the speed the simulation really reaches when the engine cannot keep up with the
   * chosen one within a frame's budget (FRAME_BUDGET_MS), e.g. 23 for "23×"; null when it keeps up.
   */
  slowedTo: number | null;

  /** Adds a node with the palette's defaults; `init` (lessons use it) fixes its id, label or props.
   * Returns the new node's id, or null (with a notice) when `init.id` is already taken. */
  addNode(kind: NodeKind, position?: { x: number; y: number }, init?: { id?: string; label?: string; props?: Record<string, unknown> }): string | null;
  updateNode(id: string, patch: { label?: string; props?: Record<string, unknown> }): void;
  moveNode(id: string, position: { x: number; y: number }): void;
  /**
   * Lays every node out again (dagre); positions only, so the simulation keeps running. The layout
   * code loads on first use (lazyLayout.ts): until it has, the canvas stays as it is and settled()
   * waits for it; a failed load is reported and changes nothing.
   */
  autoArrange(): void;
  removeNodes(ids: string[]): void;
  connect(source: string, target: string): boolean;
  removeEdges(ids: string[]): void;
  select(id: string | null): void;

  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  stepForward(): void;
  stepBack(): void;
  /**
   * Jumps to virtual time t (lessons, tests). Like every replay (see replayTo), a long one does a
   * bounded share at once and continues over frames with its progress in `replay`: whoever reads
   * the result (a lesson's next action or goal check, a test) awaits `settled()` first.
   */
  seek(t: number): void;
  /** Jumps to t as the learner's scrubber does (the same bounded replay as seek). */
  scrub(t: number): void;
  /** Stops a long replay where it has got to (the canvas shows that moment). */
  stopReplay(): void;
  /**
   * Resolves once no replay is under way: true if the last one reached its moment, false if it was
   * stopped (stopReplay, a command, Play). It drives the replay itself, a frame's budget at a time
   * with the event loop free in between, so it settles with or without a frame loop (tests, Node).
   * A layout waiting for its code (autoArrange, a loaded canvas with stacked nodes) is waited for first.
   */
  settled(): Promise<boolean>;
  restart(): void;
  setSeed(seed: number): void;
  /** Advances by `realMs` of wall time at the current speed, if playing. Called by the frame loop. */
  tick(realMs: number): void;

  /** A learner action on the running simulation (produce, crash a consumer, fail a broker...). */
  run(command: Command): boolean;

  loadTemplate(id: keyof typeof TEMPLATES): void;
  /** Replaces the canvas. `kept` (default true): the scenario can be had again, so until the
   * learner changes it, replacing it loses nothing (see hasUnsavedWork). */
  loadScenario(s: Scenario, options?: LoadOptions): void;
  /** Reads a canvas from text and opens it. Both need the validation module loaded first
   * (store/lazyValidation.ts): without it nothing is read, and the notice says why. */
  importJson(text: string): boolean;
  openShareFragment(hash: string): boolean;
  /**
   * True when replacing the canvas now would lose work kept nowhere else: it has nodes or recorded
   * actions, and either it was not loaded from somewhere it can be had again (an autosave, a canvas
   * brought back from the lessons) or the learner changed it since (node positions and the clock do
   * not count). The UI asks before any replacement while this holds.
   */
  hasUnsavedWork(): boolean;
  /** The current canvas is now kept elsewhere (downloaded, or a finished lesson): no need to ask. */
  markKept(): void;
  /**
   * Runs `edits` (a lesson replaying earlier steps' solutions) as the app's own edits, not the
   * learner's: an edit that restarts time says nothing, since the learner changed nothing. Other
   * notices (errors) still show.
   */
  asScriptedEdits<T>(edits: () => Promise<T>): Promise<T>;
  exportJson(): string;
  shareFragment(): string;
  /** Shows a notice above the others (see stackNotice). */
  notify(kind: Notice['kind'], key: MessageKey, detail?: string, extras?: NoticeExtras): void;
  /** Takes one notice away (`id`), or the newest. */
  dismissNotice(id?: number): void;
  /** The engine's trace so far (most recent events; not reactive): what lesson goals read. */
  trace(): readonly TraceEvent[];
  /** Records of a partition at the current frame (not reactive: call it while rendering a frame). */
  readRecords(topic: string, partition: number, from: number, max: number): KafkaRecord[];
}

export type KafeStore = StoreApi<KafeState>;

export interface StoreOptions {
  /** Wall clock for the frame budget (performance.now by default). */
  clock?: Clock;
  /**
   * Whether the learner's input waits for the main thread (in a browser that has it,
   * navigator.scheduling.isInputPending): work the store does in slices stops at the next slice,
   * so Pause is handled at once under any load. Never by default.
   */
  inputPending?: InputPending;
}

export function createKafeStore(initial: Scenario = TEMPLATES.orderFanOut.build(), options: StoreOptions = {}): KafeStore {
  const clock = options.clock ?? (() => performance.now());
  const inputPending = options.inputPending;
  let runner = new SimulationRunner(initial);
  let frameSeq = 0;
  let noticeSeq = 0;
  /** The replay in progress: where it goes (its timeline is the scenario's). */
  let job: { from: number; target: number } | null = null;
  /** Whether the last replay was stopped before its moment (see settled). */
  let lastStopped = false;
  /** Counts canvases loaded (replaceScenario): a layout that arrives late applies to its own only. */
  let loadSeq = 0;
  /** How many asScriptedEdits scopes are running (see there). */
  let scripted = 0;
  /** A layout waiting for the layout code (see arrange), or null. */
  let pendingLayout: Promise<void> | null = null;
  /** The schema judge (avsc) loading for a canvas with schemas (see awaitSchemas), or null. */
  let pendingSchemas: Promise<void> | null = null;
  /** Smoothed ratio of virtual time reached to virtual time wanted per frame while playing. */
  let pace = 1;
  /** Whether this runner's record-limit notice was shown. */
  let limitNoticed = false;
  /** Fingerprint of the canvas as last kept (see hasUnsavedWork), or null if it is kept nowhere. */
  let baseline: string | null = workFingerprint(initial);

  /** Wall time since the engine view was last rebuilt while playing (see publish). */
  let sinceView = Infinity;
  /** The engine the published view was built from (see nextView). */
  let viewEngine: unknown = runner.engine;

  return createStore<KafeState>()((set, get) => {
    /**
     * Builds the state for the current runner and publishes it in one `set`. While playing
     * (`throttled`), the engine view — which every node on the canvas renders from — is rebuilt at
     * most every VIEW_REFRESH_MS of wall time; trace events (the animated messages) and the clock
     * still go out every frame. Any other change (step, seek, edit, command) refreshes at once.
     */
    const publish = (extra: Partial<KafeState> = {}, throttled = false) => {
      const fresh = !throttled || sinceView >= VIEW_REFRESH_MS;
      if (fresh) sinceView = 0;
      const frame: Frame = { now: runner.now, view: fresh ? nextView() : get().frame.view, events: runner.drain(), seq: ++frameSeq };
      const dropped = runner.takeDropped();
      if (dropped.length > 0) extra = { ...extra, ...noticesWith(droppedNotice(++noticeSeq, dropped)) };
      set({ ...extra, frame, metrics: runner.metrics.series() });
    };

    /** The notice state once `next` shows too. */
    const noticesWith = (next: Notice): Pick<KafeState, 'notices' | 'notice'> => {
      const notices = stackNotice(get().notices, next);
      return { notices, notice: notices[notices.length - 1] };
    };

    /**
     * The engine's view now, sharing every unchanged part with the published one (see
     * viewReuse.ts) while the same engine runs on. Another engine (a new runner, a rewind) may hold
     * different records at the same offsets, so its first view is taken as it comes.
     */
    const nextView = (): EngineView => {
      const view = runner.engine.view();
      const shared = viewEngine === runner.engine ? reuseUnchanged(get().frame.view, view) : view;
      viewEngine = runner.engine;
      return shared;
    };

    /** Swaps in a runner for a new setup; any replay of the old one ends. */
    const useRunner = (next: SimulationRunner) => {
      runner.dispose();
      runner = next;
      job = null;
      limitNoticed = false;
      if (next.registry.pending) awaitSchemas();
    };

    /**
     * A canvas with schemas needs the schema judge (avsc, a lazy chunk): until it has loaded the
     * setup holds its schema producers back (registry.ts). When it arrives, the current canvas is
     * built again and replayed to the same moment, as after an edit that keeps the past. settled()
     * waits for it; a load that fails is reported and the canvas stays as it is.
     */
    const awaitSchemas = () => {
      if (pendingSchemas) return;
      const waiting: Promise<void> = loadSchemaJudge()
        .then(
          () => {
            if (!runner.registry.pending) return;
            const now = job ? job.target : get().frame.now;
            const s = get().scenario;
            useRunner(new SimulationRunner(s));
            set({ ids: runner.ids, problems: runner.problems, registry: runner.registry });
            replayTo(now);
          },
          (e: unknown) => get().notify('error', 'notice.schemaCheckFailed', e instanceof Error ? e.message : String(e)),
        )
        .finally(() => {
          if (pendingSchemas === waiting) pendingSchemas = null;
        });
      pendingSchemas = waiting;
    };

    /**
     * Moves the run to virtual time `target` (a replay from the seed when it lies behind). Does at
     * most UI_SYNC_WORK work at once (budget.ts); the rest continues over the following frames (see
     * tick and settled) with its progress in `replay`, and can be stopped. Returns true if it
     * finished at once. `startedAt`:
     * where the replay began, for its progress, when a share of it was already done elsewhere.
     */
    const replayTo = (target: number, extra: Partial<KafeState> = {}, startedAt?: number): boolean => {
      const rewound = target < runner.now;
      if (rewound) runner.rewind();
      const from = startedAt ?? runner.now;
      lastStopped = false;
      runner.advanceTo(target, get().scenario.timeline, workBudget(runner.engine, clock, { maxWork: UI_SYNC_WORK, inputPending }));
      if (rewound) runner.drain(); // a replay is not animated
      if (runner.now >= target) {
        job = null;
        publish({ ...extra, replay: null });
        return true;
      }
      job = { from, target };
      publish({ ...extra, playing: false, replay: { from, target, reached: runner.now } });
      return false;
    };

    /** One frame's share of the replay in progress. */
    const continueReplay = () => {
      if (!job) return;
      runner.advanceTo(job.target, get().scenario.timeline, workBudget(runner.engine, clock, { wallMs: FRAME_BUDGET_MS, inputPending }));
      runner.drain();
      if (runner.now >= job.target) {
        job = null;
        publish({ replay: null });
      } else publish({ replay: { ...job, reached: runner.now } });
    };

    /**
     * Rebuilds the engine after a setup edit. An edit that leaves everything before now as it was
     * (adding a node that joins now, wiring or tuning it) keeps the clock: the new setup is
     * replayed to now. Any other edit rewrites history, so the timeline no longer fits and time
     * restarts at 0.
     */
    const resetupWith = (edited: Scenario) => {
      // During a replay, the moment being rebuilt is the one the learner edits.
      const now = job ? job.target : get().frame.now;
      const old = get().scenario;
      const scenario = now > 0 ? startLateNodesNow(old, edited, now) : edited;
      if (now > 0 && sameHistoryUntil(old, scenario, now)) {
        const next = { ...scenario, timeline: old.timeline.filter((e) => e.at <= now) };
        useRunner(new SimulationRunner(next));
        set({ scenario: next, ids: runner.ids, problems: runner.problems, registry: runner.registry });
        // Bounded like every replay: a lesson awaits settled() before checking the edit.
        replayTo(now);
        return;
      }
      // A fresh start: every node is there from 0 s, so nothing joins late any more.
      const next = { ...scenario, nodes: scenario.nodes.map(withoutLateJoin), timeline: [], time: 0 };
      useRunner(new SimulationRunner(next));
      publish({ scenario: next, ids: runner.ids, problems: runner.problems, registry: runner.registry, replay: null });
      if (now > 0 && scripted === 0) get().notify('info', 'notice.restartedAfterEdit');
    };

    /**
     * Lays the canvas out (positions only): at once when the layout code is loaded, else as soon
     * as it arrives, on the canvas as it is then, unless another canvas was loaded meanwhile.
     * settled() waits for it; a load that fails is reported and leaves the canvas as it is.
     */
    const arrange = () => {
      const layout = loadedLayout();
      if (layout) {
        const s = get().scenario;
        set({ scenario: { ...s, nodes: layout(s.nodes, s.edges) } });
        return;
      }
      const forLoad = loadSeq;
      const waiting: Promise<void> = loadLayout()
        .then(
          () => {
            if (loadSeq === forLoad) arrange();
          },
          (e: unknown) => get().notify('error', 'notice.arrangeFailed', e instanceof Error ? e.message : String(e)),
        )
        .finally(() => {
          if (pendingLayout === waiting) pendingLayout = null;
        });
      pendingLayout = waiting;
    };

    const replaceScenario = (loaded: Scenario, kept = true) => {
      // A hand-written file often leaves positions out (all 0,0): lay such a canvas out (below).
      const stacked = hasStackedNodes(loaded);
      const layout = stacked ? loadedLayout() : null;
      const laidOut = layout ? { ...loaded, nodes: layout(loaded.nodes, loaded.edges) } : loaded;
      // Loading replays the saved run to its moment; a moment further than restoreLimitMs would
      // take unbounded time, so such a canvas opens at 0 s with its setup and recorded actions.
      const capped = laidOut.time > restoreLimitMs(laidOut);
      const scenario = capped ? { ...laidOut, time: 0 } : laidOut;
      // Build the new runner and take the replay's first share before letting go of the old one:
      // if the scenario cannot be run, the current canvas stays as it was.
      const next = new SimulationRunner(scenario);
      try {
        next.advanceTo(scenario.time, scenario.timeline, workBudget(next.engine, clock, { maxWork: UI_SYNC_WORK }));
        next.drain();
      } catch (e) {
        next.dispose();
        throw e;
      }
      useRunner(next);
      loadSeq++;
      baseline = kept ? workFingerprint(scenario) : null;
      set({ scenario, ids: runner.ids, problems: runner.problems, registry: runner.registry, selectedId: null, playing: false });
      replayTo(scenario.time, {}, 0);
      // Positions are not part of the run: the layout may follow when its code has loaded.
      if (stacked && !layout) arrange();
      if (capped) get().notify('info', 'notice.restoreCapped', undefined, { sticky: true, params: { ...limitParams(laidOut), saved: formatMinutes(laidOut.time) } });
      return capped;
    };

    const updateNodes = (fn: (nodes: ScenarioNode[]) => ScenarioNode[]) => {
      // What the registry accepted stays registered whatever the edit (registry.ts keepRegistrations).
      const s = keepRegistrations(get().scenario, runner.registry);
      resetupWith({ ...s, nodes: fn(s.nodes) });
    };

    const seekTo = (t: number) => {
      replayTo(Math.max(0, t));
    };

    const firstFrame: Frame = { now: 0, view: runner.engine.view(), events: [], seq: 0 };
    runner.drain();
    // The judge's promise settles after the store exists, so the rebuild finds it (see awaitSchemas).
    if (runner.registry.pending) awaitSchemas();

    return {
      scenario: initial,
      ids: runner.ids,
      problems: runner.problems, registry: runner.registry,
      selectedId: null,
      frame: firstFrame,
      playing: false,
      speed: 1,
      metrics: runner.metrics.series(),
      notices: [],
      notice: null,
      replay: null,
      slowedTo: null,

      addNode(kind, position, init) {
        const made = newNode(kind, get().scenario, position);
        // Added while the simulation runs, it joins now, like a topic created or a process started later.
        const now = get().frame.now;
        if (now > 0 && kind !== 'broker') Object.assign(made, { joinAtMs: now });
        if (init?.id !== undefined && get().scenario.nodes.some((n) => n.id === init.id)) {
          get().notify('error', 'notice.nodeIdTaken', init.id);
          return null;
        }
        const id = init?.id ?? made.id;
        const named = init?.id === undefined ? {} : kind === 'topic' ? { name: id } : kind === 'service' || kind === 'consumer' ? { group: id } : {};
        const props = { ...made.props, ...named, ...init?.props };
        const node = { ...made, id, label: init?.label ?? (kind === 'topic' ? id : made.label), props } as ScenarioNode;
        updateNodes((nodes) => [...nodes, node]);
        set({ selectedId: node.id });
        return node.id;
      },
      updateNode(id, patch) {
        updateNodes((nodes) =>
          nodes.map((n) => {
            if (n.id !== id) return n;
            // A topic shows its name until the learner gives it a label of its own: renaming it
            // renames what the canvas shows (else "topic-1" would stay on a topic named "points").
            const rename = n.kind === 'topic' && typeof patch.props?.name === 'string' && patch.label === undefined && n.label === n.props.name;
            const label = patch.label ?? (rename ? (patch.props!.name as string) : undefined);
            return { ...n, ...(label !== undefined ? { label } : {}), props: { ...n.props, ...patch.props } } as ScenarioNode;
          }),
        );
      },
      moveNode(id, position) {
        const s = get().scenario;
        set({ scenario: { ...s, nodes: s.nodes.map((n) => (n.id === id ? { ...n, position } : n)) } });
      },
      autoArrange() {
        arrange();
      },
      removeNodes(ids) {
        if (ids.length === 0) return;
        const gone = new Set(ids);
        const s = get().scenario;
        resetupWith({
          ...s,
          nodes: s.nodes.filter((n) => !gone.has(n.id)),
          edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
        });
        if (get().selectedId && gone.has(get().selectedId!)) set({ selectedId: null });
      },
      connect(source, target) {
        const s = get().scenario;
        const verdict = canConnect(s, source, target);
        if (!verdict.ok) {
          get().notify('error', `connection.${verdict.reason}`);
          return false;
        }
        const id = uniqueEdgeId(s, source, target);
        resetupWith({ ...s, edges: [...s.edges, { id, source, target }] });
        return true;
      },
      removeEdges(ids) {
        if (ids.length === 0) return;
        const gone = new Set(ids);
        const s = get().scenario;
        resetupWith({ ...s, edges: s.edges.filter((e) => !gone.has(e.id)) });
      },
      select(id) {
        set({ selectedId: id });
      },

      play() {
        // Playing from a replay in progress plays from where it has got to.
        if (job) get().stopReplay();
        pace = 1;
        set({ playing: true, slowedTo: null });
      },
      pause() {
        set({ playing: false, slowedTo: null });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        pace = 1;
        set({ speed: Math.min(FASTEST_SPEED, Math.max(SLOWEST_SPEED, speed)), slowedTo: null });
      },
      stepForward() {
        set({ playing: false });
        replayTo((job ? job.target : runner.now) + STEP_MS);
      },
      stepBack() {
        set({ playing: false });
        seekTo((job ? job.target : get().frame.now) - STEP_MS);
      },
      seek(t) {
        seekTo(t);
      },
      scrub(t) {
        seekTo(t);
      },
      stopReplay() {
        if (!job) return;
        job = null;
        lastStopped = true;
        publish({ replay: null });
      },
      settled() {
        if (pendingLayout) return pendingLayout.then(() => get().settled());
        if (pendingSchemas) return pendingSchemas.then(() => get().settled());
        return new Promise<boolean>((resolve) => {
          // Each share waits for the event loop first, so what the caller does right after
          // starting a replay (show its progress, stop it) comes before any more of it runs.
          const step = () => {
            if (!job) return resolve(!lastStopped);
            setTimeout(() => {
              continueReplay();
              step();
            }, 0);
          };
          step();
        });
      },
      restart() {
        seekTo(0);
      },
      setSeed(seed) {
        const s = get().scenario;
        resetupWith({ ...s, seed: Math.max(0, Math.min(2 ** 31 - 1, Math.floor(seed))) });
      },
      tick(realMs) {
        // A key press or click already waiting goes first (it may be Pause): this frame does
        // nothing, so neither engine work nor a re-render stands between the learner and it.
        if (inputPending?.()) return;
        if (job) return continueReplay();
        const { playing, speed } = get();
        if (!playing || realMs <= 0) return;
        // The engine gets FRAME_BUDGET_MS of each frame: what does not fit is dropped (the clock
        // runs slower than chosen, and says so), so frames and Pause stay responsive under any load.
        const wanted = Math.min(realMs, 250) * speed;
        const from = runner.now;
        runner.advanceTo(from + wanted, get().scenario.timeline, workBudget(runner.engine, clock, { wallMs: FRAME_BUDGET_MS, inputPending }));
        // A frame cut short for the learner's input says nothing about the speed reached.
        if (!inputPending?.()) pace = pace * 0.8 + ((runner.now - from) / wanted) * 0.2;
        const slowedTo = pace < 0.8 ? roundSpeed(speed * pace) : null;
        sinceView += realMs;
        publish(slowedTo !== get().slowedTo ? { slowedTo } : {}, true);
        if (!limitNoticed && runner.limitedTopics.size > 0) {
          limitNoticed = true;
          get().notify('info', 'notice.recordLimit', [...runner.limitedTopics].join(', '), { params: { limit: RECORDS_PER_PARTITION.toLocaleString('en-US') } });
        }
      },

      run(command) {
        if (job) get().stopReplay();
        const s = get().scenario;
        // Acting at time t starts a new branch: recorded actions after t no longer happen.
        const kept = s.timeline.filter((e) => e.at <= runner.now);
        try {
          const entry = runner.run(command);
          publish({ scenario: { ...s, timeline: [...kept, entry] } });
          return true;
        } catch (e) {
          if (e instanceof EngineError) {
            get().notify('error', 'notice.commandRefused', undefined, { refusal: { code: e.code, params: e.params } });
            return false;
          }
          throw e;
        }
      },

      loadTemplate(id) {
        replaceScenario(TEMPLATES[id].build());
      },
      loadScenario(scenario, options) {
        replaceScenario(scenario, options?.kept ?? true);
      },
      importJson(text) {
        // The validation module must be loaded first (lazyValidation.ts); without it nothing is read.
        const parsed = loadedValidation()?.parseScenarioJson(text) ?? { ok: false as const, error: VALIDATION_MISSING, reason: 'unexpected' as const };
        if (!parsed.ok) {
          get().notify('error', 'notice.importFailed', parsed.error, readFailureExtras(parsed));
          return false;
        }
        // A capped load's explanation matters more than "imported".
        if (!replaceScenario(parsed.value)) get().notify('success', 'notice.imported');
        return true;
      },
      openShareFragment(hash) {
        const parsed = loadedValidation()?.decodeShareFragment(hash) ?? { ok: false as const, error: VALIDATION_MISSING, reason: 'unexpected' as const };
        if (!parsed.ok) {
          get().notify('error', 'notice.shareFailed', parsed.error, readFailureExtras(parsed));
          return false;
        }
        replaceScenario(parsed.value);
        return true;
      },
      hasUnsavedWork() {
        const { scenario } = get();
        if (scenario.nodes.length === 0 && scenario.timeline.length === 0) return false;
        return baseline === null || baseline !== workFingerprint(scenario);
      },
      markKept() {
        baseline = workFingerprint(get().scenario);
      },
      async asScriptedEdits(edits) {
        scripted++;
        try {
          return await edits();
        } finally {
          scripted--;
        }
      },
      exportJson() {
        return scenarioToJson(snapshot(get()));
      },
      shareFragment() {
        return encodeShareFragment(snapshot(get()));
      },
      notify(kind, key, detail, extras) {
        set(noticesWith({ id: ++noticeSeq, kind, key, ...(detail !== undefined ? { detail } : {}), ...extras }));
      },
      dismissNotice(id) {
        const shown = get().notices;
        const gone = id ?? shown[shown.length - 1]?.id;
        const notices = shown.filter((n) => n.id !== gone);
        set({ notices, notice: notices[notices.length - 1] ?? null });
      },
      trace() {
        return runner.engine.trace;
      },
      readRecords(topic, partition, from, max) {
        try {
          return runner.engine.readRecords(topic, partition, from, max);
        } catch {
          return [];
        }
      },
    };
  });
}

/** Tells the learner that playback skipped recorded actions that no longer apply. */
function droppedNotice(id: number, dropped: readonly DroppedAction[]): Notice {
  const [first] = dropped;
  return { id, kind: 'info', key: 'notice.timelineDropped', params: { count: dropped.length, command: first.command, at: Math.round(first.at) }, refusal: first.refusal };
}

/** The scenario as it should be saved: with the moment the learner is looking at (or being taken to). */
export function snapshot(state: Pick<KafeState, 'scenario' | 'frame'> & Partial<Pick<KafeState, 'replay'>>): Scenario {
  return { ...state.scenario, time: state.replay ? state.replay.target : state.frame.now };
}

/** What a learner would miss if the canvas were replaced: everything but positions and the clock. */
function workFingerprint(s: Scenario): string {
  return JSON.stringify([s.name, s.seed, s.nodes, s.edges, s.timeline], (key, value: unknown) => (key === 'position' ? undefined : value));
}

function withoutLateJoin(n: ScenarioNode): ScenarioNode {
  if (!('joinAtMs' in n) || n.joinAtMs === undefined) return n;
  const { joinAtMs: _dropped, ...rest } = n;
  return rest as ScenarioNode;
}

/**
 * A node added while running that has not started yet (e.g. a consumer not yet connected to any
 * topic) starts when the edit that completes it is made, not when it was dropped on the canvas.
 */
function startLateNodesNow(old: Scenario, edited: Scenario, now: number): Scenario {
  const started = new Set(scenarioToEngine(old).scheduled.filter((j) => j.at <= now).map((j) => j.node));
  let changed = false;
  const nodes = edited.nodes.map((n) => {
    if (!('joinAtMs' in n) || !n.joinAtMs || n.joinAtMs >= now || started.has(n.id)) return n;
    changed = true;
    return { ...n, joinAtMs: now };
  });
  return changed ? { ...edited, nodes } : edited;
}

/**
 * True when `b` runs exactly like `a` before `now`: the same engine setup at t = 0 and the same
 * nodes joining before now. Then only what happens from `now` on can differ.
 */
function sameHistoryUntil(a: Scenario, b: Scenario, now: number): boolean {
  if (a.seed !== b.seed) return false;
  const ea = scenarioToEngine(a);
  const eb = scenarioToEngine(b);
  const before = (x: typeof ea) => x.scheduled.filter((j) => j.at < now);
  return JSON.stringify([ea.config, ea.commands, before(ea)]) === JSON.stringify([eb.config, eb.commands, before(eb)]);
}

/** True when two nodes sit at exactly the same spot: positions were missing or made up. */
function hasStackedNodes(s: Scenario): boolean {
  const seen = new Set<string>();
  for (const n of s.nodes) {
    const key = `${n.position.x},${n.position.y}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

function uniqueEdgeId(s: Scenario, source: string, target: string): string {
  const base = `e-${source}-${target}`.slice(0, 36);
  let id = base;
  for (let i = 2; s.edges.some((e) => e.id === id); i++) id = `${base}-${i}`;
  return id;
}

/** 23.4 -> 23, 2.345 -> 2.3, 0.456 -> 0.46: two significant digits, as a speed is read. */
function roundSpeed(x: number): number {
  return Number(x.toPrecision(2));
}
