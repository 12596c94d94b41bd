import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type KafkaRecord } from '../../src/engine';
import { allRecords, eventsOf } from './helpers';

/**
 * Sagas' two engine pieces: a service publishes a failure event (failureEmits) for every record
 * that fails for good, and a handler reacts only to the event type it names (reactsTo on the
 * canvas), so a compensating service ignores the successes on the same topic.
 */

const records = (engine: Engine, topic: string): KafkaRecord[] => {
  const t = engine.view().topics.find((x) => x.name === topic)!;
  return t.partitions.flatMap((p) => allRecords(engine, topic, p.id));
};

/** orders → Payment (fails with failureRate) → payments (PaymentReceived or PaymentFailed). */
function payments(seed: number, o: { failureRate: number; maxAttempts: number; dlq?: boolean; retryTopic?: boolean; failureEmits?: boolean }): Engine {
  const engine = createEngine({ seed });
  for (const name of ['orders', 'payments', 'payment-retry', 'payment-dlq']) engine.apply({ type: 'createTopic', name, partitions: 2 });
  engine.apply({ type: 'addProducer', id: 'shop', topic: 'orders', ratePerSec: 40, keys: { kind: 'random', prefix: 'order-', count: 30 }, eventType: 'OrderPlaced' });
  engine.apply({
    type: 'addService',
    id: 'payment',
    subscribes: ['orders'],
    handlers: [{ on: '*', emit: [{ topic: 'payments', eventType: 'PaymentReceived' }] }],
    failureRate: o.failureRate,
    maxAttempts: o.maxAttempts,
    ...(o.failureEmits === false ? {} : { failureEmits: [{ topic: 'payments', eventType: 'PaymentFailed', key: 'same' as const }] }),
    ...(o.dlq ? { deadLetterTopic: 'payment-dlq' } : {}),
    ...(o.retryTopic ? { retryTopic: 'payment-retry' } : {}),
  });
  return engine;
}

const outcomes = (engine: Engine) => eventsOf(engine.trace, 'processed').filter((e) => e.service === 'payment');
const isFailure = (r: KafkaRecord) => r.headers.type === 'PaymentFailed';

describe('failure events (failureEmits)', () => {
  it('publishes one failure event per record that failed for good, with its key and origin, instead of dropping it', () => {
    const engine = payments(3, { failureRate: 0.4, maxAttempts: 2 });
    engine.advance(4000);
    const gaveUp = outcomes(engine).filter((e) => e.outcome === 'failureEmitted');
    const failed = records(engine, 'payments').filter(isFailure);
    expect(gaveUp.length).toBeGreaterThan(3);
    expect(failed).toHaveLength(gaveUp.length);
    expect(outcomes(engine).some((e) => e.outcome === 'dropped')).toBe(false);
    const view = engine.view().services.find((s) => s.id === 'payment')!;
    expect(view.failureEvents).toBe(gaveUp.length);
    expect(view.stats.dropped).toBe(0);
    // Same key as the order and the order's origin: the failure is about that order.
    const orders = new Map(records(engine, 'orders').map((r) => [`orders-${r.partition}-${r.offset}`, r.key]));
    for (const r of failed) {
      expect(r.headers.error).toBe('processing failed');
      expect(orders.get(r.headers.origin!)).toBe(r.key);
    }
  });

  it('is absent from the view, and records are dropped as before, without failureEmits', () => {
    const engine = payments(3, { failureRate: 0.4, maxAttempts: 2, failureEmits: false });
    engine.advance(3000);
    const view = engine.view().services.find((s) => s.id === 'payment')!;
    expect('failureEvents' in view).toBe(false);
    expect(view.stats.dropped).toBeGreaterThan(0);
    expect(records(engine, 'payments').some(isFailure)).toBe(false);
  });

  it('writes the failure event besides the dead-letter copy when there is a dead-letter topic', () => {
    const engine = payments(5, { failureRate: 0.5, maxAttempts: 1, dlq: true });
    engine.advance(3000);
    const dead = records(engine, 'payment-dlq').length;
    expect(dead).toBeGreaterThan(0);
    expect(records(engine, 'payments').filter(isFailure)).toHaveLength(dead);
  });

  it('property: every record that failed for good gives exactly one failure event (retry in place, retry topic or dead-letter topic)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.boolean(),
        (seed, failureRate, maxAttempts, dlq, retryTopic) => {
          const engine = payments(seed, { failureRate, maxAttempts, dlq, retryTopic });
          engine.advance(1500);
          const gaveUp = outcomes(engine).filter((e) => e.outcome === 'failureEmitted' || e.outcome === 'deadLettered').length;
          const failed = records(engine, 'payments').filter(isFailure);
          expect(failed).toHaveLength(gaveUp);
          // One per business event: no origin gets two failure events.
          expect(new Set(failed.map((r) => r.headers.origin)).size).toBe(failed.length);
          expect(engine.view().services.find((s) => s.id === 'payment')!.failureEvents).toBe(gaveUp);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses a failure event to a topic that does not exist, with a clear message', () => {
    const engine = createEngine({ seed: 1 });
    engine.apply({ type: 'createTopic', name: 'orders', partitions: 1 });
    expect(() => engine.apply({ type: 'addService', id: 'p', subscribes: ['orders'], failureEmits: [{ topic: 'nope', eventType: 'PaymentFailed' }] })).toThrow(/nope/);
    expect(() => engine.apply({ type: 'addService', id: 'p', subscribes: ['orders'], failureEmits: [{ topic: 'orders', eventType: '' }] })).toThrow(/eventType/);
  });
});

describe('reacting to one event type', () => {
  it('property: a handler on one event type emits for exactly the records of that type', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 0.9, noNaN: true }), (seed, failureRate) => {
        const engine = payments(seed, { failureRate, maxAttempts: 1 });
        engine.apply({ type: 'createTopic', name: 'order-events', partitions: 2 });
        engine.apply({ type: 'addService', id: 'order', subscribes: ['payments'], handlers: [{ on: 'PaymentFailed', emit: [{ topic: 'order-events', eventType: 'OrderCancelled' }] }] });
        engine.advance(2000);
        engine.apply({ type: 'setProducerRate', id: 'shop', ratePerSec: 0 });
        engine.advance(2000);
        const failedOrigins = records(engine, 'payments').filter(isFailure).map((r) => r.headers.origin).sort();
        const cancelled = records(engine, 'order-events');
        expect(cancelled.every((r) => r.headers.type === 'OrderCancelled')).toBe(true);
        expect(cancelled.map((r) => r.headers.origin).sort()).toEqual(failedOrigins);
      }),
      { numRuns: 20 },
    );
  });

  it('publishes no failure event for a record the service does not react to', () => {
    const engine = createEngine({ seed: 2 });
    for (const name of ['payments', 'order-events']) engine.apply({ type: 'createTopic', name, partitions: 1 });
    engine.apply({ type: 'addProducer', id: 'bank', topic: 'payments', ratePerSec: 20, eventType: 'PaymentReceived' });
    engine.apply({
      type: 'addService',
      id: 'order',
      subscribes: ['payments'],
      handlers: [{ on: 'PaymentFailed', emit: [{ topic: 'order-events', eventType: 'OrderCancelled' }] }],
      failureRate: 1,
      failureEmits: [{ topic: 'order-events', eventType: 'CancelFailed' }],
    });
    engine.advance(2000);
    expect(records(engine, 'order-events')).toHaveLength(0);
    expect(engine.view().services.find((s) => s.id === 'order')!.stats.dropped).toBeGreaterThan(0);
  });
});
