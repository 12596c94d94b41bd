import type { AddPartitions, CreateTopic } from './commands';
import { fail } from './errors';
import { PartitionLog } from './log';
import { murmur2, murmur2String } from './murmur2';
import { PendingAcks } from './pendingAcks';
import { keepBatchesUpTo } from './producerSequences';
import type { BrokerState, PartitionState, ReplicaFetcher, Sim, TopicState } from './world';

const utf8 = new TextEncoder();
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Kafka's topic-name rule: 1-249 of [a-zA-Z0-9._-], and not "." or "..". */
export function validateTopicName(name: string): void {
  if (typeof name !== 'string' || !TOPIC_NAME.test(name) || name === '.' || name === '..')
    fail('INVALID_ARGUMENT', { field: 'name' }, `"${name}" is not a valid topic name: use 1-249 letters, digits, '.', '_' or '-'`);
}

export function getTopic(sim: Sim, name: string): TopicState {
  const topic = sim.world.topics.get(name);
  if (!topic) fail('UNKNOWN_TOPIC', { topic: name }, `topic "${name}" does not exist`);
  return topic;
}

export function validateCreateTopic(sim: Sim, c: CreateTopic): void {
  validateTopicName(c.name);
  if (sim.world.topics.has(c.name)) fail('TOPIC_EXISTS', { topic: c.name }, `topic "${c.name}" already exists`);
  positiveInt('partitions', c.partitions, 10_000);
  const rf = c.replicationFactor ?? 1;
  positiveInt('replicationFactor', rf, 64);
  if (rf > sim.cfg.brokers)
    fail('INVALID_ARGUMENT', { field: 'replicationFactor' }, `replication factor ${rf} is larger than the number of brokers (${sim.cfg.brokers})`);
  const minIsr = c.minInsyncReplicas ?? 1;
  positiveInt('minInsyncReplicas', minIsr, 64);
  if (c.retentionMs != null && !(c.retentionMs >= 0)) fail('INVALID_ARGUMENT', { field: 'retentionMs' }, 'retentionMs must be >= 0 or null');
  if (c.retentionBytes != null && !(c.retentionBytes >= 0)) fail('INVALID_ARGUMENT', { field: 'retentionBytes' }, 'retentionBytes must be >= 0 or null');
  if (c.cleanupPolicy !== undefined && c.cleanupPolicy !== 'delete' && c.cleanupPolicy !== 'compact')
    fail('INVALID_ARGUMENT', { field: 'cleanupPolicy' }, `cleanupPolicy must be "delete" or "compact", got "${c.cleanupPolicy}"`);
  if (c.segmentRecords !== undefined) positiveInt('segmentRecords', c.segmentRecords, 1e9);
}

export function createTopic(sim: Sim, c: CreateTopic): void {
  const topic: TopicState = {
    name: c.name,
    replicationFactor: c.replicationFactor ?? 1,
    minInsyncReplicas: c.minInsyncReplicas ?? 1,
    retentionMs: c.retentionMs ?? null,
    retentionBytes: c.retentionBytes ?? null,
    cleanupPolicy: c.cleanupPolicy ?? 'delete',
    segmentRecords: c.segmentRecords ?? 1000,
    deleteRetentionMs: c.deleteRetentionMs ?? 0,
    partitions: [],
  };
  sim.world.topics.set(c.name, topic);
  growPartitions(sim, topic, c.partitions);
  sim.emit({ type: 'topicCreated', topic: c.name, partitions: c.partitions, replicationFactor: topic.replicationFactor });
}

export function validateAddPartitions(sim: Sim, c: AddPartitions): void {
  const topic = getTopic(sim, c.topic);
  positiveInt('partitions', c.partitions, 10_000);
  if (c.partitions <= topic.partitions.length)
    fail('INVALID_ARGUMENT', { field: 'partitions' }, `topic "${c.topic}" has ${topic.partitions.length} partitions; Kafka can only increase the count`);
}

