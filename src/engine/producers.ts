import { getTopic, keyHash, leaderAvailable, partitionOfKey, positiveInt, scheduleReplication } from './cluster';
import type { AddProducer, KeyPattern, Produce, ProducerSettings } from './commands';
import { fail } from './errors';
import { estimateSize, NO_HEADERS } from './log';
import { awaitsAnswer, watchProduceTimeout } from './produceTimeouts';
import { lastSequence, newProducerSequences, rememberBatch, type ProducerSequences } from './producerSequences';
import { enforceRecordLimit } from './retention';
import { generatedValue, hashText, VALUE_MODELS } from './values';
import { SET_BY_EMIT, type ProduceError, type TraceBody } from './trace';
import type { Headers } from './types';
import type { PartitionState, PendingBatch, ProduceRequest, ProducerState, Sim, TopicAccumulator, TopicState } from './world';
import { topicPartition } from './topicPartition';

/** The producer `produce` commands use when they name none (like kafka-console-producer). */
export const DEFAULT_PRODUCER = 'console-producer';

/** Kafka 4 producer defaults: acks=all, idempotence on, linger 5 ms, batch.size 16 KiB. */
const DEFAULTS = {
  acks: 'all',
  retries: 2147483647,
  retryBackoffMs: 100,
  requestTimeoutMs: 30_000,
  deliveryTimeoutMs: 120_000,
  idempotent: true,
  lingerMs: 5,
  batchSizeBytes: 16_384,
} as const;

export function validateProducerSettings(s: ProducerSettings): void {
  if (s.acks !== undefined && s.acks !== 0 && s.acks !== 1 && s.acks !== 'all')
    fail('INVALID_ARGUMENT', { field: 'acks' }, `acks must be 0, 1 or "all", got ${String(s.acks)}`);
  if (s.idempotent && s.acks !== undefined && s.acks !== 'all')
    fail('INVALID_ARGUMENT', { field: 'idempotent' }, 'an idempotent producer needs acks="all" (as Kafka requires)');
  for (const key of ['retries', 'retryBackoffMs', 'requestTimeoutMs', 'deliveryTimeoutMs', 'lingerMs', 'batchSizeBytes'] as const) {
    const v = s[key];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && Number.isFinite(v)))
      fail('INVALID_ARGUMENT', { field: key }, `${key} must be a number >= 0, got ${String(v)}`);
  }
}

export function validateAddProducer(sim: Sim, c: AddProducer): void {
  if (!c.id || typeof c.id !== 'string') fail('INVALID_ARGUMENT', { field: 'id' }, 'a producer needs an id');
  if (sim.world.producers.get(c.id)?.removed === false) fail('DUPLICATE_ID', { id: c.id }, `producer "${c.id}" already exists`);
  getTopic(sim, c.topic);
  validateProducerSettings(c);
  if (c.ratePerSec !== undefined && !(c.ratePerSec >= 0 && c.ratePerSec <= 1e9))
    fail('INVALID_ARGUMENT', { field: 'ratePerSec' }, `ratePerSec must be from 0 to 1e9, got ${c.ratePerSec}`);
  if (c.keys) validateKeyPattern(c.keys);
  if (c.values !== undefined && !VALUE_MODELS.includes(c.values)) fail('INVALID_ARGUMENT', { field: 'values' }, `unknown value model "${String(c.values)}"`);
  if (c.schemaId !== undefined && !(Number.isInteger(c.schemaId) && c.schemaId >= 1))
    fail('INVALID_ARGUMENT', { field: 'schemaId' }, `schemaId must be a whole number from 1, got ${String(c.schemaId)}`);
}

/** The headers every generated record of the producer carries: its event type and writer schema id. */
function generatedHeaders(c: AddProducer): Headers {
  if (c.schemaId === undefined) return c.eventType ? Object.freeze({ type: c.eventType }) : NO_HEADERS;
  return Object.freeze({ ...(c.eventType ? { type: c.eventType } : {}), schemaId: String(c.schemaId) });
}

function validateKeyPattern(k: KeyPattern): void {
  if (k.kind === 'cycle' && (!Array.isArray(k.keys) || k.keys.length === 0))
    fail('INVALID_ARGUMENT', { field: 'keys' }, 'a cycling key pattern needs at least one key');
  if (k.kind === 'random') positiveInt('keys.count', k.count, 1e9);
  if (!['none', 'fixed', 'cycle', 'random', 'sequence'].includes(k.kind)) fail('INVALID_ARGUMENT', { field: 'keys' }, `unknown key pattern "${(k as { kind: string }).kind}"`);
}

