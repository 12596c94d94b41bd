import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type TraceEvent } from '../../src/engine';
import { TraceRing } from '../../src/engine/traceRing';

/**
 * The columnar trace ring against what it replaces: an array of the event objects, to which
 * every event is pushed and from which, once it holds more than 1.5 × limit events, the oldest are
 * spliced off until `limit` remain. Whatever the events (the hot types with their keys in the
 * emit sites' order, rare types, hot ones holding objects a copy would not keep) and whatever the limit (wrap-around, growth
 * of the columns, eviction), the ring's objects are deep-equal to the model's, with their keys in
 * the same order (the same JSON text, which the trace fingerprints hash).
 */

const name = fc.constantFrom('orders', 'a-1', 'g', 'svc#2', '');
const num = fc.oneof(fc.nat(1000), fc.double(), fc.constant(-0));
const key = fc.option(name, { nil: null });

// fc.record builds its objects with the keys in the order written here: the emit sites' order.
const hot: fc.Arbitrary<Record<string, unknown>>[] = [
  fc.record({ type: fc.constant('produced'), producer: name, topic: name, partition: num, baseOffset: num, count: num, keys: fc.array(key, { maxLength: 7 }) }),
  fc.record({ type: fc.constant('acked'), producer: name, topic: name, partition: num, baseOffset: num, count: num, acks: fc.constantFrom(0, 1, 'all') }),
  fc.record({ type: fc.constant('replicated'), topic: name, partition: num, highWatermark: num, isr: fc.array(fc.nat(4), { maxLength: 4 }) }),
  fc.record({ type: fc.constant('delivered'), group: name, consumer: name, topic: name, partition: num, fromOffset: num, toOffset: num }),
  fc.record({
    type: fc.constant('processed'),
    group: name,
    consumer: name,
    service: fc.option(name, { nil: null }),
    topic: name,
    partition: num,
    offset: num,
    outcome: fc.constantFrom('ok', 'failed', 'dropped'),
    doneAt: num,
  }),
  // Integer-like keys come first in an object's key order: the rebuilt record must keep that order.
  fc.record({ type: fc.constant('committed'), group: name, consumer: name, offsets: fc.dictionary(fc.constantFrom('orders-0', 'a-1-1', '3', '10', 'x'), fc.nat(), { noNullPrototype: true }) }),
];
// Rare types, and hot ones holding what a copy could not keep exactly: kept as the objects themselves.
const keptAsObjects: fc.Arbitrary<Record<string, unknown>>[] = [
  fc.record({ type: fc.constant('brokerFailed'), broker: fc.nat(3) }),
  fc.record({ type: fc.constant('recordsDeleted'), topic: name, partition: num, count: num, startOffset: num, reason: fc.constantFrom('retention', 'recordLimit') }),
  fc.record({ type: fc.constant('rebalanced'), group: name, generation: fc.nat(), assignor: name, assignment: fc.dictionary(name, fc.array(name)) }),
  fc.record({ type: fc.constant('produced'), producer: name, topic: name, partition: num, baseOffset: num, count: num, keys: fc.array(fc.constant({ nested: true }), { minLength: 1, maxLength: 3 }) }),
  // Written inside a transaction: kept whole, transactionalId included.
  fc.record({ type: fc.constant('produced'), producer: name, topic: name, partition: num, baseOffset: num, count: num, keys: fc.array(key, { maxLength: 3 }), transactionalId: name }),
  fc.record({ type: fc.constant('committed'), group: name, consumer: name, offsets: fc.constant({ orders: { deep: 1 } }) }),
  fc.record({ type: fc.constant('committed'), group: name, consumer: name, offsets: fc.constant(Object.assign(Object.create(null) as object, { 'orders-1': 3 })) }),
];
const body = fc.oneof({ arbitrary: fc.oneof(...hot), weight: 3 }, { arbitrary: fc.oneof(...keptAsObjects), weight: 1 });

/** What the engine did before the ring: push, and past 1.5 × limit splice down to limit. */
function modelPush(model: TraceEvent[], event: TraceEvent, limit: number): void {
  model.push(event);
  if (model.length > limit * 1.5) model.splice(0, model.length - limit);
}

