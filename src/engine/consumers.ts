import { getTopic, leaderAvailable, positiveInt } from './cluster';
import type { AddConsumer, ConsumerSettings, ResetOffsets } from './commands';
import { fail } from './errors';
import { getOrCreateGroup, joinGroup, kickPoll, leaveGroup, partitionOf, requestRebalance, startingPosition } from './groups';
import { commitOffsets } from './offsets';
import type { ConsumerState, DeliveredRecord, Sim } from './world';
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
    busy: false,
    pollScheduled: false,
    pendingCommit: new Map(),
  };
  getOrCreateGroup(sim, c.group, consumer);
  sim.world.consumers.set(c.id, consumer);
  joinGroup(sim, consumer);
  scheduleAutoCommit(sim, consumer);
  return consumer;
}

export function getConsumer(sim: Sim, id: string): ConsumerState {
  const consumer = sim.world.consumers.get(id);
  if (!consumer) fail('UNKNOWN_CONSUMER', { id }, `consumer "${id}" does not exist`);
  return consumer;
}

/** Graceful close: commit what the commit mode allows, then leave the group at once. */
export function removeConsumer(sim: Sim, id: string): void {
  const consumer = getConsumer(sim, id);
  if (consumer.alive) {
    if (consumer.commitMode === 'auto') commitOffsets(sim, consumer, consumer.positions);
    else if (consumer.commitMode === 'afterProcess' && !consumer.busy) commitOffsets(sim, consumer, consumer.positions);
  }
  consumer.alive = false;
  consumer.incarnation = ++sim.world.nextIncarnation;
  sim.world.consumers.delete(id);
  leaveGroup(sim, consumer, 'left');
}

/** The process dies: nothing is committed, the group only notices after session.timeout.ms. */
export function crashConsumer(sim: Sim, id: string): void {
  const consumer = getConsumer(sim, id);
  if (!consumer.alive) return;
  consumer.alive = false;
  consumer.incarnation = ++sim.world.nextIncarnation;
  consumer.backlog = [];
  consumer.busy = false;
  consumer.pollScheduled = false;
  sim.emit({ type: 'consumerCrashed', group: consumer.group, consumer: id });
  sim.schedule(consumer.sessionTimeoutMs, { kind: 'sessionExpire', consumer: id, incarnation: consumer.incarnation });
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
 * One poll: fetch up to maxPollRecords from assigned partitions, only below each partition's
 * high watermark and only from partitions whose leader is up. Plain consumers (no processing
 * time) take records without looking at them; others queue them and process one by one.
 */
export function onPoll(sim: Sim, id: string, incarnation: number): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.incarnation !== incarnation) return;
  consumer.pollScheduled = false;
  if (!consumer.alive || consumer.busy) return;
  const group = sim.world.groups.get(consumer.group)!;
  if (group.state !== 'Stable' && group.assignor !== 'cooperative-sticky') return; // waits for the assignment
  const readsOnly = consumer.processingMs === 0 && consumer.service === null;
  let remaining = consumer.maxPollRecords;
  for (const tp of consumer.assigned) {
    if (remaining <= 0) break;
    const p = partitionOf(sim, tp);
    if (!p || !leaderAvailable(sim, p)) continue;
    let pos = consumer.positions.get(tp) ?? startingPosition(sim, group, consumer, tp);
    if (pos < p.log.startOffset || pos > p.log.endOffset) {
      pos = consumer.autoOffsetReset === 'earliest' ? p.log.startOffset : p.highWatermark;
      sim.emit({ type: 'offsetOutOfRange', group: group.id, consumer: id, topic: p.topic, partition: p.id, resetTo: pos });
    }
    const from = pos;
    let next: number;
    if (readsOnly) {
      const taken = p.log.skip(pos, p.highWatermark, remaining);
      next = taken.next;
      remaining -= taken.count;
    } else {
      next = p.log.scan(pos, p.highWatermark, remaining, (offset, key, value, headers) => {
        consumer.backlog.push({ topic: p.topic, partition: p.id, offset, key, value, headers, attempt: Number(headers.attempt ?? 0) });
        remaining--;
      });
    }
    consumer.positions.set(tp, next);
    if (next > from) sim.emit({ type: 'delivered', group: group.id, consumer: id, topic: p.topic, partition: p.id, fromOffset: from, toOffset: next });
  }
  if (consumer.commitMode === 'beforeProcess' || (readsOnly && consumer.commitMode === 'afterProcess')) {
    commitOffsets(sim, consumer, consumer.positions);
  }
  if (consumer.backlog.length > 0) {
    consumer.busy = true;
    sim.schedule(consumer.processingMs, { kind: 'processDone', consumer: id, incarnation });
  } else {
    consumer.pollScheduled = true;
    sim.schedule(consumer.pollIntervalMs, { kind: 'poll', consumer: id, incarnation });
  }
}

/**
 * What a service does with one record: 'retryInPlace' keeps it at the head of the backlog to be
 * processed again. The dispatcher hands the services' handler in, so consumers need not know
 * services (which are built from consumers).
 */
export type RecordHandler = (sim: Sim, consumer: ConsumerState, record: DeliveredRecord) => 'done' | 'retryInPlace';

/** The record at the head of the backlog finished processing (or failed and is retried). Records
 * of a service's instances go to `handleServiceRecord`; a plain consumer just marks them processed. */
export function onProcessDone(sim: Sim, id: string, incarnation: number, handleServiceRecord: RecordHandler): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.incarnation !== incarnation || !consumer.alive) return;
  const record = consumer.backlog[0];
  if (!record) {
    consumer.busy = false;
    kickPoll(sim, consumer);
    return;
  }
  const outcome = consumer.service !== null ? handleServiceRecord(sim, consumer, record) : processPlain(sim, consumer, record);
  if (outcome !== 'retryInPlace') consumer.backlog.shift();
  if (consumer.backlog.length > 0) {
    sim.schedule(consumer.processingMs, { kind: 'processDone', consumer: id, incarnation });
    return;
  }
  consumer.busy = false;
  if (consumer.commitMode === 'afterProcess') commitOffsets(sim, consumer, consumer.positions);
  kickPoll(sim, consumer);
}

function processPlain(sim: Sim, consumer: ConsumerState, r: DeliveredRecord): 'done' {
  sim.emit({
    type: 'processed',
    group: consumer.group,
    consumer: consumer.id,
    service: null,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    outcome: 'ok',
  });
  return 'done';
}

function scheduleAutoCommit(sim: Sim, consumer: ConsumerState): void {
  if (consumer.commitMode !== 'auto') return;
  sim.schedule(consumer.autoCommitIntervalMs, { kind: 'autoCommit', consumer: consumer.id, incarnation: consumer.incarnation });
}

export function onAutoCommit(sim: Sim, id: string, incarnation: number): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.incarnation !== incarnation || !consumer.alive) return;
  commitOffsets(sim, consumer, consumer.positions);
  scheduleAutoCommit(sim, consumer);
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
  const group = sim.world.groups.get(consumer.group)!;
  sim.emit({ type: 'consumerJoined', group: group.id, consumer: id });
  requestRebalance(sim, group, `${id} restarted`);
  scheduleAutoCommit(sim, consumer);
}
