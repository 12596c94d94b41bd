import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';
import { seekNow } from '../support/replay';

/** A 3-broker cluster with one replicated topic written with acks=all. */
function cluster() {
  const start = lessonStartScenario({
    seed: 3,
    nodes: [
      { kind: 'broker', id: 'b1' },
      { kind: 'broker', id: 'b2' },
      { kind: 'broker', id: 'b3' },
      { kind: 'producer', id: 'p', props: { ratePerSec: 20, acks: 'all', idempotent: true } },
      { kind: 'topic', id: 't', props: { partitions: 2, replicationFactor: 3, minInsyncReplicas: 2 } },
    ],
    edges: [['p', 't']],
    timeline: [],
  });
  return driven(start);
}

/** A store on the lesson scenario `start`, with goal checks, live commands and time passing. */
function driven(start: ReturnType<typeof lessonStartScenario>) {
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
  const run = (command: Parameters<ReturnType<typeof store.getState>['run']>[0]) => expect(store.getState().run(command)).toBe(true);
  const advance = (ms: number) => seekNow(store, store.getState().frame.now + ms);
  return { holds, run, advance, store };
}

describe('inSyncReplicas', () => {
  test('false while a failed broker is out of the ISR, true once it has caught up again', () => {
    const { holds, run, advance } = cluster();
    advance(1000);
    expect(holds({ inSyncReplicas: { topic: 't', min: 3 } })).toBe(true);
    run({ type: 'failBroker', broker: 1 });
    advance(10_000);
    expect(holds({ inSyncReplicas: { topic: 't', min: 3 } })).toBe(false);
    expect(holds({ inSyncReplicas: { topic: 't', min: 2 } })).toBe(true);
    run({ type: 'recoverBroker', broker: 1 });
    advance(1000);
    expect(holds({ inSyncReplicas: { topic: 't', min: 3 } })).toBe(true);
    expect(holds({ inSyncReplicas: { topic: 'nope', min: 1 } })).toBe(false);
  });
});

describe('produceErrors', () => {
  test('counts refusals of one kind on one topic', () => {
    const { holds, run, advance } = cluster();
    const notEnough: GoalSpec = { produceErrors: { topic: 't', error: 'NOT_ENOUGH_REPLICAS', min: 1 } };
    advance(1000);
    run({ type: 'failBroker', broker: 0 });
    advance(10_000);
    expect(holds(notEnough)).toBe(false); // two in-sync copies left: still enough
    run({ type: 'failBroker', broker: 2 });
    advance(10_000);
    expect(holds(notEnough)).toBe(true);
    expect(holds({ produceErrors: { topic: 't', error: 'INVALID_RECORD', min: 1 } })).toBe(false);
    expect(holds({ produceErrors: { topic: 'other', error: 'NOT_ENOUGH_REPLICAS', min: 1 } })).toBe(false);
  });
});

describe('groupLagAtMost', () => {
  test('false while a slow service falls behind, true once enough instances and partitions keep up', () => {
    const start = lessonStartScenario({
      seed: 5,
      nodes: [
        { kind: 'broker', id: 'b' },
        { kind: 'producer', id: 'p', props: { ratePerSec: 100, keyPattern: 'random', keyPrefix: 'k', keyCount: 1000 } },
        { kind: 'topic', id: 't', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
        { kind: 'service', id: 's', props: { processingMs: 20 } },
      ],
      edges: [['p', 't'], ['t', 's']],
      timeline: [],
    });
    if (!start.ok) throw new Error(start.error);
    const store = createKafeStore(start.value);
    const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
    const advance = (ms: number) => seekNow(store, store.getState().frame.now + ms);
    const keepingUp: GoalSpec = { groupLagAtMost: { group: 's', topic: 't', max: 100 } };
    advance(3000);
    expect(holds(keepingUp)).toBe(false); // 50 a second handled, 100 arriving
    expect(holds({ groupLagAtMost: { topic: 't', max: 1_000_000 } })).toBe(true);
    expect(store.getState().run({ type: 'addPartitions', topic: 't', partitions: 4 })).toBe(true);
    expect(store.getState().run({ type: 'scaleService', id: 's', instances: 4 })).toBe(true);
    advance(20_000);
    expect(holds(keepingUp)).toBe(true);
    expect(holds({ groupLagAtMost: { group: 's', topic: 'other', max: 100 } })).toBe(false);
  });
});

describe('brokerDown without a broker named, producerStatAtMost, noAcknowledgedLoss', () => {
  test('"a broker is down" holds for any failed broker and stops holding when it recovers', () => {
    const { holds, run, advance } = cluster();
    advance(500);
    expect(holds({ brokerDown: {} })).toBe(false);
    expect(holds({ brokerDown: { down: false } })).toBe(true);
    run({ type: 'failBroker', broker: 2 });
    advance(500);
    expect(holds({ brokerDown: {} })).toBe(true);
    expect(holds({ brokerDown: { broker: 0 } })).toBe(false);
    run({ type: 'recoverBroker', broker: 2 });
    advance(500);
    expect(holds({ brokerDown: {} })).toBe(false);
  });

  test('producerStatAtMost is the at-most twin of producerStat', () => {
    const { holds, advance } = cluster();
    advance(2000);
    expect(holds({ producerStat: { producer: 'p', stat: 'acked', min: 10 } })).toBe(true);
    expect(holds({ producerStatAtMost: { producer: 'p', stat: 'acked', max: 5 } })).toBe(false);
    expect(holds({ producerStatAtMost: { producer: 'p', stat: 'failed', max: 0 } })).toBe(true);
    expect(holds({ producerStatAtMost: { producer: 'nope', stat: 'failed', max: 0 } })).toBe(false);
  });

  test('noAcknowledgedLoss turns false once an election truncates acknowledged records (acks=1, fail, recover, fail)', () => {
    const start = lessonStartScenario({
      seed: 11,
      nodes: [
        { kind: 'broker', id: 'b1' },
        { kind: 'broker', id: 'b2' },
        { kind: 'broker', id: 'b3' },
        { kind: 'producer', id: 'p', props: { ratePerSec: 50, acks: 1, idempotent: false } },
        { kind: 'topic', id: 't', props: { partitions: 1, replicationFactor: 2, minInsyncReplicas: 1 } },
      ],
      edges: [['p', 't']],
      timeline: [],
    });
    const { holds, run, advance, store } = driven(start);
    expect(holds({ noAcknowledgedLoss: { topic: 't' } })).toBe(true);
    // Mirrors lesson 11's "unlucky" step: the follower misses writes while down, then the leader dies.
    const view = () => store.getState().frame.view;
    const leader = () => view().topics.find((x) => x.name === 't')!.partitions[0].leader;
    advance(2000);
    const first = leader();
    const follower = [0, 1, 2].find((b) => b !== first && view().topics[0].partitions[0].replicas.includes(b))!;
    run({ type: 'failBroker', broker: follower });
    advance(3000);
    run({ type: 'recoverBroker', broker: follower });
    run({ type: 'failBroker', broker: first! });
    advance(10_000);
    expect(holds({ recordsTruncated: { topic: 't', min: 1 } })).toBe(true);
    expect(holds({ noAcknowledgedLoss: { topic: 't' } })).toBe(false);
    expect(holds({ noAcknowledgedLoss: { topic: 'other' } })).toBe(true);
  });
});
