import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';
import { seekNow } from '../support/replay';

/** One producer writing 10 orders a second into a 3-partition topic, nobody reading yet. */
function shop() {
  const start = lessonStartScenario({
    seed: 5,
    nodes: [
      { kind: 'broker', id: 'b1' },
      { kind: 'producer', id: 'shop', props: { ratePerSec: 10, keyPattern: 'random', keyPrefix: 'order-', keyCount: 100, eventType: 'OrderPlaced' } },
      { kind: 'topic', id: 'orders', props: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 } },
    ],
    edges: [['shop', 'orders']],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  const s = () => store.getState();
  const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
  const advance = (ms: number) => seekNow(store, s().frame.now + ms);
  const addReader = (id: string, props: Record<string, unknown> = {}) => {
    expect(s().addNode('service', undefined, { id, props })).toBe(id);
    expect(s().connect('orders', id)).toBe(true);
  };
  return { holds, advance, addReader };
}

describe('lateGroupReadFromStart', () => {
  const goal: GoalSpec = { lateGroupReadFromStart: { topic: 'orders' } };

  test('a group there from the start does not count, even though it read from offset 0', () => {
    const { holds, advance, addReader } = shop();
    addReader('early');
    advance(5000);
    expect(holds({ groupReadFromStart: { topic: 'orders' } })).toBe(true);
    expect(holds(goal)).toBe(false);
  });

  test('a group added later with earliest replays history; with latest it does not', () => {
    const { holds, advance, addReader } = shop();
    advance(5000);
    addReader('newcomer-latest', { autoOffsetReset: 'latest' });
    advance(3000);
    expect(holds(goal)).toBe(false);
    addReader('newcomer', { autoOffsetReset: 'earliest' });
    advance(3000);
    expect(holds(goal)).toBe(true);
    expect(holds({ lateGroupReadFromStart: { group: 'newcomer', topic: 'orders' } })).toBe(true);
    expect(holds({ lateGroupReadFromStart: { group: 'newcomer-latest', topic: 'orders' } })).toBe(false);
    expect(holds({ lateGroupReadFromStart: { topic: 'nope' } })).toBe(false);
  });
});

describe('keyEventProduced', () => {
  test('knows the event type from the producer node that sent the key, and from a service that re-emits it', () => {
    const start = lessonStartScenario({
      seed: 5,
      nodes: [
        { kind: 'broker', id: 'b1' },
        { kind: 'producer', id: 'shop', props: { ratePerSec: 0, eventType: 'OrderPlaced' } },
        { kind: 'producer', id: 'desk', props: { ratePerSec: 0, eventType: 'OrderCancelled' } },
        { kind: 'topic', id: 'orders', props: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 } },
        { kind: 'topic', id: 'payments', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
        { kind: 'service', id: 'payment', props: { emits: 'PaymentProcessed' } },
      ],
      edges: [
        ['shop', 'orders'],
        ['desk', 'orders'],
        ['orders', 'payment'],
        ['payment', 'payments'],
      ],
      timeline: [],
    });
    if (!start.ok) throw new Error(start.error);
    const store = createKafeStore(start.value);
    const s = () => store.getState();
    const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
    const cancelled: GoalSpec = { keyEventProduced: { topic: 'orders', key: 'alice', eventType: 'OrderCancelled' } };
    seekNow(store, 1000);
    expect(s().run({ type: 'produce', topic: 'orders', key: 'alice', eventType: 'OrderPlaced', producer: 'shop' })).toBe(true);
    expect(s().run({ type: 'produce', topic: 'orders', key: 'bob', eventType: 'OrderCancelled', producer: 'desk' })).toBe(true);
    seekNow(store, 2000);
    expect(holds({ keyEventProduced: { topic: 'orders', key: 'alice', eventType: 'OrderPlaced' } })).toBe(true);
    expect(holds({ keyEventProduced: { topic: 'payments', key: 'alice', eventType: 'PaymentProcessed' } })).toBe(true);
    expect(holds(cancelled)).toBe(false); // alice only placed; bob was the one cancelled
    expect(s().run({ type: 'produce', topic: 'orders', key: 'alice', eventType: 'OrderCancelled', producer: 'desk' })).toBe(true);
    seekNow(store, 3000);
    expect(holds(cancelled)).toBe(true);
    expect(holds({ keyEventProduced: { topic: 'payments', key: 'alice', eventType: 'OrderCancelled' } })).toBe(false);
  });
});
