import { getTopic, leaderAvailable, positiveInt } from './cluster';
import type { AddConsumer, ConsumerSettings, ResetOffsets } from './commands';
import { fail } from './errors';
import { getOrCreateGroup, joinGroup, kickPoll, leaveGroup, partitionOf, requestRebalance, rewindToCommitted, startingPosition } from './groups';
import { commitOffsets } from './offsets';
import { crashProcess, nextCatchUp, processedPositions, settleBatch } from './processing';
import { abortTransaction, commitTransaction, initTransactions, lastStableOffset } from './transactions';
import type { ConsumerState, PartitionState, Sim } from './world';
import { topicPartition } from './topicPartition';

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export function validateConsumerSettings(s: ConsumerSettings): void {
  if (s.assignor !== undefined && !ASSIGNORS.includes(s.assignor))
    fail('INVALID_ARGUMENT', { field: 'assignor' }, `assignor must be one of ${ASSIGNORS.join(', ')}, got "${s.assignor}"`);
  if (s.autoOffsetReset !== undefined && s.autoOffsetReset !== 'earliest' && s.autoOffsetReset !== 'latest')
    fail('INVALID_ARGUMENT', { field: 'autoOffsetReset' }, `autoOffsetReset must be "earliest" or "latest", got "${s.autoOffsetReset}"`);
  if (s.commitMode !== undefined && !['auto', 'afterProcess', 'beforeProcess'].includes(s.commitMode))
    fail('INVALID_ARGUMENT', { field: 'commitMode' }, `commitMode must be auto, afterProcess or beforeProcess, got "${s.commitMode}"`);
  if (s.maxPollRecords !== undefined) positiveInt('maxPollRecords', s.maxPollRecords, 1e6);
  for (const key of ['autoCommitIntervalMs', 'sessionTimeoutMs', 'pollIntervalMs'] as const) {
    const v = s[key];
    if (v !== undefined && !(v >= 1 && Number.isFinite(v))) fail('INVALID_ARGUMENT', { field: key }, `${key} must be a number >= 1, got ${v}`);
  }
  if (s.processingMs !== undefined && !(s.processingMs >= 0 && Number.isFinite(s.processingMs)))
    fail('INVALID_ARGUMENT', { field: 'processingMs' }, `processingMs must be a number >= 0, got ${s.processingMs}`);
  if (s.isolationLevel !== undefined && s.isolationLevel !== 'read_uncommitted' && s.isolationLevel !== 'read_committed')
    fail('INVALID_ARGUMENT', { field: 'isolationLevel' }, `isolationLevel must be "read_uncommitted" or "read_committed", got "${String(s.isolationLevel)}"`);
}

export function validateAddConsumer(sim: Sim, c: AddConsumer): void {
  if (!c.id || typeof c.id !== 'string') fail('INVALID_ARGUMENT', { field: 'id' }, 'a consumer needs an id');
  if (sim.world.consumers.has(c.id)) fail('DUPLICATE_ID', { id: c.id }, `consumer "${c.id}" already exists`);
  if (!c.group || typeof c.group !== 'string') fail('INVALID_ARGUMENT', { field: 'group' }, 'a consumer needs a group');
  if (!Array.isArray(c.topics) || c.topics.length === 0) fail('INVALID_ARGUMENT', { field: 'topics' }, 'a consumer must subscribe to at least one topic');
  for (const t of c.topics) getTopic(sim, t);
  validateConsumerSettings(c);
}

/** Kafka consumer defaults, with session timeout and poll cadence shortened for lessons. */
export function addConsumer(sim: Sim, c: AddConsumer, service: string | null = null): ConsumerState {
  const consumer: ConsumerState = {
    id: c.id,
    group: c.group,
    topics: [...c.topics],
    assignor: c.assignor ?? 'range',
    autoOffsetReset: c.autoOffsetReset ?? 'latest',
    commitMode: c.commitMode ?? 'auto',
    autoCommitIntervalMs: c.autoCommitIntervalMs ?? 5000,
    sessionTimeoutMs: c.sessionTimeoutMs ?? 10_000,
    maxPollRecords: c.maxPollRecords ?? 500,
    pollIntervalMs: c.pollIntervalMs ?? 100,
    processingMs: c.processingMs ?? 0,
    service,
    alive: true,
    incarnation: ++sim.world.nextIncarnation,
    assigned: [],
    positions: new Map(),
    backlog: [],
    batchClock: 0,
    batchNo: 0,
    nextAutoCommitAt: sim.now + (c.autoCommitIntervalMs ?? 5000),
    busy: false,
    pollScheduled: false,
    pendingCommit: new Map(),
    isolationLevel: c.isolationLevel ?? 'read_uncommitted',
    abortedSkipped: 0,
    abortedRead: 0,
    transactionalId: null,
    assignedPartitions: null,
  };
  getOrCreateGroup(sim, c.group, consumer);
  sim.world.consumers.set(c.id, consumer);
  joinGroup(sim, consumer);
  return consumer;
}

