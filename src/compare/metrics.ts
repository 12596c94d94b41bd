import { topicPartition, type Command, type EngineView, type SubscribeOptions, type TraceEvent, type TraceType } from '../engine';
import {
  EDA_ORDER_PRODUCER,
  ORDERS_TOPIC,
  orderNumber,
  SERVICE_IDS,
  serviceOfGroup,
  serviceOfSyncId,
  type DownstreamId,
  type ServiceId,
  type Side,
} from './model';

/**
 * What the comparison measures, derived from the engine trace (and a view sampled once per
 * virtual second for lag and queues). Everything is per order number n, so the same order is
 * followed on both sides.
 *
 * - accepted / failed: sync = the user's call to order-api answered / failed; EDA = the Order
 *   service's publish of OrderPlaced acknowledged (acks=all) / given up.
 * - user-facing latency: sync = the user's wait for order-api's answer (the whole chain); EDA =
 *   the Order service's own work + the time from placing the order to the publish's ack.
 * - completion: sync = the same answer (nothing happens after it); EDA = the moment the last
 *   service present when the order was placed processed it (+ the Order service's own work).
 * - load: sync = requests received per second by each service; EDA = records handled per second
 *   (attempts included) by each service's group.
 * - lag (EDA, per group) and queue (sync: requests waiting or in progress) per service.
 * - features: services added and existing services changed to add a feature, per side.
 */

/** The trace event types observe() learns from; it ignores the others (except for their time,
 * see heardUntil). */
export const METRIC_EVENT_TYPES: readonly TraceType[] = ['requestSent', 'requestAnswered', 'requestFailed', 'produced', 'acked', 'produceFailed', 'processed'];

/** What observe() learns from, as a subscription: its types, of the answers only those to the
 * user (an answer between services tells it nothing: the user's answer carries the whole wait),
 * and of the produce events only the Order service's (what the downstream services publish, one
 * result per order each, it never reads). The engine then does not build the others
 * (Engine.subscribe). */
export const METRIC_SUBSCRIPTION: SubscribeOptions = {
  types: METRIC_EVENT_TYPES,
  requestsFrom: { requestAnswered: ['user'] },
  producedBy: { produced: [EDA_ORDER_PRODUCER], acked: [EDA_ORDER_PRODUCER], produceFailed: [EDA_ORDER_PRODUCER] },
};

/** Seconds of history a live percentile covers. */
const LIVE_WINDOW_S = 5;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface FeatureChanges {
  added: string[];
  changed: string[];
}

export interface SideTotals {
  placed: number;
  accepted: number;
  failed: number;
  /** Orders fully handled (every service did its part). */
  completed: number;
}

export interface SideSeries {
  /** Per second: orders accepted / failed in that second. */
  accepted: number[];
  failed: number[];
  /** Per second: user-facing latency of the orders answered in that second, ms (NaN if none). */
  latencyP50: number[];
  latencyP95: number[];
  latencyP99: number[];
  /** Per second: completion time of the orders completed in that second, ms (NaN if none). */
  completionP50: number[];
  completionP95: number[];
  /** Per service and second: requests received (sync) or records handled (EDA). */
  load: Partial<Record<ServiceId, number[]>>;
  /** Per service, sampled each second: EDA consumer lag, or sync requests queued + in progress. */
  backlog: Partial<Record<ServiceId, number[]>>;
}

export interface MetricsSnapshot {
  /** Seconds of virtual time covered (x axis of every series: 1, 2, ...). */
  t: number[];
  sync: SideSeries;
  eda: SideSeries;
  totals: Record<Side, SideTotals>;
  /** Over the last few seconds. */
  live: Record<Side, Percentiles>;
  features: Record<Side, FeatureChanges>;
  /** Sync orders failed, by the service where the failure started. */
  syncFailedAt: Partial<Record<ServiceId, number>>;
  /** EDA records a service gave up on after its attempts (those orders never complete). */
  edaGaveUp: Partial<Record<DownstreamId, number>>;
}

export interface SideSummary {
  totals: SideTotals;
  latency: Percentiles;
  completion: Percentiles;
  /** Largest sampled backlog of any service (EDA lag / sync queue) and whose. */
  maxBacklog: { service: ServiceId | null; value: number };
  features: FeatureChanges;
}

