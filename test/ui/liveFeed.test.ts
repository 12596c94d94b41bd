import { describe, expect, test } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore, type KafeState } from '../../src/store';
import { FRAME_BUDGET_MS, LiveFeed } from '../../src/ui/canvas/liveFeed';

/** Animation frames run by hand, and a clock every read of which costs `costMs` (a node's render). */
function harness(costMs = 2) {
  const store = createKafeStore(TEMPLATES.orderFanOut.build());
  const callbacks: (() => void)[] = [];
  let t = 0;
  const feed = new LiveFeed(
    store,
    { request: (cb) => callbacks.push(cb), cancel: () => {} },
    () => (t += costMs),
  );
  const stop = feed.start();
  const runFrame = () => {
    const due = callbacks.splice(0);
    for (const cb of due) cb();
    return due.length > 0;
  };
  return { store, feed, stop, runFrame };
}

/** One subscription per service node, each selecting how many records its service processed. */
function watchServices(feed: LiveFeed, ids: string[]) {
  const renders = new Map<string, number[]>();
  const processed = (id: string) => (s: KafeState) => s.frame.view.services.filter((sv) => s.ids.serviceNode[sv.id] === id).reduce((n, sv) => n + sv.stats.processed, 0);
  const subs = ids.map((id) => {
    const sub = feed.create(id, processed(id), Object.is, id);
    renders.set(id, []);
    sub.subscribe(() => renders.get(id)!.push(sub.get()));
    return sub;
  });
  return { renders, subs };
}

const SERVICES = ['payment', 'inventory', 'email', 'analytics'];

describe('the canvas live feed', () => {
  test('when the simulation does not play, a step updates every node at once', () => {
    const { store, feed } = harness();
    const { renders } = watchServices(feed, SERVICES);
    for (let i = 0; i < 20; i++) store.getState().stepForward();
    for (const id of SERVICES) expect(renders.get(id)!.length, id).toBeGreaterThan(0);
  });

  test('while playing, changed nodes re-render a few per frame within the budget, and all get the newest figures', () => {
    const { store, feed, runFrame } = harness(2);
    const { renders, subs } = watchServices(feed, SERVICES);
    store.getState().seek(5_000);
    const before = SERVICES.map((id) => renders.get(id)!.length);
    store.getState().play();
    store.getState().tick(2_000); // one view refresh with every service's count moved
    expect(SERVICES.map((id) => renders.get(id)!.length)).toEqual(before); // nothing rendered inside the store's update

    const perFrame: number[] = [];
    for (let frame = 0; frame < 10 && runFrame(); frame++) {
      const total = SERVICES.reduce((n, id) => n + renders.get(id)!.length, 0);
      perFrame.push(total - before.reduce((a, b) => a + b, 0) - perFrame.reduce((a, b) => a + b, 0));
    }
    // With a 2 ms render each and a 6 ms budget, three nodes fit a frame: four take two frames.
    expect(perFrame[0]).toBe(FRAME_BUDGET_MS / 2);
    expect(perFrame.reduce((a, b) => a + b, 0)).toBe(SERVICES.length);
    const state = store.getState();
    for (const [i, id] of SERVICES.entries()) {
      const expected = state.frame.view.services.filter((sv) => state.ids.serviceNode[sv.id] === id).reduce((n, sv) => n + sv.stats.processed, 0);
      expect(subs[i].get(), id).toBe(expected);
    }
  });

  test('while playing, a node off screen waits, and gets its newest figures once it is seen', () => {
    const { store, feed, runFrame } = harness(0);
    let seen = false;
    feed.setVisibility((id) => id !== 'email' || seen);
    const { renders } = watchServices(feed, SERVICES);
    store.getState().seek(5_000);
    const before = renders.get('email')!.length;
    store.getState().play();
    store.getState().tick(2_000);
    while (runFrame());
    expect(renders.get('email')!.length).toBe(before);
    expect(renders.get('payment')!.length).toBeGreaterThan(0);

    seen = true;
    feed.viewportChanged();
    while (runFrame());
    expect(renders.get('email')!.length).toBe(before + 1);
  });

  test('pausing shows whatever was still held back at the next update', () => {
    const { store, feed } = harness(0);
    feed.setVisibility(() => false);
    const { renders } = watchServices(feed, SERVICES);
    store.getState().seek(5_000);
    const before = renders.get('email')!.length;
    store.getState().play();
    store.getState().tick(2_000);
    store.getState().pause();
    store.getState().stepForward();
    expect(renders.get('email')!.length).toBeGreaterThan(before);
  });
});
