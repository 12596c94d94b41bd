import { KAFKA_DELETE_RETENTION_MS, NO_RULE, SCENARIO_VERSION, type NodeOf, type Scenario, type ScenarioEdge, type ScenarioNode } from '../scenario';
import { downstreamOf, EDA_MAX_ATTEMPTS, ORDER_EVENT, ORDER_PREFIX, ORDERS_TOPIC, RESULT_EVENTS, workMs, type CompareConfig, type DownstreamId } from './model';

/**
 * The comparison's event-driven side as a workbench scenario, so it can go through the same
 * "Export as code" as a canvas: Order publishes OrderPlaced to "orders"; each downstream service
 * (with the learner's instances, work time and error rate) reads it in its own group and publishes
 * its result. The sync side has no topics and is not part of it.
 *
 * Differences from the comparison's engine set-up (model.ts), both forced by the canvas's schema:
 * - Order keys are "order-<n>" for the n-th order there; a canvas producer has no such sequence,
 *   so keys are drawn at random from a million ("order-0".."order-999999"): one key per order
 *   almost always, as in the comparison.
 * - Node labels are English data, as in the templates (the comparison translates its own).
 */
const LABEL: Record<DownstreamId | 'order', string> = {
  order: 'Order',
  payment: 'Payment',
  inventory: 'Inventory',
  email: 'Email',
  analytics: 'Analytics',
  fraud: 'Fraud check',
};

/** The comparison's engine runs its default cluster: three brokers (see engine/config.ts). */
const BROKERS = 3;

export function edaScenario(config: CompareConfig): Scenario {
  const at = { x: 0, y: 0 };
  const downstream = downstreamOf(config.features);
  const topic = (name: string): NodeOf<'topic'> => ({
    id: name,
    kind: 'topic',
    label: name,
    position: at,
    // As edaTopicCommand: replication factor 3, min.insync.replicas 2.
    props: { name, partitions: config.partitions, replicationFactor: 3, minInsyncReplicas: 2, retentionMs: null, cleanupPolicy: 'delete', retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: KAFKA_DELETE_RETENTION_MS },
  });
  const nodes: ScenarioNode[] = [
    {
      id: 'order',
      kind: 'producer',
      label: LABEL.order,
      position: at,
      props: { ratePerSec: config.ratePerSec, keyPattern: 'random', keys: [], keyPrefix: ORDER_PREFIX, keyCount: 1_000_000, eventType: ORDER_EVENT, acks: 'all', idempotent: true, values: 'counter', requestTimeoutMs: 30_000 },
    },
    topic(ORDERS_TOPIC),
  ];
  const edges: ScenarioEdge[] = [{ id: 'order-to-orders', source: 'order', target: ORDERS_TOPIC }];
  for (const id of downstream) {
    const s = config.services[id];
    const result = RESULT_EVENTS[id];
    nodes.push(topic(result.topic), {
      id,
      kind: 'service',
      label: LABEL[id],
      position: at,
      // As edaServiceCommand: its own group named after it, idempotent, earliest.
      props: {
        group: id,
        instances: s.instances,
        processingMs: workMs(s),
        failureRate: s.errorRate,
        maxAttempts: EDA_MAX_ATTEMPTS,
        idempotent: true,
        assignor: 'cooperative-sticky',
        autoOffsetReset: 'earliest',
        emits: result.eventType,
        retryTopic: null,
        deadLetterTopic: null,
        ...NO_RULE,
        transactional: false,
        isolationLevel: 'read_uncommitted',
        failureEmits: '',
        reactsTo: '',
        database: 'none',
        crashChance: 0,
      },
    });
    edges.push({ id: `orders-to-${id}`, source: ORDERS_TOPIC, target: id }, { id: `${id}-to-${result.topic}`, source: id, target: result.topic });
  }
  for (let i = 1; i <= BROKERS; i++) nodes.push({ id: `broker-${i}`, kind: 'broker', label: `Broker ${i}`, position: at, props: {} });
  return { version: SCENARIO_VERSION, name: 'Event-driven shop', seed: config.seed, nodes, edges, timeline: [], time: 0 };
}