export function addPartitions(sim: Sim, c: AddPartitions): void {
  const topic = getTopic(sim, c.topic);
  growPartitions(sim, topic, c.partitions);
  sim.emit({ type: 'partitionsAdded', topic: c.topic, partitions: c.partitions });
}

/** Replica placement: round-robin over brokers from a per-topic start, like Kafka's rack-unaware
 * assignment, so leaders spread across the cluster. */
function growPartitions(sim: Sim, topic: TopicState, total: number): void {
  const brokers = sim.cfg.brokers;
  const start = (murmur2(utf8.encode(topic.name)) & 0x7fffffff) % brokers;
  for (let p = topic.partitions.length; p < total; p++) {
    const replicas: number[] = [];
    for (let r = 0; r < topic.replicationFactor; r++) replicas.push((start + p + r) % brokers);
    const live = replicas.filter((b) => sim.world.brokers[b].up);
    const partition: PartitionState = {
      topic: topic.name,
      id: p,
      log: new PartitionLog(topic.segmentRecords),
      replicas,
      leader: live.length ? live[0] : -1,
      leaderEpoch: 0,
      isr: live.length ? live : [replicas[0]],
      replicaLeo: new Array<number>(brokers).fill(0),
      reportedLeo: new Array<number>(brokers).fill(0),
      highWatermark: 0,
      fetchScheduled: false,
      pendingAcks: new PendingAcks(),
      producerSequences: new Map(),
      txn: null,
    };
    topic.partitions.push(partition);
  }
}

/** The partition's leader is a live broker that can take writes and serve reads. */
export function leaderAvailable(sim: Sim, p: PartitionState): boolean {
  return p.leader >= 0 && sim.world.brokers[p.leader].up;
}

/** A broker as the cluster starts: up, with no fetch round on the agenda. */
export function newBroker(id: number): BrokerState {
  return { id, up: true, incarnation: 0, fenced: false, fetcher: { kind: 'replicaFetch', broker: id, scheduled: false, due: [], spare: [] } };
}

/** Called after the leader appends: followers will copy the new records in their next fetch
 * from that leader, at most replicaFetchMs away. */
export function scheduleReplication(sim: Sim, p: PartitionState): void {
  if (p.replicas.length === 1) {
    advanceHighWatermark(sim, p);
    return;
  }
  // Without a leader there is nothing to fetch from; electing one schedules a round again.
  if (p.fetchScheduled || p.leader < 0) return;
  p.fetchScheduled = true;
  const fetcher = sim.world.brokers[p.leader].fetcher;
  fetcher.due.push(p);
  if (fetcher.scheduled) return;
  fetcher.scheduled = true;
  sim.schedule(sim.cfg.replicaFetchMs, fetcher);
}

/**
 * One round of the followers' fetches from a leader: each listed partition's round, in the order
 * they were listed. A partition listed during the round (its followers copied records the leader
 * has not heard about yet) goes to the next round.
 */
export function onReplicaFetch(sim: Sim, fetcher: ReplicaFetcher): void {
  fetcher.scheduled = false;
  const due = fetcher.due;
  fetcher.due = fetcher.spare;
  fetcher.spare = due;
  for (let i = 0; i < due.length; i++) {
    const p = due[i];
    p.fetchScheduled = false;
    fetchPartition(sim, p);
  }
  due.length = 0;
}

/**
 * One partition's part of a fetch round, as Kafka followers do it: each live follower's fetch
 * request tells the leader how far it got last time (so the leader can advance the high watermark
 * and grow the ISR), and the response gives it the records appended since. Rounds repeat while
 * followers have copied records the leader has not yet heard about. (A partition whose leader
 * changed since it was listed is fetched from its new leader.)
 */
