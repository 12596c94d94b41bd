import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type SubscribeOptions, type TraceEvent } from '../../src/engine';

/**
 * Engine.subscribe's requestsFrom: of a request type it names, a listener hears only the calls of
 * the callers listed. Whatever else listens, each listener hears exactly what an unfiltered
 * listener would hear minus what its filter leaves out; an event no reader wants from that caller
 * is not built but counted, so seq numbers, traceCount, lastTraceAt and the state stay as if it
 * had been.
 */

/** user -> front -> (a, b), some failing, sync client and one-off requests. */
function syncEngine(seed: number, failureRate: number) {
  const engine = createEngine({ seed, traceLimit: 0, networkLatencyMs: 1 });
  engine.apply({ type: 'addSyncService', id: 'a', latencyMs: 2, failureRate });
  engine.apply({ type: 'addSyncService', id: 'b', latencyMs: 3 });
  engine.apply({ type: 'addSyncService', id: 'front', latencyMs: 1, calls: ['a', 'b'], concurrency: 2 });
  engine.apply({ type: 'addSyncClient', id: 'shop', to: 'front', ratePerSec: 300 });
  return engine;
}

const CALLERS = ['user', 'front', 'nobody'] as const;
const TYPES = ['requestSent', 'requestAnswered', 'requestFailed'] as const;

const narrowing = fc.record({
  types: fc.option(fc.subarray([...TYPES, 'serviceDown' as const], { minLength: 1 }), { nil: undefined }),
  requestsFrom: fc.dictionary(fc.constantFrom(...TYPES), fc.subarray([...CALLERS])),
});

function wants(o: SubscribeOptions, e: TraceEvent): boolean {
  if (o.types && !o.types.includes(e.type)) return false;
  const callers = (o.requestsFrom as Record<string, readonly string[] | undefined> | undefined)?.[e.type];
  return callers === undefined || callers.includes((e as { from: string }).from);
}

describe('Engine.subscribe requestsFrom', () => {
  it('property: each narrowed listener hears the unfiltered trace through its filter; counts and state unchanged', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 0.3), fc.array(narrowing, { minLength: 1, maxLength: 3 }), (seed, failureRate, subs) => {
        const reference = syncEngine(seed, failureRate);
        const all: TraceEvent[] = [];
        reference.subscribe((e) => all.push(e));
        const narrowed = syncEngine(seed, failureRate);
        const heard = subs.map(() => [] as TraceEvent[]);
        subs.forEach((o, i) => narrowed.subscribe((e) => heard[i].push(e), o));
        for (const engine of [reference, narrowed]) {
          engine.advance(300, { collect: false });
          engine.apply({ type: 'setSyncService', id: 'b', down: true });
          engine.advance(50, { collect: false });
          engine.apply({ type: 'setSyncService', id: 'b', down: false });
          engine.advance(300, { collect: false });
        }
        subs.forEach((o, i) => expect(heard[i]).toEqual(all.filter((e) => wants(o, e))));
        expect(narrowed.traceCount).toBe(reference.traceCount);
        expect(narrowed.lastTraceAt).toBe(reference.lastTraceAt);
        expect(JSON.stringify(narrowed.view())).toBe(JSON.stringify(reference.view()));
      }),
      { numRuns: 40 },
    );
  });

  it('an answer nobody wants from its caller is not built', () => {
    const engine = syncEngine(1, 0);
    const heard: TraceEvent[] = [];
    engine.subscribe((e) => heard.push(e), { types: ['requestAnswered'], requestsFrom: { requestAnswered: ['user'] } });
    const emit = spyEmit(engine);
    engine.advance(500, { collect: false });
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((e) => e.type === 'requestAnswered' && e.from === 'user')).toBe(true);
    // front's answers from a and b were only counted: the engine built nothing else.
    expect(emit.built.filter((t) => t === 'requestAnswered').length).toBe(heard.length);
  });

  it('a kept trace or a collecting advance still gets every answer', () => {
    const kept = createEngine({ seed: 1, traceLimit: 10_000 });
    kept.apply({ type: 'addSyncService', id: 'a', latencyMs: 2 });
    kept.apply({ type: 'addSyncService', id: 'front', latencyMs: 1, calls: ['a'] });
    kept.subscribe(() => {}, { requestsFrom: { requestAnswered: ['user'] } });
    kept.apply({ type: 'sendRequest', to: 'front' });
    const collected = kept.advance(100);
    expect(collected.filter((e) => e.type === 'requestAnswered').map((e) => (e as { from: string }).from)).toEqual(['front', 'user']);
    expect(kept.trace.filter((e) => e.type === 'requestAnswered')).toHaveLength(2);
  });

  it('refuses a narrowing of a type that is not a request', () => {
    const engine = syncEngine(1, 0);
    expect(() => engine.subscribe(() => {}, { requestsFrom: { produced: ['user'] } as unknown as SubscribeOptions['requestsFrom'] })).toThrow(EngineError);
  });
});

/** Records the type of every trace event the engine builds (emit is called only for those). */
function spyEmit(engine: ReturnType<typeof createEngine>): { built: string[] } {
  const built: string[] = [];
  const sim = engine as unknown as { emit(body: { type: string }): void };
  const emit = sim.emit.bind(sim);
  sim.emit = (body) => {
    built.push(body.type);
    emit(body);
  };
  return { built };
}
