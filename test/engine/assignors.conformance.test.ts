import { describe, expect, it } from 'vitest';
import { assignPartitions, EngineError } from '../../src/engine';
import { parseTopicPartition } from '../../src/engine/assignors';

/**
 * Conformance cases taken from apache/kafka's own assignor tests (scenarios and expected results,
 * re-expressed for Kafé's API):
 *   clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java
 *   clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java
 *   clients/src/test/java/org/apache/kafka/clients/consumer/StickyAssignorTest.java
 *   clients/src/test/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignorTest.java
 *   clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
 * Each case names the Kafka test method it comes from. Rack-aware variants are not modelled (Kafé
 * consumers have no rack), and Kafka's "generation" is implicit: every member is current.
 */

type Strategy = Parameters<typeof assignPartitions>[0];
type Member = { id: string; topics: string[]; owned?: string[] };
type Assignment = Record<string, string[]>;

const assign = (strategy: Strategy, members: Member[], partitions: Record<string, number>) =>
  assignPartitions(strategy, members, partitions);

/** The same members, each now owning what `assignment` gave it (what a rejoin reports). */
const owning = (members: Member[], assignment: Assignment): Member[] =>
  members.map((m) => ({ ...m, owned: assignment[m.id] ?? [] }));

const sizes = (a: Assignment) => Object.values(a).map((tps) => tps.length);
const isFullyBalanced = (a: Assignment) => Math.max(...sizes(a)) - Math.min(...sizes(a)) <= 1;
const topicOf = (name: string) => parseTopicPartition(name)!.topic;

/**
 * AbstractStickyAssignorTest.verifyValidityAndBalance: members only get partitions of topics they
 * subscribe to, no partition goes to two members, and two members whose counts differ by more than
 * one never both hold partitions of the same topic (else a move would have balanced them).
 */
function verifyValidityAndBalance(members: Member[], partitions: Record<string, number>, a: Assignment) {
  expect(Object.keys(a).sort()).toEqual(members.map((m) => m.id).sort());
  for (const m of members) for (const tp of a[m.id]) expect(m.topics).toContain(topicOf(tp));
  const ids = Object.keys(a).sort();
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const mine = a[ids[i]];
      const theirs = a[ids[j]];
      expect(mine.filter((tp) => theirs.includes(tp))).toEqual([]);
      if (Math.abs(mine.length - theirs.length) <= 1) continue;
      const theirTopics = new Set(theirs.map(topicOf));
      expect(mine.map(topicOf).filter((t) => theirTopics.has(t))).toEqual([]);
    }
  // Every existing partition of a subscribed topic is assigned.
  const subscribed = new Set(members.flatMap((m) => m.topics));
  const expected = Object.entries(partitions)
    .filter(([t]) => subscribed.has(t))
    .reduce((n, [, c]) => n + c, 0);
  expect(Object.values(a).flat().length).toBe(expected);
}

/**
 * CooperativeStickyAssignorTest.verifyValidityAndBalance: no partition is revoked from one member
 * and given to another in the same round; while something is revoked, rebalance again with the new
 * ownership (at most 4 rounds), then the final assignment must be valid and balanced.
 */
function cooperativeRounds(members: Member[], partitions: Record<string, number>, first: Assignment): Assignment {
  let current = members;
  let assignment = first;
  for (let rounds = 0; ; rounds++) {
    const added = new Set<string>();
    const revoked = new Set<string>();
    for (const m of current) {
      const owned = m.owned ?? [];
      for (const tp of assignment[m.id]) if (!owned.includes(tp)) added.add(tp);
      for (const tp of owned) if (!assignment[m.id].includes(tp)) revoked.add(tp);
    }
    expect([...added].filter((tp) => revoked.has(tp))).toEqual([]);
    if (revoked.size === 0) break;
    expect(rounds).toBeLessThan(4);
    current = owning(current, assignment);
    assignment = assign('cooperative-sticky', current, partitions);
  }
  verifyValidityAndBalance(members, partitions, assignment);
  return assignment;
}