export interface RunSummary {
  durationMs: number;
  sync: SideSummary;
  eda: SideSummary;
  syncFailedAt: Partial<Record<ServiceId, number>>;
}

/** A growable Float64Array filled with NaN ("not yet"). */
class Column {
  data = new Float64Array(1024).fill(NaN);
  at(i: number): number {
    return i < this.data.length ? this.data[i] : NaN;
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) this.grow(i);
    this.data[i] = v;
  }
  private grow(i: number): void {
    let size = this.data.length * 2;
    while (size <= i) size *= 2;
    const next = new Float64Array(size).fill(NaN);
    next.set(this.data);
    this.data = next;
  }
}

/** A growable list of numbers (samples for percentiles). */
class Samples {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  percentiles(from = 0): Percentiles {
    return percentiles(this.data.subarray(from, this.length));
  }
}

/** Nearest-rank percentiles; NaN for no samples. */
export function percentiles(values: ArrayLike<number>): Percentiles {
  const n = values.length;
  if (n === 0) return { p50: NaN, p95: NaN, p99: NaN };
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  return { p50: rank(0.5), p95: rank(0.95), p99: rank(0.99) };
}

const NO_ORDER = -1;

/** Per-partition map from an "orders" offset back to its order number. */
class OffsetIndex {
  private parts: Int32Array[] = [];
  set(partition: number, offset: number, n: number): void {
    let a = this.parts[partition];
    if (!a) a = this.parts[partition] = new Int32Array(256).fill(NO_ORDER);
    if (offset >= a.length) {
      let size = a.length * 2;
      while (size <= offset) size *= 2;
      const next = new Int32Array(size).fill(NO_ORDER);
      next.set(a);
      a = this.parts[partition] = next;
    }
    a[offset] = n;
  }
  get(partition: number, offset: number): number {
    const a = this.parts[partition];
    return a && offset < a.length ? a[offset] : NO_ORDER;
  }
}

const DOWNSTREAM_BIT: Record<DownstreamId, number> = { payment: 1, inventory: 2, email: 4, analytics: 8, fraud: 16 };
const SYNC_FAIL = 2;
const SYNC_OK = 1;

/** What edaProcessed needs of a group, found once per group name. */
interface EdaGroup {
  readonly service: DownstreamId;
  readonly bit: number;
  readonly load: number[];
}

interface SideBuckets {
  accepted: number[];
  failed: number[];
  latency: Samples;
  /** Index into `latency` where each second starts. */
  latencyStart: number[];
  completion: Samples;
  completionStart: number[];
  /** Percentiles of seconds that can get no more samples (see perSecond). */
  latencyCache: Percentiles[];
  completionCache: Percentiles[];
  load: Map<ServiceId, number[]>;
  backlog: Map<ServiceId, number[]>;
}

function sideBuckets(): SideBuckets {
  return {
    accepted: [],
    failed: [],
    latency: new Samples(),
    latencyStart: [],
    completion: new Samples(),
    completionStart: [],
    latencyCache: [],
    completionCache: [],
    load: new Map(),
    backlog: new Map(),
  };
}

function bump(series: number[], second: number, by = 1): void {
  while (series.length <= second) series.push(0);
  series[second] += by;
}

export interface MetricsOptions {
  /** The EDA Order service's own work per order, ms (it is not simulated: see the file comment). */
  orderWorkMs: number;
  /** The downstream services present on the EDA side at the start. */
  present: readonly DownstreamId[];
  networkLatencyMs: number;
}

export class CompareMetrics {
  private orderWorkMs: number;
  private presentMask: number;
  private readonly net: number;

  // Per order n.
  private readonly placedAt = new Column();
  private syncOutcome = new Uint8Array(1024);
  private syncRootCause = new Uint8Array(1024);
  private edaExpected = new Uint8Array(1024);
  private edaDone = new Uint8Array(1024);
  private readonly edaAckedAt = new Column();
  private readonly edaCompletedAt = new Column();
  private readonly offsets = new OffsetIndex();

