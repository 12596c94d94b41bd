import type { ConsumerState, Sim } from './world';

/**
 * Committed offsets: what a group has durably recorded as "read up to here" per partition, the
 * state Kafka keeps in __consumer_offsets. Consumers write it (auto-commit, after or before
 * processing, on close), groups write it when partitions are revoked in a rebalance, and the
 * next owner of a partition starts from it. Kept apart from both so neither imports the other.
 */

/** Writes offsets to the consumer's group (only those that move) and records a `committed` trace event. */
export function commitOffsets(sim: Sim, consumer: ConsumerState, offsets: Map<string, number>): void {
  const group = sim.world.groups.get(consumer.group);
  if (!group) return;
  let moved = false;
  // The event's offsets are gathered only when someone reads it (asked at the first move).
  let changed: Record<string, number> | null = null;
  for (const [tp, off] of offsets) {
    if (group.committed.get(tp) === off) continue;
    group.committed.set(tp, off);
    if (!moved) {
      moved = true;
      if (!sim.unheard('committed')) changed = {};
    }
    if (changed !== null) changed[tp] = off;
  }
  if (changed !== null) sim.emit({ type: 'committed', group: group.id, consumer: consumer.id, offsets: changed });
}
