import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type KafkaRecord, type KeyPattern } from '../../src/engine';
import { keyHash } from '../../src/engine/cluster';

/**
 * A generating producer's records, read back from the logs, are what its settings say: record n
 * (value n with the counter model) has key n of a cycling pattern (or one of a random pattern's
 * keys), the producer's headers, and sits in partition murmur2(key) % (partition count when it was
 * generated), in generation order. The producer caches each key's partition per partition count
 * (producers.ts keyPartitions) and the log keeps big batches as they are: adding partitions
 * mid-run and rates whose batches cross the adoption size check both.
 */
describe('generated records land where their keys say, with their numbers and headers', () => {
  it('property: cycling and random keys, before and after the topic grows', () => {
    const input = fc.record({
      random: fc.boolean(),
      keyCount: fc.integer({ min: 1, max: 60 }),
      rate: fc.integer({ min: 100, max: 40_000 }),
      partitions: fc.integer({ min: 1, max: 6 }),
      added: fc.integer({ min: 0, max: 5 }),
      ticksBefore: fc.integer({ min: 1, max: 6 }),
      ticksAfter: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(input, ({ random, keyCount, rate, partitions, added, ticksBefore, ticksAfter }) => {
        const keyList = Array.from({ length: keyCount }, (_, i) => `k${i}`);
        const keys: KeyPattern = random ? { kind: 'random', prefix: 'k', count: keyCount } : { kind: 'cycle', keys: keyList };
        const engine = createEngine({ seed: 5, brokers: 1 });
        engine.apply({ type: 'createTopic', name: 't', partitions });
        engine.apply({ type: 'addProducer', id: 'p', topic: 't', ratePerSec: rate, keys, acks: 1, eventType: 'E' });
        engine.advanceTo(ticksBefore * 10);
        const sentBefore = engine.view().producers[0].sent;
        const total = partitions + added;
        if (added > 0) engine.apply({ type: 'addPartitions', topic: 't', partitions: total });
        engine.advanceTo((ticksBefore + ticksAfter) * 10);
        engine.apply({ type: 'setProducerRate', id: 'p', ratePerSec: 0 });
        engine.advance(500);

        const records: KafkaRecord[] = [];
        for (let p = 0; p < total; p++) records.push(...engine.readRecords('t', p, 0, 1e7));
        const sent = engine.view().producers[0].sent;
        expect(records.map((r) => r.value).sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: sent }, (_, n) => n));
        // One list of what is wrong (expect() per record would be slow): empty when all is right.
        const wrong: string[] = [];
        const last = new Map<number, number>();
        for (const r of records) {
          const n = r.value as number;
          const keyOk = random ? keyList.includes(r.key!) : r.key === keyList[n % keyCount];
          if (!keyOk) wrong.push(`record ${n} has key ${r.key}`);
          else if (r.partition !== keyHash(r.key!) % (n < sentBefore ? partitions : total)) wrong.push(`record ${n} (${r.key}) in partition ${r.partition}`);
          if (r.headers.type !== 'E' || Object.keys(r.headers).length !== 1) wrong.push(`record ${n} has headers ${JSON.stringify(r.headers)}`);
          // Within a partition, records are in generation order.
          if ((last.get(r.partition) ?? -1) > n) wrong.push(`record ${n} after a later one in partition ${r.partition}`);
          last.set(r.partition, n);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