describe('TraceRing', () => {
  it('holds exactly what the array of event objects held, key order included, through growth and eviction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.array(body, { maxLength: 2500 }), fc.array(fc.nat(2500), { maxLength: 6 }), (limit, bodies, checkAt) => {
        const ring = new TraceRing(limit);
        const model: TraceEvent[] = [];
        const checks = new Set(checkAt);
        bodies.forEach((b, i) => {
          // Events carry t and seq last, as emit adds them; a clone, so the ring cannot share the model's.
          const event = { ...structuredClone(b), t: i * 0.5, seq: i } as unknown as TraceEvent;
          ring.push(event);
          modelPush(model, event, limit);
          if (checks.has(i)) expect(JSON.stringify(ring.toArray())).toBe(JSON.stringify(model));
        });
        const held = ring.toArray();
        expect(ring.length).toBe(model.length);
        expect(held).toEqual(model);
        expect(JSON.stringify(held)).toBe(JSON.stringify(model));
        // Object.keys order too (JSON leaves out undefined; nothing here is undefined, but be exact).
        held.forEach((e, i) => expect(Object.keys(e)).toEqual(Object.keys(model[i])));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps hot events in columns, not as the objects pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...hot), { minLength: 1, maxLength: 50 }), (bodies) => {
        const ring = new TraceRing(100);
        const pushed = bodies.map((b, i) => ({ ...b, t: i, seq: i }) as unknown as TraceEvent);
        for (const e of pushed) ring.push(e);
        ring.toArray().forEach((e, i) => {
          expect(e).not.toBe(pushed[i]);
          expect(e).toEqual(pushed[i]);
        });
      }),
    );
  });

  it('wraps around many times at a small limit and still holds the newest events in order', () => {
    const ring = new TraceRing(3);
    for (let i = 0; i < 10_000; i++) ring.push({ type: 'produced', producer: 'p', topic: 't', partition: i % 3, baseOffset: i, count: 2, keys: [`k${i}`, null], t: i, seq: i } as TraceEvent);
    const held = ring.toArray();
    // 4 held (1.5 × 3) at most; after the last drop to 3, one more was pushed.
    expect(held.map((e) => e.seq)).toEqual([9996, 9997, 9998, 9999]);
    expect(held[3]).toEqual({ type: 'produced', producer: 'p', topic: 't', partition: 0, baseOffset: 9999, count: 2, keys: ['k9999', null], t: 9999, seq: 9999 });
  });

  it('at(i) is the i-th held event, oldest first, and refuses an index outside', () => {
    const ring = new TraceRing(2);
    for (let i = 0; i < 7; i++) ring.push({ type: 'brokerFailed', broker: i, t: i, seq: i } as TraceEvent);
    expect(ring.pushed).toBe(7);
    expect(Array.from({ length: ring.length }, (_, i) => ring.at(i).seq)).toEqual([4, 5, 6]);
    expect(() => ring.at(ring.length)).toThrow(RangeError);
    expect(() => ring.at(-1)).toThrow(RangeError);
  });

  it('refuses a limit below 1 (the engine keeps no ring for traceLimit 0)', () => {
    expect(() => new TraceRing(0)).toThrow(RangeError);
  });
});

describe('engine.trace over the ring', () => {
  it('reads, at any moment, what the engine kept as objects before: the newest events heard, past 1.5 × traceLimit cut to traceLimit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(fc.record({ ms: fc.integer({ min: 0, max: 400 }), read: fc.boolean() }), { minLength: 1, maxLength: 12 }), (limit, steps) => {
        const engine = createEngine({ seed: 3, traceLimit: limit });
        const model: TraceEvent[] = [];
        engine.subscribe((e) => modelPush(model, e, limit));
        engine.apply({ type: 'createTopic', name: 'orders', partitions: 2 });
        engine.apply({ type: 'addProducer', id: 'p', topic: 'orders', ratePerSec: 300, keys: { kind: 'random', prefix: 'k', count: 5 } });
        engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], processingMs: 1 });
        const first = engine.trace;
        for (const step of steps) {
          engine.advance(step.ms);
          // Reads that skip some steps must catch up with everything evicted and added meanwhile.
          if (step.read) expect(JSON.stringify(engine.trace)).toBe(JSON.stringify(model));
        }
        expect(engine.trace).toEqual(model);
        // Always the same array, as before the ring.
        expect(engine.trace).toBe(first);
      }),
      { numRuns: 40 },
    );
  });

  it('is empty with traceLimit 0 (events still counted and heard)', () => {
    const silent = createEngine({ seed: 3, traceLimit: 0 });
    const heard: TraceEvent[] = [];
    silent.subscribe((e) => heard.push(e));
    silent.apply({ type: 'createTopic', name: 'orders', partitions: 2 });
    expect(silent.trace).toEqual([]);
    expect(silent.traceCount).toBe(1);
    expect(heard).toHaveLength(1);
  });
});
