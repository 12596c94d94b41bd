import { createEngine, type Command, type Engine, type SubscribeOptions, type TraceEvent } from '../engine';

/**
 * One engine, two worlds: the same order stream handled by a synchronous call chain and by an
 * event-driven flow. Both run in a single engine so they share the clock and the seed, and order
 * n is "order-n" on both sides (a sync client and a producer with a `sequence` key pattern at the
 * same rate tick together, see test/engine/sync.test.ts).
 *
 *   sync: user -> order-api -> payment-api, inventory-api, email-api (+ features), one after
 *         another; the user waits for the whole chain.
 *   EDA:  user -> Order (producer "order") -> topic "orders" -> payment, inventory, email (+
 *         features) as consumer groups, each publishing its own result topic.
 *
 * Engine ids are distinct per world ("payment-api" vs the "payment" group), so every trace event
 * says which side it belongs to.
 */

/** Services a learner can see and toggle; `order` is the front door on both sides. */
export const SERVICE_IDS = ['order', 'payment', 'inventory', 'email', 'analytics', 'fraud'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];
/** Services behind the Order service in the starting architecture. */
export const CORE_DOWNSTREAM = ['payment', 'inventory', 'email'] as const;
/** Services a learner can add during a run, as a new feature. */
export const FEATURE_IDS = ['analytics', 'fraud'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];
export type DownstreamId = Exclude<ServiceId, 'order'>;
export type Side = 'sync' | 'eda';

export const isFeature = (id: ServiceId): id is FeatureId => (FEATURE_IDS as readonly string[]).includes(id);

/** What each downstream service publishes in the event-driven world. */
export const RESULT_EVENTS: Record<DownstreamId, { topic: string; eventType: string }> = {
  payment: { topic: 'payments', eventType: 'PaymentCompleted' },
  inventory: { topic: 'stock', eventType: 'StockReserved' },
  email: { topic: 'emails', eventType: 'EmailSent' },
  analytics: { topic: 'order-stats', eventType: 'OrderCounted' },
  fraud: { topic: 'fraud-checks', eventType: 'FraudChecked' },
};

export const ORDERS_TOPIC = 'orders';
export const ORDER_EVENT = 'OrderPlaced';
/** The order number n is the suffix of this prefix on both sides. */
export const ORDER_PREFIX = 'order-';
/** The sync world's user stream (engine sync client id). */
export const SYNC_CLIENT = 'shop';
/** The EDA Order service's producer id. */
export const EDA_ORDER_PRODUCER = 'order';
/** One-way network latency between any two parties, ms (engine config). */
export const NETWORK_LATENCY_MS = 1;
/** Requests a sync instance serves at once (its worker threads). */
export const THREADS_PER_INSTANCE = 8;
/** Attempts an event-driven service makes per record before giving up on it. */
export const EDA_MAX_ATTEMPTS = 5;

export const syncId = (s: ServiceId): string => `${s}-api`;
/**
 * The engine id of an event-driven service's current deployment. Its consumer group is always the
 * service name; a redeploy (see controls.ts) gets a fresh engine id so consumer ids are never
 * reused (events scheduled for a removed consumer must not reach a new one with the same id).
 */
export const edaId = (s: DownstreamId, revision = 0): string => (revision === 0 ? s : `${s}.v${revision + 1}`);

/** Where the user-facing sync timeout sits: the user gives up on order-api after this. */
const ORDER_TIMEOUT_MS = 3000;
const DOWNSTREAM_TIMEOUT_MS = 1000;

export interface ServiceSettings {
  /** The service's own work per order, ms (both sides). */
  latencyMs: number;
  /** The learner's "make it slow" knob, added to latencyMs, ms. */
  extraLatencyMs: number;
  /** Chance (0..1) that handling one order fails. */
  errorRate: number;
  instances: number;
  down: boolean;
}

export interface CompareConfig {
  seed: number;
  /** Orders placed per second (the same stream enters both sides). */
  ratePerSec: number;
  /** Partitions of every topic: the most instances a consumer group can use. */
  partitions: number;
  /** Feature services present from the start; the others can be added during a run. */
  features: FeatureId[];
  services: Record<ServiceId, ServiceSettings>;
  /** Trace events the engine keeps (diagrams read them); 0 keeps none (headless runs). */
  traceLimit: number;
  /** Redeploys so far of each event-driven service (0 = the first deployment). */
  revisions: Partial<Record<DownstreamId, number>>;
}

const BASE_LATENCY: Record<ServiceId, number> = { order: 10, payment: 30, inventory: 15, email: 20, analytics: 5, fraud: 25 };

export function defaultConfig(overrides: Partial<Omit<CompareConfig, 'services'>> & { services?: Partial<Record<ServiceId, Partial<ServiceSettings>>> } = {}): CompareConfig {
  const services = {} as Record<ServiceId, ServiceSettings>;
  for (const id of SERVICE_IDS) {
    services[id] = { latencyMs: BASE_LATENCY[id], extraLatencyMs: 0, errorRate: 0, instances: 1, down: false, ...overrides.services?.[id] };
  }
  return {
    seed: overrides.seed ?? 1,
    ratePerSec: overrides.ratePerSec ?? 20,
    partitions: overrides.partitions ?? 12,
    features: overrides.features ?? [],
    services,
    traceLimit: overrides.traceLimit ?? 60_000,
    revisions: {},
  };
}

