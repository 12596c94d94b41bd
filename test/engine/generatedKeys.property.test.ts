import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, partitionForKey, type KeyPattern } from '../../src/engine';
import { allRecords } from './helpers';

/**
 * A rate producer hands the partitioner a key hash it cached per key index (cycle, random) or
 * computed once (sequence) instead of looking the key up by string: whatever the pattern, the
 * number of partitions (which can grow mid-run) and the keys (non-ASCII included), every record
 * must still land where Kafka's default partitioner puts its key.
 */
const keyText = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('กาแฟ', 'café', 'order-7', 'customer-9999'));
const pattern: fc.Arbitrary<KeyPattern> = fc.oneof(
  fc.record({ kind: fc.constant('cycle' as const), keys: fc.array(keyText, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('random' as const), prefix: keyText, count: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('sequence' as const), prefix: keyText }),
  fc.record({ kind: fc.constant('fixed' as const), key: keyText }),
);

describe('generated keys', () => {
  it('land in murmur2(key) % partitions for every key pattern, before and after partitions are added', () => {
    fc.assert(
      fc.property(fc.integer(), pattern, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 5 }), (seed, keys, partitions, added) => {
        const engine = createEngine({ seed });
        engine.apply({ type: 'createTopic', name: 't', partitions });
        engine.apply({ type: 'addProducer', id: 'p', topic: 't', ratePerSec: 500, keys, acks: 1 });
        engine.advance(100);
        if (added > 0) engine.apply({ type: 'addPartitions', topic: 't', partitions: partitions + added });
        engine.apply({ type: 'setProducerRate', id: 'p', ratePerSec: 500 });
        engine.advance(100);
        engine.apply({ type: 'setProducerRate', id: 'p', ratePerSec: 0 });
        engine.advance(100);
        const total = partitions + added;
        let seen = 0;
        for (let p = 0; p < total; p++) {
          for (const r of allRecords(engine, 't', p)) {
            // Records generated before the topic grew (arriving by ~110 ms) used the old count.
            const expected = [partitionForKey(r.key!, partitions), partitionForKey(r.key!, total)];
            expect(expected).toContain(p);
            if (r.timestamp > 120) expect(p).toBe(partitionForKey(r.key!, total));
            seen++;
          }
        }
        expect(seen).toBeGreaterThan(50);
      }),
      { numRuns: 60 },
    );
  });
});
