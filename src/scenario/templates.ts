import { defaultProps } from './factory';
import { SCENARIO_VERSION, type NodeOf, type Scenario, type ScenarioEdge, type ScenarioNode } from './schema';

/**
 * Ready-made canvases. Titles and descriptions are i18n keys (the UI translates them); node labels
 * and names are learner-editable data, so they are plain English here.
 *
 * Contract: build() returns a new, schema-valid scenario each call (safe to mutate), each node
 * where autoLayout puts it (stored here, so the first screen needs no layout code and dagre loads
 * only when a canvas is arranged; test/scenario/layout.test.ts checks they still agree), at t = 0 with an empty timeline; its setup converts to engine commands without
 * problems.
 */
export interface Template {
  id: TemplateId;
  titleKey: string;
  descriptionKey: string;
  build(): Scenario;
}

export type TemplateId = 'empty' | 'orderFanOut' | 'iotStream' | 'fraudDetection';

const DEFAULT_SEED = 42;
const at0 = { x: 0, y: 0 };

const brokers = (count: number): NodeOf<'broker'>[] =>
  Array.from({ length: count }, (_, i) => ({ id: `broker-${i + 1}`, kind: 'broker', label: `Broker ${i + 1}`, position: at0, props: {} }));

function producer(id: string, label: string, props: Partial<NodeOf<'producer'>['props']>): NodeOf<'producer'> {
  return {
    id,
    kind: 'producer',
    label,
    position: at0,
    props: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'EventHappened', acks: 'all', idempotent: true, values: 'counter', requestTimeoutMs: 30_000, ...props },
  };
}

function topic(name: string, props: Partial<NodeOf<'topic'>['props']>): NodeOf<'topic'> {
  return {
    id: name,
    kind: 'topic',
    label: name,
    position: at0,
    props: { ...defaultProps('topic', name, 3), ...props },
  };
}

function service(id: string, label: string, props: Partial<NodeOf<'service'>['props']>): NodeOf<'service'> {
  return { id, kind: 'service', label, position: at0, props: { ...defaultProps('service', id, 3), ...props } };
}

function consumer(id: string, label: string, props: Partial<NodeOf<'consumer'>['props']>): NodeOf<'consumer'> {
  return { id, kind: 'consumer', label, position: at0, props: { ...defaultProps('consumer', id, 3), ...props } };
}

/** Edges from [source, target] pairs, with ids `${source}-to-${target}`. */
const arrows = (...pairs: [string, string][]): ScenarioEdge[] =>
  pairs.map(([source, target]) => ({ id: `${source}-to-${target}`.slice(0, 40), source, target }));

/** Top-left corner of each node, by id, as autoLayout places it. */
type Positions = Readonly<Record<string, readonly [number, number]>>;

function scenario(name: string, nodes: ScenarioNode[], edges: ScenarioEdge[], positions: Positions): Scenario {
  const placed = nodes.map((n) => ({ ...n, position: { x: positions[n.id][0], y: positions[n.id][1] } }));
  return { version: SCENARIO_VERSION, name, seed: DEFAULT_SEED, nodes: placed, edges, timeline: [], time: 0 };
}

