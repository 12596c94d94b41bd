import type { KafeStore } from './kafeStore';

export interface FrameScheduler {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
}

/**
 * Drives the simulation from animation frames, outside React's render: each frame advances the
 * engine by the wall time since the last frame (times the speed) and the store publishes once.
 * Returns a stop function.
 */
export function startFrameLoop(store: KafeStore, scheduler: FrameScheduler): () => void {
  let last: number | null = null;
  let handle = 0;
  let running = true;
  const frame = (time: number) => {
    if (!running) return;
    const state = store.getState();
    // A long replay (load, scrub) also advances frame by frame, playing or not.
    if (last !== null && (state.playing || state.replay)) state.tick(time - last);
    last = time;
    handle = scheduler.request(frame);
  };
  handle = scheduler.request(frame);
  return () => {
    running = false;
    scheduler.cancel(handle);
  };
}