export const workMs = (s: ServiceSettings): number => s.latencyMs + s.extraLatencyMs;

/** The downstream services present on both sides, in the order the sync Order service calls them. */
export function downstreamOf(features: readonly FeatureId[]): DownstreamId[] {
  return [...CORE_DOWNSTREAM, ...features];
}

// ------------------------------------------------------------------ commands that build each side

export function syncServiceCommand(id: ServiceId, s: ServiceSettings, calls: string[] = []): Command {
  return {
    type: 'addSyncService',
    id: syncId(id),
    latencyMs: workMs(s),
    timeoutMs: id === 'order' ? ORDER_TIMEOUT_MS : DOWNSTREAM_TIMEOUT_MS,
    failureRate: s.errorRate,
    concurrency: s.instances * THREADS_PER_INSTANCE,
    calls,
  };
}

export function edaTopicCommand(name: string, partitions: number): Command {
  return { type: 'createTopic', name, partitions, replicationFactor: 3, minInsyncReplicas: 2 };
}

/** An event-driven service: its own group on "orders", publishing its result event keyed by order. */
export function edaServiceCommand(id: DownstreamId, s: ServiceSettings, revision = 0): Command {
  const result = RESULT_EVENTS[id];
  return {
    type: 'addService',
    id: edaId(id, revision),
    group: id,
    subscribes: [ORDERS_TOPIC],
    handlers: [{ on: ORDER_EVENT, emit: [{ topic: result.topic, eventType: result.eventType, key: 'same' }] }],
    instances: s.instances,
    processingMs: workMs(s),
    failureRate: s.errorRate,
    maxAttempts: EDA_MAX_ATTEMPTS,
    // Redelivery after a crash or a redeploy must not send a second email.
    idempotent: true,
    autoOffsetReset: 'earliest',
  };
}

/** Every command that sets up both worlds from a config, in order. */
export function setupCommands(config: CompareConfig): Command[] {
  const downstream = downstreamOf(config.features);
  const out: Command[] = [];
  // Sync: callees first (a caller may only name services that exist).
  for (const id of downstream) out.push(syncServiceCommand(id, config.services[id]));
  out.push(syncServiceCommand('order', config.services.order, downstream.map(syncId)));
  // EDA: topics, then the services, then the stream of orders.
  out.push(edaTopicCommand(ORDERS_TOPIC, config.partitions));
  for (const id of downstream) out.push(edaTopicCommand(RESULT_EVENTS[id].topic, config.partitions));
  for (const id of downstream) out.push(edaServiceCommand(id, config.services[id]));
  // Services are set up before orders flow so both worlds start from the same moment.
  out.push({ type: 'addSyncClient', id: SYNC_CLIENT, to: syncId('order'), ratePerSec: config.ratePerSec, requestPrefix: ORDER_PREFIX });
  out.push({
    type: 'addProducer',
    id: EDA_ORDER_PRODUCER,
    topic: ORDERS_TOPIC,
    ratePerSec: config.ratePerSec,
    keys: { kind: 'sequence', prefix: ORDER_PREFIX },
    eventType: ORDER_EVENT,
    acks: 'all',
    // Sent at once, so order n is appended one network hop after the sync side receives it.
    lingerMs: 0,
  });
  for (const id of downstream) if (config.services[id].down) out.push(...downSideCommands(config, id, true));
  return out;
}

export function downSideCommands(config: CompareConfig, id: DownstreamId, down: boolean): Command[] {
  return [
    { type: 'setSyncService', id: syncId(id), down },
    { type: 'setServiceDown', id: edaId(id, config.revisions[id] ?? 0), down },
  ];
}

/** A fresh engine with both worlds set up from `config` at time 0. `listen` (if given) hears every
 * trace event (or those of `options.types`) from the first command on. */
export function buildEngine(config: CompareConfig, listen?: (event: TraceEvent) => void, options?: SubscribeOptions): Engine {
  const engine = createEngine({ seed: config.seed, traceLimit: config.traceLimit, networkLatencyMs: NETWORK_LATENCY_MS });
  if (listen) engine.subscribe(listen, options);
  for (const command of setupCommands(config)) engine.apply(command);
  return engine;
}

/** n of "order-n", or -1 for any other key. Hot path: no allocation. */
export function orderNumber(key: string | null): number {
  if (key === null || key.length <= ORDER_PREFIX.length || !key.startsWith(ORDER_PREFIX)) return -1;
  let n = 0;
  for (let i = ORDER_PREFIX.length; i < key.length; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export const orderKey = (n: number): string => `${ORDER_PREFIX}${n}`;

const BY_SYNC_ID = new Map<string, ServiceId>(SERVICE_IDS.map((s) => [syncId(s), s]));
const BY_GROUP = new Map<string, DownstreamId>(SERVICE_IDS.filter((s): s is DownstreamId => s !== 'order').map((s) => [s, s]));

/** The service a sync engine id names ("payment-api" -> "payment"), or null. */
export function serviceOfSyncId(id: string): ServiceId | null {
  return BY_SYNC_ID.get(id) ?? null;
}

/** The service an event-driven consumer group belongs to (groups are named after services). */
export function serviceOfGroup(group: string): DownstreamId | null {
  return BY_GROUP.get(group) ?? null;
}
