/**
 * Kafka's CooperativeStickyAssignor (org.apache.kafka.clients.consumer.CooperativeStickyAssignor).
 *
 * The target is exactly the sticky assignment (see sticky.ts). What differs is the protocol: in a
 * cooperative (incremental) rebalance members keep consuming what they keep, and a partition may
 * never be owned by two members at once. So a partition whose target owner differs from a member
 * that currently owns it is only REVOKED in this round: it is removed from the old owner's
 * assignment and NOT given to the new owner yet; it stays unassigned.
 *
 * How the follow-up round works: the old owner revokes the partition (commits, calls
 * onPartitionsRevoked) and, because something was revoked, rejoins at once. The caller then runs
 * the assignor again with each member's `owned` set to what the first round gave it. Nobody owns
 * the withheld partitions any more, so the sticky target now gives them to their new owners with
 * no revocation; the assignment converges (for identical subscriptions always in that second round;
 * Kafka's own tests allow a few rounds in the general case).
 *
 * What is not withheld: partitions whose previous owner left the group (nobody has to revoke them)
 * and partitions nobody owned. Partitions claimed by several members are withheld for one round
 * whoever gets them, since their claimants must first revoke them (Kafka does this on the
 * identical-subscriptions path; Kafé does it on both paths).
 */
import { stickyOutcome, type StickyMember, type TopicPartition } from './sticky';

export interface CooperativeStickyRound {
  /** memberId -> partitions to own after this round (moving partitions withheld). */
  readonly assignment: Map<string, TopicPartition[]>;
  /** memberId -> the sticky target, which the follow-up round reaches. */
  readonly target: Map<string, TopicPartition[]>;
  /** Partitions withheld this round: "topic-partition" -> the member that will get it next round. */
  readonly withheld: Map<string, string>;
}

/** The first-round assignment of a cooperative rebalance (moving partitions withheld). */
export function cooperativeStickyAssign(
  members: readonly StickyMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Map<string, TopicPartition[]> {
  return cooperativeStickyRound(members, partitionsPerTopic).assignment;
}

export function cooperativeStickyRound(
  members: readonly StickyMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): CooperativeStickyRound {
  const { assignment: target, multiplyClaimed, claimed } = stickyOutcome(members, partitionsPerTopic);

  // Kafka's computePartitionsTransferringOwnership: partitions added to a member that did not own
  // them, which some other member owned and is losing.
  const revoked = new Set<TopicPartition>();
  for (const [id, tps] of target) {
    const keep = new Set(tps);
    for (const tp of claimed.get(id) ?? []) if (!keep.has(tp)) revoked.add(tp);
  }
  const withheld = new Map<string, string>();
  const assignment = new Map<string, TopicPartition[]>();
  for (const [id, tps] of target) {
    const mine = new Set(claimed.get(id) ?? []);
    const now: TopicPartition[] = [];
    for (const tp of tps) {
      const transferring = (!mine.has(tp) && revoked.has(tp)) || multiplyClaimed.has(tp);
      if (transferring) withheld.set(tp.key, id);
      else now.push(tp);
    }
    assignment.set(id, now);
  }
  return { assignment, target, withheld };
}
