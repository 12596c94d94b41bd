import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stickyOutcome, type StickyMember } from '../../src/engine/assignors/sticky';
import { stickyOutcome as referenceOutcome } from './stickyReference';

/**
 * The sticky assignor's general path keeps partitions and members as integer ids in typed arrays
 * (fast on Kafka's million-partition test). Its answers must be exactly those of the earlier
 * implementation (stickyReference.ts), which passed Kafka's own test vectors: same target per
 * member, same multiply-claimed partitions, same claims, over random groups and follow-up rounds
 * (owned = the previous result, with members leaving and joining, so partitions move and the
 * movement bookkeeping and Java hash-set order are exercised).
 */
const TOPICS = ['orders', 'order-events', 'a', 'a-1', 'payments', 'b'];
const IDS = ['c1', 'c2', 'c3', 'c10', 'consumer-a', 'consumer-b', 'x', 'member-7', 'm9', 'zz'];

type Outcome = ReturnType<typeof stickyOutcome>;
const keysOf = (m: Map<string, readonly { key: string }[]>) =>
  Object.fromEntries([...m].map(([id, tps]) => [id, tps.map((tp) => tp.key).sort()]));
const normal = (o: Outcome | ReturnType<typeof referenceOutcome>) => ({
  assignment: keysOf(o.assignment),
  claimed: keysOf(o.claimed),
  multiplyClaimed: [...o.multiplyClaimed].map((tp) => tp.key).sort(),
});

const partitionsArb = fc.dictionary(fc.constantFrom(...TOPICS), fc.integer({ min: 0, max: 12 }), { maxKeys: TOPICS.length });
const roundArb = fc.record({
  ids: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 10 }),
  topics: fc.array(fc.subarray(TOPICS, { minLength: 1 }), { minLength: 10, maxLength: 10 }),
  /** Partitions a member also claims beyond what it got last round (stale or stolen claims). */
  extra: fc.array(fc.array(fc.tuple(fc.constantFrom(...TOPICS), fc.nat(14)), { maxLength: 3 }), { minLength: 10, maxLength: 10 }),
});

describe('sticky assignor rewrite', () => {
  it('answers exactly as the earlier implementation, round after round', () => {
    fc.assert(
      fc.property(partitionsArb, fc.array(roundArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (partitions, rounds, sameTopics) => {
        let previous = new Map<string, { topic: string; partition: number }[]>();
        for (const round of rounds) {
          const members: StickyMember[] = round.ids.map((id, i) => ({
            id,
            topics: (sameTopics ? round.topics[0] : round.topics[i]).filter((t) => t in partitions),
            owned: [...(previous.get(id) ?? []), ...round.extra[i].map(([topic, partition]) => ({ topic, partition }))],
          }));
          const actual = stickyOutcome(members, partitions);
          expect(normal(actual)).toEqual(normal(referenceOutcome(members, partitions)));
          previous = new Map([...actual.assignment].map(([id, tps]) => [id, tps.map(({ topic, partition }) => ({ topic, partition }))]));
        }
      }),
      { numRuns: Number(process.env.ASSIGNOR_RUNS ?? 400) },
    );
  });
});