  private readonly sides: Record<Side, SideBuckets> = { sync: sideBuckets(), eda: sideBuckets() };
  private readonly totals: Record<Side, SideTotals> = {
    sync: { placed: 0, accepted: 0, failed: 0, completed: 0 },
    eda: { placed: 0, accepted: 0, failed: 0, completed: 0 },
  };
  private readonly allLatency: Record<Side, Samples> = { sync: new Samples(), eda: new Samples() };
  private readonly allCompletion: Record<Side, Samples> = { sync: new Samples(), eda: new Samples() };
  private readonly syncFailedAt: Partial<Record<ServiceId, number>> = {};
  private readonly edaGaveUp: Partial<Record<DownstreamId, number>> = {};
  private readonly features: Record<Side, FeatureChanges> = { sync: { added: [], changed: [] }, eda: { added: [], changed: [] } };
  private readonly maxBacklog: Record<Side, { service: ServiceId | null; value: number }> = {
    sync: { service: null, value: 0 },
    eda: { service: null, value: 0 },
  };
  /** Load series by engine id, looked up once per id (null: no service of the comparison).
   * Caches, not figures: #-private, so they stay out of the metrics' JSON (what the trace
   * fingerprints hash). */
  readonly #syncLoadById = new Map<string, number[] | null>();
  readonly #edaGroups = new Map<string, EdaGroup | null>();
  /** Seconds fully sampled so far. */
  private seconds = 0;
  private lastTime = 0;

  constructor(options: MetricsOptions) {
    this.orderWorkMs = options.orderWorkMs;
    this.net = options.networkLatencyMs;
    this.presentMask = maskOf(options.present);
  }

  /** The EDA Order service's own work changed (applies to orders acknowledged from now on). */
  setOrderWorkMs(ms: number): void {
    this.orderWorkMs = ms;
  }

  /** The EDA services present changed: orders placed from now on wait for these. */
  setPresent(present: readonly DownstreamId[]): void {
    this.presentMask = maskOf(present);
  }

  /** Records what adding a feature took on each side (from the plan's commands). */
  recordFeature(side: Side, commands: readonly Command[]): void {
    const impact = featureImpact(commands);
    const f = this.features[side];
    for (const id of impact.added) if (!f.added.includes(id)) f.added.push(id);
    for (const id of impact.changed) if (!f.changed.includes(id)) f.changed.push(id);
  }

  /** Feeds trace events in time order. */
  ingest(events: readonly TraceEvent[]): void {
    for (let i = 0; i < events.length; i++) this.observe(events[i]);
  }

  /** Feeds one trace event (after every earlier one). Hot path: one switch, no allocation per order. */
  observe(e: TraceEvent): void {
    switch (e.type) {
      case 'requestSent':
        if (e.from === 'user') {
          const n = orderNumber(e.requestId);
          if (n >= 0) {
            this.placed(n, e.t);
            this.totals.sync.placed++;
          }
        }
        this.syncLoad(e.to, e.t);
        break;
      case 'requestAnswered':
        if (e.from === 'user') this.syncAnswered(orderNumber(e.requestId), e.t, e.latencyMs);
        break;
      case 'requestFailed':
        this.syncFailed(orderNumber(e.requestId), e, e.t);
        break;
      case 'produced':
        if (e.producer === EDA_ORDER_PRODUCER && e.topic === ORDERS_TOPIC) this.edaProduced(e.partition, e.baseOffset, e.keys, e.t);
        break;
      case 'acked':
        if (e.producer === EDA_ORDER_PRODUCER && e.topic === ORDERS_TOPIC) this.edaAcked(e.partition, e.baseOffset, e.count, e.t);
        break;
      case 'produceFailed':
        if (e.producer === EDA_ORDER_PRODUCER && !e.willRetry) {
          this.totals.eda.failed += e.count;
          bump(this.sides.eda.failed, second(e.t), e.count);
        }
        break;
      case 'processed':
        // doneAt: when the record's processing ended (a batch is reported when it is done).
        if (e.topic === ORDERS_TOPIC) this.edaProcessed(e.group, e.partition, e.offset, e.outcome, e.doneAt);
        break;
    }
    this.lastTime = e.t;
  }

  /** The trace has gone up to time t (an event at t that observe() was not given, since it only
   * listens to METRIC_SUBSCRIPTION): the time of the last event, as observing every event sets it. */
  heardUntil(t: number): void {
    if (t > this.lastTime) this.lastTime = t;
  }

  private placed(n: number, t: number): void {
    const at = this.placedAt.at(n);
    if (!(at <= t)) this.placedAt.set(n, t);
  }