export function addProducer(sim: Sim, c: AddProducer): ProducerState {
  const idempotent = c.idempotent ?? (c.acks === undefined || c.acks === 'all' ? DEFAULTS.idempotent : false);
  const producer: ProducerState = {
    id: c.id,
    topic: c.topic,
    acks: c.acks ?? DEFAULTS.acks,
    retries: c.retries ?? DEFAULTS.retries,
    retryBackoffMs: c.retryBackoffMs ?? DEFAULTS.retryBackoffMs,
    requestTimeoutMs: c.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    deliveryTimeoutMs: c.deliveryTimeoutMs ?? DEFAULTS.deliveryTimeoutMs,
    idempotent,
    lingerMs: c.lingerMs ?? DEFAULTS.lingerMs,
    batchSizeBytes: c.batchSizeBytes ?? DEFAULTS.batchSizeBytes,
    ratePerSec: c.ratePerSec ?? 0,
    keys: c.keys ?? { kind: 'none' },
    keyCache: [],
    keyHashCache: [],
    eventType: c.eventType ?? null,
    headers: generatedHeaders(c),
    values: c.values ?? 'counter',
    valuesHash: hashText(c.id),
    carry: 0,
    generated: 0,
    tickScheduled: false,
    flushScheduled: false,
    accumulator: new Map(),
    window: [],
    windowLength: 0,
    sticky: new Map(),
    nextSeq: new Map(),
    epochs: new Map(),
    retrying: new Map(),
    held: new Map(),
    stats: { sent: 0, acked: 0, failed: 0 },
    resends: { notRewritten: 0, writtenTwice: 0 },
    removed: false,
  };
  sim.world.producers.set(c.id, producer);
  scheduleTick(sim, producer);
  return producer;
}

export function setProducerRate(sim: Sim, id: string, rate: number): void {
  const producer = getProducer(sim, id);
  if (!(rate >= 0 && rate <= 1e9)) fail('INVALID_ARGUMENT', { field: 'ratePerSec' }, `ratePerSec must be from 0 to 1e9, got ${rate}`);
  producer.ratePerSec = rate;
  scheduleTick(sim, producer);
}

export function removeProducer(sim: Sim, id: string): void {
  const producer = getProducer(sim, id);
  producer.removed = true;
  producer.ratePerSec = 0;
}

export function getProducer(sim: Sim, id: string): ProducerState {
  const producer = sim.world.producers.get(id);
  if (!producer || producer.removed) fail('UNKNOWN_PRODUCER', { id }, `producer "${id}" does not exist`);
  return producer;
}

export function validateProduce(sim: Sim, c: Produce): void {
  const topic = getTopic(sim, c.topic);
  if (c.key != null && typeof c.key !== 'string') fail('INVALID_ARGUMENT', { field: 'key' }, 'a record key must be a string or null');
  if (c.partition !== undefined && !(Number.isInteger(c.partition) && c.partition >= 0 && c.partition < topic.partitions.length))
    fail('INVALID_ARGUMENT', { field: 'partition' }, `topic "${c.topic}" has no partition ${c.partition}`);
  if (c.producer !== undefined) {
    const p = sim.world.producers.get(c.producer);
    if (p?.removed) fail('UNKNOWN_PRODUCER', { id: c.producer }, `producer "${c.producer}" was removed`);
  }
}

/** One explicit record (a learner pressing "produce"). */
export function produceOne(sim: Sim, c: Produce): void {
  const id = c.producer ?? DEFAULT_PRODUCER;
  const producer = sim.world.producers.get(id) ?? addProducer(sim, { type: 'addProducer', id, topic: c.topic });
  const headers: Headers = c.eventType || c.headers ? Object.freeze({ ...c.headers, ...(c.eventType ? { type: c.eventType } : {}) }) : NO_HEADERS;
  send(sim, producer, c.topic, c.key ?? null, c.value ?? null, headers, c.partition);
}

/**
 * Hands a record to the producer's accumulator, choosing its partition the way Kafka's default
 * partitioner does: by murmur2 of the key, or for keyless records the sticky partition.
 */
