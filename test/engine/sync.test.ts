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
