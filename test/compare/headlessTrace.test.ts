import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompareRun, defaultConfig, type Control } from '../../src/compare';

/**
 * A headless comparison run (no animation, no opening diagram, no kept trace) hears only the
 * trace events its metrics read, and the engine skips building the others. Nothing visible may
 * change: the same metrics (the live window follows the time of the last event, heard or not),
 * the same engine state, the same count of trace events, as a run that hears everything.
 */
const controls: Control[] = [
  { type: 'setDown', service: 'email', down: true },
  { type: 'setDown', service: 'email', down: false },
  { type: 'setErrorRate', service: 'payment', rate: 0.3 },
  { type: 'setInstances', service: 'inventory', instances: 1 },
  { type: 'setRate', ratePerSec: 0 },
  { type: 'addFeature', service: 'analytics' },
];

function play(rate: number, steps: { at: number; control: number }[], headless: boolean, openingEvents: number): CompareRun {
  const config = defaultConfig({ ratePerSec: rate, traceLimit: 0 });
  const run = headless ? new CompareRun(config, { collect: false, openingEvents }) : new CompareRun(config, { collect: true });
  for (const s of [...steps].sort((a, b) => a.at - b.at)) {
    run.advanceTo(Math.max(run.now, s.at));
    try {
      run.apply(controls[s.control]);
    } catch {
      // refused in this state: both runs refuse it alike
    }
    if (!headless) run.drain();
  }
  run.advanceTo(run.now + 3000);
  return run;
}

describe('headless comparison runs hear only the metrics’ events', () => {
  it('property: metrics, engine view and trace count equal a run that hears every event', () => {
    const input = fc.record({
      rate: fc.constantFrom(1, 3, 40, 200),
      steps: fc.array(fc.record({ at: fc.integer({ min: 0, max: 6000 }), control: fc.nat(controls.length - 1) }), { maxLength: 4 }),
      openingEvents: fc.constantFrom(0, 50),
    });
    fc.assert(
      fc.property(input, ({ rate, steps, openingEvents }) => {
        const full = play(rate, steps, false, 0);
        const headless = play(rate, steps, true, openingEvents);
        expect(headless.engine.traceCount).toBe(full.engine.traceCount);
        expect(headless.engine.lastTraceAt).toBe(full.engine.lastTraceAt);
        expect(headless.metrics.now).toBe(full.metrics.now);
        expect(JSON.stringify(headless.metrics.snapshot())).toBe(JSON.stringify(full.metrics.snapshot()));
        expect(JSON.stringify(headless.engine.view())).toBe(JSON.stringify(full.engine.view()));
      }),
      { numRuns: 12 },
    );
  });

  it('the engine builds no event of a type nobody reads, and counts it all the same', () => {
    const run = new CompareRun(defaultConfig({ traceLimit: 0 }), { collect: false, openingEvents: 0 });
    const heard = new Set<string>();
    run.engine.subscribe((e) => heard.add(e.type), { types: ['processed'] });
    const before = run.engine.traceCount;
    run.advance(2000);
    expect([...heard]).toEqual(['processed']);
    expect(run.engine.traceCount - before).toBeGreaterThan(0);
  });
});
