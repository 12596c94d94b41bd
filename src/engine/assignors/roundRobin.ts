/**
 * Kafka's RoundRobinAssignor (org.apache.kafka.clients.consumer.RoundRobinAssignor).
 *
 * Lays out every partition of every subscribed topic in one list, sorted by topic name and then
 * partition number, and deals them out to the members sorted by member id, in a circle. When the
 * member whose turn it is does not subscribe to the partition's topic, the turn passes to the next
 * member that does (and the skipped member loses that turn). With identical subscriptions the
 * result is balanced: member counts differ by at most one.
 */

export interface RoundRobinMember {
  readonly id: string;
  /** Subscribed topics that exist (present in partitionsPerTopic). */
  readonly topics: readonly string[];
}

export interface AssignedPartition {
  readonly topic: string;
  readonly partition: number;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function roundRobinAssign(
  members: readonly RoundRobinMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Map<string, AssignedPartition[]> {
  const assignment = new Map<string, AssignedPartition[]>(members.map((m) => [m.id, []]));
  const circle = [...members].sort((a, b) => compareStrings(a.id, b.id));
  const subscribed = circle.map((m) => new Set(m.topics));
  const topics = [...new Set(members.flatMap((m) => m.topics))]
    .filter((t) => Object.hasOwn(partitionsPerTopic, t))
    .sort(compareStrings);

  let turn = 0;
  for (const topic of topics) {
    for (let partition = 0; partition < partitionsPerTopic[topic]; partition++) {
      // The topic came from some member's subscription, so this loop finds a taker.
      while (!subscribed[turn].has(topic)) turn = (turn + 1) % circle.length;
      assignment.get(circle[turn].id)!.push({ topic, partition });
      turn = (turn + 1) % circle.length;
    }
  }
  return assignment;
}
