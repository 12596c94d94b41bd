import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore, type KafeStore } from '../../src/store';
import { seekNow } from '../support/replay';
import { KEEP, SAMPLE_MS } from '../../src/store/metrics';

/** Plays `ms` of virtual time in 16 ms frames at speed `speed`, as the frame loop would. */
const play = (store: KafeStore, ms: number, speed = 1) => {
  store.getState().setSpeed(speed);
  store.getState().play();
  const target = store.getState().frame.now + ms;
  while (store.getState().frame.now < target) store.getState().tick(Math.min(16, (target - store.getState().frame.now) / speed));
  store.getState().pause();
};

/** Every sample is SAMPLE_MS after the one before: no gap, no diagonal across skipped time. */
const gaps = (t: number[]) => t.slice(1).filter((x, i) => Math.abs(x - t[i] - SAMPLE_MS / 1000) > 1e-9);

describe('the charts after time travel', () => {
  it('scrubbing back and forward again gives exactly the samples playing gave, with no gap', () => {
    const played = createKafeStore(TEMPLATES.orderFanOut.build());
    play(played, 30_000, 5);
    const original = played.getState().metrics;
    expect(original.t.length).toBe(60);
    expect(gaps(original.t)).toEqual([]);

    seekNow(played, 10_000);
    const back = played.getState().metrics;
    expect(back.t[back.t.length - 1]).toBe(10);
    expect(back.t).toEqual(original.t.slice(0, 20));
    expect(back.lag).toEqual(original.lag.slice(0, 20));

    seekNow(played, 30_000);
    expect(played.getState().metrics).toEqual(original);
  });

  it('stepping back and playing on continues the series without a gap', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 8_000, 2);
    for (let i = 0; i < 15; i++) store.getState().stepBack();
    play(store, 6_000, 2);
    const { t, produced } = store.getState().metrics;
    expect(gaps(t)).toEqual([]);
    expect(t[0]).toBe(0.5);
    expect(t[t.length - 1]).toBeCloseTo(Math.floor(store.getState().frame.now / SAMPLE_MS) * (SAMPLE_MS / 1000), 9);
    expect(produced.every((x) => x >= 0)).toBe(true);
  });

  it('a scrub far ahead fills every sample of the charts span, not one point after a diagonal', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 2_000);
    seekNow(store, 300_000);
    const { t, lag, produced } = store.getState().metrics;
    expect(t.length).toBe(KEEP);
    expect(gaps(t)).toEqual([]);
    expect(t[t.length - 1]).toBe(300);
    expect(lag.every((x) => x !== null)).toBe(true);
    expect(produced.some((x) => x > 0)).toBe(true);
  });
});
