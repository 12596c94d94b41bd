import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';

/** orders → Payment (fails a third of the time; PaymentFailed or not) → payments → Order service
 * (OrderCancelled, reacting to `reactsTo`) → order-status. */
function saga(o: { failureEmits: string; reactsTo: string }) {
  const start = lessonStartScenario({
    seed: 17,
    nodes: [
      { kind: 'broker', id: 'b' },
      { kind: 'producer', id: 'shop', props: { ratePerSec: 10, keyPattern: 'random', keyPrefix: 'order-', keyCount: 50, eventType: 'OrderPlaced' } },
      { kind: 'topic', id: 'orders', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'payment', props: { processingMs: 10, failureRate: 0.35, maxAttempts: 1, emits: 'PaymentReceived', failureEmits: o.failureEmits } },
      { kind: 'topic', id: 'payments', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'order', props: { processingMs: 5, emits: 'OrderCancelled', reactsTo: o.reactsTo } },
      { kind: 'topic', id: 'order-status', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
    ],
    edges: [
      ['shop', 'orders'],
      ['orders', 'payment'],
      ['payment', 'payments'],
      ['payments', 'order'],
      ['order', 'order-status'],
    ],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  store.getState().seek(6000);
  return (goal: GoalSpec) => goalHolds(goal, goalContext(store));
}

const failures: GoalSpec = { eventRecords: { topic: 'payments', eventType: 'PaymentFailed', min: 3 } };
const cancelled: GoalSpec = { compensated: { failedTopic: 'payments', failed: 'PaymentFailed', topic: 'order-status', compensation: 'OrderCancelled', min: 3 } };

describe('saga goals', () => {
  test('without a failure event nothing fails visibly and nothing is compensated', () => {
    const holds = saga({ failureEmits: '', reactsTo: 'PaymentFailed' });
    expect(holds(failures)).toBe(false);
    expect(holds(cancelled)).toBe(false);
  });

  test('a service reacting to every payment cancels paid orders too: not a compensation', () => {
    const holds = saga({ failureEmits: 'PaymentFailed', reactsTo: '' });
    expect(holds(failures)).toBe(true);
    expect(holds(cancelled)).toBe(false);
  });

  test('reacting to PaymentFailed only cancels exactly the orders whose payment failed', () => {
    const holds = saga({ failureEmits: 'PaymentFailed', reactsTo: 'PaymentFailed' });
    expect(holds(failures)).toBe(true);
    expect(holds(cancelled)).toBe(true);
    expect(holds({ compensated: { failedTopic: 'payments', failed: 'PaymentFailed', topic: 'order-status', compensation: 'OrderCancelled', min: 10_000 } })).toBe(false);
    expect(holds({ compensated: { failedTopic: 'payments', failed: 'PaymentFailed', topic: 'order-status', compensation: 'StockReleased', min: 1 } })).toBe(false);
  });
});