export const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  empty: {
    id: 'empty',
    titleKey: 'templates.empty.title',
    descriptionKey: 'templates.empty.description',
    build: () => scenario('Empty cluster', brokers(3), [], { 'broker-1': [40, 40], 'broker-2': [270, 40], 'broker-3': [500, 40] }),
  },

  orderFanOut: {
    id: 'orderFanOut',
    titleKey: 'templates.orderFanOut.title',
    descriptionKey: 'templates.orderFanOut.description',
    build: () =>
      scenario(
        'Order fan-out',
        [
          producer('order-service', 'Order Service', {
            ratePerSec: 5,
            keyPattern: 'random',
            keyPrefix: 'order-',
            keyCount: 1000,
            eventType: 'OrderPlaced',
            acks: 'all',
            idempotent: true,
          }),
          topic('orders', { partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 }),
          service('payment', 'Payment', { group: 'payment-service', processingMs: 50, emits: 'PaymentProcessed' }),
          service('inventory', 'Inventory', { group: 'inventory-service', processingMs: 30, emits: 'StockReserved' }),
          service('email', 'Email', { group: 'email-service', processingMs: 80, emits: 'EmailSent' }),
          service('analytics', 'Analytics', { group: 'analytics-service', processingMs: 20, emits: 'OrderCounted' }),
          topic('payments', {}),
          topic('inventory-events', {}),
          topic('notifications', {}),
          ...brokers(3),
        ],
        arrows(
          ['order-service', 'orders'],
          ['orders', 'payment'],
          ['orders', 'inventory'],
          ['orders', 'email'],
          ['orders', 'analytics'],
          ['payment', 'payments'],
          ['inventory', 'inventory-events'],
          ['email', 'notifications'],
        ),
        { 'order-service': [40, 419], 'orders': [380, 247], 'payment': [870, 926], 'inventory': [870, 584], 'email': [870, 242], 'analytics': [870, 40], 'payments': [1210, 856], 'inventory-events': [1210, 514], 'notifications': [1210, 172], 'broker-1': [490, 1248], 'broker-2': [720, 1248], 'broker-3': [950, 1248] },
      ),
  },

  iotStream: {
    id: 'iotStream',
    titleKey: 'templates.iotStream.title',
    descriptionKey: 'templates.iotStream.description',
    build: () =>
      scenario(
        'IoT sensor stream',
        [
          producer('sensors', 'Sensors', {
            ratePerSec: 200,
            keyPattern: 'random',
            keyPrefix: 'sensor-',
            keyCount: 50,
            eventType: 'SensorReading',
            acks: 1,
            idempotent: false,
            values: 'temperature',
          }),
          topic('sensor-readings', { partitions: 12, replicationFactor: 2, minInsyncReplicas: 1, retentionMs: 60_000 }),
          // A lone hot reading is a glitch; three above 80 °C within a second is a sensor overheating.
          service('anomaly-detector', 'Anomaly Detector', {
            group: 'anomaly-detector',
            instances: 2,
            processingMs: 2,
            emits: 'AnomalyDetected',
            ruleField: 'temperature',
            ruleAbove: 80,
            ruleCount: 3,
            ruleWindowMs: 1000,
          }),
          topic('alerts', { partitions: 3, replicationFactor: 2, minInsyncReplicas: 1 }),
          consumer('alerting', 'Alerting', { group: 'alerting' }),
          consumer('dashboard', 'Dashboard', { group: 'dashboard', processingMs: 1 }),
          ...brokers(3),
        ],
        arrows(
          ['sensors', 'sensor-readings'],
          ['sensor-readings', 'anomaly-detector'],
          ['anomaly-detector', 'alerts'],
          ['alerts', 'alerting'],
          ['sensor-readings', 'dashboard'],
        ),
        { 'sensors': [40, 130], 'sensor-readings': [380, 106], 'anomaly-detector': [870, 212], 'alerts': [1210, 153], 'alerting': [1700, 238], 'dashboard': [870, 40], 'broker-1': [660, 545], 'broker-2': [890, 545], 'broker-3': [1120, 545] },
      ),
  },

  fraudDetection: {
    id: 'fraudDetection',
    titleKey: 'templates.fraudDetection.title',
    descriptionKey: 'templates.fraudDetection.description',
    build: () =>
      scenario(
        'Fraud detection',
        [
          producer('card-payments', 'Card payments', {
            ratePerSec: 20,
            keyPattern: 'random',
            keyPrefix: 'card-',
            keyCount: 500,
            eventType: 'PaymentAuthorized',
            values: 'amount',
          }),
          topic('payments', { partitions: 6 }),
          // The rule a learner tunes: payments above 1 000 are flagged for review.
          service('fraud-check', 'Fraud check', {
            group: 'fraud-check',
            processingMs: 5,
            emits: 'PaymentFlagged',
            ruleField: 'amount',
            ruleAbove: 1000,
          }),
          topic('fraud-alerts', {}),
          consumer('case-review', 'Case review', { group: 'case-review' }),
          consumer('audit', 'Audit trail', { group: 'audit', processingMs: 1 }),
          ...brokers(3),
        ],
        arrows(['card-payments', 'payments'], ['payments', 'fraud-check'], ['fraud-check', 'fraud-alerts'], ['fraud-alerts', 'case-review'], ['payments', 'audit']),
        { 'card-payments': [40, 212], 'payments': [380, 40], 'fraud-check': [870, 300], 'fraud-alerts': [1210, 230], 'case-review': [1700, 315], 'audit': [870, 128], 'broker-1': [660, 624], 'broker-2': [890, 624], 'broker-3': [1120, 624] },
      ),
  },
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
