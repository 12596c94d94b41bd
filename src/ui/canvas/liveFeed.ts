import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { shallow } from 'zustand/shallow';
import type { KafeState, KafeStore } from '../../store';

/**
 * Per-node subscriptions to the running simulation, with the re-rendering spread over animation
 * frames.
 *
 * Each canvas node selects the few values it draws (`useLive`). When the store publishes a new
 * engine view, the feed runs every node's selector at once (cheap) and collects the nodes whose
 * selection changed. While the simulation plays, those nodes are re-rendered a few per animation
 * frame, up to FRAME_BUDGET_MS of rendering per frame, instead of all 40 in one frame every
 * view refresh (the 10 Hz spikes the frame bench measured). When it does not play (a step, a
 * seek, an edit), every node updates at once, as before.
 */

/** Rendering time the feed may spend in one animation frame while playing, ms. */
export const FRAME_BUDGET_MS = 6;

type Equal<T> = (a: T, b: T) => boolean;

/** Work the feed runs when its turn comes in a frame (a node's re-render, a picture's repaint). */
interface Job {
  run(): void;
  /** The canvas node it draws, if any: work for a node off screen waits until it is seen. */
  nodeId?: string;
}

interface Sub<T = unknown> extends Job {
  key: string;
  select: (state: KafeState) => T;
  equal: Equal<T>;
  value: T;
  /** The latest selection not yet handed to React (spread mode), else NOTHING. */
  pending: T | typeof NOTHING;
  notify: (() => void) | null;
  subscribe: (notify: () => void) => () => void;
  get: () => T;
}

const NOTHING = Symbol('nothing');

export interface FrameSource {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const ANIMATION_FRAMES: FrameSource = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class LiveFeed {
  private readonly subs = new Set<Sub>();
  private readonly queue = new Set<Job>();
  /** Subscriptions with a newer selection held back while their node is off screen. */
  private readonly hidden = new Set<Sub>();
  /** Jobs (repaints) held back while their node is off screen. */
  private readonly hiddenJobs = new Set<Job>();
  private frame = 0;
  private unsubscribe: () => void = () => {};
  /** Whether a node is (partly) on screen; everything is, until the canvas tells (setVisibility). */
  private visible: (nodeId: string) => boolean = () => true;