export function send(
  sim: Sim,
  producer: ProducerState,
  topicName: string,
  key: string | null,
  value: unknown,
  headers: Headers,
  explicitPartition?: number,
  hash = -1,
): void {
  const topic = sim.world.topics.get(topicName)!;
  const size = estimateSize(key, value);
  let partition: number;
  if (explicitPartition !== undefined) partition = explicitPartition;
  else if (hash >= 0) partition = hash % topic.partitions.length;
  else if (key !== null) partition = partitionOfKey(sim, topic, key);
  else partition = stickyPartition(sim, producer, topicName, size);
  accumulate(accumulatorOf(producer, topicName), partition, key, value, headers, size);
  producer.stats.sent++;
  scheduleFlush(sim, producer);
}

/** The producer's accumulator for one topic (made on first use, then kept and reused), which
 * joins the linger window's list if it is not on it yet: a record is about to go into it. */
function accumulatorOf(producer: ProducerState, topicName: string): TopicAccumulator {
  let acc = producer.accumulator.get(topicName);
  if (!acc) producer.accumulator.set(topicName, (acc = { topic: topicName, batches: [], order: [], orderLength: 0, inWindow: false }));
  if (!acc.inWindow) {
    acc.inWindow = true;
    producer.window[producer.windowLength++] = acc;
  }
  return acc;
}

/** Adds one record to its partition's batch (starting the batch if it is the partition's first). */
function accumulate(acc: TopicAccumulator, partition: number, key: string | null, value: unknown, headers: Headers, size: number): void {
  const batch = acc.batches[partition];
  if (batch) {
    batch.keys.push(key);
    batch.values.push(value);
    pushHeaders(batch, headers);
    batch.sizes.push(size);
    batch.bytes += size;
  } else {
    // Most batches hold one record: literals of one element allocate no spare capacity.
    acc.batches[partition] = { keys: [key], values: [value], headers: null, header: headers, sizes: [size], bytes: size };
    acc.order[acc.orderLength++] = partition;
  }
}

/** Records the headers of a record just pushed onto `batch` (its last): nothing while they are the
 * batch's common headers, else the batch gets a per-record headers column from here on. */
function pushHeaders(batch: PendingBatch, headers: Headers): void {
  if (batch.headers !== null) batch.headers.push(headers);
  else if (headers !== batch.header) {
    const all: Headers[] = new Array(batch.keys.length).fill(batch.header);
    all[all.length - 1] = headers;
    batch.headers = all;
  }
}

/** linger.ms starts with the first record of a window: the flush goes on the agenda then. */
function scheduleFlush(sim: Sim, producer: ProducerState): void {
  if (producer.flushScheduled) return;
  producer.flushScheduled = true;
  sim.schedule(producer.lingerMs, { kind: 'producerFlush', producer: producer.id });
}

/** Kafka's BuiltInPartitioner: keep using one partition until a batch's worth of bytes went to
 * it, then pick another at random among partitions whose leader is available. */
export function stickyPartition(sim: Sim, producer: ProducerState, topicName: string, size: number): number {
  const topic = sim.world.topics.get(topicName)!;
  let state = producer.sticky.get(topicName);
  if (!state || state.bytes >= producer.batchSizeBytes || state.partition >= topic.partitions.length) {
    const available = topic.partitions.filter((p) => leaderAvailable(sim, p));
    const pool = available.length ? available : topic.partitions;
    state = { partition: pool[sim.rng.int(pool.length)].id, bytes: 0 };
    producer.sticky.set(topicName, state);
  }
  state.bytes += size;
  return state.partition;
}

export function onProducerTick(sim: Sim, id: string): void {
  const producer = sim.world.producers.get(id);
  if (!producer) return;
  producer.tickScheduled = false;
  if (producer.removed || producer.ratePerSec <= 0) return;
  const tickMs = tickInterval(producer.ratePerSec);
  const due = producer.ratePerSec * (tickMs / 1000) + producer.carry;
  const count = Math.floor(due);
  producer.carry = due - count;
  if (count > 0) {
    // One lookup of the topic and its accumulator per tick, not per record.
    const topic = sim.world.topics.get(producer.topic)!;
    const acc = accumulatorOf(producer, producer.topic);
    const tick = tickScratch(count, topic.partitions.length);
    const first = producer.generated;
    producer.generated = first + count;
    const valuesDrawn = keysOfTick(sim, producer, topic, tick, count, first);
    accumulateTick(sim, producer, acc, tick, count, first, valuesDrawn);
    producer.stats.sent += count;
    // Where send() would have scheduled it, at the first record: nothing in between schedules.
    scheduleFlush(sim, producer);
  }
  scheduleTick(sim, producer);
}

