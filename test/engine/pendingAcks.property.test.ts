import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PendingAcks } from '../../src/engine/pendingAcks';

/**
 * The leader's waiting acks=all requests (pendingAcks.ts) against the number[] they replaced
 * (four numbers per request, answered and compacted in place, emptied with `length = 0`): after
 * any mix of pushes, releases at any high watermark and clears, the same requests are answered in
 * the same order with the same numbers, and the same ones wait.
 */
type Op =
  | { kind: 'push'; sendNo: number; base: number; count: number }
  | { kind: 'release'; hw: number }
  | { kind: 'clear' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('push' as const), sendNo: fc.nat(5), base: fc.nat(400), count: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('release' as const), hw: fc.nat(450) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
);

/** The replaced code, as it was in cluster.ts. */
function releaseModel(pendingAcks: number[], hw: number, out: number[][]): void {
  let kept = 0;
  for (let i = 0; i < pendingAcks.length; i += 4) {
    if (pendingAcks[i + 3] <= hw) out.push([pendingAcks[i], pendingAcks[i + 1], pendingAcks[i + 2]]);
    else {
      if (kept !== i) for (let k = 0; k < 4; k++) pendingAcks[kept + k] = pendingAcks[i + k];
      kept += 4;
    }
  }
  pendingAcks.length = kept;
}

describe('pending acks', () => {
  it('answer and keep what the array of four numbers per request did', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const acks = new PendingAcks();
        const model: number[] = [];
        let nextId = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const id = nextId++;
            acks.push(id, o.sendNo, o.base, o.base + o.count);
            model.push(id, o.sendNo, o.base, o.base + o.count);
          } else if (o.kind === 'release') {
            const answered: number[][] = [];
            const expected: number[][] = [];
            acks.release(o.hw, answered, (out, request, sendNo, baseOffset) => out.push([request, sendNo, baseOffset]));
            releaseModel(model, o.hw, expected);
            expect(answered).toEqual(expected);
          } else {
            acks.clear();
            model.length = 0;
          }
          expect(acks.size).toBe(model.length / 4);
        }
        // What still waits: released by a high watermark above every offset, in order.
        const rest: number[][] = [];
        const expected: number[][] = [];
        acks.release(Infinity, rest, (out, request, sendNo, baseOffset) => out.push([request, sendNo, baseOffset]));
        releaseModel(model, Infinity, expected);
        expect(rest).toEqual(expected);
        expect(acks.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its storage when emptied: answers come out as the numbers pushed', () => {
    const acks = new PendingAcks();
    for (let round = 0; round < 3; round++) {
      acks.push(7 + round, 1, 100 * round, 100 * round + 5);
      acks.push(8 + round, 2, 100 * round + 5, 100 * round + 9);
      const answered: number[][] = [];
      acks.release(100 * round + 5, answered, (out, r, s, b) => out.push([r, s, b]));
      expect(answered).toEqual([[7 + round, 1, 100 * round]]);
      expect(acks.size).toBe(1);
      acks.release(100 * round + 9, answered, (out, r, s, b) => out.push([r, s, b]));
      expect(answered).toEqual([
        [7 + round, 1, 100 * round],
        [8 + round, 2, 100 * round + 5],
      ]);
      expect(acks.size).toBe(0);
    }
  });
});
