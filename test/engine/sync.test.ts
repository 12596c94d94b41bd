import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine';
import { eventsOf } from './helpers';

/** User -> Order -> Payment -> Inventory -> Email, each waiting for the next. */
function syncChain(latency = { order: 10, payment: 30, inventory: 20, email: 40 }): Engine {
  const engine = createEngine({ networkLatencyMs: 1 });
  engine.apply({ type: 'addSyncService', id: 'email', latencyMs: latency.email, timeoutMs: 500 });
  engine.apply({ type: 'addSyncService', id: 'inventory', latencyMs: latency.inventory, timeoutMs: 1000, calls: ['email'] });
  engine.apply({ type: 'addSyncService', id: 'payment', latencyMs: latency.payment, timeoutMs: 1500, calls: ['inventory'] });
  engine.apply({ type: 'addSyncService', id: 'order', latencyMs: latency.order, timeoutMs: 2000, calls: ['payment'] });
  return engine;
}

const userOutcomes = (engine: Engine) => ({
  answered: eventsOf(engine.trace, 'requestAnswered').filter((e) => e.from === 'user'),
  failed: eventsOf(engine.trace, 'requestFailed').filter((e) => e.from === 'user'),
});

describe('synchronous request/response mode', () => {
  it('makes the user wait for at least the sum of every latency in the chain', () => {
    const engine = syncChain();
    engine.apply({ type: 'sendRequest', to: 'order', requestId: 'o1' });
    engine.advance(5000);
    const { answered } = userOutcomes(engine);
    expect(answered).toHaveLength(1);
    expect(answered[0].latencyMs).toBeGreaterThanOrEqual(10 + 30 + 20 + 40);
  });

  it('traces the calls in order: each hop sent before the deeper one, answered after it', () => {
    const engine = syncChain();
    engine.apply({ type: 'sendRequest', to: 'order', requestId: 'o1' });
    engine.advance(5000);
    const hops = engine.trace
      .filter((e) => e.type === 'requestSent' || e.type === 'requestAnswered')
      .map((e) => `${e.type === 'requestSent' ? '>' : '<'}${(e as { to: string }).to}`);
    expect(hops).toEqual(['>order', '>payment', '>inventory', '>email', '<email', '<inventory', '<payment', '<order']);
  });

  it('cascades a failure up the chain when Email is down: the order itself fails', () => {
    const engine = syncChain();
    engine.apply({ type: 'setSyncService', id: 'email', down: true });
    for (let i = 0; i < 5; i++) engine.apply({ type: 'sendRequest', to: 'order', requestId: `o${i}` });
    engine.advance(5000);
    const { answered, failed } = userOutcomes(engine);
    expect(answered).toHaveLength(0);
    expect(failed).toHaveLength(5);
    expect(failed.every((f) => f.reason === 'downstream')).toBe(true);
    expect(eventsOf(engine.trace, 'requestFailed').some((f) => f.to === 'email' && f.reason === 'unavailable')).toBe(true);
  });

  it('times a caller out when a slow downstream takes longer than its timeout', () => {
    const engine = syncChain({ order: 10, payment: 3000, inventory: 20, email: 40 });
    engine.apply({ type: 'sendRequest', to: 'order', requestId: 'slow' });
    engine.advance(10_000);
    const failures = eventsOf(engine.trace, 'requestFailed');
    expect(failures.find((f) => f.to === 'payment')?.reason).toBe('timeout');
    expect(userOutcomes(engine).failed[0].reason).toBe('downstream');
  });

  it('queues requests beyond a service\'s concurrency, so latency grows under load', () => {
    const engine = createEngine();
    engine.apply({ type: 'addSyncService', id: 'order', latencyMs: 100, timeoutMs: 60_000, concurrency: 1 });
    for (let i = 0; i < 5; i++) engine.apply({ type: 'sendRequest', to: 'order', requestId: `r${i}` });
    engine.advance(10_000);
    const latencies = userOutcomes(engine).answered.map((a) => a.latencyMs);
    expect(latencies).toHaveLength(5);
    expect(latencies[4]).toBeGreaterThanOrEqual(500);
    expect(latencies).toEqual([...latencies].sort((a, b) => a - b));
  });

  it('fails requests at roughly the configured error rate, deterministically for a seed', () => {
    const run = (seed: number) => {
      const engine = createEngine({ seed });
      engine.apply({ type: 'addSyncService', id: 'order', latencyMs: 1, failureRate: 0.3, concurrency: 1000 });
      for (let i = 0; i < 1000; i++) engine.apply({ type: 'sendRequest', to: 'order' });
      engine.advance(1000);
      return userOutcomes(engine).failed.length;
    };
    const failures = run(3);
    expect(failures).toBeGreaterThan(240);
    expect(failures).toBeLessThan(360);
    expect(run(3)).toBe(failures);
  });
});

describe('a steady request stream for comparisons', () => {
  it('numbers requests exactly like a producer with a sequence key pattern at the same rate', () => {
    const engine = createEngine();
    engine.apply({ type: 'addSyncService', id: 'order', latencyMs: 5 });
    engine.apply({ type: 'createTopic', name: 'orders', partitions: 3 });
    engine.apply({ type: 'addSyncClient', id: 'shop', to: 'order', ratePerSec: 37, requestPrefix: 'order-' });
    engine.apply({ type: 'addProducer', id: 'shop-eda', topic: 'orders', ratePerSec: 37, keys: { kind: 'sequence', prefix: 'order-' }, lingerMs: 0 });
    engine.advance(3000);
    const requested = eventsOf(engine.trace, 'requestSent').filter((e) => e.from === 'user');
    const produced = eventsOf(engine.trace, 'produced').flatMap((e) => e.keys);
    expect(requested.length).toBeGreaterThanOrEqual(110);
    expect(requested.map((e) => e.requestId).sort()).toEqual([...produced].sort());
    // The same order leaves both sides in the same millisecond (the producer's append is one network hop later).
    const sentAt = new Map(requested.map((e) => [e.requestId, e.t]));
    for (const e of eventsOf(engine.trace, 'produced')) for (const key of e.keys) expect(e.t - sentAt.get(key!)!).toBe(1);
  });

  it('stops and resumes with the rate, and refuses a client of an unknown service', () => {
    const engine = createEngine();
    engine.apply({ type: 'addSyncService', id: 'order', latencyMs: 5 });
    engine.apply({ type: 'addSyncClient', id: 'shop', to: 'order', ratePerSec: 100 });
    engine.advance(1000);
    engine.apply({ type: 'setSyncClientRate', id: 'shop', ratePerSec: 0 });
    const before = eventsOf(engine.trace, 'requestSent').length;
    engine.advance(1000);
    expect(eventsOf(engine.trace, 'requestSent').length).toBe(before);
    expect(() => engine.apply({ type: 'addSyncClient', id: 'x', to: 'nobody', ratePerSec: 1 })).toThrow(/does not exist/);
  });
});