/** Ticks often enough to look continuous, rarely enough to stay cheap: 10 ms to 1 s. Shared with
 * sync clients so a producer and a client at the same rate number their records alike. */
export function tickInterval(rate: number): number {
  return Math.min(1000, Math.max(10, 1000 / rate));
}

function scheduleTick(sim: Sim, producer: ProducerState): void {
  if (producer.tickScheduled || producer.ratePerSec <= 0) return;
  producer.tickScheduled = true;
  sim.schedule(tickInterval(producer.ratePerSec), { kind: 'producerTick', producer: producer.id });
}

/**
 * One generator tick's records before they join their batches, in two passes. First every
 * record's key and partition, in generation order (every random draw in the order one send() per
 * record made them); then the records go into batches whose arrays are allocated at their final
 * size, since the tick now knows how many records each partition gets (growing them one push at a
 * time allocated about three times their size). Values and sizes are made in the second pass,
 * straight into the batch, unless the partition needed them (keyless records: the sticky
 * partitioner counts bytes). The batch is then written once: the partition log keeps it as it is.
 * Reused by every tick (nothing keeps it across calls).
 */
interface TickScratch {
  keys: (string | null)[];
  /** Filled only when the first pass made the values (see keysOfTick). */
  values: unknown[];
  sizes: number[];
  partitions: Int32Array;
  /** Per partition: records this tick, then the next free index in a batch the tick started (-1:
   * the batch was there before the tick, records are pushed). */
  counts: Int32Array;
  fill: Int32Array;
}

const scratch: TickScratch = { keys: [], values: [], sizes: [], partitions: new Int32Array(1024), counts: new Int32Array(64), fill: new Int32Array(64).fill(-1) };

function tickScratch(count: number, partitions: number): TickScratch {
  if (scratch.partitions.length < count) scratch.partitions = new Int32Array(Math.max(count, scratch.partitions.length * 2));
  if (scratch.counts.length < partitions) {
    scratch.counts = new Int32Array(Math.max(partitions, scratch.counts.length * 2));
    scratch.fill = new Int32Array(scratch.counts.length).fill(-1);
  }
  return scratch;
}

/** Random keys below this index are interned (keyCache) and their hashes kept; above, made anew. */
const CACHED_KEYS = 100_000;

/**
 * Per producer, the partition of its pattern's key i for a topic of `partitions` partitions (-1:
 * not known yet): a generated record's partition is then one typed-array read, as the ring buffer
 * baseline's is. Rebuilt when the partition count changes (addPartitions).
 */
const keyPartitionCache = new WeakMap<ProducerState, { partitions: number; byKey: Int32Array }>();

function keyPartitions(producer: ProducerState, keys: number, partitions: number): Int32Array {
  let cached = keyPartitionCache.get(producer);
  if (!cached || cached.partitions !== partitions || cached.byKey.length < keys) {
    cached = { partitions, byKey: new Int32Array(keys).fill(-1) };
    keyPartitionCache.set(producer, cached);
  }
  return cached.byKey;
}

/**
 * The first pass: records first .. first+count-1's keys and partitions into the scratch, and how
 * many records each partition gets (tick.counts). Cycling
 * keys and cached random keys have a loop of their own (no per-record switch, no division for the
 * partition); other patterns go through generate(), which also makes the values and sizes.
 * Returns whether it did (then the second pass takes them from the scratch).
 */
