import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTORY, keepBatchesUpTo, lastSequence, newProducerSequences, rememberBatch, type ProducerSequences } from '../../src/engine/producerSequences';

/**
 * The leader's per-producer batch memory as a ring of numeric columns (producerSequences.ts),
 * checked against the plain model it replaced: an array of { lastSeq, endOffset } objects, pushed
 * per batch, its oldest shifted off beyond HISTORY, filtered on truncation.
 */
type Op = { kind: 'append'; count: number } | { kind: 'truncate'; back: number } | { kind: 'bump' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), back: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bump' as const }) },
);

const contents = (s: ProducerSequences) =>
  Array.from({ length: s.size }, (_, k) => ({ lastSeq: s.lastSeqs[(s.start + k) % HISTORY], endOffset: s.endOffsets[(s.start + k) % HISTORY] }));

describe('producer sequences', () => {
  it('remember the same batches as an array of the last HISTORY ones, through appends, truncations and epoch bumps', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const s = newProducerSequences(0);
        let model: { lastSeq: number; endOffset: number }[] = [];
        let end = 0;
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'append') {
            // Other producers' records in between: end offsets grow by more than the batch.
            end += o.count + (seq % 3);
            seq += o.count;
            rememberBatch(s, seq - 1, end);
            model.push({ lastSeq: seq - 1, endOffset: end });
            if (model.length > HISTORY) model.shift();
          } else if (o.kind === 'truncate') {
            end = Math.max(0, end - o.back);
            const kept = keepBatchesUpTo(s, end);
            model = model.filter((b) => b.endOffset <= end);
            expect(kept).toBe(model.length);
            // After a truncation the producer's next batch continues from the newest kept one.
            seq = model.length ? model[model.length - 1].lastSeq + 1 : seq;
          } else {
            s.epoch++;
            s.size = 0;
            model = [];
            seq = 0;
          }
          expect(contents(s)).toEqual(model);
          expect(lastSequence(s, -7)).toBe(model.length ? model[model.length - 1].lastSeq : -7);
        }
      }),
      { numRuns: 300 },
    );
  });
});
