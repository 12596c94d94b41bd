import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionOfKey } from '../../src/engine/cluster';
import { partitionForKey } from '../../src/engine/murmur2';
import type { Sim, TopicState } from '../../src/engine/world';

/**
 * partitionOfKey caches the hashes of a small number of keys and stops looking in the cache once
 * it is full (cluster.ts): whatever the keys and however many, the partition is always the one
 * Kafka's default partitioner picks.
 */
describe('partitionOfKey', () => {
  it('agrees with the default partitioner before, while and after its cache fills', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (hot, partitions) => {
        const sim = { world: { keyHashes: new Map<string, number>() } } as unknown as Sim;
        const topic = { partitions: { length: partitions } } as unknown as TopicState;
        // Hot keys, then thousands of fresh ones (filling the cache), then the hot keys again.
        const keys = [...hot, ...Array.from({ length: 5000 }, (_, i) => `order-${i}`), ...hot];
        const wrong = keys.filter((key) => partitionOfKey(sim, topic, key) !== partitionForKey(key, partitions));
        expect(wrong).toEqual([]);
        expect(sim.world.keyHashes.size).toBeLessThanOrEqual(2048);
      }),
      { numRuns: 20 },
    );
  });
});