function keysOfTick(sim: Sim, producer: ProducerState, topic: TopicState, tick: TickScratch, count: number, first: number): boolean {
  const pattern = producer.keys;
  const partitionCount = topic.partitions.length;
  const tickKeys = tick.keys;
  const tickPartitions = tick.partitions;
  const counts = tick.counts;
  const hashes = producer.keyHashCache;
  if (pattern.kind === 'cycle') {
    const keys = pattern.keys;
    const byKey = keyPartitions(producer, keys.length, partitionCount);
    let k = first % keys.length;
    for (let i = 0; i < count; i++) {
      const key = keys[k];
      let partition = byKey[k];
      if (partition < 0) partition = byKey[k] = (hashes[k] ??= keyHash(key)) % partitionCount;
      tickKeys[i] = key;
      tickPartitions[i] = partition;
      counts[partition]++;
      if (++k === keys.length) k = 0;
    }
    return false;
  }
  if (pattern.kind === 'random' && pattern.count <= CACHED_KEYS) {
    const byKey = keyPartitions(producer, pattern.count, partitionCount);
    const cache = producer.keyCache;
    for (let i = 0; i < count; i++) {
      const k = sim.rng.int(pattern.count);
      const key = (cache[k] ??= pattern.prefix + k);
      let partition = byKey[k];
      if (partition < 0) partition = byKey[k] = (hashes[k] ??= keyHash(key)) % partitionCount;
      tickKeys[i] = key;
      tickPartitions[i] = partition;
      counts[partition]++;
    }
    return false;
  }
  for (let i = 0; i < count; i++) generate(sim, producer, topic, tick, i, first + i);
  for (let i = 0; i < count; i++) counts[tickPartitions[i]]++;
  return true;
}

/** The value of generated record n (key `key`): a pure function of them, the seed and the time. */
const valueOf = (sim: Sim, producer: ProducerState, n: number, key: string | null) =>
  producer.values === 'counter' ? n : generatedValue(producer.values, sim.cfg.seed, producer.valuesHash, n, key, sim.now);

/** The second pass: puts the tick's `count` records into their partitions' batches, in
 * generation order. Batches are started in the order their partition first comes up, as send()
 * per record started them. */
function accumulateTick(sim: Sim, producer: ProducerState, acc: TopicAccumulator, tick: TickScratch, count: number, first: number, valuesDrawn: boolean): void {
  const { keys, values, sizes, partitions, counts, fill } = tick;
  const headers = producer.headers;
  for (let i = 0; i < count; i++) {
    const partition = partitions[i];
    const key = keys[i];
    let value: unknown;
    let size: number;
    if (valuesDrawn) {
      value = values[i];
      size = sizes[i];
    } else {
      value = valueOf(sim, producer, first + i, key);
      size = estimateSize(key, value);
    }
    let batch = acc.batches[partition];
    if (batch === undefined) {
      const n = counts[partition];
      batch = acc.batches[partition] = { keys: new Array(n), values: new Array(n), headers: null, header: headers, sizes: new Array(n), bytes: 0 };
      acc.order[acc.orderLength++] = partition;
      fill[partition] = 0;
    }
    const at = fill[partition];
    if (at >= 0) {
      batch.keys[at] = key;
      batch.values[at] = value;
      batch.sizes[at] = size;
      fill[partition] = at + 1;
    } else {
      batch.keys.push(key);
      batch.values.push(value);
      pushHeaders(batch, headers);
      batch.sizes.push(size);
    }
    batch.bytes += size;
  }
  // Partitions hold no record of this tick any more: reset the per-partition columns whole.
  const partitionCount = sim.world.topics.get(producer.topic)!.partitions.length;
  counts.fill(0, 0, partitionCount);
  fill.fill(-1, 0, partitionCount);
}

/** Generates record n (the tick's i-th): its key (with its hash when that is known already), value,
 * size and partition, into the tick's scratch. Cycle and random keys come from a fixed set: their
 * hashes are kept per index (keyHashCache). Sequence keys never repeat, so they are hashed once
 * here and never cached. */
function generate(sim: Sim, producer: ProducerState, topic: TopicState, tick: TickScratch, i: number, n: number): void {
  const pattern = producer.keys;
  let key: string | null;
  let hash = -1;
  switch (pattern.kind) {
    case 'none':
      key = null;
      break;
    case 'fixed':
      key = pattern.key;
      break;
    case 'cycle': {
      const k = n % pattern.keys.length;
      key = pattern.keys[k];
      hash = producer.keyHashCache[k] ??= keyHash(key);
      break;
    }
    case 'sequence':
      key = pattern.prefix + n;
      hash = keyHash(key);
      break;
    case 'random': {
      const k = sim.rng.int(pattern.count);
      if (k >= CACHED_KEYS) key = pattern.prefix + k;
      else {
        key = producer.keyCache[k] ??= pattern.prefix + k;
        hash = producer.keyHashCache[k] ??= keyHash(key);
      }
      break;
    }
  }
  // The value model (values.ts) draws nothing from sim.rng, so keys stay the same whatever it is.
  const value = valueOf(sim, producer, n, key);
  // As send() does it, without looking the topic up again.
  const size = estimateSize(key, value);
  let partition: number;
  if (hash >= 0) partition = hash % topic.partitions.length;
  else if (key !== null) partition = partitionOfKey(sim, topic, key);
  else partition = stickyPartition(sim, producer, topic.name, size);
  tick.keys[i] = key;
  tick.values[i] = value;
  tick.sizes[i] = size;
  tick.partitions[i] = partition;
}