describe('Kafka conformance: RangeAssignor', () => {
  // RangeAssignorTest.testOneConsumerNoTopic
  it('gives a member with no subscription an empty assignment', () => {
    expect(assign('range', [{ id: 'consumer1', topics: [] }], {})).toEqual({ consumer1: [] });
  });

  // RangeAssignorTest.testOneConsumerNonexistentTopic
  it('ignores a subscribed topic that does not exist', () => {
    expect(assign('range', [{ id: 'consumer1', topics: ['topic1'] }], {})).toEqual({ consumer1: [] });
  });

  // RangeAssignorTest.testOneConsumerOneTopic
  it('gives one consumer every partition of its one topic', () => {
    expect(assign('range', [{ id: 'consumer1', topics: ['topic1'] }], { topic1: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  // RangeAssignorTest.testOnlyAssignsPartitionsFromSubscribedTopics
  it('only assigns partitions of subscribed topics', () => {
    expect(assign('range', [{ id: 'consumer1', topics: ['topic1'] }], { topic1: 3, other: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  // RangeAssignorTest.testOneConsumerMultipleTopics
  it('gives one consumer all partitions of several topics', () => {
    expect(assign('range', [{ id: 'consumer1', topics: ['topic1', 'topic2'] }], { topic1: 1, topic2: 2 })).toEqual({
      consumer1: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  // RangeAssignorTest.testTwoConsumersOneTopicOnePartition
  it('leaves the second of two consumers idle when the topic has one partition', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1'] },
      { id: 'consumer2', topics: ['topic1'] },
    ];
    expect(assign('range', members, { topic1: 1 })).toEqual({ consumer1: ['topic1-0'], consumer2: [] });
  });

  // RangeAssignorTest.testTwoConsumersOneTopicTwoPartitions
  it('gives two consumers one partition each of a two-partition topic', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1'] },
      { id: 'consumer2', topics: ['topic1'] },
    ];
    expect(assign('range', members, { topic1: 2 })).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1'] });
  });

  // RangeAssignorTest.testMultipleConsumersMixedTopics
  it('ranges each topic over only the consumers subscribed to it', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1'] },
      { id: 'consumer2', topics: ['topic1', 'topic2'] },
      { id: 'consumer3', topics: ['topic1'] },
    ];
    expect(assign('range', members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  // RangeAssignorTest.testTwoConsumersTwoTopicsSixPartitions
  it('gives the extra partition of every topic to the first consumer, so it gets 4 of 6', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1', 'topic2'] },
      { id: 'consumer2', topics: ['topic1', 'topic2'] },
    ];
    expect(assign('range', members, { topic1: 3, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-2', 'topic2-2'],
    });
  });

  // RangeAssignorTest.testStaticMemberRangeAssignmentPersistent (Kafé has no group.instance.id; the
  // static members' instance ids sort like their member ids, so the expected result is the same)
  it('ranges 5 and 4 partitions over four consumers and keeps the others when the last is replaced', () => {
    const members = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) => ({ id, topics: ['topic1', 'topic2'] }));
    const partitions = { topic1: 5, topic2: 4 };
    const expected = {
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0'],
      consumer2: ['topic1-2', 'topic2-1'],
      consumer3: ['topic1-3', 'topic2-2'],
      consumer4: ['topic1-4', 'topic2-3'],
    };
    expect(assign('range', members, partitions)).toEqual(expected);
    const replaced = [...members.slice(0, 3), { id: 'consumer5', topics: ['topic1', 'topic2'] }];
    const { consumer4, ...others } = expected;
    expect(assign('range', replaced, partitions)).toEqual({ ...others, consumer5: consumer4 });
  });
});

describe('Kafka conformance: RoundRobinAssignor', () => {
  // RoundRobinAssignorTest.testOneConsumerNoTopic / testOneConsumerNonexistentTopic
  it('gives a member without existing subscribed topics an empty assignment', () => {
    expect(assign('roundrobin', [{ id: 'consumer', topics: [] }], {})).toEqual({ consumer: [] });
    expect(assign('roundrobin', [{ id: 'consumer', topics: ['topic'] }], {})).toEqual({ consumer: [] });
  });

  // RoundRobinAssignorTest.testOneConsumerOneTopic / testOnlyAssignsPartitionsFromSubscribedTopics
  it('gives one consumer every partition of its topic and none of other topics', () => {
    expect(assign('roundrobin', [{ id: 'consumer', topics: ['topic'] }], { topic: 3, other: 3 })).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
  });

  // RoundRobinAssignorTest.testOneConsumerMultipleTopics
  it('gives one consumer all partitions of several topics', () => {
    expect(assign('roundrobin', [{ id: 'consumer', topics: ['topic1', 'topic2'] }], { topic1: 1, topic2: 2 })).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  // RoundRobinAssignorTest.testTwoConsumersOneTopicOnePartition / testTwoConsumersOneTopicTwoPartitions
  it('deals partitions of one topic to two consumers in member-id order', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'] },
      { id: 'consumer2', topics: ['topic'] },
    ];
    expect(assign('roundrobin', members, { topic: 1 })).toEqual({ consumer1: ['topic-0'], consumer2: [] });
    expect(assign('roundrobin', members, { topic: 2 })).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-1'] });
  });

  // RoundRobinAssignorTest.testMultipleConsumersMixedTopics
  it('skips consumers not subscribed to the topic of the partition being dealt', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1'] },
      { id: 'consumer2', topics: ['topic1', 'topic2'] },
      { id: 'consumer3', topics: ['topic1'] },
    ];
    expect(assign('roundrobin', members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  // RoundRobinAssignorTest.testTwoDynamicConsumersTwoTopicsSixPartitions (compare the range case
  // RangeAssignorTest.testTwoConsumersTwoTopicsSixPartitions above: 4/2 there, 3/3 here)
  it('balances two topics of three partitions 3/3 where range gives 4/2', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1', 'topic2'] },
      { id: 'consumer2', topics: ['topic1', 'topic2'] },
    ];
    const partitions = { topic1: 3, topic2: 3 };
    expect(assign('roundrobin', members, partitions)).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
    expect(sizes(assign('range', members, partitions))).toEqual([4, 2]);
  });

  // RoundRobinAssignorTest.testStaticMemberRoundRobinAssignmentPersistent (instance ids sort like
  // the member ids, so member-id order gives Kafka's expected result)
  it('deals six partitions over four consumers and keeps the others when the last is replaced', () => {
    const members = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) => ({ id, topics: ['topic1', 'topic2'] }));
    const partitions = { topic1: 3, topic2: 3 };
    const expected = {
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic1-2'],
      consumer4: ['topic2-0'],
    };
    expect(assign('roundrobin', members, partitions)).toEqual(expected);
    const replaced = [...members.slice(0, 3), { id: 'consumer5', topics: ['topic1', 'topic2'] }];
    const { consumer4, ...others } = expected;
    expect(assign('roundrobin', replaced, partitions)).toEqual({ ...others, consumer5: consumer4 });
  });

  // RoundRobinAssignor class javadoc, the unequal-subscriptions example (C0: t0; C1: t0, t1;
  // C2: t0, t1, t2 with 1, 2 and 3 partitions)
  it('can leave members with different subscriptions unbalanced', () => {
    const members = [
      { id: 'C0', topics: ['t0'] },
      { id: 'C1', topics: ['t0', 't1'] },
      { id: 'C2', topics: ['t0', 't1', 't2'] },
    ];
    expect(assign('roundrobin', members, { t0: 1, t1: 2, t2: 3 })).toEqual({
      C0: ['t0-0'],
      C1: ['t1-0'],
      C2: ['t1-1', 't2-0', 't2-1', 't2-2'],
    });
  });
});

describe('Kafka conformance: StickyAssignor', () => {
  // AbstractStickyAssignorTest.testOneConsumerNoTopic / testOneConsumerNonexistentTopic
  it('gives a member without existing subscribed topics an empty assignment', () => {
    expect(assign('sticky', [{ id: 'consumer', topics: [] }], {})).toEqual({ consumer: [] });
    expect(assign('sticky', [{ id: 'consumer', topics: ['topic'] }], {})).toEqual({ consumer: [] });
  });

  // AbstractStickyAssignorTest.testOneConsumerOneTopic / testOneConsumerMultipleTopics
  it('gives a single consumer every partition of its topics', () => {
    expect(assign('sticky', [{ id: 'consumer', topics: ['topic'] }], { topic: 3 })).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
    expect(assign('sticky', [{ id: 'consumer', topics: ['topic1', 'topic2'] }], { topic1: 1, topic2: 2 })).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  // AbstractStickyAssignorTest.testOnlyAssignsPartitionsFromSubscribedTopics
  it('ignores owned partitions of topics that do not exist', () => {
    const members = [{ id: 'consumer', topics: ['topic'], owned: ['topic-0', 'topic-1', 'other-0', 'other-1'] }];
    expect(assign('sticky', members, { topic: 2 })).toEqual({ consumer: ['topic-0', 'topic-1'] });
  });

  // AbstractStickyAssignorTest.testTwoConsumersOneTopicOnePartition / testTwoConsumersOneTopicTwoPartitions
  it('spreads one topic over two fresh consumers', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'] },
      { id: 'consumer2', topics: ['topic'] },
    ];
    const one = assign('sticky', members, { topic: 1 });
    verifyValidityAndBalance(members, { topic: 1 }, one);
    expect(assign('sticky', members, { topic: 2 })).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-1'] });
  });

  // AbstractStickyAssignorTest.testMultipleConsumersMixedTopicSubscriptions
  it('balances consumers with different subscriptions', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1'] },
      { id: 'consumer2', topics: ['topic1', 'topic2'] },
      { id: 'consumer3', topics: ['topic1'] },
    ];
    const partitions = { topic1: 3, topic2: 2 };
    const a = assign('sticky', members, partitions);
    expect(a).toEqual({
      consumer1: ['topic1-0', 'topic1-2'],
      consumer2: ['topic2-0', 'topic2-1'],
      consumer3: ['topic1-1'],
    });
    verifyValidityAndBalance(members, partitions, a);
    expect(isFullyBalanced(a)).toBe(true);
  });

  // AbstractStickyAssignorTest.testTwoConsumersTwoTopicsSixPartitions
  it('deals two topics round-robin to two fresh consumers', () => {
    const members = [
      { id: 'consumer1', topics: ['topic1', 'topic2'] },
      { id: 'consumer2', topics: ['topic1', 'topic2'] },
    ];
    expect(assign('sticky', members, { topic1: 3, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  // AbstractStickyAssignorTest.testConsumerOwningMinQuotaExpectedMaxQuota
  it('tops up a member that owns minQuota partitions to maxQuota with the free partition', () => {
    const topics = ['topic1', 'topic2'];
    const members = [
      { id: 'consumer1', topics, owned: ['topic1-0', 'topic2-1'] },
      { id: 'consumer2', topics, owned: ['topic1-1', 'topic2-2'] },
    ];
    expect(assign('sticky', members, { topic1: 2, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
    });
  });

  // AbstractStickyAssignorTest.testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers
  it('lets only P % N members keep maxQuota and moves the surplus to the newcomer', () => {
    const topics = ['topic1', 'topic2'];
    const members = [
      { id: 'consumer1', topics, owned: ['topic1-0', 'topic2-0'] },
      { id: 'consumer2', topics, owned: ['topic1-1', 'topic2-1'] },
      { id: 'consumer3', topics, owned: [] },
    ];
    const partitions = { topic1: 2, topic2: 2 };
    expect(assign('sticky', members, partitions)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-1'],
      consumer3: ['topic2-0'],
    });
    // partitionsTransferringOwnership = {topic2-0 -> consumer3}: the cooperative round withholds it.
    expect(assign('cooperative-sticky', members, partitions)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-1'],
      consumer3: [],
    });
  });

  // AbstractStickyAssignorTest.testAllConsumersAreUnderMinQuota
  it('fills members under minQuota before giving anyone maxQuota', () => {
    const topics = ['topic1', 'topic2'];
    const members = [
      { id: 'consumer1', topics, owned: ['topic1-0'] },
      { id: 'consumer2', topics, owned: ['topic1-1'] },
      { id: 'consumer3', topics, owned: [] },
    ];
    expect(assign('sticky', members, { topic1: 2, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic2-0'],
    });
  });

  // AbstractStickyAssignorTest.testAllConsumersReachExpectedQuotaAndAreConsideredFilled
  it('keeps a maxQuota owner whole and gives the free partition to the empty member', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'], owned: ['topic-0', 'topic-1'] },
      { id: 'consumer2', topics: ['topic'], owned: ['topic-2'] },
      { id: 'consumer3', topics: ['topic'], owned: [] },
    ];
    expect(assign('sticky', members, { topic: 4 })).toEqual({
      consumer1: ['topic-0', 'topic-1'],
      consumer2: ['topic-2'],
      consumer3: ['topic-3'],
    });
  });

  // AbstractStickyAssignorTest.testAddRemoveConsumerOneTopic
  it('moves only one partition when a member joins and hands everything to the survivor when one leaves', () => {
    const partitions = { topic: 3 };
    let members: Member[] = [{ id: 'consumer1', topics: ['topic'] }];
    let a = assign('sticky', members, partitions);
    expect(a).toEqual({ consumer1: ['topic-0', 'topic-1', 'topic-2'] });

    members = [...owning(members, a), { id: 'consumer2', topics: ['topic'], owned: [] }];
    a = assign('sticky', members, partitions);
    expect(a).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });

    members = owning(members, a).filter((m) => m.id !== 'consumer1');
    a = assign('sticky', members, partitions);
    expect(a).toEqual({ consumer2: ['topic-0', 'topic-1', 'topic-2'] });
  });

  // AbstractStickyAssignorTest.testAddRemoveTwoConsumersTwoTopics
  it('moves the minimum number of partitions when two members join, and none of the survivors\' when they leave', () => {
    const topics = ['topic1', 'topic2'];
    const partitions = { topic1: 3, topic2: 4 };
    let members: Member[] = [
      { id: 'consumer1', topics },
      { id: 'consumer2', topics },
    ];
    let a = assign('sticky', members, partitions);
    expect(a).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });

    members = [...owning(members, a), { id: 'consumer3', topics, owned: [] }, { id: 'consumer4', topics, owned: [] }];
    a = assign('sticky', members, partitions);
    expect(a).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0'],
      consumer3: ['topic1-2', 'topic2-3'],
      consumer4: ['topic2-2'],
    });
    // Only the 3 partitions the newcomers need moved (7 partitions over 4 members: 2, 2, 2, 1).
    verifyValidityAndBalance(members, partitions, a);

    members = owning(members, a).filter((m) => m.id === 'consumer3' || m.id === 'consumer4');
    a = assign('sticky', members, partitions);
    expect(a).toEqual({
      consumer3: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'],
      consumer4: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  // AbstractStickyAssignorTest.testTopicBalanceAfterReassignment
  it('keeps every topic evenly spread while members join and leave', () => {
    const topics = ['topic1', 'topic2'];
    const partitions = { topic1: 12, topic2: 12 };
    const perTopic = (a: Assignment, expected: number) => {
      for (const tps of Object.values(a))
        for (const t of topics) expect(tps.filter((tp) => topicOf(tp) === t)).toHaveLength(expected);
    };
    let members: Member[] = [{ id: 'consumer1', topics }];
    let a = assign('sticky', members, partitions);
    perTopic(a, 12);
    members = [...owning(members, a), { id: 'consumer2', topics, owned: [] }];
    a = assign('sticky', members, partitions);
    perTopic(a, 6);
    members = [...owning(members, a), { id: 'consumer3', topics, owned: [] }, { id: 'consumer4', topics, owned: [] }];
    a = assign('sticky', members, partitions);
    perTopic(a, 3);
    members = owning(members, a).filter((m) => m.id === 'consumer3' || m.id === 'consumer4');
    a = assign('sticky', members, partitions);
    perTopic(a, 6);
  });

  // AbstractStickyAssignorTest.testAddRemoveTopicTwoConsumers
  it('keeps existing partitions when a topic is added to and removed from the subscription', () => {
    let partitions: Record<string, number> = { topic: 3 };
    let members: Member[] = [
      { id: 'consumer1', topics: ['topic'] },
      { id: 'consumer2', topics: ['topic'] },
    ];
    const first = assign('sticky', members, partitions);
    expect(sizes(first).sort()).toEqual([1, 2]);

    partitions = { topic: 3, topic2: 3 };
    members = owning(members, first).map((m) => ({ ...m, topics: ['topic', 'topic2'] }));
    const second = assign('sticky', members, partitions);
    expect(sizes(second)).toEqual([3, 3]);
    for (const id of ['consumer1', 'consumer2']) expect(second[id]).toEqual(expect.arrayContaining(first[id]));

    partitions = { topic2: 3 };
    members = owning(members, second).map((m) => ({ ...m, topics: ['topic2'] }));
    const third = assign('sticky', members, partitions);
    expect(sizes(third).sort()).toEqual([1, 2]);
    for (const id of ['consumer1', 'consumer2']) expect(second[id]).toEqual(expect.arrayContaining(third[id]));
  });

  // AbstractStickyAssignorTest.testStickiness
  it('keeps every remaining member\'s partition when the member holding one leaves', () => {
    const members = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) => ({ id, topics: ['topic1'] }));
    const first = assign('sticky', members, { topic1: 3 });
    expect(Math.max(...sizes(first))).toBe(1);
    const rest = owning(members, first).filter((m) => m.id !== 'consumer1');
    const second = assign('sticky', rest, { topic1: 3 });
    for (const m of rest) {
      expect(second[m.id]).toHaveLength(1);
      for (const tp of first[m.id]) expect(second[m.id]).toContain(tp);
    }
  });

  // AbstractStickyAssignorTest.testReassignmentAfterOneConsumerLeaves
  it('stays valid and balanced when one of nineteen members with nested subscriptions leaves', () => {
    const name = (i: number) => String(i).padStart(2, '0');
    const partitions: Record<string, number> = {};
    for (let i = 1; i < 20; i++) partitions[`t${name(i)}`] = i;
    let members: Member[] = [];
    for (let i = 1; i < 20; i++)
      members.push({ id: `c${name(i)}`, topics: Array.from({ length: i }, (_, j) => `t${name(j + 1)}`) });
    const first = assign('sticky', members, partitions);
    verifyValidityAndBalance(members, partitions, first);
    members = owning(members, first).filter((m) => m.id !== 'c10');
    verifyValidityAndBalance(members, partitions, assign('sticky', members, partitions));
  });

  // AbstractStickyAssignorTest.testReassignmentAfterOneConsumerAdded
  it('stays valid and balanced when a tenth member joins nine on twenty partitions', () => {
    const name = (i: number) => String(i).padStart(2, '0');
    const members: Member[] = Array.from({ length: 9 }, (_, i) => ({ id: `c${name(i + 1)}`, topics: ['topic'] }));
    const first = assign('sticky', members, { topic: 20 });
    verifyValidityAndBalance(members, { topic: 20 }, first);
    const grown = [...owning(members, first), { id: 'c10', topics: ['topic'], owned: [] }];
    const second = assign('sticky', grown, { topic: 20 });
    verifyValidityAndBalance(grown, { topic: 20 }, second);
    expect(isFullyBalanced(second)).toBe(true);
  });

  // AbstractStickyAssignorTest.testSameSubscriptions
  it('stays valid and balanced when one of eight identically subscribed members leaves', () => {
    const partitions: Record<string, number> = {};
    for (let i = 1; i < 15; i++) partitions[`t${String(i).padStart(2, '0')}`] = i;
    const topics = Object.keys(partitions);
    let members: Member[] = Array.from({ length: 8 }, (_, i) => ({ id: `c${i + 1}`, topics }));
    const first = assign('sticky', members, partitions);
    verifyValidityAndBalance(members, partitions, first);
    members = owning(members, first).filter((m) => m.id !== 'c5');
    const second = assign('sticky', members, partitions);
    verifyValidityAndBalance(members, partitions, second);
    // Every survivor keeps what it had: the leaver's partitions are enough to rebalance.
    for (const m of members) expect(second[m.id]).toEqual(expect.arrayContaining(first[m.id]));
  });

  // AbstractStickyAssignorTest.testPoorRoundRobinAssignmentScenario
  it('balances the scenario round-robin handles poorly', () => {
    const partitions: Record<string, number> = {};
    for (let i = 1; i <= 5; i++) partitions[`topic${i}`] = (i % 2) + 1;
    const all = ['topic1', 'topic2', 'topic3', 'topic4', 'topic5'];
    const odd = ['topic1', 'topic3', 'topic5'];
    const members = [
      { id: 'consumer1', topics: all },
      { id: 'consumer2', topics: odd },
      { id: 'consumer3', topics: odd },
      { id: 'consumer4', topics: all },
    ];
    const a = assign('sticky', members, partitions);
    verifyValidityAndBalance(members, partitions, a);
    expect(sizes(a)).toEqual([2, 2, 2, 2]);
    expect(sizes(assign('roundrobin', members, partitions))).toContain(0);
  });

  // AbstractStickyAssignorTest.testMoveExistingAssignments
  it('moves existing assignments when subscriptions leave members unbalanced', () => {
    const partitions: Record<string, number> = {};
    for (let i = 1; i <= 6; i++) partitions[`topic${i}`] = 1;
    const members = [
      { id: 'consumer1', topics: ['topic1', 'topic2'], owned: ['topic1-0'] },
      { id: 'consumer2', topics: ['topic1', 'topic2', 'topic3', 'topic4'], owned: ['topic2-0', 'topic3-0'] },
      { id: 'consumer3', topics: ['topic2', 'topic3', 'topic4', 'topic5', 'topic6'], owned: ['topic4-0', 'topic5-0', 'topic6-0'] },
    ];
    verifyValidityAndBalance(members, partitions, assign('sticky', members, partitions));
  });

  // AbstractStickyAssignorTest.testNewSubscription
  it('stays valid when a member adds a topic to its subscription', () => {
    const partitions = { t1: 1, t2: 1, t3: 1, t4: 1 };
    const members: Member[] = [
      { id: 'c0', topics: [] },
      { id: 'c1', topics: ['t1'] },
      { id: 'c2', topics: ['t2', 't3', 't4'] },
    ];
    const first = assign('sticky', members, partitions);
    verifyValidityAndBalance(members, partitions, first);
    const changed = owning(members, first).map((m) => (m.id === 'c0' ? { ...m, topics: ['t1'] } : m));
    verifyValidityAndBalance(changed, partitions, assign('sticky', changed, partitions));
  });

  // AbstractStickyAssignorTest.testAssignmentUpdatedForDeletedTopic
  it('assigns only the subscribed topics that still exist', () => {
    const a = assign('sticky', [{ id: 'consumer', topics: ['topic1', 'topic2', 'topic3'] }], { topic1: 1, topic3: 100 });
    expect(a.consumer).toHaveLength(101);
  });

  // AbstractStickyAssignorTest.testNoExceptionThrownWhenOnlySubscribedTopicDeleted
  it('returns an empty assignment when the only subscribed topic is deleted', () => {
    const members = [{ id: 'consumer', topics: ['topic'], owned: ['topic-0', 'topic-1', 'topic-2'] }];
    expect(assign('sticky', members, {})).toEqual({ consumer: [] });
  });

  // AbstractStickyAssignorTest.testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration
  // and StickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer
  it('takes a partition claimed by two members from both and gives it to the third', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'], owned: ['topic-0', 'topic-1'] },
      { id: 'consumer2', topics: ['topic'], owned: ['topic-0', 'topic-2'] },
      { id: 'consumer3', topics: ['topic'], owned: [] },
    ];
    expect(assign('sticky', members, { topic: 3 })).toEqual({
      consumer1: ['topic-1'],
      consumer2: ['topic-2'],
      consumer3: ['topic-0'],
    });
  });

  // StickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer
  it('treats a doubly claimed partition as free when partitions do not divide evenly', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'], owned: ['topic-0', 'topic-1'] },
      { id: 'consumer2', topics: ['topic'], owned: ['topic-0', 'topic-2'] },
      { id: 'consumer3', topics: ['topic'], owned: [] },
    ];
    expect(assign('sticky', members, { topic: 4 })).toEqual({
      consumer1: ['topic-1', 'topic-3'],
      consumer2: ['topic-2'],
      consumer3: ['topic-0'],
    });
  });
});

