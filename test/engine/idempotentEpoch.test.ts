import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { eventsOf } from './helpers';

/**
 * An idempotent producer whose batch fails for good leaves a gap in its sequence numbers. Kafka's
 * producer (KIP-360) then bumps its epoch and renumbers what is still in flight; without that the
 * partition would refuse every later batch as OUT_OF_ORDER_SEQUENCE forever.
 */
describe('an idempotent producer after a batch fails for good', () => {
  function run() {
    const engine = createEngine({ brokers: 3, seed: 5 });
    engine.apply({ type: 'createTopic', name: 'payments', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
    engine.apply({ type: 'addProducer', id: 'checkout', topic: 'payments', ratePerSec: 50, acks: 'all', idempotent: true, retries: 2, retryBackoffMs: 100, requestTimeoutMs: 1000, deliveryTimeoutMs: 3000 });
    engine.advance(3000);
    // Two of three brokers down: acks=all cannot meet min.insync.replicas, batches run out of time.
    const followers = engine.view().topics[0].partitions[0].replicas.filter((b) => b !== engine.view().topics[0].partitions[0].leader);
    for (const b of followers) engine.apply({ type: 'failBroker', broker: b });
    const outage = engine.advance(15_000);
    for (const b of followers) engine.apply({ type: 'recoverBroker', broker: b });
    const before = engine.view().producers[0];
    const after = engine.advance(20_000);
    return { engine, outage, after, before };
  }

  it('keeps getting its new records acknowledged once the cluster recovers', () => {
    const { engine, outage, before } = run();
    expect(before.failed).toBeGreaterThan(0);
    expect(eventsOf(outage, 'produceFailed').some((e) => !e.willRetry)).toBe(true);
    const now = engine.view().producers[0];
    // Everything generated in the last 20 s is acknowledged, bar what is still on its way.
    expect(now.acked - before.acked).toBeGreaterThan(950);
    expect(now.sent - now.acked - now.failed).toBeLessThan(50);
  });

  it('stops refusing batches for the gap: out-of-order refusals die out after recovery', () => {
    const { after } = run();
    const late = eventsOf(after, 'produceFailed').filter((e) => e.t > after[0].t + 5000);
    expect(late.map((e) => `${e.t} ms: ${e.error}`)).toEqual([]);
  });
});
