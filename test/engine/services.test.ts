import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine';
import { allRecords, eventsOf } from './helpers';

/** The course's running example: Order service -> orders -> Payment, Inventory, Email, Analytics. */
function orderFanOut(opts: { emailFailureRate?: number; maxAttempts?: number; retryTopic?: boolean; dlq?: boolean } = {}): Engine {
  const engine = createEngine({ seed: 7 });
  for (const name of ['orders', 'payments', 'emails', 'email-retry', 'email-dlq'])
    engine.apply({ type: 'createTopic', name, partitions: 3 });
  engine.apply({ type: 'addProducer', id: 'order-service', topic: 'orders', ratePerSec: 20, keys: { kind: 'random', prefix: 'order-', count: 1000 }, eventType: 'OrderPlaced' });
  engine.apply({ type: 'addService', id: 'payment', subscribes: ['orders'], handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'payments', eventType: 'PaymentProcessed' }] }] });
  engine.apply({ type: 'addService', id: 'inventory', subscribes: ['orders'], handlers: [{ on: 'OrderPlaced' }] });
  engine.apply({
    type: 'addService',
    id: 'email',
    subscribes: ['orders'],
    handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'emails', eventType: 'EmailSent' }] }],
    failureRate: opts.emailFailureRate ?? 0,
    maxAttempts: opts.maxAttempts ?? 1,
    retryTopic: opts.retryTopic ? 'email-retry' : undefined,
    deadLetterTopic: opts.dlq ? 'email-dlq' : undefined,
  });
  engine.apply({ type: 'addService', id: 'analytics', subscribes: ['orders'], handlers: [{ on: '*' }] });
  return engine;
}

const totalRecords = (engine: Engine, topic: string) =>
  engine.view().topics.find((t) => t.name === topic)!.partitions.reduce((n, p) => n + p.endOffset, 0);

