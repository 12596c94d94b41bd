/**
 * Consumer-group partition assignment, as Kafka's client-side assignors do it.
 *
 * Contract of assignPartitions:
 * - returns memberId -> "topic-partition" names, every member present (possibly with []), each
 *   list sorted by topic name and then partition number (numerically: "t-2" before "t-10");
 * - only topics that some member subscribes to AND that appear in partitionsPerTopic are assigned;
 *   a subscribed topic missing from partitionsPerTopic is ignored (Kafka drops topics that are not
 *   in the cluster metadata the same way; Kafé also ignores it when the sticky assignors decide
 *   whether all subscriptions are identical, where Kafka compares the raw topic lists);
 * - `owned` (what each member held before this rebalance) matters only to the sticky assignors;
 *   names are parsed at their LAST '-' (topics may contain '-'), and names of partitions that do
 *   not exist are ignored;
 * - the result does not depend on the order of `members`, of their topics, or of `owned`;
 * - refuses, with EngineError INVALID_ARGUMENT, an unknown strategy, duplicate member ids, or a
 *   partition count that is not a non-negative integer.
 */
import { EngineError } from '../errors';
import { parseTopicPartition, topicPartition, type TopicPartitionName } from '../topicPartition';
import type { AssignorName } from '../types';
import { cooperativeStickyAssign } from './cooperativeSticky';
import { rangeAssign } from './range';
import { roundRobinAssign } from './roundRobin';
import { compareTopicThenPartition, stickyAssign, type TopicPartition } from './sticky';

export { cooperativeStickyAssign, cooperativeStickyRound } from './cooperativeSticky';
export { rangeAssign } from './range';
export { roundRobinAssign } from './roundRobin';
export { stickyAssign } from './sticky';
export { parseTopicPartition } from '../topicPartition';

export const ASSIGNMENT_STRATEGIES: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export interface AssignorMember {
  id: string;
  topics: string[];
  /** "topic-partition" names this member owned before the rebalance. */
  owned?: string[];
}

export function assignPartitions(
  strategy: AssignorName,
  members: AssignorMember[],
  partitionsPerTopic: Record<string, number>,
): Record<string, TopicPartitionName[]> {
  if (!ASSIGNMENT_STRATEGIES.includes(strategy))
    throw new EngineError(
      'INVALID_ARGUMENT',
      { field: 'strategy' },
      `Unknown assignment strategy "${String(strategy)}"; expected one of ${ASSIGNMENT_STRATEGIES.join(', ')}.`,
    );
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.id)) throw new EngineError('INVALID_ARGUMENT', { field: 'members' }, `Duplicate member id "${m.id}" in the group.`);
    seen.add(m.id);
  }
  for (const [topic, count] of Object.entries(partitionsPerTopic)) {
    if (!Number.isInteger(count) || count < 0)
      throw new EngineError(
        'INVALID_ARGUMENT',
        { field: 'partitionsPerTopic' },
        `Partition count of topic "${topic}" must be a non-negative integer, got ${String(count)}.`,
      );
  }

  // Only topics somebody subscribes to and that exist take part (Kafka's partitionsPerTopic holds
  // exactly the subscribed topics found in the metadata).
  const subscribed = new Set(members.flatMap((m) => m.topics));
  const partitions: Record<string, number> = Object.fromEntries(
    Object.entries(partitionsPerTopic).filter(([topic]) => subscribed.has(topic)),
  );
  const normalized = members.map((m) => ({
    id: m.id,
    topics: [...new Set(m.topics)].filter((t) => Object.hasOwn(partitions, t)),
    owned: (m.owned ?? []).map(parseTopicPartition).filter((tp) => tp !== null),
  }));

  const assignment =
    strategy === 'range'
      ? rangeAssign(normalized, partitions)
      : strategy === 'roundrobin'
        ? roundRobinAssign(normalized, partitions)
        : strategy === 'sticky'
          ? stickyAssign(normalized, partitions)
          : cooperativeStickyAssign(normalized, partitions);

  return Object.fromEntries(members.map((m) => [m.id, sortedNames(assignment.get(m.id) ?? [])]));
}

type Assigned = { readonly topic: string; readonly partition: number };

/** Names sorted by topic, then partition number. The sticky assignors' partitions come from their
 * catalog, whose ids and names already follow that order (cheaper on a million partitions). */
function sortedNames(tps: readonly (Assigned | TopicPartition)[]): TopicPartitionName[] {
  if (tps.every((tp): tp is TopicPartition => 'id' in tp))
    return tps
      .slice()
      .sort((a, b) => a.id - b.id)
      .map((tp) => tp.key);
  return tps
    .slice()
    .sort(compareTopicThenPartition)
    .map((tp) => topicPartition(tp.topic, tp.partition));
}