/** linger.ms passed: every accumulated batch becomes a produce request to its partition leader. */
export function onProducerFlush(sim: Sim, id: string): void {
  const producer = sim.world.producers.get(id);
  if (!producer) return;
  producer.flushScheduled = false;
  const waiting = producer.window;
  for (let w = 0; w < producer.windowLength; w++) {
    const acc = waiting[w];
    const topic = acc.topic;
    // Per topic, not per batch: the partitions' sequence numbers and epochs (no string per batch).
    const seqs = byPartition(producer.nextSeq, topic);
    const epochs = producer.epochs.get(topic);
    const order = acc.order;
    for (let o = 0; o < acc.orderLength; o++) {
      const partition = order[o];
      const batch = acc.batches[partition]!;
      acc.batches[partition] = undefined;
      const baseSeq = seqs[partition] ?? 0;
      seqs[partition] = baseSeq + batch.keys.length;
      const request: ProduceRequest = {
        id: sim.world.nextRequestId++,
        producer: id,
        topic,
        partition,
        batch,
        baseSeq,
        epoch: epochs?.[partition] ?? 0,
        attempt: 0,
        firstSentAt: sim.now,
        done: false,
        sendNo: 0,
        appendedAt: -1,
      };
      sim.world.inFlight.add(request);
      if (producer.idempotent && waitsForRetry(producer, request)) holdBack(producer, tpOf(request), request);
      else transmit(sim, producer, request);
    }
  }
  // The accumulators stay for the next window, empty (no new Map, objects and arrays per flush;
  // the lists keep their storage, only their lengths go back to 0).
  for (let w = 0; w < producer.windowLength; w++) {
    waiting[w].orderLength = 0;
    waiting[w].inWindow = false;
  }
  producer.windowLength = 0;
}

/** A producer's per-partition numbers for one topic (ProducerState.nextSeq, epochs), made empty on
 * first use; a partition not written yet reads undefined (0). */
function byPartition(perTopic: Map<string, number[]>, topic: string): number[] {
  let numbers = perTopic.get(topic);
  if (numbers === undefined) perTopic.set(topic, (numbers = []));
  return numbers;
}

function transmit(sim: Sim, producer: ProducerState, request: ProduceRequest): void {
  request.sendNo++;
  sim.schedule(sim.cfg.networkLatencyMs, { kind: 'produceArrive', request: request.id, sendNo: request.sendNo });
  if (producer.acks === 0) {
    // Fire and forget: the producer counts it as sent and never hears back.
    finish(sim, producer, request, null, -1);
    return;
  }
  watchProduceTimeout(sim, producer.requestTimeoutMs, request.id, request.sendNo);
}

