import { assignPartitions } from './assignors';
import { commitOffsets } from './offsets';
import { processedPositions, settleBatch } from './processing';
import { commitTransaction } from './transactions';
import type { ConsumerState, GroupState, Sim } from './world';
import { partitionNumberOf, topicOfPartition, topicPartition } from './topicPartition';

export function getOrCreateGroup(sim: Sim, id: string, consumer: ConsumerState): GroupState {
  let group = sim.world.groups.get(id);
  if (!group) {
    group = {
      id,
      generation: 0,
      state: 'Empty',
      assignor: consumer.assignor,
      autoOffsetReset: consumer.autoOffsetReset,
      members: [],
      committed: new Map(),
      rebalanceToken: 0,
      lastAssignment: {},
    };
    sim.world.groups.set(id, group);
  }
  if (group.members.length === 0) group.assignor = consumer.assignor;
  return group;
}

export function joinGroup(sim: Sim, consumer: ConsumerState): void {
  const group = getOrCreateGroup(sim, consumer.group, consumer);
  group.members.push(consumer.id);
  sim.emit({ type: 'consumerJoined', group: group.id, consumer: consumer.id });
  requestRebalance(sim, group, `${consumer.id} joined`);
}

export function leaveGroup(sim: Sim, consumer: ConsumerState, reason: 'left' | 'sessionTimeout'): void {
  const group = sim.world.groups.get(consumer.group);
  if (!group) return;
  group.members = group.members.filter((m) => m !== consumer.id);
  sim.emit({ type: 'consumerLeft', group: group.id, consumer: consumer.id, reason });
  requestRebalance(sim, group, reason === 'left' ? `${consumer.id} left` : `${consumer.id}'s session timed out`);
}

const isCooperative = (group: GroupState) => group.assignor === 'cooperative-sticky';

/**
 * Starts a rebalance. Eager assignors (range, roundrobin, sticky) stop the world: every live
 * member commits and gives up all its partitions now, and consumes nothing until the new
 * assignment. Cooperative-sticky members keep consuming; only partitions that move are revoked,
 * when the assignment arrives.
 */
export function requestRebalance(sim: Sim, group: GroupState, reason: string): void {
  group.state = 'PreparingRebalance';
  group.rebalanceToken++;
  sim.emit({ type: 'rebalanceStarted', group: group.id, reason });
  if (!isCooperative(group)) {
    for (const id of group.members) {
      const consumer = sim.world.consumers.get(id);
      if (consumer?.alive) revoke(sim, group, consumer, consumer.assigned);
    }
  }
  sim.schedule(sim.cfg.rebalanceMs, { kind: 'rebalance', group: group.id, token: group.rebalanceToken });
}

/**
 * Gives partitions up: handles the records whose processing ended before now, commits what is
 * safe to commit for the partitions, forgets their positions and any fetched-but-unprocessed
 * records (they will be fetched again by the next owner). Auto-commit commits what was processed:
 * Kafka's consumer commits on a rebalance in ConsumerCoordinator.onJoinPrepare, which runs inside
 * poll(), between two batches, where the positions are exactly what was processed.
 */
function revoke(sim: Sim, group: GroupState, consumer: ConsumerState, partitions: string[]): void {
  if (partitions.length === 0) return;
  const gone = new Set(partitions);
  if (consumer.busy && consumer.alive) settleBatch(sim, consumer);
  // A crashed member (still in the group until its session times out) commits nothing.
  if (consumer.alive && consumer.transactionalId !== null) {
    // Kafka Streams commits its transaction when partitions are revoked: the outputs of every
    // record processed so far, with all their input offsets (not only the revoked partitions').
    if (!commitTransaction(sim, consumer, processedPositions(consumer))) rewindToCommitted(sim, consumer);
  } else if (consumer.alive && (consumer.commitMode === 'auto' || consumer.commitMode === 'afterProcess'))
    commitOffsets(sim, consumer, processedPositions(consumer, gone));
  consumer.backlog = consumer.backlog.filter((r) => !gone.has(topicPartition(r.topic, r.partition)));
  if (consumer.backlog.length === 0) consumer.busy = false;
  for (const tp of gone) {
    consumer.positions.delete(tp);
    consumer.pendingCommit.delete(tp);
  }
  consumer.assigned = consumer.assigned.filter((tp) => !gone.has(tp));
  void group;
}

