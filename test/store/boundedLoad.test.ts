import { describe, expect, it } from 'vitest';
import { TEMPLATES, type Scenario } from '../../src/scenario';
import { createKafeStore, snapshot } from '../../src/store';
import { MAX_RESTORE_MS, restoreLimitMs } from '../../src/store/budget';
import { MAX_PENDING_EVENTS, RECORDS_PER_PARTITION, SimulationRunner } from '../../src/store/runner';

/** These runs simulate hundreds of thousands of records: generous time on a busy machine. */
const HEAVY = { timeout: 60_000 };

/** The order fan-out with its producer writing `rate` records per second. */
function busyFanOut(rate: number): Scenario {
  const s = TEMPLATES.orderFanOut.build();
  return { ...s, nodes: s.nodes.map((n) => (n.kind === 'producer' ? { ...n, props: { ...n.props, ratePerSec: rate } } : n)) };
}

/** A clock that moves `step` ms every time it is read: every budget check finds the frame over. */
const slowClock = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('loading a saved moment takes bounded time', () => {
  it('a saved clock beyond the replay limit opens at 0 s, keeps setup and timeline, and explains the cap', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    const saved = { ...TEMPLATES.iotStream.build(), time: 1e15 };
    const started = performance.now();
    store.getState().loadScenario(saved);
    expect(performance.now() - started).toBeLessThan(5_000);
    const s = store.getState();
    expect(s.frame.now).toBe(0);
    expect(s.replay).toBeNull();
    expect(s.scenario.nodes).toEqual(saved.nodes);
    expect(s.notice).toMatchObject({ kind: 'info', key: 'notice.restoreCapped', sticky: true, params: { limit: '5', saved: '1,000,000+' } });
    // What is saved next opens quickly: its moment is 0 s now.
    expect(snapshot(s).time).toBe(0);
  });

  it('the limit shrinks with the producers rate: replay work grows with records, not only with time', () => {
    expect(restoreLimitMs(TEMPLATES.iotStream.build())).toBe(MAX_RESTORE_MS);
    expect(restoreLimitMs(busyFanOut(100_000))).toBe(10_000);
  });

  it('a long replay continues over frames with its progress, and saving meanwhile keeps the moment asked for', HEAVY, () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().loadScenario({ ...busyFanOut(2_000), time: 10_000 });
    const first = store.getState().replay;
    expect(first).toMatchObject({ from: 0, target: 10_000 });
    expect(first!.reached).toBeLessThan(10_000);
    expect(snapshot(store.getState()).time).toBe(10_000);
    let reached = first!.reached;
    let frames = 0;
    while (store.getState().replay) {
      store.getState().tick(16);
      const now = store.getState().frame.now;
      expect(now).toBeGreaterThanOrEqual(reached);
      reached = now;
      frames++;
    }
    expect(frames).toBeGreaterThan(0);
    expect(store.getState().frame.now).toBe(10_000);
    expect(store.getState().playing).toBe(false);
  });

  it('a long replay can be stopped: the canvas stays at the moment reached, and play goes on from there', HEAVY, () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().loadScenario({ ...busyFanOut(2_000), time: 10_000 });
    const reached = store.getState().replay!.reached;
    store.getState().stopReplay();
    expect(store.getState().replay).toBeNull();
    expect(store.getState().frame.now).toBe(reached);
    expect(snapshot(store.getState()).time).toBe(reached);
    store.getState().play();
    store.getState().tick(100);
    expect(store.getState().frame.now).toBeGreaterThan(reached);
  });

  it('same seed and commands give the same moment whether the replay ran at once or over frames', HEAVY, () => {
    const direct = new SimulationRunner(busyFanOut(2_000));
    direct.advanceTo(10_000, []);
    const framed = createKafeStore(TEMPLATES.empty.build());
    framed.getState().loadScenario({ ...busyFanOut(2_000), time: 10_000 });
    while (framed.getState().replay) framed.getState().tick(16);
    expect(framed.getState().frame.view).toEqual(direct.engine.view());
    expect(framed.getState().metrics).toEqual(direct.metrics.series());
  });
});