/** The request reaches the partition leader, which appends it (or refuses). */
export function onProduceArrive(sim: Sim, requestId: number, sendNo: number): void {
  const request = sim.world.inFlight.get(requestId);
  if (!request || request.sendNo !== sendNo) return;
  const producer = sim.world.producers.get(request.producer)!;
  // acks=0 requests were finished when sent; they stay in flight only until they arrive.
  if (producer.acks === 0) sim.world.inFlight.delete(requestId);
  const topic = sim.world.topics.get(request.topic)!;
  const p = topic.partitions[request.partition];
  if (!leaderAvailable(sim, p)) return respondToProduce(sim, producer, requestId, sendNo, 'LEADER_NOT_AVAILABLE', -1);
  if (topic.cleanupPolicy === 'compact' && request.batch.keys.some((k) => k === null))
    return respondToProduce(sim, producer, requestId, sendNo, 'INVALID_RECORD', -1);
  if (producer.acks === 'all' && p.isr.length < topic.minInsyncReplicas) return respondToProduce(sim, producer, requestId, sendNo, 'NOT_ENOUGH_REPLICAS', -1);

  const count = request.batch.keys.length;
  // The leader's memory of this producer (idempotent producers only): one lookup per request.
  let sequences: ProducerSequences | undefined;
  if (producer.idempotent) {
    sequences = p.producerSequences.get(producer.id);
    const epoch = sequences?.epoch ?? 0;
    if (request.epoch < epoch) return respondToProduce(sim, producer, requestId, sendNo, 'OUT_OF_ORDER_SEQUENCE', -1); // a fenced, older epoch
    if (request.epoch > epoch) {
      // The producer started a new epoch: its sequence numbers start over.
      if (sequences === undefined) p.producerSequences.set(producer.id, (sequences = newProducerSequences(request.epoch)));
      sequences.epoch = request.epoch;
      sequences.size = 0;
    }
    // No state for this producer (never seen, or a leader election cut every batch it knew):
    // the batch starts the sequence, as Kafka does once the producer has re-registered.
    const lastSeq = sequences === undefined ? request.baseSeq - 1 : lastSequence(sequences, request.baseSeq - 1);
    if (request.baseSeq <= lastSeq) {
      producer.resends.notRewritten += count;
      sim.emit({ type: 'duplicateDropped', producer: producer.id, topic: p.topic, partition: p.id, count, t: SET_BY_EMIT, seq: SET_BY_EMIT } as TraceBody);
      return respondToProduce(sim, producer, requestId, sendNo, null, -1);
    }
    if (request.baseSeq > lastSeq + 1) return respondToProduce(sim, producer, requestId, sendNo, 'OUT_OF_ORDER_SEQUENCE', -1);
  }

  // Without idempotence the leader cannot tell a retry from a new batch: it appends it again.
  if (request.appendedAt >= 0) producer.resends.writtenTwice += count;
  const baseOffset = appendBatch(sim, p, request.batch);
  request.appendedAt = baseOffset;
  if (producer.idempotent) {
    if (sequences === undefined) p.producerSequences.set(producer.id, (sequences = newProducerSequences(0)));
    rememberBatch(sequences, request.baseSeq + count - 1, baseOffset + count);
  }
  if (!sim.unheardFrom('produced', producer.id))
    sim.emit({ type: 'produced', producer: producer.id, topic: p.topic, partition: p.id, baseOffset, count, keys: request.batch.keys, t: SET_BY_EMIT, seq: SET_BY_EMIT } as TraceBody);
  if (p.log.size > sim.cfg.maxRecordsPerPartition) enforceRecordLimit(sim, p);
  if (producer.acks === 1) respondToProduce(sim, producer, requestId, sendNo, null, baseOffset);
  else if (producer.acks === 'all') p.pendingAcks.push(requestId, sendNo, baseOffset, baseOffset + count);
  scheduleReplication(sim, p);
}

/** The leader's answer travels back to the producer (acks=0 producers get none). A plain function
 * rather than a closure in onProduceArrive: that runs once per request. */
function respondToProduce(sim: Sim, producer: ProducerState, requestId: number, sendNo: number, error: ProduceError | null, baseOffset: number): void {
  if (producer.acks === 0) return;
  sim.schedule(sim.cfg.networkLatencyMs, { kind: 'produceResponse', request: requestId, sendNo, error, baseOffset });
}

/** The log may keep the batch's columns as they are (see PendingBatch): nothing writes them after
 * the flush, and a resend appends the same, unchanged batch again. */
function appendBatch(sim: Sim, p: PartitionState, batch: PendingBatch): number {
  return p.log.appendBatch(batch, batch.keys.length, sim.now);
}

export function onProduceResponse(sim: Sim, requestId: number, sendNo: number, error: ProduceError | null, baseOffset: number): void {
  const request = sim.world.inFlight.get(requestId);
  if (!awaitsAnswer(request, sendNo)) return;
  const producer = sim.world.producers.get(request.producer)!;
  if (error === null) return finish(sim, producer, request, null, baseOffset);
  const retriable = error !== 'INVALID_RECORD';
  const withinDeadline = sim.now + producer.retryBackoffMs - request.firstSentAt < producer.deliveryTimeoutMs;
  const willRetry = retriable && request.attempt < producer.retries && withinDeadline;
  if (!sim.unheardFrom('produceFailed', producer.id))
    sim.emit({
      type: 'produceFailed',
      producer: producer.id,
      topic: request.topic,
      partition: request.partition,
      count: request.batch.keys.length,
      error,
      willRetry,
      t: SET_BY_EMIT,
      seq: SET_BY_EMIT,
    } as TraceBody);
  if (willRetry) {
    request.sendNo++; // responses to the failed send no longer count
    if (producer.idempotent) markRetrying(producer, request, true);
    sim.schedule(producer.retryBackoffMs, { kind: 'produceRetry', request: requestId });
  } else finish(sim, producer, request, error, -1);
}

