import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/queue';

describe('the event queue', () => {
  it('pops by time, and in push order within the same time, whatever lanes the events came in', () => {
    fc.assert(
      fc.property(
        // Each step either pops or pushes "now + delay" in the delay's lane while the clock moves on.
        fc.array(fc.oneof(fc.record({ delay: fc.constantFrom(0, 1, 2.5, 5, 30, 1000), tick: fc.nat(7) }), fc.constant('pop' as const)), { maxLength: 300 }),
        (steps) => {
          const queue = new EventQueue<number>();
          const reference: { time: number; id: number }[] = [];
          let now = 0;
          let id = 0;
          const popBoth = () => {
            reference.sort((a, b) => a.time - b.time || a.id - b.id);
            const want = reference.shift();
            expect(queue.peekTime()).toBe(want ? want.time : Infinity);
            expect(queue.pop()).toBe(want?.id);
            if (want) now = Math.max(now, want.time);
          };
          for (const step of steps) {
            if (step === 'pop') popBoth();
            else {
              now += step.tick;
              queue.push(now + step.delay, id, step.delay);
              reference.push({ time: now + step.delay, id: id++ });
            }
            expect(queue.size).toBe(reference.length);
          }
          while (reference.length) popBoth();
          expect(queue.pop()).toBeUndefined();
        },
      ),
    );
  });

  it('refuses a push that would run before an earlier push of the same lane', () => {
    const queue = new EventQueue<string>();
    queue.push(10, 'a', 5);
    expect(() => queue.push(9, 'b', 5)).toThrow(/lane 5/);
  });
});