function fetchPartition(sim: Sim, p: PartitionState): void {
  if (!leaderAvailable(sim, p)) return;
  const leo = p.log.endOffset;
  let unreported = false;
  for (const b of p.replicas) {
    if (b === p.leader || !sim.world.brokers[b].up) continue;
    const had = p.replicaLeo[b];
    p.reportedLeo[b] = had;
    // Kafka adds a follower back to the ISR once its log end reaches the high watermark.
    if (!p.isr.includes(b) && had >= p.highWatermark) p.isr = p.replicas.filter((r) => r === b || p.isr.includes(r));
    p.replicaLeo[b] = leo;
    if (leo > had) unreported = true;
  }
  advanceHighWatermark(sim, p);
  if (unreported) scheduleReplication(sim, p);
}

/** HW = the smallest log end offset the leader knows of among in-sync replicas; it only moves
 * forward. Releases acks=all requests the new HW covers. */
export function advanceHighWatermark(sim: Sim, p: PartitionState): void {
  if (!leaderAvailable(sim, p)) return;
  p.replicaLeo[p.leader] = p.log.endOffset;
  p.reportedLeo[p.leader] = p.log.endOffset;
  let hw = Infinity;
  const isr = p.isr;
  for (let i = 0; i < isr.length; i++) hw = Math.min(hw, p.reportedLeo[isr[i]]);
  if (!(hw > p.highWatermark)) return;
  p.highWatermark = hw;
  if (!sim.unheard('replicated')) sim.emit({ type: 'replicated', topic: p.topic, partition: p.id, highWatermark: hw, isr: [...p.isr] });
  // Answer the covered requests in their order and keep the rest (this runs on every high
  // watermark move: nothing is allocated but the answers).
  p.pendingAcks.release(hw, sim, answerProduce);
}

/** The leader's answer to an acks=all request the high watermark now covers. */
function answerProduce(sim: Sim, request: number, sendNo: number, baseOffset: number): void {
  sim.schedule(sim.cfg.networkLatencyMs, { kind: 'produceResponse', request, sendNo, error: null, baseOffset });
}

export function failBroker(sim: Sim, id: number): void {
  const broker = sim.world.brokers[id];
  broker.up = false;
  broker.incarnation++;
  sim.emit({ type: 'brokerFailed', broker: id });
  sim.schedule(sim.cfg.brokerSessionTimeoutMs, { kind: 'brokerFence', broker: id, incarnation: broker.incarnation });
}

/** The controller notices the dead broker: it leaves every ISR and its partitions get new leaders. */
export function onBrokerFence(sim: Sim, id: number, incarnation: number): void {
  const broker = sim.world.brokers[id];
  if (broker.up || broker.incarnation !== incarnation) return;
  broker.fenced = true;
  sim.emit({ type: 'brokerFenced', broker: id });
  for (const topic of sim.world.topics.values()) {
    for (const p of topic.partitions) {
      if (!p.replicas.includes(id)) continue;
      // Kafka never shrinks the ISR to empty: the last member stays so it can lead again cleanly.
      if (p.isr.includes(id) && p.isr.length > 1) p.isr = p.isr.filter((b) => b !== id);
      if (p.leader === id) electLeader(sim, p);
      else advanceHighWatermark(sim, p);
    }
  }
}

/**
 * Picks the first live in-sync replica in preference order (clean election); with
 * uncleanLeaderElection, any live replica. The log is truncated to what the new leader has:
 * records above its log end offset were never copied to it and are gone.
 */