describe('Kafka conformance: CooperativeStickyAssignor', () => {
  // CooperativeStickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer
  it('withholds a doubly claimed partition until both claimants have revoked it', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'], owned: ['topic-0', 'topic-1'] },
      { id: 'consumer2', topics: ['topic'], owned: ['topic-0', 'topic-2'] },
      { id: 'consumer3', topics: ['topic'], owned: [] },
    ];
    const first = assign('cooperative-sticky', members, { topic: 3 });
    expect(first).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: [] });
    expect(cooperativeRounds(members, { topic: 3 }, first)).toEqual({
      consumer1: ['topic-1'],
      consumer2: ['topic-2'],
      consumer3: ['topic-0'],
    });
  });

  // CooperativeStickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer
  it('withholds a doubly claimed partition while still assigning the free one', () => {
    const members = [
      { id: 'consumer1', topics: ['topic'], owned: ['topic-0', 'topic-1'] },
      { id: 'consumer2', topics: ['topic'], owned: ['topic-0', 'topic-2'] },
      { id: 'consumer3', topics: ['topic'], owned: [] },
    ];
    const first = assign('cooperative-sticky', members, { topic: 4 });
    expect(first).toEqual({ consumer1: ['topic-1', 'topic-3'], consumer2: ['topic-2'], consumer3: [] });
    cooperativeRounds(members, { topic: 4 }, first);
  });

  // AbstractStickyAssignorTest.testAddRemoveConsumerOneTopic run by CooperativeStickyAssignorTest:
  // partitionsTransferringOwnership is {topic-2 -> consumer2} when consumer2 joins, and empty when
  // consumer1 leaves.
  it('does not assign a moving partition in the first round, and assigns it in the follow-up', () => {
    const partitions = { topic: 3 };
    const members = [
      { id: 'consumer1', topics: ['topic'], owned: ['topic-0', 'topic-1', 'topic-2'] },
      { id: 'consumer2', topics: ['topic'], owned: [] },
    ];
    const first = assign('cooperative-sticky', members, partitions);
    expect(first).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: [] });
    const second = assign('cooperative-sticky', owning(members, first), partitions);
    expect(second).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });

    // A leaver's partitions need no revocation, so they move at once.
    const survivor = owning(members, second).filter((m) => m.id === 'consumer2');
    expect(assign('cooperative-sticky', survivor, partitions)).toEqual({ consumer2: ['topic-0', 'topic-1', 'topic-2'] });
  });

  // AbstractStickyAssignorTest.testAddRemoveTwoConsumersTwoTopics run by CooperativeStickyAssignorTest:
  // partitionsTransferringOwnership is {topic1-2 -> consumer3, topic2-3 -> consumer3, topic2-2 -> consumer4}.
  it('withholds every partition moving to the joining members for one round', () => {
    const topics = ['topic1', 'topic2'];
    const partitions = { topic1: 3, topic2: 4 };
    const members = [
      { id: 'consumer1', topics, owned: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'] },
      { id: 'consumer2', topics, owned: ['topic1-1', 'topic2-0', 'topic2-2'] },
      { id: 'consumer3', topics, owned: [] },
      { id: 'consumer4', topics, owned: [] },
    ];
    const first = assign('cooperative-sticky', members, partitions);
    expect(first).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0'],
      consumer3: [],
      consumer4: [],
    });
    expect(cooperativeRounds(members, partitions, first)).toEqual(assign('sticky', members, partitions));
  });

  // AbstractStickyAssignorTest.testStickiness run by CooperativeStickyAssignorTest
  it('reassigns a leaver\'s partition in the same round without touching the others', () => {
    const members = ['consumer2', 'consumer3', 'consumer4'].map((id, i) => ({
      id,
      topics: ['topic1'],
      owned: i < 2 ? [`topic1-${i + 1}`] : [],
    }));
    expect(assign('cooperative-sticky', members, { topic1: 3 })).toEqual({
      consumer2: ['topic1-1'],
      consumer3: ['topic1-2'],
      consumer4: ['topic1-0'],
    });
  });

  // AbstractStickyAssignorTest.testReassignmentAfterOneConsumerLeaves run by CooperativeStickyAssignorTest
  it('converges within a few rounds when a member with a nested subscription leaves', () => {
    const name = (i: number) => String(i).padStart(2, '0');
    const partitions: Record<string, number> = {};
    for (let i = 1; i < 20; i++) partitions[`t${name(i)}`] = i;
    let members: Member[] = [];
    for (let i = 1; i < 20; i++)
      members.push({ id: `c${name(i)}`, topics: Array.from({ length: i }, (_, j) => `t${name(j + 1)}`) });
    const first = cooperativeRounds(members, partitions, assign('cooperative-sticky', members, partitions));
    members = owning(members, first).filter((m) => m.id !== 'c10');
    cooperativeRounds(members, partitions, assign('cooperative-sticky', members, partitions));
  });
});