export function getConsumer(sim: Sim, id: string): ConsumerState {
  const consumer = sim.world.consumers.get(id);
  if (!consumer) fail('UNKNOWN_CONSUMER', { id }, `consumer "${id}" does not exist`);
  return consumer;
}

/**
 * Graceful close: the records whose processing has ended are handled, what the commit mode allows
 * is committed, and the consumer leaves the group at once. Auto-commit commits on close what was
 * processed: Kafka's close() commits the positions of everything earlier polls returned
 * (ConsumerCoordinator.close -> maybeAutoCommitOffsetsSync), and an application closes from its
 * poll loop, between batches, so that is what it processed. afterProcess commits only a finished
 * batch (the application commits after the batch, which a close mid-batch never reached).
 */
export function removeConsumer(sim: Sim, id: string): void {
  const consumer = getConsumer(sim, id);
  if (consumer.alive) {
    const left = consumer.busy ? settleBatch(sim, consumer) : 0;
    if (!consumer.alive) {
      // It crashed while finishing its batch (database.ts): a dead process commits nothing.
    } else if (consumer.transactionalId !== null) {
      // A transactional instance commits a finished batch with its offsets, else aborts.
      if (left === 0) commitTransaction(sim, consumer, consumer.positions);
      else abortTransaction(sim, consumer);
    } else if (consumer.commitMode === 'auto') commitOffsets(sim, consumer, processedPositions(consumer));
    else if (consumer.commitMode === 'afterProcess' && left === 0) commitOffsets(sim, consumer, consumer.positions);
  }
  consumer.alive = false;
  consumer.incarnation = ++sim.world.nextIncarnation;
  sim.world.consumers.delete(id);
  leaveGroup(sim, consumer, 'left');
}

/** The process dies: records whose processing ended before now were handled (and what they
 * published stays published); nothing more is committed; the group only notices after
 * session.timeout.ms. */
export function crashConsumer(sim: Sim, id: string): void {
  const consumer = getConsumer(sim, id);
  if (!consumer.alive) return;
  if (consumer.busy) settleBatch(sim, consumer);
  // The batch's last record may have crashed the process already (database.ts crash points).
  if (consumer.alive) crashProcess(sim, consumer);
}

export function onSessionExpire(sim: Sim, id: string, incarnation: number): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.alive || consumer.incarnation !== incarnation) return;
  sim.world.consumers.delete(id);
  leaveGroup(sim, consumer, 'sessionTimeout');
}

/**
 * Like kafka-consumer-groups --reset-offsets, which refuses while the group has members ("Assignments
 * can only be reset if the group is inactive"): a running member would overwrite the new offsets
 * with its next commit. Crashed members count until their session times out, as in Kafka.
 */
export function validateResetOffsets(sim: Sim, c: ResetOffsets): void {
  const group = sim.world.groups.get(c.group);
  if (!group) fail('UNKNOWN_GROUP', { group: c.group }, `consumer group "${c.group}" does not exist`);
  getTopic(sim, c.topic);
  if (group.members.length > 0)
    fail(
      'GROUP_NOT_EMPTY',
      { group: c.group, members: group.members.length },
      `offsets of group "${c.group}" can only be reset while it has no members (it has ${group.members.length}): stop them first and wait for their session timeout, or rewind from inside the consumer with seek()`,
    );
  if (c.to !== 'earliest' && c.to !== 'latest' && !(typeof c.to === 'number' && Number.isInteger(c.to) && c.to >= 0))
    fail('INVALID_ARGUMENT', { field: 'to' }, `reset target must be "earliest", "latest" or an offset >= 0, got ${String(c.to)}`);
}

