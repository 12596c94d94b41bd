import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';

/** A service writing `ledger` (transactional or not), read by a read_committed and a
 * read_uncommitted group. */
function payments(transactional: boolean) {
  const start = lessonStartScenario({
    seed: 3,
    nodes: [
      { kind: 'broker', id: 'b' },
      { kind: 'producer', id: 'p', props: { ratePerSec: 20, keyPattern: 'random', keyPrefix: 'order-', keyCount: 50 } },
      { kind: 'topic', id: 'payments', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'pay', props: { processingMs: 50, transactional } },
      { kind: 'topic', id: 'ledger', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'consumer', id: 'audit', props: { processingMs: 5 } },
      { kind: 'consumer', id: 'bank', props: { processingMs: 5, isolationLevel: 'read_committed' } },
    ],
    edges: [
      ['p', 'payments'],
      ['payments', 'pay'],
      ['pay', 'ledger'],
      ['ledger', 'audit'],
      ['ledger', 'bank'],
    ],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
  const run = (command: Parameters<ReturnType<typeof store.getState>['run']>[0]) => expect(store.getState().run(command)).toBe(true);
  const advance = (ms: number) => store.getState().seek(store.getState().frame.now + ms);
  return { holds, run, advance };
}

const held: GoalSpec = { lastStableHeld: { topic: 'ledger' } };
const read: GoalSpec = { abortedRecords: { group: 'audit', seen: 'read', min: 1 } };
const skipped: GoalSpec = { abortedRecords: { group: 'bank', seen: 'skipped', min: 1 } };
const aborted: GoalSpec = { serviceTransactions: { service: 'pay', result: 'aborted', min: 1 } };
const committed: GoalSpec = { serviceTransactions: { service: 'pay', result: 'committed', min: 5 } };

describe('exactly-once goals', () => {
  test('none holds without transactions, whatever crashes', () => {
    const { holds, run, advance } = payments(false);
    advance(3000);
    run({ type: 'crashConsumer', id: 'pay-0' });
    advance(2000);
    run({ type: 'restartConsumer', id: 'pay-0' });
    advance(3000);
    for (const goal of [held, read, skipped, aborted, committed]) expect(holds(goal)).toBe(false);
  });

  test('a crash mid-transaction holds the LSO back; the restart aborts it: read by audit, skipped by bank', () => {
    const { holds, run, advance } = payments(true);
    advance(3000);
    expect(holds(committed)).toBe(true);
    expect(holds(aborted)).toBe(false);
    run({ type: 'crashConsumer', id: 'pay-0' });
    advance(1000);
    expect(holds(held)).toBe(true);
    expect(holds(read)).toBe(false);
    run({ type: 'restartConsumer', id: 'pay-0' });
    advance(3000);
    expect(holds(aborted)).toBe(true);
    expect(holds(read)).toBe(true);
    expect(holds(skipped)).toBe(true);
    expect(holds({ abortedRecords: { group: 'audit', seen: 'skipped', min: 1 } })).toBe(false);
  });

  test('producer retry counters: written twice without idempotence', () => {
    const start = lessonStartScenario({
      seed: 16,
      nodes: [
        { kind: 'broker', id: 'b1' },
        { kind: 'broker', id: 'b2' },
        { kind: 'broker', id: 'b3' },
        { kind: 'producer', id: 'p', props: { ratePerSec: 20, idempotent: false, requestTimeoutMs: 3000 } },
        { kind: 'topic', id: 't', props: { partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 } },
      ],
      edges: [['p', 't']],
      timeline: [],
    });
    if (!start.ok) throw new Error(start.error);
    const store = createKafeStore(start.value);
    const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
    const twice: GoalSpec = { producerStat: { producer: 'p', stat: 'writtenTwice', min: 1 } };
    store.getState().seek(3000);
    expect(holds(twice)).toBe(false);
    const leader = store.getState().frame.view.topics[0].partitions[0].leader;
    expect(store.getState().run({ type: 'failBroker', broker: (leader + 1) % 3 })).toBe(true);
    store.getState().seek(15_000);
    expect(holds(twice)).toBe(true);
    expect(holds({ producerStat: { producer: 'p', stat: 'retriesNotRewritten', min: 1 } })).toBe(false);
  });
});
