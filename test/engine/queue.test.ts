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

  it('runs an event pushed with a reserved sequence number exactly where a push at reservation time would have run', () => {
    fc.assert(
      fc.property(
        // Steps push now + delay, or reserve a number for a deadline (now + 40, kept in order in one
        // lane, like a sync service's timeouts) and push it later, or pop; the clock moves on.
        fc.array(
          fc.oneof(
            fc.record({ delay: fc.constantFrom(0, 1, 5, 40), tick: fc.nat(7) }),
            fc.constant('reserve' as const),
            fc.constant('pop' as const),
          ),
          { maxLength: 300 },
        ),
        (steps) => {
          const queue = new EventQueue<number>();
          const reference: { time: number; seq: number; id: number }[] = [];
          const reserved: { time: number; seq: number; id: number }[] = [];
          let armed = false;
          let now = 0;
          let id = 0;
          let seq = 0;
          // At most one reserved event is on the agenda at a time, the earliest: as sync.ts does.
          const arm = () => {
            if (armed || reserved.length === 0) return;
            const next = reserved[0];
            queue.pushReserved(next.time, next.seq, next.id, -1);
            armed = true;
          };
          const popBoth = () => {
            const pending = [...reference, ...reserved].sort((a, b) => a.time - b.time || a.seq - b.seq);
            const want = pending[0];
            expect(queue.peekTime()).toBe(want ? want.time : Infinity);
            expect(queue.pop()).toBe(want?.id);
            if (!want) return;
            now = Math.max(now, want.time);
            const i = reference.indexOf(want);
            if (i >= 0) reference.splice(i, 1);
            else {
              reserved.shift();
              armed = false;
              arm();
            }
          };
          for (const step of steps) {
            if (step === 'pop') popBoth();
            else if (step === 'reserve') {
              reserved.push({ time: now + 40, seq: queue.reserveSeq(), id: id++ });
              seq++;
              arm();
            } else {
              now += step.tick;
              queue.push(now + step.delay, id, step.delay);
              reference.push({ time: now + step.delay, seq: seq++, id: id++ });
            }
          }
          while (reference.length || reserved.length) popBoth();
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
