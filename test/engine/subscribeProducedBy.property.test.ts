import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type SubscribeOptions, type TraceEvent } from '../../src/engine';

/**
 * Engine.subscribe's producedBy: of a produce event type it names, a listener hears only the
 * events of the producers listed. Whatever else listens, each listener hears exactly what an
 * unfiltered listener would hear minus what its filter leaves out; an event no reader wants from
 * that producer is not built but counted, so seq numbers, traceCount, lastTraceAt and the state
 * stay as if it had been.
 */

/** shop -> orders -> billing (publishing to results, failing now and then), and a second producer
 * whose requests fail while a broker is down (produceFailed). */
function edaEngine(seed: number, failureRate: number) {
  const engine = createEngine({ seed, traceLimit: 0, brokerSessionTimeoutMs: 200 });
  engine.apply({ type: 'createTopic', name: 'orders', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 });
  engine.apply({ type: 'createTopic', name: 'results', partitions: 2, replicationFactor: 2 });
  engine.apply({ type: 'addProducer', id: 'shop', topic: 'orders', ratePerSec: 200, keys: { kind: 'random', prefix: 'o', count: 40 }, eventType: 'OrderPlaced' });
  engine.apply({ type: 'addProducer', id: 'clock', topic: 'results', ratePerSec: 30, acks: 1, idempotent: false, retries: 1, requestTimeoutMs: 100 });
  engine.apply({
    type: 'addService',
    id: 'billing',
    subscribes: ['orders'],
    failureRate,
    maxAttempts: 2,
    idempotent: true,
    handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'results', eventType: 'Billed' }] }],
  });
  return engine;
}

const PRODUCERS = ['shop', 'clock', 'billing.producer', 'nobody'] as const;
const TYPES = ['produced', 'acked', 'produceFailed'] as const;

const narrowing = fc.record({
  types: fc.option(fc.subarray([...TYPES, 'processed' as const], { minLength: 1 }), { nil: undefined }),
  producedBy: fc.dictionary(fc.constantFrom(...TYPES), fc.subarray([...PRODUCERS])),
});

function wants(o: SubscribeOptions, e: TraceEvent): boolean {
  if (o.types && !o.types.includes(e.type)) return false;
  const producers = (o.producedBy as Record<string, readonly string[] | undefined> | undefined)?.[e.type];
  return producers === undefined || producers.includes((e as { producer: string }).producer);
}

describe('Engine.subscribe producedBy', () => {
  it('property: each narrowed listener hears the unfiltered trace through its filter; counts and state unchanged', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 0.3), fc.array(narrowing, { minLength: 1, maxLength: 3 }), (seed, failureRate, subs) => {
        const reference = edaEngine(seed, failureRate);
        const all: TraceEvent[] = [];
        reference.subscribe((e) => all.push(e));
        const narrowed = edaEngine(seed, failureRate);
        const heard = subs.map(() => [] as TraceEvent[]);
        subs.forEach((o, i) => narrowed.subscribe((e) => heard[i].push(e), o));
        for (const engine of [reference, narrowed]) {
          engine.advance(400, { collect: false });
          engine.apply({ type: 'failBroker', broker: 1 });
          engine.advance(400, { collect: false });
          engine.apply({ type: 'recoverBroker', broker: 1 });
          engine.advance(400, { collect: false });
        }
        expect(all.some((e) => e.type === 'produceFailed')).toBe(true);
        subs.forEach((o, i) => expect(heard[i]).toEqual(all.filter((e) => wants(o, e))));
        expect(narrowed.traceCount).toBe(reference.traceCount);
        expect(narrowed.lastTraceAt).toBe(reference.lastTraceAt);
        expect(narrowed.eventsRun).toBe(reference.eventsRun);
        expect(JSON.stringify(narrowed.view())).toBe(JSON.stringify(reference.view()));
      }),
      { numRuns: 30 },
    );
  });

  it('a produce event nobody wants from its producer is not built', () => {
    const engine = edaEngine(1, 0);
    const heard: TraceEvent[] = [];
    engine.subscribe((e) => heard.push(e), { types: ['produced', 'acked'], producedBy: { produced: ['shop'], acked: ['shop'] } });
    const built = spyEmit(engine);
    engine.advance(500, { collect: false });
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((e) => (e.type === 'produced' || e.type === 'acked') && e.producer === 'shop')).toBe(true);
    // billing.producer's and clock's produce events were only counted: the engine built nothing else.
    expect(built.filter((b) => b.type === 'produced' || b.type === 'acked')).toHaveLength(heard.length);
  });

  it('a kept trace or a collecting advance still gets every produce event', () => {
    const engine = edaEngine(1, 0);
    engine.subscribe(() => {}, { types: ['produced'], producedBy: { produced: ['shop'] } });
    const collected = engine.advance(300);
    const producers = new Set(collected.filter((e) => e.type === 'produced').map((e) => (e as { producer: string }).producer));
    expect(producers).toEqual(new Set(['shop', 'clock', 'billing.producer']));
  });

  it('refuses a narrowing of a type that is not a produce event', () => {
    const engine = edaEngine(1, 0);
    expect(() => engine.subscribe(() => {}, { producedBy: { requestSent: ['shop'] } as unknown as SubscribeOptions['producedBy'] })).toThrow(EngineError);
  });
});

/** Records every trace event the engine builds (emit is called only for those). */
function spyEmit(engine: ReturnType<typeof createEngine>): { type: string; producer?: string }[] {
  const built: { type: string; producer?: string }[] = [];
  const sim = engine as unknown as { emit(body: { type: string; producer?: string }): void };
  const emit = sim.emit.bind(sim);
  sim.emit = (body) => {
    built.push(body);
    emit(body);
  };
  return built;
}
