import type { PartitionState, Sim, TopicState } from './world';

const needsCleaning = (t: TopicState) => t.retentionMs !== null || t.retentionBytes !== null || t.cleanupPolicy === 'compact';

/** Keeps one periodic cleaner check on the agenda while any topic has retention or compaction. */
export function scheduleRetention(sim: Sim): void {
  if (sim.world.retentionScheduled) return;
  if (![...sim.world.topics.values()].some(needsCleaning)) return;
  sim.world.retentionScheduled = true;
  sim.schedule(sim.cfg.retentionCheckIntervalMs, { kind: 'retentionCheck' });
}

/**
 * Kafka's log cleaner, per partition: with cleanup.policy=delete, whole closed segments go once
 * their newest record is older than retention.ms, or while the log minus that segment is still
 * at least retention.bytes; with cleanup.policy=compact, closed segments keep only the newest
 * record per key. The active segment is never touched, so a log never empties by retention alone.
 * That is a simplification for time retention: Kafka rolls a new, empty segment and deletes an
 * expired active segment too (UnifiedLog.deleteSegments), which only happens once a topic has had
 * no writes for longer than retention.ms; a busy topic's active segment always holds fresh records.
 */
export function onRetentionCheck(sim: Sim): void {
  sim.world.retentionScheduled = false;
  for (const topic of sim.world.topics.values()) {
    if (!needsCleaning(topic)) continue;
    for (const p of topic.partitions) {
      let deleted = 0;
      let reason: 'retention' | 'compaction' = 'retention';
      if (topic.cleanupPolicy === 'compact') {
        deleted = p.log.compact(sim.now - topic.deleteRetentionMs);
        reason = 'compaction';
      } else {
        const { retentionMs, retentionBytes } = topic;
        deleted = p.log.deleteOldSegments(
          (maxTs, _segBytes, bytesAfter) =>
            (retentionMs !== null && maxTs < sim.now - retentionMs) || (retentionBytes !== null && bytesAfter >= retentionBytes),
        );
      }
      if (deleted > 0)
        sim.emit({ type: 'recordsDeleted', topic: topic.name, partition: p.id, count: deleted, startOffset: p.log.startOffset, reason });
    }
  }
  scheduleRetention(sim);
}

/**
 * The simulator's memory limit (config.maxRecordsPerPartition): deletes a partition's oldest
 * closed segments until it holds at most the limit, as retention.bytes would by size. Called on
 * append, so it adds no agenda events and a run without the limit is unchanged.
 */
export function enforceRecordLimit(sim: Sim, p: PartitionState): void {
  const limit = sim.cfg.maxRecordsPerPartition;
  const deleted = p.log.deleteOldSegments(() => p.log.size > limit);
  if (deleted > 0) sim.emit({ type: 'recordsDeleted', topic: p.topic, partition: p.id, count: deleted, startOffset: p.log.startOffset, reason: 'recordLimit' });
}
