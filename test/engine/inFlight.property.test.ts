import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InFlightRequests } from '../../src/engine/inFlight';

/**
 * The in-flight table (inFlight.ts) against the Map it replaced: requests added with increasing
 * ids (some ids skipped), deleted in any order, looked up by any id; size, lookups and the
 * iteration order must match the Map's after every step, across its front being trimmed.
 */
type Op = { kind: 'add'; skip: number } | { kind: 'delete'; pick: number } | { kind: 'get'; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), skip: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(3000)) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('get' as const), id: fc.integer({ min: -5, max: 40_000 }) }) },
);

describe('in-flight requests', () => {
  it('behave as a Map by id, whatever the order requests finish in', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), fc.boolean(), (ops, oldestFirst) => {
        const table = new InFlightRequests<{ id: number }>();
        const model = new Map<number, { id: number }>();
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'add') {
            next += o.skip;
            const r = { id: next++ };
            table.add(r);
            model.set(r.id, r);
          } else if (o.kind === 'delete') {
            const ids = [...model.keys()];
            // Mostly the oldest (requests finish roughly in order), or any, or one not there.
            const id = ids.length === 0 ? o.pick : oldestFirst && o.pick % 4 !== 0 ? ids[0] : o.pick % 5 === 0 ? next + 1 : ids[o.pick % ids.length];
            expect(table.delete(id)).toBe(model.delete(id));
          } else expect(table.get(o.id)).toBe(model.get(o.id));
          expect(table.size).toBe(model.size);
        }
        expect(table.list()).toEqual([...model.values()]);
        for (const id of model.keys()) expect(table.get(id)).toBe(model.get(id));
        // An id not above the newest is refused while any request is in flight.
        if (model.size > 0) expect(() => table.add({ id: next - 1 })).toThrow(/added after/);
      }),
      { numRuns: 100 },
    );
  });
});
