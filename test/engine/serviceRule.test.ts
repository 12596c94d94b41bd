import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, KeyWindows, LARGE_AMOUNT_SHARE, OVERHEAT_MS, overheating, type AddService, type Engine } from '../../src/engine';
import { generatedValue, hashText } from '../../src/engine/values';
import { allRecords, eventsOf } from './helpers';

const amountOf = (v: unknown) => (v as { amount: number }).amount;
const temperatureOf = (v: unknown) => (v as { temperature: number }).temperature;

describe('value models', () => {
  it('are a pure function of seed, producer, record number, key and time', () => {
    const h = hashText('checkout');
    for (let n = 0; n < 50; n++) {
      expect(generatedValue('amount', 7, h, n, 'k', 0)).toEqual(generatedValue('amount', 7, h, n, 'k', 0));
      expect(generatedValue('temperature', 7, h, n, 'k', n * 10)).toEqual(generatedValue('temperature', 7, h, n, 'k', n * 10));
    }
    expect(generatedValue('counter', 7, h, 12, null, 0)).toBe(12);
    const draws = (seed: number) => Array.from({ length: 20 }, (_, n) => amountOf(generatedValue('amount', seed, h, n, null, 0)));
    expect(draws(1)).not.toEqual(draws(2));
  });

  it('makes about one amount in twenty large (1 000 or more), the rest 5-399', () => {
    const h = hashText('payments');
    const amounts = Array.from({ length: 20_000 }, (_, n) => amountOf(generatedValue('amount', 3, h, n, null, 0)));
    const large = amounts.filter((a) => a >= 1000);
    expect(large.length / amounts.length).toBeGreaterThan(LARGE_AMOUNT_SHARE * 0.8);
    expect(large.length / amounts.length).toBeLessThan(LARGE_AMOUNT_SHARE * 1.2);
    expect(amounts.every((a) => (a >= 5 && a < 400) || (a >= 1000 && a < 5000))).toBe(true);
  });

  it('keeps an overheating sensor hot for its whole window and other readings normal or lone glitches', () => {
    const h = hashText('sensors');
    let hotWindows = 0;
    for (let sensor = 0; sensor < 50; sensor++) {
      const key = `scooter-${sensor}`;
      for (let w = 0; w < 20; w++) {
        const readings = Array.from({ length: 12 }, (_, i) => temperatureOf(generatedValue('temperature', 5, h, sensor * 1000 + w * 12 + i, key, w * OVERHEAT_MS + i * 250)));
        if (overheating(5, key, w * OVERHEAT_MS)) {
          hotWindows++;
          expect(readings.every((t) => t >= 85 && t < 100)).toBe(true);
        } else {
          expect(readings.every((t) => (t >= 35 && t < 60) || t >= 90)).toBe(true);
        }
      }
    }
    expect(hotWindows).toBeGreaterThan(10);
    expect(hotWindows).toBeLessThan(100);
  });

  it('draws nothing from the engine generator: the keys of a run are the same whatever the value model', () => {
    const keysOf = (values?: 'amount' | 'temperature') => {
      const engine = createEngine({ seed: 9 });
      engine.apply({ type: 'createTopic', name: 't', partitions: 3 });
      engine.apply({ type: 'addProducer', id: 'p', topic: 't', ratePerSec: 50, keys: { kind: 'random', prefix: 'k', count: 20 }, values });
      engine.advance(2000);
      return eventsOf(engine.trace, 'produced').flatMap((e) => e.keys);
    };
    const counter = keysOf();
    expect(counter.length).toBeGreaterThan(90);
    expect(keysOf('amount')).toEqual(counter);
    expect(keysOf('temperature')).toEqual(counter);
  });

  it('refuses an unknown value model', () => {
    const engine = createEngine();
    engine.apply({ type: 'createTopic', name: 't', partitions: 1 });
    expect(() => engine.apply({ type: 'addProducer', id: 'p', topic: 't', values: 'weather' as never })).toThrow(/unknown value model/);
  });
});