function electLeader(sim: Sim, p: PartitionState): void {
  const up = (b: number) => sim.world.brokers[b].up;
  let leader = p.replicas.find((b) => up(b) && p.isr.includes(b));
  let unclean = false;
  if (leader === undefined && sim.cfg.uncleanLeaderElection) {
    leader = p.replicas.find(up);
    unclean = leader !== undefined;
  }
  p.pendingAcks.clear();
  if (leader === undefined) {
    p.leader = -1;
    sim.emit({ type: 'partitionOffline', topic: p.topic, partition: p.id });
    return;
  }
  const newEnd = p.replicaLeo[leader];
  const truncated = p.log.truncateTo(newEnd);
  // A request whose earlier copy was cut here has not been written at all (see ProduceRequest).
  if (truncated > 0) for (const r of sim.world.inFlight.list()) if (r.topic === p.topic && r.partition === p.id && r.appendedAt >= newEnd) r.appendedAt = -1;
  for (const sequences of p.producerSequences.values()) keepBatchesUpTo(sequences, p.log.endOffset);
  p.leader = leader;
  p.leaderEpoch++;
  if (unclean) p.isr = [leader];
  // Replicas ahead of the new leader truncate to it; the new leader starts out knowing where
  // each replica stands (Kafka learns this on the first fetch of the new epoch).
  for (const b of p.replicas) {
    const leo = p.replicaLeo[b];
    p.replicaLeo[b] = Math.min(leo, p.log.endOffset);
    p.reportedLeo[b] = Math.min(leo, p.log.endOffset);
  }
  if (p.highWatermark > p.log.endOffset) p.highWatermark = p.log.endOffset;
  sim.emit({ type: 'leaderElected', topic: p.topic, partition: p.id, leader, epoch: p.leaderEpoch, unclean, truncated });
  advanceHighWatermark(sim, p);
  scheduleReplication(sim, p);
}

export function recoverBroker(sim: Sim, id: number): void {
  const broker = sim.world.brokers[id];
  broker.up = true;
  broker.fenced = false;
  broker.incarnation++;
  sim.emit({ type: 'brokerRecovered', broker: id });
  for (const topic of sim.world.topics.values()) {
    for (const p of topic.partitions) {
      if (!p.replicas.includes(id)) continue;
      // A returning replica truncates to what the current log holds, then catches up by fetching.
      p.replicaLeo[id] = Math.min(p.replicaLeo[id], p.log.endOffset);
      p.reportedLeo[id] = Math.min(p.reportedLeo[id], p.log.endOffset);
      if (p.leader === -1 || (p.leader === id && !p.isr.includes(id))) electLeader(sim, p);
      else if (p.leader === id) {
        // It led and was never replaced (recovered before being fenced): it simply resumes.
        advanceHighWatermark(sim, p);
      }
      scheduleReplication(sim, p);
    }
  }
}

export function validateBroker(sim: Sim, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= sim.world.brokers.length)
    fail('UNKNOWN_BROKER', { broker: id }, `broker ${id} does not exist (brokers are 0..${sim.world.brokers.length - 1})`);
}

/** murmur2 of a key's UTF-8 bytes, made positive: Kafka's default partitioner hashes this. */
export const keyHash = (key: string): number => murmur2String(key) & 0x7fffffff;

/**
 * Keys whose hash is cached. Small on purpose: a handful of repeating keys (customers, sensors)
 * is where a cache pays; a stream of unique keys (order ids) would only fill it, and a lookup in
 * a Map of a hundred thousand strings costs several cache misses, more than hashing the key again.
 */
const KEY_HASH_CACHE = 2048;

/** The partition a key maps to now (Kafka's default partitioner; the hash is cached per key,
 * the partition derived per call because a topic's partition count can grow). */
export function partitionOfKey(sim: Sim, topic: TopicState, key: string): number {
  const cache = sim.world.keyHashes;
  // Once full, the cache is not looked in: the first lookup of a fresh string is the costly part
  // (V8 computes and stores the string's own hash), so a stream of new keys skips it altogether.
  if (cache.size >= KEY_HASH_CACHE) return keyHash(key) % topic.partitions.length;
  let hash = cache.get(key);
  if (hash === undefined) {
    hash = keyHash(key);
    cache.set(key, hash);
  }
  return hash % topic.partitions.length;
}

export function positiveInt(name: string, value: unknown, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    fail('INVALID_ARGUMENT', { field: name }, `${name} must be a whole number from 1 to ${max}, got ${String(value)}`);
}