export function onRebalance(sim: Sim, groupId: string, token: number): void {
  const group = sim.world.groups.get(groupId);
  if (!group || group.rebalanceToken !== token) return;
  if (group.members.length === 0) {
    group.state = 'Empty';
    group.generation++;
    group.lastAssignment = {};
    sim.emit({ type: 'rebalanced', group: group.id, generation: group.generation, assignor: group.assignor, assignment: {} });
    return;
  }
  const members = group.members.map((id) => sim.world.consumers.get(id)!);
  const partitionsPerTopic: Record<string, number> = {};
  for (const m of members)
    for (const t of m.topics) {
      const topic = sim.world.topics.get(t);
      if (topic) partitionsPerTopic[t] = topic.partitions.length;
    }
  // Sticky assignors need what each member owned before this rebalance; eager members have
  // already revoked everything, so that comes from the group's previous assignment (Kafka carries
  // it in the members' subscription user data).
  const assignment = assignPartitions(
    group.assignor,
    members.map((m) => ({ id: m.id, topics: m.topics, owned: group.lastAssignment[m.id] ?? [] })),
    partitionsPerTopic,
  );
  group.generation++;
  group.state = 'Stable';
  group.lastAssignment = assignment;
  for (const m of members) {
    const next = assignment[m.id] ?? [];
    const keep = new Set(next);
    revoke(sim, group, m, m.assigned.filter((tp) => !keep.has(tp)));
    for (const tp of next) if (!m.positions.has(tp)) m.positions.set(tp, startingPosition(sim, group, m, tp));
    m.assigned = next;
  }
  sim.emit({ type: 'rebalanced', group: group.id, generation: group.generation, assignor: group.assignor, assignment });
  if (isCooperative(group)) {
    // Partitions withheld while their old owner revoked them get assigned in a follow-up round.
    const assigned = Object.values(assignment).reduce((n, tps) => n + tps.length, 0);
    const total = Object.values(partitionsPerTopic).reduce((n, c) => n + c, 0);
    if (assigned < total) requestRebalance(sim, group, 'cooperative follow-up');
  }
  for (const m of members) if (m.alive) kickPoll(sim, m);
}

/** The committed offset if the group has one, else auto.offset.reset: earliest = log start
 * offset, latest = high watermark (what ListOffsets returns for read_uncommitted). */
export function startingPosition(sim: Sim, group: GroupState, consumer: ConsumerState, tp: string): number {
  const committed = group.committed.get(tp);
  if (committed !== undefined) return committed;
  const p = partitionOf(sim, tp);
  if (!p) return 0;
  return consumer.autoOffsetReset === 'earliest' ? p.log.startOffset : p.highWatermark;
}

export function partitionOf(sim: Sim, tp: string) {
  return sim.world.topics.get(topicOfPartition(tp))?.partitions[partitionNumberOf(tp)];
}

export function kickPoll(sim: Sim, consumer: ConsumerState): void {
  if (consumer.pollScheduled || !consumer.alive) return;
  consumer.pollScheduled = true;
  sim.schedule(0, { kind: 'poll', consumer: consumer.id, incarnation: consumer.incarnation });
}

/** A topic grew: groups subscribed to it rebalance to pick up the new partitions. */
export function onPartitionsAdded(sim: Sim, topic: string): void {
  for (const group of sim.world.groups.values()) {
    const subscribed = group.members.some((id) => sim.world.consumers.get(id)?.topics.includes(topic));
    if (subscribed) requestRebalance(sim, group, `topic ${topic} gained partitions`);
  }
}

/** A transaction could not commit: its records were aborted, so the instance goes back to the
 * committed offsets and processes those records again. */
export function rewindToCommitted(sim: Sim, consumer: ConsumerState): void {
  const group = sim.world.groups.get(consumer.group)!;
  consumer.backlog = [];
  consumer.busy = false;
  for (const tp of consumer.assigned) consumer.positions.set(tp, startingPosition(sim, group, consumer, tp));
}