describe('services', () => {
  it('fans one OrderPlaced out to every subscribed service, each producing its own result events', () => {
    const engine = orderFanOut();
    engine.advance(5000);
    engine.apply({ type: 'setProducerRate', id: 'order-service', ratePerSec: 0 });
    engine.advance(5000);
    const orders = totalRecords(engine, 'orders');
    expect(orders).toBeGreaterThan(80);
    for (const id of ['payment', 'inventory', 'email', 'analytics'])
      expect(engine.view().services.find((s) => s.id === id)!.stats.processed).toBe(orders);
    expect(totalRecords(engine, 'payments')).toBe(orders);
    expect(totalRecords(engine, 'emails')).toBe(orders);
  });

  it('keeps the input key on emitted events so per-order ordering survives each hop', () => {
    const engine = orderFanOut();
    engine.advance(3000);
    const payments = [0, 1, 2].flatMap((p) => allRecords(engine, 'payments', p));
    expect(payments.length).toBeGreaterThan(0);
    for (const r of payments) {
      expect(r.key).toMatch(/^order-\d+$/);
      expect(r.headers.type).toBe('PaymentProcessed');
    }
  });

  it('lets a service that is down fall behind and catch up from its committed offsets when it returns', () => {
    const engine = orderFanOut();
    engine.advance(2000);
    engine.apply({ type: 'setServiceDown', id: 'email', down: true });
    engine.advance(30_000);
    const lagWhileDown = engine.view().groups.find((g) => g.id === 'email')!.totalLag;
    expect(lagWhileDown).toBeGreaterThan(400);
    expect(engine.view().groups.find((g) => g.id === 'payment')!.totalLag).toBeLessThan(20);
    engine.apply({ type: 'setServiceDown', id: 'email', down: false });
    engine.apply({ type: 'setProducerRate', id: 'order-service', ratePerSec: 0 });
    engine.advance(60_000);
    expect(engine.view().groups.find((g) => g.id === 'email')!.totalLag).toBe(0);
    const emailed = new Set([0, 1, 2].flatMap((p) => allRecords(engine, 'emails', p)).map((r) => r.headers.origin));
    expect(emailed.size).toBe(totalRecords(engine, 'orders'));
  });

  it('retries a failing record through the retry topic and dead-letters it after maxAttempts', () => {
    const engine = orderFanOut({ emailFailureRate: 0.5, maxAttempts: 3, retryTopic: true, dlq: true });
    engine.advance(5000);
    engine.apply({ type: 'setProducerRate', id: 'order-service', ratePerSec: 0 });
    engine.advance(20_000);
    const orders = totalRecords(engine, 'orders');
    const email = engine.view().services.find((s) => s.id === 'email')!;
    expect(totalRecords(engine, 'email-retry')).toBeGreaterThan(0);
    expect(email.stats.deadLettered).toBe(totalRecords(engine, 'email-dlq'));
    expect(email.stats.deadLettered).toBeGreaterThan(0);
    // Every order ends exactly one way: emailed, or dead-lettered after its attempts.
    expect(totalRecords(engine, 'emails') + email.stats.deadLettered).toBe(orders);
    const dlq = [0, 1, 2].flatMap((p) => allRecords(engine, 'email-dlq', p));
    expect(dlq.every((r) => r.headers.attempt === '3')).toBe(true);
  });

  it('drops (and counts) records that keep failing when there is no dead-letter topic', () => {
    const engine = orderFanOut({ emailFailureRate: 1, maxAttempts: 2 });
    engine.advance(2000);
    engine.apply({ type: 'setProducerRate', id: 'order-service', ratePerSec: 0 });
    engine.advance(2000);
    const email = engine.view().services.find((s) => s.id === 'email')!;
    expect(email.stats.processed).toBe(0);
    expect(email.stats.dropped).toBeGreaterThan(0);
    expect(email.stats.failed).toBe(email.stats.dropped * 2);
  });

  it('an idempotent service skips records redelivered after a crash; a plain one handles them twice', () => {
    const run = (idempotent: boolean) => {
      const engine = createEngine();
      engine.apply({ type: 'createTopic', name: 'orders', partitions: 1 });
      engine.apply({ type: 'createTopic', name: 'emails', partitions: 1 });
      for (let i = 0; i < 20; i++) engine.apply({ type: 'produce', topic: 'orders', key: `o${i}`, value: i, eventType: 'OrderPlaced' });
      engine.apply({ type: 'addService', id: 'email', subscribes: ['orders'], idempotent, processingMs: 50, sessionTimeoutMs: 1000, handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'emails', eventType: 'EmailSent' }] }] });
      engine.advance(600); // part-way through the batch: processed but not yet committed
      engine.apply({ type: 'scaleService', id: 'email', instances: 2 });
      engine.apply({ type: 'crashConsumer', id: 'email-0' });
      engine.advance(10_000);
      return { emails: totalRecords(engine, 'emails'), skipped: engine.view().services[0].stats.duplicatesSkipped };
    };
    const plain = run(false);
    expect(plain.emails).toBeGreaterThan(20);
    const idem = run(true);
    expect(idem.emails).toBe(20);
    expect(idem.skipped).toBeGreaterThan(0);
  });

  it('adds partitions of work to more instances when a service scales out', () => {
    const engine = orderFanOut();
    engine.apply({ type: 'scaleService', id: 'inventory', instances: 3 });
    engine.advance(1000);
    const group = engine.view().groups.find((g) => g.id === 'inventory')!;
    expect(group.members.map((m) => m.assigned.length).sort()).toEqual([1, 1, 1]);
  });

  it('lets a new service replay history from the earliest offset without touching the producer', () => {
    const engine = orderFanOut();
    engine.advance(3000);
    const ordersSoFar = totalRecords(engine, 'orders');
    engine.apply({ type: 'setProducerRate', id: 'order-service', ratePerSec: 0 });
    engine.apply({ type: 'addService', id: 'fraud', subscribes: ['orders'], autoOffsetReset: 'earliest', handlers: [{ on: 'OrderPlaced' }] });
    engine.advance(10_000);
    expect(engine.view().services.find((s) => s.id === 'fraud')!.stats.processed).toBeGreaterThanOrEqual(ordersSoFar);
    expect(eventsOf(engine.trace, 'processed').some((e) => e.service === 'fraud')).toBe(true);
  });

  it('a service re-added under the id of a removed one is not driven by the old one\'s scheduled work', () => {
    const engine = createEngine();
    engine.apply({ type: 'createTopic', name: 'orders', partitions: 1 });
    engine.apply({ type: 'addProducer', id: 'shop', topic: 'orders', ratePerSec: 50, keys: { kind: 'sequence', prefix: 'o' } });
    const deploy = () => engine.apply({ type: 'addService', id: 'slow', subscribes: ['orders'], processingMs: 300 });
    deploy();
    engine.advance(1000);
    engine.apply({ type: 'removeService', id: 'slow' });
    deploy();
    const start = engine.now;
    engine.advance(3000);
    const handled = eventsOf(engine.trace, 'processed').filter((e) => e.service === 'slow' && e.t > start);
    // One instance, 300 ms a record: at most 10 in 3 s, each at least 300 ms after the previous.
    expect(handled.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < handled.length; i++) expect(handled[i].t - handled[i - 1].t).toBeGreaterThanOrEqual(300);
  });
});
