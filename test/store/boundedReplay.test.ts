import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/lessons';
import { TEMPLATES, type Scenario } from '../../src/scenario';
import { createKafeStore } from '../../src/store';
import { UI_SYNC_WORK } from '../../src/store/budget';
import { SimulationRunner } from '../../src/store/runner';

/** These runs simulate tens of thousands of records: generous time on a busy machine. */
const HEAVY = { timeout: 120_000 };

/** The order fan-out with its producer writing `rate` records per second. */
function busyFanOut(rate: number, seed = 1): Scenario {
  const s = TEMPLATES.orderFanOut.build();
  return { ...s, seed, nodes: s.nodes.map((n) => (n.kind === 'producer' ? { ...n, props: { ...n.props, ratePerSec: rate } } : n)) };
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What a run leaves behind: the engine's trace, its view and the chart samples. */
const fingerprint = (runner: SimulationRunner) => sha({ trace: runner.engine.trace, view: runner.engine.view(), now: runner.now, metrics: runner.metrics.series() });

/** The whole way in one call, nothing budgeted: the reference every bounded replay must equal. */
function fullReplay(s: Scenario, target: number): string {
  const runner = new SimulationRunner(s);
  runner.advanceTo(target, s.timeline);
  return fingerprint(runner);
}

describe('replays are bounded and give the same run however they are cut', () => {
  it('property: a replay cut into chunks of any size, with a recorded action on the way, has the same trace hash as one full replay', HEAVY, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 50, max: 3_000 }),
        fc.integer({ min: 500, max: 6_000 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
        (seed, rate, target, chunkChecks) => {
          // A learner's action recorded mid-run (where it falls depends on the run's own events).
          const recorder = new SimulationRunner(busyFanOut(rate, seed));
          recorder.advanceTo(target / 2, []);
          const entry = recorder.run({ type: 'failBroker', broker: 0 });
          const s = { ...busyFanOut(rate, seed), timeline: [entry] };

          const chunked = new SimulationRunner(s);
          let chunk = 0;
          while (chunked.now < target) {
            // Each chunk stops after a random number of the runner's budget checks.
            let left = chunkChecks[chunk++ % chunkChecks.length];
            chunked.advanceTo(target, s.timeline, () => --left <= 0);
          }
          expect(fingerprint(chunked)).toBe(fullReplay(s, target));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('seek does a bounded share at once, continues on its own, and settles on exactly the full replay', HEAVY, async () => {
    const s = busyFanOut(5_000);
    const store = createKafeStore(s);
    const started = performance.now();
    store.getState().seek(6_000);
    const firstShare = performance.now() - started;
    const replay = store.getState().replay;
    expect(replay).toMatchObject({ from: 0, target: 6_000 });
    expect(replay!.reached).toBeLessThan(6_000);
    expect(await store.getState().settled()).toBe(true);
    expect(store.getState().replay).toBeNull();
    expect(store.getState().frame.now).toBe(6_000);
    const reference = new SimulationRunner(s);
    reference.advanceTo(6_000, []);
    expect(store.getState().frame.view).toEqual(reference.engine.view());
    expect(store.getState().metrics).toEqual(reference.metrics.series());
    console.log(`seek to 6 s at 5 000 records/s: first share ${firstShare.toFixed(0)} ms (${UI_SYNC_WORK} work), the rest over the event loop`);
  });

  it('an edit that keeps the past replays to now in bounded shares; stopping it leaves the canvas at the moment reached', HEAVY, async () => {
    const store = createKafeStore(busyFanOut(5_000));
    store.getState().seek(6_000);
    await store.getState().settled();
    // Adding a consumer group now keeps the history: the new setup is replayed to 6 s.
    const id = store.getState().addNode('service', undefined, { id: 'audit' });
    expect(store.getState().connect('orders', id!)).toBe(true);
    const replay = store.getState().replay;
    expect(replay).toMatchObject({ target: 6_000 });
    expect(store.getState().frame.now).toBeLessThan(6_000);
    store.getState().stopReplay();
    const reached = store.getState().frame.now;
    expect(await store.getState().settled()).toBe(false);
    expect(store.getState().frame.now).toBe(reached);
    // The edit itself is kept; seeking again finishes the way.
    expect(store.getState().scenario.nodes.some((n) => n.id === 'audit')).toBe(true);
    store.getState().seek(6_000);
    expect(await store.getState().settled()).toBe(true);
    expect(store.getState().frame.now).toBe(6_000);
  });

  it('a lesson action waits for the replay it starts: the next read sees where it ends', HEAVY, async () => {
    const store = createKafeStore(busyFanOut(5_000));
    expect(await applyAction(store, { advance: 5_000 })).toBeNull();
    expect(store.getState().replay).toBeNull();
    expect(store.getState().frame.now).toBe(5_000);
    // ...and an action whose replay the learner stops says so instead of going on from the wrong moment.
    const pending = applyAction(store, { advance: 5_000 });
    store.getState().stopReplay();
    expect(await pending).toMatch(/stopped before it finished/);
  });
});
