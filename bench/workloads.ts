/**
 * Engine workloads for the benchmark. Each builds a fresh engine through the public API only
 * (createEngine / apply / advance / view) and drives it the way the UI would, in small advances.
 */
import { createEngine, type Engine, type KeyPattern, type TraceEvent } from '../src/engine';
import { collect } from './harness';

export const TOPIC = 'events';
export const PARTITIONS = 12;
export const GROUPS = 3;

/** 'customer-0' .. 'customer-(count-1)': the pooled key set both baseline and engine cycle over. */
export function keyPool(count: number, prefix = 'customer-'): string[] {
  return Array.from({ length: count }, (_, i) => prefix + i);
}

export interface EngineLoad {
  records: number;
  brokers: number;
  replicationFactor: number;
  keys: KeyPattern;
  /** Records per virtual second; the producer generates ratePerSec / 100 records per 10 ms tick. */
  ratePerSec: number;
  maxPollRecords: number;
  pollIntervalMs: number;
}

export interface EngineRun {
  produced: number;
  /** Records delivered, summed over all groups. */
  delivered: number;
  virtualMs: number;
  eventsRun: number;
  /** Checked once at the end with view(): every group's positions equal every log end offset. */
  verified: boolean;
}

/** Milliseconds of virtual time per advance() call (one producer tick). */
const STEP_MS = 10;
/** Give up (throw) if a run needs more virtual time than this; something would be wrong. */
const MAX_VIRTUAL_MS = 10 * 60_000;

function countTrace(trace: readonly TraceEvent[], acc: { produced: number; delivered: number }): void {
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.type === 'produced') acc.produced += e.count;
    else if (e.type === 'delivered') acc.delivered += e.toOffset - e.fromOffset;
  }
}

/** True when the logs hold exactly `produced` records and every group has read them all. */
function allConsumed(engine: Engine, produced: number): boolean {
  const v = engine.view();
  const topic = v.topics.find((t) => t.name === TOPIC)!;
  const ends = new Map(topic.partitions.map((p) => [`${TOPIC}-${p.id}`, p.endOffset]));
  let total = 0;
  for (const end of ends.values()) total += end;
  if (total !== produced) return false;
  const inFlightOrBuffered = v.producers.some((p) => p.sent !== p.acked + p.failed);
  if (inFlightOrBuffered) return false;
  for (const g of v.groups) {
    const positions = new Map<string, number>();
    for (const m of g.members) for (const [tp, pos] of Object.entries(m.positions)) positions.set(tp, pos);
    for (const [tp, end] of ends) if (positions.get(tp) !== end) return false;
  }
  return true;
}

/**
 * Engines kept alive for the whole bench, one per load shape, as the app always has an engine
 * (the workbench's). timeIt forces a GC before each timed run. Optimised code holds the hidden
 * classes and objects it was specialised for only weakly, so a GC that finds no engine alive frees
 * them, and V8 throws away each optimised engine function that held them (`node --trace-deopt`:
 * "marking dependent code ... for deoptimization, reason: weak objects"). The next run then
 * optimises the engine again: 73 against 40 ms of CPU per 1 M-record run, in one process with a
 * GC before every run. A learner's tab always has an engine, so it never pays that.
 */
const residents = new Map<string, Engine>();

function keepResident(load: EngineLoad): void {
  const shape = `${load.brokers}/${load.replicationFactor}/${load.keys.kind}/${load.ratePerSec}/${load.maxPollRecords}/${load.pollIntervalMs}`;
  if (residents.has(shape)) return;
  const engine = setUpEngineLoad(load);
  for (let i = 0; i < 10; i++) engine.advance(STEP_MS);
  residents.set(shape, engine);
}

/** The workload's engine: the topic, the 3 groups and the producer, at time 0. */
function setUpEngineLoad(load: EngineLoad): Engine {
  const engine = createEngine({ seed: 1, brokers: load.brokers, traceLimit: 0 });
  engine.apply({ type: 'createTopic', name: TOPIC, partitions: PARTITIONS, replicationFactor: load.replicationFactor });
  for (let g = 0; g < GROUPS; g++) {
    engine.apply({
      type: 'addConsumer',
      id: `reader-${g}`,
      group: `group-${g}`,
      topics: [TOPIC],
      processingMs: 0,
      autoOffsetReset: 'earliest',
      maxPollRecords: load.maxPollRecords,
      pollIntervalMs: load.pollIntervalMs,
    });
  }
  engine.apply({ type: 'addProducer', id: 'load', topic: TOPIC, ratePerSec: load.ratePerSec, keys: load.keys, acks: 1 });
  return engine;
}

/**
 * One producer at a high rate into a 12-partition topic, read by 3 groups of one plain consumer
 * each. Runs until `records` are produced (the producer is then stopped; records already in its
 * accumulator still land) and every group has read everything. The first run of a load shape
 * also sets up its resident engine (see residents).
 */
