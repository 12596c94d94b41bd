import type { KafeStore } from './kafeStore';

export interface FrameScheduler {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
}

/**
 * Drives the simulation from animation frames, outside React's render: each frame advances the
 * engine by the wall time since the last frame (times the speed) and the store publishes once.
 * Returns a stop function.
 *
 * While nothing plays and no replay is under way the loop sleeps (requests no frame), so an idle
 * page costs the learner's CPU nothing; it wakes when the store starts playing or a replay. The
 * first frame after waking only notes the time, so no wall time spent asleep is simulated.
 */
export function startFrameLoop(store: KafeStore, scheduler: FrameScheduler): () => void {
  let last: number | null = null;
  let handle = 0;
  let scheduled = false;
  let running = true;
  const busy = () => {
    const state = store.getState();
    return state.playing || state.replay !== null;
  };
  const frame = (time: number) => {
    scheduled = false;
    if (!running) return;
    const state = store.getState();
    // A long replay (load, scrub) also advances frame by frame, playing or not.
    if (last !== null && busy()) state.tick(time - last);
    if (!busy()) {
      last = null;
      return;
    }
    last = time;
    wake();
  };
  const wake = () => {
    if (scheduled || !running) return;
    scheduled = true;
    handle = scheduler.request(frame);
  };
  const unsubscribe = store.subscribe(() => {
    if (busy()) wake();
  });
  wake();
  return () => {
    running = false;
    unsubscribe();
    scheduler.cancel(handle);
  };
}