  /** A service's load series, created the first time the service is heard of (the snapshot lists
   * them in that order). */
  private loadSeries(side: Side, service: ServiceId): number[] {
    const m = this.sides[side].load;
    let s = m.get(service);
    if (!s) m.set(service, (s = []));
    return s;
  }

  /** A request reached sync service `to` (engine id): one more for its load. Hot path (every
   * request): the id's series is found with one lookup. */
  private syncLoad(to: string, t: number): void {
    let series = this.#syncLoadById.get(to);
    if (series === undefined) {
      const service = serviceOfSyncId(to);
      series = service === null ? null : this.loadSeries('sync', service);
      this.#syncLoadById.set(to, series);
    }
    if (series !== null) bump(series, second(t));
  }

  /** The service of an event-driven group, its bit and its load series; null if the group is
   * none of the comparison's services. Hot path (every record handled): one lookup. */
  private edaGroup(group: string): EdaGroup | null {
    let g = this.#edaGroups.get(group);
    if (g === undefined) {
      const service = serviceOfGroup(group);
      g = service === null ? null : { service, bit: DOWNSTREAM_BIT[service], load: this.loadSeries('eda', service) };
      this.#edaGroups.set(group, g);
    }
    return g;
  }

  private ensureOrder(n: number): void {
    if (n < this.syncOutcome.length) return;
    let size = this.syncOutcome.length * 2;
    while (size <= n) size *= 2;
    const grow = (a: Uint8Array) => {
      const next = new Uint8Array(size);
      next.set(a);
      return next;
    };
    this.syncOutcome = grow(this.syncOutcome);
    this.syncRootCause = grow(this.syncRootCause);
    this.edaExpected = grow(this.edaExpected);
    this.edaDone = grow(this.edaDone);
  }

  private syncAnswered(n: number, t: number, latencyMs: number): void {
    if (n < 0) return;
    this.ensureOrder(n);
    this.syncOutcome[n] = SYNC_OK;
    const sec = second(t);
    const b = this.sides.sync;
    this.totals.sync.accepted++;
    this.totals.sync.completed++;
    bump(b.accepted, sec);
    addSample(b.latency, b.latencyStart, sec, latencyMs);
    addSample(b.completion, b.completionStart, sec, latencyMs);
    this.allLatency.sync.push(latencyMs);
    this.allCompletion.sync.push(latencyMs);
  }

  private syncFailed(n: number, e: Extract<TraceEvent, { type: 'requestFailed' }>, t: number): void {
    if (n < 0) return;
    this.ensureOrder(n);
    if (e.reason !== 'downstream' && this.syncRootCause[n] === 0) {
      const s = serviceOfSyncId(e.to);
      if (s) this.syncRootCause[n] = SERVICE_IDS.indexOf(s) + 1;
    }
    if (e.from !== 'user') return;
    this.syncOutcome[n] = SYNC_FAIL;
    const cause = this.syncRootCause[n] > 0 ? SERVICE_IDS[this.syncRootCause[n] - 1] : 'order';
    this.syncFailedAt[cause] = (this.syncFailedAt[cause] ?? 0) + 1;
    this.totals.sync.failed++;
    bump(this.sides.sync.failed, second(t));
    // A failed order still made the user wait: that wait is user-facing latency too.
    const b = this.sides.sync;
    addSample(b.latency, b.latencyStart, second(t), e.latencyMs);
    this.allLatency.sync.push(e.latencyMs);
  }

  private edaProduced(partition: number, baseOffset: number, keys: readonly (string | null)[], t: number): void {
    for (let i = 0; i < keys.length; i++) {
      const n = orderNumber(keys[i]);
      if (n < 0) continue;
      this.ensureOrder(n);
      this.offsets.set(partition, baseOffset + i, n);
      // Placed one network hop before it reached the leader (the sync side usually saw it first).
      this.placed(n, t - this.net);
      this.edaExpected[n] = this.presentMask;
      this.totals.eda.placed++;
    }
  }

  private edaAcked(partition: number, baseOffset: number, count: number, t: number): void {
    const b = this.sides.eda;
    const sec = second(t);
    for (let i = 0; i < count; i++) {
      const n = this.offsets.get(partition, baseOffset + i);
      if (n < 0 || this.edaAckedAt.at(n) >= 0) continue;
      this.edaAckedAt.set(n, t);
      const latency = t - this.placedAt.at(n) + this.orderWorkMs;
      this.totals.eda.accepted++;
      bump(b.accepted, sec);
      addSample(b.latency, b.latencyStart, sec, latency);
      this.allLatency.eda.push(latency);
    }
  }