  constructor(
    private readonly store: KafeStore,
    private readonly frames: FrameSource = ANIMATION_FRAMES,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The state selections are taken from. */
  state(): KafeState {
    return this.store.getState();
  }

  /** Listens to the store directly (for work outside React, see schedule). */
  subscribeState(listener: (state: KafeState, prev: KafeState) => void): () => void {
    return this.store.subscribe(listener);
  }

  /** Starts listening to the store; returns the stop function. */
  start(): () => void {
    this.unsubscribe = this.store.subscribe((state, prev) => {
      if (state.frame.view === prev.frame.view && state.ids === prev.ids && state.problems === prev.problems && state.scenario === prev.scenario) return;
      this.refresh(state, state.playing);
    });
    return () => {
      this.unsubscribe();
      if (this.frame) this.frames.cancel(this.frame);
      this.frame = 0;
      this.queue.clear();
      this.hidden.clear();
      this.hiddenJobs.clear();
    };
  }

  /** How to tell whether a node is on screen (the canvas sets it once React Flow is ready). */
  setVisibility(visible: (nodeId: string) => boolean): void {
    this.visible = visible;
  }

  /** The view moved: nodes that came on screen get their held-back selection. */
  viewportChanged(): void {
    for (const held of [this.hidden, this.hiddenJobs] as Set<Job>[]) {
      for (const job of held) {
        if (!this.visible(job.nodeId!)) continue;
        held.delete(job);
        this.queue.add(job);
      }
    }
    if (this.queue.size > 0 && !this.frame) this.frame = this.frames.request(this.flush);
  }

  /** A subscription for one hook; its value is selected from the current state at once. */
  create<T>(key: string, select: (state: KafeState) => T, equal: Equal<T>, nodeId?: string): Sub<T> {
    const sub: Sub<T> = {
      nodeId,
      key,
      select,
      equal,
      value: select(this.state()),
      pending: NOTHING,
      notify: null,
      subscribe: (notify) => {
        // Catch up with anything published between the render and this subscription.
        const now = sub.select(this.state());
        if (!sub.equal(sub.value, now)) sub.value = now;
        sub.notify = notify;
        this.subs.add(sub as Sub);
        return () => {
          sub.notify = null;
          this.subs.delete(sub as Sub);
          this.queue.delete(sub as Sub);
          this.hidden.delete(sub as Sub);
        };
      },
      get: () => sub.value,
      run: () => flushSync(() => this.deliver(sub as Sub)),
    };
    return sub;
  }

  private refresh(state: KafeState, spread: boolean): void {
    for (const sub of this.subs) {
      const next = sub.select(state);
      const current = sub.pending === NOTHING ? sub.value : sub.pending;
      if (sub.equal(current, next)) continue;
      if (spread) {
        sub.pending = next;
        if (sub.nodeId !== undefined && !this.visible(sub.nodeId)) this.hidden.add(sub);
        else this.queue.add(sub);
      } else {
        this.queue.delete(sub);
        this.hidden.delete(sub);
        sub.pending = NOTHING;
        sub.value = next;
        sub.notify?.();
      }
    }
    if (!spread) {
      // Anything still waiting from play is shown now too.
      const waiting = [...this.queue, ...this.hidden, ...this.hiddenJobs];
      this.queue.clear();
      this.hidden.clear();
      this.hiddenJobs.clear();
      for (const job of waiting) job.run();
    } else this.viewportChanged(); // nodes panned into view since get their held-back selection
  }

  /**
   * Runs `job` now when the simulation does not play, else in a coming frame's share of work
   * (once, however often it is asked for before its turn). For work outside React, such as
   * repainting a picture from the new view.
   */
  schedule(job: Job): void {
    if (!this.state().playing) {
      this.queue.delete(job);
      job.run();
      return;
    }
    if (job.nodeId !== undefined && !this.visible(job.nodeId)) {
      this.hiddenJobs.add(job);
      return;
    }
    this.queue.add(job);
    if (!this.frame) this.frame = this.frames.request(this.flush);
  }

  /** Forgets a scheduled job (its owner is gone). */
  cancel(job: Job): void {
    this.queue.delete(job);
    this.hiddenJobs.delete(job);
  }

  /** One frame's share: renders queued nodes one by one until the frame's budget is spent. */
  private flush = (): void => {
    this.frame = 0;
    const start = this.clock();
    for (const job of this.queue) {
      this.queue.delete(job);
      job.run();
      if (this.clock() - start >= FRAME_BUDGET_MS) break;
    }
    if (this.queue.size > 0) this.frame = this.frames.request(this.flush);
  };

  private deliver(sub: Sub): void {
    if (sub.pending === NOTHING) return;
    sub.value = sub.pending;
    sub.pending = NOTHING;
    sub.notify?.();
  }
}

export const LiveFeedContext = createContext<LiveFeed | null>(null);

/**
 * What canvas node `nodeId` draws from the simulation: `select` runs on every new engine view,
 * and the node re-renders only when its result changes (compared with `equal`, shallow by
 * default); while playing, not before its turn in a frame, nor while it is off screen. `key`
 * names everything `select` depends on besides the state (the node's id, its topic's name...):
 * when it changes, the selection is taken again at once.
 */
export function useLive<T>(nodeId: string, key: string, select: (state: KafeState) => T, equal: Equal<T> = shallow): T {
  const feed = useLiveFeed();
  const ref = useRef<Sub<T> | null>(null);
  if (ref.current === null) ref.current = feed.create(key, select, equal, nodeId);
  const sub = ref.current;
  sub.select = select;
  sub.equal = equal;
  if (sub.key !== key) {
    sub.key = key;
    sub.value = select(feed.state());
    sub.pending = NOTHING;
  }
  return useSyncExternalStore(sub.subscribe, sub.get);
}

/** The canvas's feed (to read the state a node's selection was taken from while rendering). */
export function useLiveFeed(): LiveFeed {
  const feed = useContext(LiveFeedContext);
  if (!feed) throw new Error('useLive must be used inside the canvas (LiveFeedContext)');
  return feed;
}