export function runEngineLoad(load: EngineLoad): EngineRun {
  keepResident(load);
  const engine = setUpEngineLoad(load);
  const acc = { produced: 0, delivered: 0 };
  let stopped = false;
  for (;;) {
    countTrace(engine.advance(STEP_MS), acc);
    if (!stopped && acc.produced + load.ratePerSec / 100 >= load.records) {
      // The tick that brings the total to `records` has been generated (and sits in the
      // accumulator or in flight): stop generating; the rest of the loop lets it land.
      engine.apply({ type: 'setProducerRate', id: 'load', ratePerSec: 0 });
      stopped = true;
    }
    if (stopped && acc.delivered >= acc.produced * GROUPS && allConsumed(engine, acc.produced)) break;
    if (engine.now > MAX_VIRTUAL_MS) throw new Error(`engine workload did not finish in ${MAX_VIRTUAL_MS} ms of virtual time`);
  }
  return { produced: acc.produced, delivered: acc.delivered, virtualMs: engine.now, eventsRun: engine.eventsRun, verified: true };
}

export interface MemoryResult {
  records: number;
  /** Growth of heapUsed + external after GC, bytes. */
  bytes: number;
  gcForced: boolean;
}

/** JS heap plus memory held outside it by the heap's objects (typed-array backing stores). */
const usedMemory = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/**
 * Memory held by `records` retained records: heapUsed + external after GC with the engine set up
 * (topic and producer, key pool included), then again after producing them (no consumers), with
 * the engine still alive. `external` is counted so a log stored in typed arrays is not flattered.
 */
export function measureRetainedMemory(records: number, keys: KeyPattern, gcForced: boolean): MemoryResult {
  collect();
  const engine = createEngine({ seed: 1, brokers: 1, traceLimit: 0 });
  engine.apply({ type: 'createTopic', name: TOPIC, partitions: PARTITIONS });
  const ratePerSec = 1_000_000; // exactly 10 000 records per 10 ms tick
  engine.apply({ type: 'addProducer', id: 'load', topic: TOPIC, ratePerSec, keys, acks: 1 });
  engine.advance(0);
  collect();
  const before = usedMemory();

  const acc = { produced: 0, delivered: 0 };
  let stopped = false;
  while (!stopped || acc.produced < records) {
    countTrace(engine.advance(STEP_MS), acc);
    if (!stopped && acc.produced + ratePerSec / 100 >= records) {
      engine.apply({ type: 'setProducerRate', id: 'load', ratePerSec: 0 });
      stopped = true;
    }
  }
  engine.advance(100); // let the last requests finish
  collect();
  const after = usedMemory();
  const held = engine.view().topics[0].partitions.reduce((n, p) => n + p.records, 0);
  return { records: held, bytes: after - before, gcForced };
}

export interface BusyRun {
  virtualMs: number;
  eventsRun: number;
  ordersProduced: number;
  processed: number;
}

/**
 * The course's running example under load: the Order service produces OrderPlaced events into
 * `orders`; Payment, Inventory, Email and Analytics each consume all of them (processing 1-5 ms
 * per record, 3 instances each) and Payment/Email emit their own events. Default engine config
 * (so the trace is kept, as in the app), advanced in 100 ms steps as a UI would.
 */
export function runBusyScenario(virtualMs: number): BusyRun {
  const engine = createEngine({ seed: 7 });
  for (const name of ['orders', 'payments', 'emails']) engine.apply({ type: 'createTopic', name, partitions: 6 });
  engine.apply({
    type: 'addProducer',
    id: 'order-service',
    topic: 'orders',
    ratePerSec: 500,
    keys: { kind: 'random', prefix: 'order-', count: 10_000 },
    eventType: 'OrderPlaced',
  });
  const service = (id: string, processingMs: number, emit?: { topic: string; eventType: string }) =>
    engine.apply({
      type: 'addService',
      id,
      subscribes: ['orders'],
      processingMs,
      instances: 3,
      handlers: [{ on: 'OrderPlaced', emit: emit ? [emit] : [] }],
    });
  service('payment', 2, { topic: 'payments', eventType: 'PaymentProcessed' });
  service('inventory', 3);
  service('email', 5, { topic: 'emails', eventType: 'EmailSent' });
  service('analytics', 1);
  while (engine.now < virtualMs) engine.advance(Math.min(100, virtualMs - engine.now));
  const v = engine.view();
  return {
    virtualMs: engine.now,
    eventsRun: engine.eventsRun,
    ordersProduced: v.topics.find((t) => t.name === 'orders')!.partitions.reduce((n, p) => n + p.endOffset, 0),
    processed: v.services.reduce((n, s) => n + s.stats.processed, 0),
  };
}
