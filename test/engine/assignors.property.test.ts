import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPartitions } from '../../src/engine';
import { parseTopicPartition } from '../../src/engine/assignors';

/**
 * Properties every assignor must keep for any group: random members (ids, subscriptions that may
 * name missing topics, owned partitions that may be stale, duplicated or malformed) and random
 * partition counts. ASSIGNOR_RUNS=20000 runs a longer search locally.
 */

type Strategy = Parameters<typeof assignPartitions>[0];
type Member = { id: string; topics: string[]; owned?: string[] };
type Assignment = Record<string, string[]>;
interface Group {
  members: Member[];
  partitions: Record<string, number>;
}

const STRATEGIES: Strategy[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
const EAGER: Strategy[] = ['range', 'roundrobin', 'sticky'];
// Topic names with dashes and prefixes of each other ("a" partition 1 is "a-1"; topic "a-1"
// partition 0 is "a-1-0") exercise parsing at the last dash.
const TOPICS = ['orders', 'order-events', 'a', 'a-1', 'payments'];
const IDS = ['c1', 'c2', 'c3', 'c10', 'consumer-a', 'consumer-b', 'x', 'member-7'];

const namesOf = (partitions: Record<string, number>, topics: readonly string[] = Object.keys(partitions)) =>
  topics.filter((t) => t in partitions).flatMap((t) => Array.from({ length: partitions[t] }, (_, p) => `${t}-${p}`));

const topicOf = (name: string) => parseTopicPartition(name)!.topic;
const spread = (a: Assignment) => {
  const sizes = Object.values(a).map((tps) => tps.length);
  return sizes.length === 0 ? 0 : Math.max(...sizes) - Math.min(...sizes);
};
const owning = (members: Member[], a: Assignment): Member[] => members.map((m) => ({ ...m, owned: a[m.id] }));

/** Partition counts for some of the topics (some subscribed topics may be missing). */
const partitionsArb = fc.dictionary(fc.constantFrom(...TOPICS), fc.integer({ min: 0, max: 8 }), { maxKeys: TOPICS.length });

/** A group whose members each subscribe to their own topics and claim arbitrary partitions, some
 * of them claimed twice, some not existing at all. */
const groupArb: fc.Arbitrary<Group> = partitionsArb.chain((partitions) => {
  const existing = namesOf(partitions);
  const claimable = [...existing, 'gone-0', 'orders-99', 'not a partition'];
  const ownedArb = fc.subarray(claimable, { maxLength: Math.min(10, claimable.length) });
  const memberArb = (id: string) =>
    fc.record({ id: fc.constant(id), topics: fc.subarray(TOPICS), owned: ownedArb });
  return fc
    .uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 6 })
    .chain((ids) => fc.tuple(...ids.map(memberArb)))
    .map((members) => ({ members, partitions }));
});

/** A group in which every member subscribes to the same topics. */
const sameSubscriptionGroupArb: fc.Arbitrary<Group> = fc
  .tuple(groupArb, fc.subarray(TOPICS, { minLength: 1 }))
  .map(([g, topics]) => ({ ...g, members: g.members.map((m) => ({ ...m, topics })) }));

/** Every partition of a subscribed, existing topic is held by `copies` members, each subscribed. */
function expectCoverage(g: Group, a: Assignment, copies: 'exactly one' | 'at most one') {
  expect(Object.keys(a).sort()).toEqual(g.members.map((m) => m.id).sort());
  const holders = new Map<string, string[]>();
  for (const m of g.members)
    for (const tp of a[m.id]) {
      expect(m.topics).toContain(topicOf(tp));
      holders.set(tp, [...(holders.get(tp) ?? []), m.id]);
    }
  const subscribed = [...new Set(g.members.flatMap((m) => m.topics))];
  const expected = namesOf(g.partitions, subscribed);
  for (const tp of holders.keys()) expect(expected).toContain(tp);
  for (const tp of expected) {
    const n = holders.get(tp)?.length ?? 0;
    if (copies === 'exactly one') expect(n, tp).toBe(1);
    else expect(n, tp).toBeLessThanOrEqual(1);
  }
}

const RUNS = { numRuns: Number(process.env.ASSIGNOR_RUNS ?? 300) };

