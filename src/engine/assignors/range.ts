/**
 * Kafka's RangeAssignor (org.apache.kafka.clients.consumer.RangeAssignor), without rack awareness.
 *
 * Works topic by topic: the members subscribed to a topic are sorted by member id (Kafka sorts by
 * group.instance.id first; Kafé members are all dynamic, so member id decides), the topic's
 * partitions are taken in numeric order, and each member gets a contiguous range of
 * numPartitions / numMembers partitions; the first numPartitions % numMembers members get one more.
 * Because every topic starts again from the first member, the first members end up with the extra
 * partition of every topic: range is unbalanced across topics by design.
 */

export interface RangeMember {
  readonly id: string;
  /** Subscribed topics that exist (present in partitionsPerTopic). */
  readonly topics: readonly string[];
}

export interface AssignedPartition {
  readonly topic: string;
  readonly partition: number;
}

const byId = (a: RangeMember, b: RangeMember) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function rangeAssign(
  members: readonly RangeMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Map<string, AssignedPartition[]> {
  const assignment = new Map<string, AssignedPartition[]>(members.map((m) => [m.id, []]));
  const sorted = [...members].sort(byId);
  for (const topic of Object.keys(partitionsPerTopic)) {
    const numPartitions = partitionsPerTopic[topic];
    const consumers = sorted.filter((m) => m.topics.includes(topic));
    if (numPartitions === 0 || consumers.length === 0) continue;
    const perConsumer = Math.floor(numPartitions / consumers.length);
    const withExtra = numPartitions % consumers.length;
    let next = 0;
    consumers.forEach((consumer, i) => {
      const count = perConsumer + (i < withExtra ? 1 : 0);
      const mine = assignment.get(consumer.id)!;
      for (let p = next; p < next + count; p++) mine.push({ topic, partition: p });
      next += count;
    });
  }
  return assignment;
}
