import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';

/** checkout → Order service (saves each order, then publishes OrderPlaced by dual write or
 * through an outbox; crashes at the risky moment with `crashChance`) → orders → Warehouse. */
function shop(o: { database: 'none' | 'dualWrite' | 'outbox'; crashChance: number; idempotent?: boolean }, ms = 15_000) {
  const start = lessonStartScenario({
    seed: 18,
    nodes: [
      { kind: 'broker', id: 'b' },
      { kind: 'producer', id: 'shop', props: { ratePerSec: 8, keyPattern: 'random', keyPrefix: 'order-', keyCount: 1000, eventType: 'PlaceOrder' } },
      { kind: 'topic', id: 'checkout', props: { partitions: 2, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'order-service', props: { processingMs: 10, emits: 'OrderPlaced', database: o.database, crashChance: o.crashChance } },
      { kind: 'topic', id: 'orders', props: { partitions: 2, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'warehouse', props: { processingMs: 10, emits: 'PickingStarted', idempotent: o.idempotent ?? false } },
    ],
    edges: [
      ['shop', 'checkout'],
      ['checkout', 'order-service'],
      ['order-service', 'orders'],
      ['orders', 'warehouse'],
    ],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  store.getState().seek(ms);
  return (goal: GoalSpec) => goalHolds(goal, goalContext(store));
}

const lost: GoalSpec = { databaseStat: { service: 'order-service', stat: 'lost', min: 1 } };
const noneLost: GoalSpec = { noEventLost: { service: 'order-service', rows: 40, crashes: 2 } };
const republished: GoalSpec = { databaseStat: { service: 'order-service', stat: 'republished', min: 1 } };

describe('outbox goals', () => {
  test('a service without a database meets neither goal (there is nothing to count)', () => {
    const holds = shop({ database: 'none', crashChance: 0 });
    expect(holds(lost)).toBe(false);
    expect(holds({ noEventLost: { service: 'order-service', rows: 0, crashes: 0 } })).toBe(false);
  });

  test('dual write without crashes loses nothing, but has not been through a crash either', () => {
    const holds = shop({ database: 'dualWrite', crashChance: 0 });
    expect(holds(lost)).toBe(false);
    expect(holds(noneLost)).toBe(false);
    expect(holds({ noEventLost: { service: 'order-service', rows: 40, crashes: 0 } })).toBe(true);
  });

  test('dual write with crashes loses events: lost is counted and noEventLost fails', () => {
    const holds = shop({ database: 'dualWrite', crashChance: 0.1 });
    expect(holds(lost)).toBe(true);
    expect(holds(noneLost)).toBe(false);
    expect(holds(republished)).toBe(false);
  });

  test('the outbox loses nothing through the same crashes, and its relay publishes some events again', () => {
    const holds = shop({ database: 'outbox', crashChance: 0.1, idempotent: true }, 25_000);
    expect(holds(lost)).toBe(false);
    expect(holds(noneLost)).toBe(true);
    expect(holds(republished)).toBe(true);
    expect(holds({ serviceStat: { service: 'warehouse', stat: 'duplicatesSkipped', min: 1 } })).toBe(true);
    expect(holds({ noEventLost: { service: 'order-service', rows: 100_000, crashes: 2 } })).toBe(false);
  });
});