describe('assignor properties', () => {
  it.each(EAGER)('%s assigns every partition of a subscribed topic to exactly one subscribed member', (strategy) => {
    fc.assert(
      fc.property(groupArb, (g) => expectCoverage(g, assignPartitions(strategy, g.members, g.partitions), 'exactly one')),
      RUNS,
    );
  });

  it('cooperative-sticky assigns each partition at most once, and exactly once after the follow-up round when subscriptions are identical', () => {
    fc.assert(
      fc.property(sameSubscriptionGroupArb, (g) => {
        const first = assignPartitions('cooperative-sticky', g.members, g.partitions);
        expectCoverage(g, first, 'at most one');
        const second = assignPartitions('cooperative-sticky', owning(g.members, first), g.partitions);
        expectCoverage(g, second, 'exactly one');
      }),
      RUNS,
    );
  });

  it('cooperative-sticky assigns each partition at most once per round and converges to exactly once for any subscriptions', () => {
    // With different subscriptions Kafka's general sticky algorithm may rebalance the follow-up
    // round by moving another owned partition, so a second follow-up can be needed; Kafka's
    // CooperativeStickyAssignorTest.verifyValidityAndBalance allows up to 4 follow-up rebalances.
    fc.assert(
      fc.property(groupArb, (g) => {
        let members = g.members;
        let a = assignPartitions('cooperative-sticky', members, g.partitions);
        for (let followUps = 0; members.some((m) => (m.owned ?? []).some((tp) => !a[m.id].includes(tp))); followUps++) {
          expectCoverage(g, a, 'at most one');
          expect(followUps).toBeLessThan(4);
          members = owning(members, a);
          a = assignPartitions('cooperative-sticky', members, g.partitions);
        }
        expectCoverage(g, a, 'exactly one');
      }),
      RUNS,
    );
  });

  it('cooperative-sticky never gives a member a partition that another member is giving up in the same round', () => {
    fc.assert(
      fc.property(groupArb, (g) => {
        const a = assignPartitions('cooperative-sticky', g.members, g.partitions);
        for (const m of g.members) {
          const others = g.members.filter((o) => o.id !== m.id);
          for (const tp of a[m.id]) {
            if (m.owned?.includes(tp)) continue;
            // Newly given to m: nobody else may still claim it.
            for (const o of others) expect(o.owned ?? []).not.toContain(tp);
          }
        }
      }),
      RUNS,
    );
  });

  it('cooperative-sticky gives each member its sticky target minus the partitions still to be revoked elsewhere', () => {
    fc.assert(
      fc.property(groupArb, (g) => {
        const cooperative = assignPartitions('cooperative-sticky', g.members, g.partitions);
        const target = assignPartitions('sticky', g.members, g.partitions);
        for (const m of g.members) {
          expect(target[m.id]).toEqual(expect.arrayContaining(cooperative[m.id]));
          // What it owned and keeps is never withheld.
          for (const tp of target[m.id]) if (m.owned?.includes(tp) && !g.members.some((o) => o.id !== m.id && o.owned?.includes(tp)))
            expect(cooperative[m.id]).toContain(tp);
        }
      }),
      RUNS,
    );
  });

  it.each(STRATEGIES)('%s returns every list sorted by topic, then partition number', (strategy) => {
    fc.assert(
      fc.property(groupArb, (g) => {
        for (const tps of Object.values(assignPartitions(strategy, g.members, g.partitions))) {
          const parsed = tps.map((tp) => parseTopicPartition(tp)!);
          const sorted = [...parsed].sort((x, y) =>
            x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : x.partition - y.partition,
          );
          expect(parsed).toEqual(sorted);
        }
      }),
      RUNS,
    );
  });

  it.each(['roundrobin', 'sticky'] as Strategy[])('%s is balanced when all members subscribe to the same topics', (strategy) => {
    fc.assert(
      fc.property(sameSubscriptionGroupArb, (g) => {
        expect(spread(assignPartitions(strategy, g.members, g.partitions))).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('cooperative-sticky is balanced after the follow-up round when all members subscribe to the same topics', () => {
    fc.assert(
      fc.property(sameSubscriptionGroupArb, (g) => {
        const first = assignPartitions('cooperative-sticky', g.members, g.partitions);
        const second = assignPartitions('cooperative-sticky', owning(g.members, first), g.partitions);
        expect(spread(second)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('sticky never leaves two members more than one apart while they hold partitions of a common topic', () => {
    // Kafka's AbstractStickyAssignorTest.verifyValidityAndBalance criterion, for any subscriptions.
    fc.assert(
      fc.property(groupArb, (g) => {
        const a = assignPartitions('sticky', g.members, g.partitions);
        for (const x of g.members)
          for (const y of g.members) {
            if (a[x.id].length <= a[y.id].length + 1) continue;
            const yTopics = new Set(a[y.id].map(topicOf));
            expect(a[x.id].map(topicOf).filter((t) => yTopics.has(t))).toEqual([]);
          }
      }),
      RUNS,
    );
  });

  it('sticky keeps every owned partition when the previous assignment was balanced and the members are unchanged', () => {
    // The previous assignment: all partitions shuffled and dealt to the members in a circle.
    const arb = sameSubscriptionGroupArb.chain((g) =>
      fc
        .shuffledSubarray(namesOf(g.partitions, g.members[0].topics), {
          minLength: namesOf(g.partitions, g.members[0].topics).length,
        })
        .map((order) => {
          const owned: Assignment = Object.fromEntries(g.members.map((m) => [m.id, [] as string[]]));
          order.forEach((tp, i) => owned[g.members[i % g.members.length].id].push(tp));
          return { ...g, members: g.members.map((m) => ({ ...m, owned: owned[m.id] })) };
        }),
    );
    fc.assert(
      fc.property(arb, (g) => {
        const a = assignPartitions('sticky', g.members, g.partitions);
        for (const m of g.members) expect(a[m.id]).toEqual(expect.arrayContaining(m.owned!));
      }),
      RUNS,
    );
  });

  it('sticky gives back its own result unchanged, whatever the subscriptions', () => {
    fc.assert(
      fc.property(groupArb, (g) => {
        const first = assignPartitions('sticky', g.members, g.partitions);
        expect(assignPartitions('sticky', owning(g.members, first), g.partitions)).toEqual(first);
      }),
      RUNS,
    );
  });

  it.each(STRATEGIES)('%s is deterministic and ignores the order of members, topics and owned partitions', (strategy) => {
    fc.assert(
      fc.property(groupArb, fc.integer(), (g, seed) => {
        const a = assignPartitions(strategy, g.members, g.partitions);
        expect(assignPartitions(strategy, structuredClone(g.members), { ...g.partitions })).toEqual(a);
        // A reversed member list with reversed topic and owned lists.
        const reordered = [...g.members]
          .reverse()
          .map((m) => ({ ...m, topics: [...m.topics].reverse(), owned: [...(m.owned ?? [])].reverse() }));
        const rotated = reordered.map((_, i) => reordered[(i + Math.abs(seed)) % reordered.length]);
        expect(assignPartitions(strategy, rotated, g.partitions)).toEqual(a);
      }),
      RUNS,
    );
  });
});
