import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore } from '../../src/store';
import { reuseUnchanged } from '../../src/store/viewReuse';

/** Plain data shaped like engine views: nested records and arrays of numbers, strings, booleans, null. */
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('x', 'y', 'z', 'w'), tie('value'), { maxKeys: 4 }),
})).value;

/** Every object or array inside `v`, with its path. */
function parts(v: unknown, path = '$', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof v !== 'object' || v === null) return out;
  out.set(path, v);
  for (const [k, child] of Object.entries(v)) parts(child, `${path}.${k}`, out);
  return out;
}

const deepEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('sharing unchanged parts between two views', () => {
  it('gives a result equal to the new view, that reuses an old part exactly where that part did not change', () => {
    fc.assert(
      fc.property(data, data, (prev, next) => {
        const before = JSON.stringify(prev);
        const shared = reuseUnchanged(prev, next);
        expect(shared).toEqual(next);
        expect(JSON.stringify(prev)).toBe(before); // prev is never touched
        const old = parts(prev);
        for (const [path, part] of parts(shared)) {
          const was = old.get(path);
          const reused = part === was;
          // Reused only when equal (and of the same kind: an array stays an array); equal parts are reused.
          if (reused) expect(deepEqual(part, parts(next).get(path))).toBe(true);
          else if (was !== undefined && Array.isArray(was) === Array.isArray(part) && deepEqual(was, part) && Object.keys(was as object).join() === Object.keys(part as object).join())
            expect.fail(`${path} is equal to the old part but was not reused`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hands back the old view itself when nothing changed', () => {
    const prev = { topics: [{ name: 'orders', partitions: [{ id: 0, isr: [1, 2] }] }], groups: [] };
    expect(reuseUnchanged(prev, structuredClone(prev))).toBe(prev);
  });
});

describe('the store publishes views that keep unchanged parts', () => {
  it('while playing, a topic nobody writes to keeps its identity and a busy one gets a new object', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    store.getState().addNode('topic', { x: 0, y: 0 }, { id: 'quiet' });
    const quietBefore = store.getState().frame.view.topics.find((t) => t.name === 'quiet')!;
    const ordersBefore = store.getState().frame.view.topics.find((t) => t.name === 'orders')!;
    store.getState().play();
    for (let i = 0; i < 30; i++) store.getState().tick(50);
    const view = store.getState().frame.view;
    expect(view.topics.find((t) => t.name === 'quiet')).toBe(quietBefore);
    const orders = view.topics.find((t) => t.name === 'orders')!;
    expect(orders).not.toBe(ordersBefore);
    expect(orders.partitions.reduce((n, p) => n + p.records, 0)).toBeGreaterThan(0);
  });

  it('after a step back, the view is rebuilt from the replayed engine, not shared with the later one', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const first = store.getState().frame.view;
    store.getState().stepForward();
    store.getState().stepBack();
    const back = store.getState().frame.view;
    expect(back).toEqual(first);
    expect(back.topics[0]).not.toBe(first.topics[0]);
  });
});
