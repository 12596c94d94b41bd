/**
 * The "topic-partition" name Kafka's tools and assignors use for one partition ("orders-3"), and
 * the key of every per-partition map in the engine and its view (positions, committed offsets,
 * lag, assignments). The one place that spells or reads it.
 *
 * Topic names may contain '-' ("order-events", even "a-1"); partition numbers never do, so a name
 * is split at its LAST dash: "a-1-0" is partition 0 of topic "a-1", never partition "1-0" of "a".
 * Comparing prefixes instead ("a-1-0".startsWith("a-")) confuses topic "a" with topic "a-1".
 */
export type TopicPartitionName = string;

export const topicPartition = (topic: string, partition: number): TopicPartitionName => `${topic}-${partition}`;

/** Splits "topic-partition" at its last '-'; null when the part after it is not a partition number. */
export function parseTopicPartition(name: string): { topic: string; partition: number } | null {
  const dash = name.lastIndexOf('-');
  const digits = name.length - dash - 1;
  if (dash <= 0 || digits === 0) return null;
  if (digits > 1 && name.charCodeAt(dash + 1) === 48) return null; // a leading zero: not a number Kafka prints
  // Decimal digits only (what /^(0|[1-9][0-9]*)$/ accepts), read without building a substring:
  // an assignor may parse a million names. Exact up to 2^53, where isSafeInteger stops it.
  let partition = 0;
  for (let i = dash + 1; i < name.length; i++) {
    const d = name.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    partition = partition * 10 + d;
  }
  return Number.isSafeInteger(partition) ? { topic: name.slice(0, dash), partition } : null;
}

/** The topic of a name this module made (no validation: use parseTopicPartition for input). */
export const topicOfPartition = (name: TopicPartitionName): string => name.slice(0, name.lastIndexOf('-'));

/** The partition number of a name this module made. */
export const partitionNumberOf = (name: TopicPartitionName): number => Number(name.slice(name.lastIndexOf('-') + 1));

/** Whether `name` is a partition of exactly `topic` (not of a topic that merely starts like it). */
export const isPartitionOf = (name: TopicPartitionName, topic: string): boolean =>
  name.length > topic.length + 1 && name.startsWith(topic) && name.lastIndexOf('-') === topic.length;