/** Writes the new committed offsets of an empty group; its next members start from them. */
export function resetOffsets(sim: Sim, c: ResetOffsets): void {
  const group = sim.world.groups.get(c.group)!;
  const topic = sim.world.topics.get(c.topic)!;
  const offsets: Record<string, number> = {};
  for (const id of group.members) {
    const m = sim.world.consumers.get(id);
    if (m?.alive && m.busy) settleBatch(sim, m);
  }
  for (const p of topic.partitions) {
    const tp = topicPartition(c.topic, p.id);
    const target =
      c.to === 'earliest' ? p.log.startOffset : c.to === 'latest' ? p.highWatermark : Math.min(Math.max(c.to, p.log.startOffset), p.highWatermark);
    group.committed.set(tp, target);
    offsets[tp] = target;
  }
  sim.emit({ type: 'offsetsReset', group: c.group, topic: c.topic, offsets });
}

/**
 * One turn of the poll loop: (auto-commit) fetch up to maxPollRecords from assigned partitions,
 * only below each partition's high watermark and only from partitions whose leader is up, then
 * process the batch (one agenda event for the whole batch, see processing.ts) and commit.
 * Plain consumers (no processing time) take records without looking at them.
 *
 * Auto-commit as the Java client does it: KafkaConsumer.poll() first runs the coordinator's
 * poll (ClassicKafkaConsumer.updateAssignmentMetadataIfNeeded -> ConsumerCoordinator.poll), which
 * ends with maybeAutoCommitOffsetsAsync(now): when auto.commit.interval.ms has passed since the
 * last auto-commit it commits subscriptions.allConsumed(), the positions after every record
 * earlier polls returned, and resets the timer from now. Only then are new records fetched. The
 * loop polls again only after processing its batch, so what is committed has been processed: a
 * crash re-delivers (at-least-once), it never skips. (Also on close and rebalance: see
 * removeConsumer and groups.ts revoke.)
 */
export function onPoll(sim: Sim, id: string, incarnation: number): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.incarnation !== incarnation) return;
  consumer.pollScheduled = false;
  if (!consumer.alive || consumer.busy) return;
  const group = sim.world.groups.get(consumer.group)!;
  if (group.state !== 'Stable' && group.assignor !== 'cooperative-sticky') return; // waits for the assignment
  if (consumer.commitMode === 'auto' && sim.now >= consumer.nextAutoCommitAt) {
    commitOffsets(sim, consumer, consumer.positions);
    consumer.nextAutoCommitAt = sim.now + consumer.autoCommitIntervalMs;
  }
  const readsOnly = consumer.processingMs === 0 && consumer.service === null;
  let remaining = consumer.maxPollRecords;
  const assigned = consumer.assigned;
  const partitions = assignedPartitions(sim, consumer);
  for (let i = 0; i < assigned.length; i++) {
    if (remaining <= 0) break;
    const tp = assigned[i];
    const p = partitions[i];
    if (!p || !leaderAvailable(sim, p)) continue;
    let pos = consumer.positions.get(tp) ?? startingPosition(sim, group, consumer, tp);
    if (pos < p.log.startOffset || pos > p.log.endOffset) {
      pos = consumer.autoOffsetReset === 'earliest' ? p.log.startOffset : p.highWatermark;
      sim.emit({ type: 'offsetOutOfRange', group: group.id, consumer: id, topic: p.topic, partition: p.id, resetTo: pos });
    }
    const from = pos;
    let next: number;
    if (p.txn !== null) {
      // Transactions wrote here: markers take offsets but are never delivered; read_committed
      // stops at the last stable offset and passes over aborted records.
      const txn = p.txn;
      const committedOnly = consumer.isolationLevel === 'read_committed';
      const until = committedOnly ? lastStableOffset(p) : p.highWatermark;
      next = p.log.scan(pos, until, remaining, (offset, key, value, headers, timestamp) => {
        if (txn.controls.has(offset)) return;
        if (txn.aborted.has(offset)) {
          if (committedOnly) {
            consumer.abortedSkipped++;
            return;
          }
          consumer.abortedRead++;
        }
        if (!readsOnly) consumer.backlog.push({ topic: p.topic, partition: p.id, offset, key, value, headers, attempt: Number(headers.attempt ?? 0), timestamp });
        remaining--;
      });
    } else if (readsOnly) {
      const taken = p.log.skip(pos, p.highWatermark, remaining);
      next = taken.next;
      remaining -= taken.count;
    } else {
      next = p.log.scan(pos, p.highWatermark, remaining, (offset, key, value, headers, timestamp) => {
        consumer.backlog.push({ topic: p.topic, partition: p.id, offset, key, value, headers, attempt: Number(headers.attempt ?? 0), timestamp });
        remaining--;
      });
    }
    consumer.positions.set(tp, next);
    if (next > from && !sim.unheard('delivered')) sim.emit({ type: 'delivered', group: group.id, consumer: id, topic: p.topic, partition: p.id, fromOffset: from, toOffset: next });
  }
  if (consumer.commitMode === 'beforeProcess' || (readsOnly && consumer.commitMode === 'afterProcess')) {
    commitOffsets(sim, consumer, consumer.positions);
  }
  if (consumer.backlog.length > 0) {
    consumer.busy = true;
    consumer.batchClock = sim.now;
    consumer.batchNo++;
    sim.schedule(nextCatchUp(consumer) - sim.now, { kind: 'processDone', consumer: id, incarnation, batch: consumer.batchNo });
  } else {
    consumer.pollScheduled = true;
    sim.schedule(consumer.pollIntervalMs, { kind: 'poll', consumer: id, incarnation });
  }
}