describe('assignPartitions input checks', () => {
  const members = [{ id: 'a', topics: ['t'] }];

  it('refuses an unknown strategy with INVALID_ARGUMENT', () => {
    expect(() => assignPartitions('fair' as Strategy, members, { t: 1 })).toThrow(EngineError);
    expect(() => assignPartitions('fair' as Strategy, members, { t: 1 })).toThrow(/fair/);
    try {
      assignPartitions('fair' as Strategy, members, { t: 1 });
    } catch (e) {
      expect((e as EngineError).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('refuses duplicate member ids', () => {
    expect(() => assignPartitions('range', [...members, { id: 'a', topics: [] }], { t: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a partition count of %s', (count) => {
    expect(() => assignPartitions('sticky', members, { t: count })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('parses owned names at the last dash, so topics may contain dashes', () => {
    const group = [
      { id: 'a', topics: ['order-events'], owned: ['order-events-10', 'order-events-2'] },
      { id: 'b', topics: ['order-events'], owned: [] },
    ];
    const a = assignPartitions('sticky', group, { 'order-events': 12 });
    expect(a.a).toEqual(expect.arrayContaining(['order-events-2', 'order-events-10']));
    // Sorted by partition number, not as strings.
    expect(a.a.indexOf('order-events-2')).toBeLessThan(a.a.indexOf('order-events-10'));
  });

  it('lists every member, even one that gets nothing', () => {
    expect(assignPartitions('roundrobin', [...members, { id: 'idle', topics: ['missing'] }], { t: 1 })).toEqual({
      a: ['t-0'],
      idle: [],
    });
  });
});