describe('KeyWindows (fast-check)', () => {
  it('answers as counting every earlier match of the key within the window, by brute force', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', null), fc.integer({ min: 0, max: 400 })), { maxLength: 80 }),
        (count, windowMs, steps) => {
          const windows = new KeyWindows(count, windowMs);
          const seen: { key: string | null; t: number }[] = [];
          let t = 0;
          for (const [key, gap] of steps) {
            t += gap;
            seen.push({ key, t });
            const expected = seen.filter((m) => m.key === key && t - m.t < windowMs).length >= count;
            expect(windows.add(key, t)).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Payments (amounts) -> Fraud check with a rule -> flags. */
function fraudRun(rule: AddService['rule'], seed = 4): Engine {
  const engine = createEngine({ seed });
  engine.apply({ type: 'createTopic', name: 'payments', partitions: 3 });
  engine.apply({ type: 'createTopic', name: 'flags', partitions: 3 });
  engine.apply({ type: 'addProducer', id: 'pay', topic: 'payments', ratePerSec: 100, keys: { kind: 'random', prefix: 'card-', count: 40 }, values: 'amount' });
  engine.apply({ type: 'addService', id: 'fraud', subscribes: ['payments'], handlers: [{ on: '*', emit: [{ topic: 'flags', eventType: 'Flagged' }] }], rule });
  engine.advance(5000);
  engine.apply({ type: 'setProducerRate', id: 'pay', ratePerSec: 0 });
  engine.advance(2000);
  return engine;
}

const records = (engine: Engine, topic: string) => [0, 1, 2].flatMap((p) => allRecords(engine, topic, p));

describe('a service rule', () => {
  it('publishes only records whose field is above the threshold, and counts the rest as filtered', () => {
    const engine = fraudRun({ field: 'amount', above: 1000 });
    const payments = records(engine, 'payments');
    const flags = records(engine, 'flags');
    const large = payments.filter((r) => amountOf(r.value) > 1000);
    expect(large.length).toBeGreaterThan(10);
    expect(flags.map((r) => amountOf(r.value)).sort()).toEqual(large.map((r) => amountOf(r.value)).sort());
    const stats = engine.view().services[0].stats;
    expect(stats.processed).toBe(payments.length);
    expect(stats.emitted).toBe(large.length);
    expect(stats.filtered).toBe(payments.length - large.length);
  });

  it('without a rule, publishes for every record as before', () => {
    const engine = fraudRun(undefined);
    expect(records(engine, 'flags').length).toBe(records(engine, 'payments').length);
    expect(engine.view().services[0].stats.filtered).toBe(0);
  });

  it('with a count, publishes a record only when its key has that many matches within the window', () => {
    const rule = { field: 'amount', above: 100, count: 2, windowMs: 2000 };
    const engine = fraudRun(rule);
    const flagged = new Set(records(engine, 'flags').map((r) => r.headers.origin));
    expect(flagged.size).toBeGreaterThan(5);
    for (let p = 0; p < 3; p++) {
      const oracle = new KeyWindows(2, 2000);
      for (const r of allRecords(engine, 'payments', p)) {
        const passes = amountOf(r.value) > 100 && oracle.add(r.key, r.timestamp);
        expect(flagged.has(`payments-${p}-${r.offset}`), `payments-${p}-${r.offset}`).toBe(passes);
      }
    }
  });

  it('ignores records whose value has no such number', () => {
    const engine = createEngine();
    engine.apply({ type: 'createTopic', name: 'in', partitions: 1 });
    engine.apply({ type: 'createTopic', name: 'out', partitions: 1 });
    engine.apply({ type: 'addService', id: 's', subscribes: ['in'], handlers: [{ on: '*', emit: [{ topic: 'out', eventType: 'E' }] }], rule: { field: 'amount', above: 0 } });
    for (const value of [5, 'text', null, { amount: '9' }, { amount: 3 }]) engine.apply({ type: 'produce', topic: 'in', value });
    engine.advance(2000);
    expect(allRecords(engine, 'out', 0).map((r) => r.value)).toEqual([{ amount: 3 }]);
    expect(engine.view().services[0].stats.filtered).toBe(4);
  });

  it.each([
    [{ field: '', above: 1 }, /field/],
    [{ field: 'amount', above: Number.NaN }, /finite number/],
    [{ field: 'amount', above: 1, count: 0 }, /rule.count/],
    [{ field: 'amount', above: 1, count: 2, windowMs: 0 }, /rule.windowMs/],
  ])('refuses the rule %j', (rule, message) => {
    const engine = createEngine();
    engine.apply({ type: 'createTopic', name: 'in', partitions: 1 });
    expect(() => engine.apply({ type: 'addService', id: 's', subscribes: ['in'], rule })).toThrow(message);
    expect(engine.view().services).toEqual([]);
  });
});