  private edaProcessed(group: string, partition: number, offset: number, outcome: string, t: number): void {
    const g = this.edaGroup(group);
    if (g === null) return;
    bump(g.load, second(t));
    const service = g.service;
    const n = this.offsets.get(partition, offset);
    if (n < 0) return;
    if (outcome === 'dropped' || outcome === 'deadLettered') {
      this.edaGaveUp[service] = (this.edaGaveUp[service] ?? 0) + 1;
      return;
    }
    if (outcome !== 'ok' && outcome !== 'duplicateSkipped') return;
    const expected = this.edaExpected[n];
    const before = this.edaDone[n];
    const done = before | g.bit;
    this.edaDone[n] = done;
    if ((before & expected) !== expected && (done & expected) === expected) {
      const completion = t - this.placedAt.at(n) + this.orderWorkMs;
      this.edaCompletedAt.set(n, t);
      this.totals.eda.completed++;
      const b = this.sides.eda;
      addSample(b.completion, b.completionStart, second(t), completion);
      this.allCompletion.eda.push(completion);
    }
  }

  /** Samples lag and queues for every whole second up to the view's time. Call at least once a second. */
  sample(view: EngineView): void {
    const upTo = Math.floor(view.now / 1000);
    if (upTo <= this.seconds) return;
    const record = (side: Side, service: ServiceId, value: number) => {
      const m = this.sides[side].backlog;
      let s = m.get(service);
      if (!s) m.set(service, (s = []));
      while (s.length < upTo) s.push(s.length < this.seconds ? 0 : value);
      const max = this.maxBacklog[side];
      if (value > max.value) {
        max.value = value;
        max.service = service;
      }
    };
    for (const g of view.groups) {
      const service = serviceOfGroup(g.id);
      if (service) record('eda', service, ordersLag(view, g.id));
    }
    for (const s of view.syncServices) {
      const service = serviceOfSyncId(s.id);
      if (service) record('sync', service, s.queued + s.active);
    }
    this.seconds = upTo;
  }

  /** Time of the last event seen, ms. */
  get now(): number {
    return this.lastTime;
  }

  /** Placement time of order n (ms) or NaN. */
  placedTime(n: number): number {
    return this.placedAt.at(n);
  }

  /** How order n ended on each side so far. */
  orderOutcome(n: number): { sync: 'ok' | 'failed' | 'pending'; eda: 'accepted' | 'completed' | 'pending' } {
    const s = n < this.syncOutcome.length ? this.syncOutcome[n] : 0;
    return {
      sync: s === SYNC_OK ? 'ok' : s === SYNC_FAIL ? 'failed' : 'pending',
      eda: this.edaCompletedAt.at(n) >= 0 ? 'completed' : this.edaAckedAt.at(n) >= 0 ? 'accepted' : 'pending',
    };
  }

  /** Series and totals for charts. The series cover every whole second sampled so far. */
  snapshot(): MetricsSnapshot {
    const n = this.seconds;
    const t = Array.from({ length: n }, (_, i) => i + 1);
    return {
      t,
      sync: this.sideSeries('sync', n),
      eda: this.sideSeries('eda', n),
      totals: { sync: { ...this.totals.sync }, eda: { ...this.totals.eda } },
      live: { sync: this.live('sync'), eda: this.live('eda') },
      features: { sync: copyFeatures(this.features.sync), eda: copyFeatures(this.features.eda) },
      syncFailedAt: { ...this.syncFailedAt },
      edaGaveUp: { ...this.edaGaveUp },
    };
  }

  private live(side: Side): Percentiles {
    const b = this.sides[side];
    const from = Math.max(0, second(this.lastTime) - LIVE_WINDOW_S + 1);
    return b.latency.percentiles(startIndex(b.latencyStart, from, b.latency.length));
  }

