import { describe, expect, it } from 'vitest';
import { createEngine, type TraceEvent } from '../../src/engine';

/** Engine.subscribe: listeners of every type or of some types, and what nobody hears. */
function busyEngine(traceLimit = 0) {
  const engine = createEngine({ seed: 5, traceLimit });
  engine.apply({ type: 'createTopic', name: 't', partitions: 3, replicationFactor: 3 });
  engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['t'], autoOffsetReset: 'earliest', commitMode: 'afterProcess' });
  engine.apply({ type: 'addProducer', id: 'p', topic: 't', ratePerSec: 200, keys: { kind: 'cycle', keys: ['a', 'b', 'c'] } });
  return engine;
}

describe('Engine.subscribe', () => {
  it('a listener of some types hears only those, in the same order and with the same seq as a listener of every type', () => {
    const engine = busyEngine();
    const all: TraceEvent[] = [];
    const some: TraceEvent[] = [];
    engine.subscribe((e) => all.push(e));
    engine.subscribe((e) => some.push(e), { types: ['produced', 'committed'] });
    engine.advance(2000, { collect: false });
    expect(some.length).toBeGreaterThan(0);
    expect(some).toEqual(all.filter((e) => e.type === 'produced' || e.type === 'committed'));
  });

  it('events nobody hears are counted, not built: later seq numbers and traceCount are as if they were', () => {
    const heardAll = busyEngine();
    const all: TraceEvent[] = [];
    heardAll.subscribe((e) => all.push(e));
    const heardSome = busyEngine();
    const some: TraceEvent[] = [];
    heardSome.subscribe((e) => some.push(e), { types: ['acked'] });
    heardAll.advance(2000, { collect: false });
    heardSome.advance(2000, { collect: false });
    expect(all.some((e) => e.type === 'replicated') && all.some((e) => e.type === 'delivered') && all.some((e) => e.type === 'committed')).toBe(true);
    expect(some).toEqual(all.filter((e) => e.type === 'acked'));
    expect(heardSome.traceCount).toBe(heardAll.traceCount);
    expect(heardSome.lastTraceAt).toBe(heardAll.lastTraceAt);
    expect(JSON.stringify(heardSome.view())).toBe(JSON.stringify(heardAll.view()));
  });

  it('subscribing the same listener twice keeps one subscription; unsubscribing stops it', () => {
    const engine = busyEngine();
    const heard: TraceEvent[] = [];
    const listener = (e: TraceEvent) => heard.push(e);
    const stop = engine.subscribe(listener, { types: ['produced'] });
    const again = engine.subscribe(listener);
    engine.advance(500, { collect: false });
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((e) => e.type === 'produced')).toBe(true);
    const count = heard.length;
    again();
    stop();
    engine.advance(500, { collect: false });
    expect(heard.length).toBe(count);
  });

  it('a listener removed while an event is being delivered is not called with it', () => {
    const engine = busyEngine();
    const second: TraceEvent[] = [];
    let stopSecond = () => {};
    engine.subscribe(() => stopSecond());
    stopSecond = engine.subscribe((e) => second.push(e));
    engine.advance(500, { collect: false });
    expect(second).toEqual([]);
  });
});
