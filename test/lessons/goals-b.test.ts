import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';
import { seekNow } from '../support/replay';

/** One broker, a topic with 3 partitions and two producers that send only when told to. */
function shop() {
  const start = lessonStartScenario({
    seed: 8,
    nodes: [
      { kind: 'broker', id: 'b' },
      { kind: 'producer', id: 'keyed', props: { ratePerSec: 0, keyPattern: 'none' } },
      { kind: 'producer', id: 'randomKeys', props: { ratePerSec: 0, keyPattern: 'random', keyPrefix: 'evt-', keyCount: 1000 } },
      { kind: 'topic', id: 't', props: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 } },
    ],
    edges: [
      ['keyed', 't'],
      ['randomKeys', 't'],
    ],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
  const run = (command: Parameters<ReturnType<typeof store.getState>['run']>[0]) => expect(store.getState().run(command)).toBe(true);
  const advance = (ms: number) => seekNow(store, store.getState().frame.now + ms);
  const produce = (key: string) => run({ type: 'produce', topic: 't', key, producer: 'keyed' });
  return { holds, run, advance, produce };
}

describe('producerSpread', () => {
  test('false while one producer only used one partition, true once its records spread', () => {
    const { holds, run, advance, produce } = shop();
    const spread: GoalSpec = { producerSpread: { producer: 'randomKeys', topic: 't', min: 3 } };
    for (let i = 0; i < 5; i++) produce('alice');
    advance(1000);
    expect(holds({ producerSpread: { producer: 'keyed', topic: 't', min: 1 } })).toBe(true);
    expect(holds({ producerSpread: { producer: 'keyed', topic: 't', min: 2 } })).toBe(false); // one key, one partition
    expect(holds(spread)).toBe(false); // sent nothing yet
    run({ type: 'setProducerRate', id: 'randomKeys', ratePerSec: 10 });
    advance(3000);
    expect(holds(spread)).toBe(true);
    expect(holds({ producerSpread: { producer: 'randomKeys', topic: 'other', min: 1 } })).toBe(false);
  });
});

describe('keyMoved', () => {
  test('false while a key keeps to one partition, true once partitions were added and it maps elsewhere', () => {
    const { holds, run, advance, produce } = shop();
    const moved: GoalSpec = { keyMoved: { topic: 't', key: 'alice' } };
    for (let i = 0; i < 3; i++) produce('alice'); // murmur2("alice") % 3 = 0
    produce('bob'); // % 3 = 0 as well, % 6 = 0
    advance(1000);
    expect(holds(moved)).toBe(false);
    run({ type: 'addPartitions', topic: 't', partitions: 6 });
    produce('bob');
    advance(1000);
    expect(holds({ keyMoved: { topic: 't', key: 'bob' } })).toBe(false); // bob still maps to 0
    expect(holds(moved)).toBe(false); // alice not sent since
    produce('alice'); // % 6 = 3
    advance(1000);
    expect(holds(moved)).toBe(true);
  });
});

describe('partitionsTakenOver', () => {
  function billing() {
    const start = lessonStartScenario({
      seed: 9,
      nodes: [
        { kind: 'broker', id: 'b' },
        { kind: 'producer', id: 'shop', props: { ratePerSec: 10 } },
        { kind: 'topic', id: 'orders', props: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 } },
        { kind: 'service', id: 'billing', props: { instances: 5 } },
      ],
      edges: [
        ['shop', 'orders'],
        ['orders', 'billing'],
      ],
      timeline: [],
    });
    if (!start.ok) throw new Error(start.error);
    const store = createKafeStore(start.value);
    const holds = () => goalHolds({ partitionsTakenOver: { group: 'billing' } }, goalContext(store));
    const run = (command: Parameters<ReturnType<typeof store.getState>['run']>[0]) => expect(store.getState().run(command)).toBe(true);
    const advance = (ms: number) => seekNow(store, store.getState().frame.now + ms);
    const owner = (id: string) => store.getState().frame.view.groups.find((g) => g.id === 'billing')!.members.find((m) => m.id === id)!.assigned.length > 0;
    return { holds, run, advance, owner };
  }

  test('killing an idle member does not count', () => {
    const { holds, run, advance, owner } = billing();
    advance(2000);
    expect(owner('billing-4')).toBe(false);
    run({ type: 'crashConsumer', id: 'billing-4' });
    advance(15_000);
    expect(holds()).toBe(false);
  });

  test('false until the session timeout moved the dead owner’s partitions to live members', () => {
    const { holds, run, advance, owner } = billing();
    advance(2000);
    expect(holds()).toBe(false);
    expect(owner('billing-0')).toBe(true);
    run({ type: 'crashConsumer', id: 'billing-0' });
    advance(5000);
    expect(holds()).toBe(false); // still its partitions, nobody reads them
    advance(6000);
    expect(holds()).toBe(true);
  });
});