describe('playing under load stays responsive', () => {
  it('a frame over its budget advances less than asked and says what speed it really reaches', HEAVY, () => {
    const store = createKafeStore(busyFanOut(100_000), { clock: slowClock(100) });
    store.getState().setSpeed(100);
    store.getState().play();
    for (let i = 0; i < 5; i++) store.getState().tick(16);
    const s = store.getState();
    expect(s.frame.now).toBeLessThan(5 * 16 * 100);
    expect(s.slowedTo).not.toBeNull();
    expect(s.slowedTo!).toBeLessThan(100);
    s.pause();
    const stopped = store.getState().frame.now;
    store.getState().tick(16);
    expect(store.getState().frame.now).toBe(stopped);
    expect(store.getState().slowedTo).toBeNull();
  });

  it('a key press waiting for the main thread cuts the frame’s engine work at the next slice, without counting as slow', HEAVY, () => {
    let pressed = false;
    const store = createKafeStore(busyFanOut(100_000), { clock: () => 0, inputPending: () => pressed });
    store.getState().setSpeed(100);
    store.getState().play();
    store.getState().tick(16);
    const free = store.getState().frame.now;
    expect(free).toBe(1_600); // nothing pending, no wall budget used up: the whole frame
    // A press already waiting when the frame starts: the frame does nothing.
    pressed = true;
    store.getState().tick(16);
    expect(store.getState().frame.now).toBe(free);
    // A press that arrives during the frame's work (after its first check).
    let checks = 0;
    const late = createKafeStore(busyFanOut(100_000), { clock: () => 0, inputPending: () => ++checks > 1 });
    late.getState().setSpeed(100);
    late.getState().play();
    late.getState().tick(16);
    expect(late.getState().frame.now).toBeGreaterThan(0);
    // One slice ran (at most 50 ms of virtual time, far less under this flood), then the check
    // saw the press: a sliver of the 1 600 ms asked for.
    expect(late.getState().frame.now).toBeLessThanOrEqual(50);
    expect(late.getState().slowedTo).toBeNull();
    // The press is Pause: once it is handled, nothing runs after it.
    pressed = false;
    store.getState().pause();
    const stopped = store.getState().frame.now;
    store.getState().tick(16);
    expect(store.getState().frame.now).toBe(stopped);
  });

  it('a light run advances exactly as asked even when every budget check finds the frame over', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build(), { clock: slowClock(1_000) });
    store.getState().play();
    for (let i = 0; i < 10; i++) store.getState().tick(100);
    expect(store.getState().frame.now).toBe(1_000);
    expect(store.getState().slowedTo).toBeNull();
  });

  it('a frame hands the canvas a bounded number of trace events, while the charts count them all', HEAVY, () => {
    const store = createKafeStore(busyFanOut(100_000), { clock: () => 0 });
    store.getState().setSpeed(10);
    store.getState().play();
    store.getState().tick(100);
    expect(store.getState().frame.events.length).toBeLessThanOrEqual(MAX_PENDING_EVENTS);
    const produced = store.getState().metrics.produced;
    expect(produced[produced.length - 1]).toBeGreaterThan(50_000);
  });

  it('a partition keeps at most the record limit, and the learner is told once', HEAVY, () => {
    const store = createKafeStore(busyFanOut(100_000), { clock: () => 0 });
    store.getState().setSpeed(10);
    store.getState().play();
    for (let i = 0; i < 6; i++) store.getState().tick(100);
    const orders = store.getState().frame.view.topics.find((t) => t.name === 'orders')!;
    expect(orders.partitions.some((p) => p.startOffset > 0)).toBe(true);
    for (const p of orders.partitions) expect(p.records).toBeLessThanOrEqual(RECORDS_PER_PARTITION);
    expect(store.getState().notice).toMatchObject({ key: 'notice.recordLimit', params: { limit: '20,000' } });
    expect(store.getState().notice!.detail).toContain('orders');
  });
});
