import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type KafkaRecord, type KeyPattern } from '../../src/engine';

/**
 * A generating producer puts a whole tick's records into their batches at once (producers.ts
 * accumulateTick, batch arrays allocated at their final size). The simple thing it replaces: the
 * same records handed over one by one, as `produce` commands do (send() per record). Both must
 * give the same logs, record for record, and the same produce requests (partition, offsets, keys).
 */
const TICK_MS = 10;

function build(keys: KeyPattern, rate: number, lingerMs: number, partitions: number): Engine {
  const engine = createEngine({ seed: 3, brokers: 1 });
  engine.apply({ type: 'createTopic', name: 't', partitions });
  engine.apply({ type: 'addProducer', id: 'p', topic: 't', ratePerSec: rate, keys, acks: 1, lingerMs, eventType: 'E' });
  return engine;
}

const logs = (engine: Engine, partitions: number): Omit<KafkaRecord, 'headers'>[][] =>
  Array.from({ length: partitions }, (_, p) => engine.readRecords('t', p, 0, 1e6).map(({ headers: _h, ...r }) => r));

const requests = (engine: Engine) =>
  engine.trace.flatMap((e) => (e.type === 'produced' ? [[e.t, e.partition, e.baseOffset, e.count, e.keys.join(',')].join(' ')] : [])).sort();

describe('a generator tick batches its records as sending them one by one does', () => {
  it('property: same logs and produce requests as one produce command per record', () => {
    const input = fc.record({
      keyCount: fc.integer({ min: 1, max: 40 }),
      rate: fc.integer({ min: 100, max: 20_000 }),
      lingerMs: fc.constantFrom(0, 1, 5, 15),
      partitions: fc.integer({ min: 1, max: 7 }),
      ticks: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(input, ({ keyCount, rate, lingerMs, partitions, ticks }) => {
        const keyList = Array.from({ length: keyCount }, (_, i) => `k${i}`);
        const generated = build({ kind: 'cycle', keys: keyList }, rate, lingerMs, partitions);
        const byHand = build({ kind: 'cycle', keys: keyList }, 0, lingerMs, partitions);
        // The generator's tick: rate × 10 ms records (whole ones, the fraction carried), numbered n.
        let carry = 0;
        let n = 0;
        for (let tick = 1; tick <= ticks; tick++) {
          byHand.advanceTo(tick * TICK_MS);
          const due = rate * (TICK_MS / 1000) + carry;
          const count = Math.floor(due);
          carry = due - count;
          for (let i = 0; i < count; i++, n++) byHand.apply({ type: 'produce', producer: 'p', topic: 't', key: keyList[n % keyCount], value: n, eventType: 'E' });
        }
        const end = ticks * TICK_MS + 200;
        byHand.advanceTo(end);
        generated.advanceTo(ticks * TICK_MS);
        generated.apply({ type: 'setProducerRate', id: 'p', ratePerSec: 0 });
        generated.advanceTo(end);
        expect(logs(generated, partitions)).toEqual(logs(byHand, partitions));
        expect(requests(generated)).toEqual(requests(byHand));
      }),
      { numRuns: 60 },
    );
  });
});