  private sideSeries(side: Side, n: number): SideSeries {
    const b = this.sides[side];
    const fit = (s: number[] | undefined) => Array.from({ length: n }, (_, i) => s?.[i] ?? 0);
    const latency = this.perSecond(b.latency, b.latencyStart, b.latencyCache, n);
    const completion = this.perSecond(b.completion, b.completionStart, b.completionCache, n);
    const load: Partial<Record<ServiceId, number[]>> = {};
    for (const [id, s] of b.load) load[id] = fit(s);
    const backlog: Partial<Record<ServiceId, number[]>> = {};
    for (const [id, s] of b.backlog) backlog[id] = fit(s);
    return {
      accepted: fit(b.accepted),
      failed: fit(b.failed),
      latencyP50: latency.map((p) => p.p50),
      latencyP95: latency.map((p) => p.p95),
      latencyP99: latency.map((p) => p.p99),
      completionP50: completion.map((p) => p.p50),
      completionP95: completion.map((p) => p.p95),
      load,
      backlog,
    };
  }

  /** Percentiles of each of the first n seconds. A second before the last event's second can get
   * no more samples, so its percentiles are computed once and cached. */
  private perSecond(samples: Samples, starts: number[], cache: Percentiles[], n: number): Percentiles[] {
    const closed = second(this.lastTime);
    const out: Percentiles[] = [];
    for (let i = 0; i < n; i++) {
      if (i < cache.length) {
        out.push(cache[i]);
        continue;
      }
      const from = startIndex(starts, i, samples.length);
      const to = startIndex(starts, i + 1, samples.length);
      const p = to > from ? percentiles(samples.data.subarray(from, to)) : { p50: NaN, p95: NaN, p99: NaN };
      if (i === cache.length && i < closed) cache.push(p);
      out.push(p);
    }
    return out;
  }

  /** The table shown when a run ends (whole run). */
  summary(durationMs: number): RunSummary {
    const side = (s: Side): SideSummary => ({
      totals: { ...this.totals[s] },
      latency: this.allLatency[s].percentiles(),
      completion: this.allCompletion[s].percentiles(),
      maxBacklog: { ...this.maxBacklog[s] },
      features: copyFeatures(this.features[s]),
    });
    return { durationMs, sync: side('sync'), eda: side('eda'), syncFailedAt: { ...this.syncFailedAt } };
  }
}

const second = (t: number) => Math.floor(t / 1000);

/**
 * How many "orders" records group `group` has not yet processed: log end offset − committed
 * offset per partition. A group that has never committed on a partition (say its service went
 * down before its first commit) starts from the earliest offset, so everything still in the log
 * counts; the engine view's `totalLag` would count it as 0.
 */
export function ordersLag(view: EngineView, group: string): number {
  const topic = view.topics.find((t) => t.name === ORDERS_TOPIC);
  const g = view.groups.find((x) => x.id === group);
  if (!topic || !g) return 0;
  let lag = 0;
  for (const p of topic.partitions) lag += Math.max(0, p.endOffset - (g.committed[topicPartition(ORDERS_TOPIC, p.id)] ?? p.startOffset));
  return lag;
}

/** Samples are pushed in time order, so each second's samples are one contiguous run. */
function addSample(samples: Samples, starts: number[], sec: number, value: number): void {
  while (starts.length <= sec) starts.push(samples.length);
  samples.push(value);
}

function startIndex(starts: number[], sec: number, length: number): number {
  return sec < starts.length ? starts[sec] : length;
}

function maskOf(present: readonly DownstreamId[]): number {
  let m = 0;
  for (const id of present) m |= DOWNSTREAM_BIT[id];
  return m;
}

function copyFeatures(f: FeatureChanges): FeatureChanges {
  return { added: [...f.added], changed: [...f.changed] };
}

/**
 * What a feature's commands did to the architecture: services created, and existing services
 * whose wiring had to change (a sync service's `calls` list, i.e. its code). Settings a learner
 * tunes at run time (latency, instances, up/down) are not changes to the architecture.
 */
export function featureImpact(commands: readonly Command[]): FeatureChanges {
  const added: string[] = [];
  const changed: string[] = [];
  for (const c of commands) {
    if (c.type === 'addSyncService' || c.type === 'addService') added.push(nameOf(c.id));
    else if (c.type === 'setSyncService' && c.calls !== undefined) {
      const name = nameOf(c.id);
      if (!added.includes(name) && !changed.includes(name)) changed.push(name);
    }
  }
  return { added, changed };
}

/** Service name of an engine id on either side ("order-api" -> "order", "payment.v2" -> "payment"). */
function nameOf(engineId: string): string {
  return serviceOfSyncId(engineId) ?? engineId.replace(/\.v\d+$/, '');
}

