import type { KafeStore } from '../../src/store';

/**
 * Drives a replay the store left under way (a long seek or edit does a bounded share at once and
 * continues over frames) to its end, frame by frame exactly as the browser's frame loop does, so a
 * test can read the result synchronously. `store.getState().settled()` is the asynchronous way.
 */
export function finishReplay(store: KafeStore): void {
  while (store.getState().replay) store.getState().tick(1000 / 60);
}

/** Seeks to `t` and waits for the replay to get there: what lessons' `advance` amounts to. */
export function seekNow(store: KafeStore, t: number): void {
  store.getState().seek(t);
  finishReplay(store);
}