/**
 * The partition state of each assigned "topic-partition", in `assigned` order: worked out again
 * only when the assignment changes (a new array), not on every poll. Partition states are never
 * replaced (topics are not deleted; growing a topic adds states), so holding them is safe.
 */
function assignedPartitions(sim: Sim, consumer: ConsumerState): (PartitionState | undefined)[] {
  let cache = consumer.assignedPartitions;
  if (cache === null || cache.of !== consumer.assigned) {
    cache = consumer.assignedPartitions = { of: consumer.assigned, partitions: consumer.assigned.map((tp) => partitionOf(sim, tp)) };
  }
  return cache.partitions;
}

/** Catches the batch up (see processing.ts): while records remain, waits for the next catch-up;
 * once the batch is done, commits (afterProcess) and polls again. */
export function onProcessDone(sim: Sim, id: string, incarnation: number, batch: number): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.incarnation !== incarnation || !consumer.alive || !consumer.busy || consumer.batchNo !== batch) return;
  if (settleBatch(sim, consumer) > 0) {
    sim.schedule(nextCatchUp(consumer) - sim.now, { kind: 'processDone', consumer: id, incarnation, batch });
    return;
  }
  if (!consumer.alive) return; // crashed at a database crash point

  consumer.busy = false;
  if (consumer.transactionalId !== null) {
    if (!commitTransaction(sim, consumer, consumer.positions)) rewindToCommitted(sim, consumer);
  } else if (consumer.commitMode === 'afterProcess') commitOffsets(sim, consumer, consumer.positions);
  kickPoll(sim, consumer);
}

/** A crashed consumer process starts again and rejoins under the same id (as a consumer with a
 * static group.instance.id would), triggering a rebalance. */
export function restartConsumer(sim: Sim, id: string): void {
  const consumer = getConsumer(sim, id);
  if (consumer.alive) return;
  consumer.alive = true;
  consumer.incarnation = ++sim.world.nextIncarnation;
  consumer.assigned = [];
  consumer.positions.clear();
  consumer.pendingCommit.clear();
  consumer.nextAutoCommitAt = sim.now + consumer.autoCommitIntervalMs;
  const group = sim.world.groups.get(consumer.group)!;
  sim.emit({ type: 'consumerJoined', group: group.id, consumer: id });
  // The restarted process calls initTransactions with its transactional.id: fences its old self.
  // An instance its service no longer counts (the service was restarted meanwhile and a new
  // instance took its slot's id) gets an id of its own rather than fencing that new instance.
  const service = consumer.service !== null ? sim.world.services.get(consumer.service) : undefined;
  if (service && consumer.transactionalId !== null)
    initTransactions(sim, service, consumer, service.members.includes(id) ? consumer.transactionalId : `${id}-txn`);
  requestRebalance(sim, group, `${id} restarted`);
}