export function onProduceTimeout(sim: Sim, requestId: number, sendNo: number): void {
  onProduceResponse(sim, requestId, sendNo, 'REQUEST_TIMED_OUT', -1);
}

export function onProduceRetry(sim: Sim, requestId: number): void {
  const request = sim.world.inFlight.get(requestId);
  if (!request || request.done) return;
  const producer = sim.world.producers.get(request.producer)!;
  request.attempt++;
  transmit(sim, producer, request);
  if (producer.idempotent) markRetrying(producer, request, false) && releaseHeld(sim, producer, request);
}

const tpOf = (r: ProduceRequest) => topicPartition(r.topic, r.partition);

/** Whether a batch of r's partition waits for a retry. Almost always none does at all: then no
 * topic-partition name is made for the lookup. */
const waitsForRetry = (producer: ProducerState, r: ProduceRequest) => producer.retrying.size > 0 && producer.retrying.has(tpOf(r));

/** Marks a request as waiting for its retry (or not). Returns true when none of its partition's
 * requests wait any more. */
function markRetrying(producer: ProducerState, request: ProduceRequest, waiting: boolean): boolean {
  const tp = tpOf(request);
  const set = producer.retrying.get(tp) ?? new Set<number>();
  if (waiting) set.add(request.id);
  else set.delete(request.id);
  if (set.size === 0) producer.retrying.delete(tp);
  else producer.retrying.set(tp, set);
  return set.size === 0;
}

function holdBack(producer: ProducerState, tp: string, request: ProduceRequest): void {
  const list = producer.held.get(tp) ?? [];
  list.push(request);
  producer.held.set(tp, list);
}

/** No batch of the partition waits for a retry any more: send what was held back, in order. */
function releaseHeld(sim: Sim, producer: ProducerState, after: ProduceRequest): void {
  const tp = tpOf(after);
  const list = producer.held.get(tp);
  if (!list) return;
  producer.held.delete(tp);
  for (const r of list.sort((a, b) => a.baseSeq - b.baseSeq)) if (!r.done) transmit(sim, producer, r);
}

function finish(sim: Sim, producer: ProducerState, request: ProduceRequest, error: ProduceError | null, baseOffset: number): void {
  const count = request.batch.keys.length;
  request.done = true;
  if (producer.acks !== 0) sim.world.inFlight.delete(request.id);
  if (error === null) {
    producer.stats.acked += count;
    if (!sim.unheardFrom('acked', producer.id))
      sim.emit({ type: 'acked', producer: producer.id, topic: request.topic, partition: request.partition, baseOffset, count, acks: producer.acks, t: SET_BY_EMIT, seq: SET_BY_EMIT } as TraceBody);
  } else {
    producer.stats.failed += count;
    if (producer.idempotent && producer.acks !== 0) bumpEpoch(sim, producer, request);
  }
  if (producer.idempotent && waitsForRetry(producer, request) && markRetrying(producer, request, false)) releaseHeld(sim, producer, request);
}

/**
 * A batch of an idempotent producer failed for good: start a new epoch for its partition and
 * number the batches still in flight there from 0, in their order, so they are not refused
 * forever for the gap the failed batch left.
 */
function bumpEpoch(sim: Sim, producer: ProducerState, failed: ProduceRequest): void {
  const epochs = byPartition(producer.epochs, failed.topic);
  const epoch = (epochs[failed.partition] ?? 0) + 1;
  epochs[failed.partition] = epoch;
  const waiting = sim.world.inFlight
    .list()
    .filter((r) => !r.done && r.producer === producer.id && r.topic === failed.topic && r.partition === failed.partition)
    .sort((a, b) => a.baseSeq - b.baseSeq);
  let seq = 0;
  for (const r of waiting) {
    r.epoch = epoch;
    r.baseSeq = seq;
    seq += r.batch.keys.length;
  }
  byPartition(producer.nextSeq, failed.topic)[failed.partition] = seq;
}
