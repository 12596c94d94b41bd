import { describe, expect, it } from 'vitest';
import { createEngine, type AddConsumer, type AddProducer, type AddService, type Command, type CreateTopic } from '../../src/engine';
import {
  nodeForConsumer,
  nodeForProducer,
  PROBLEM_CODES,
  scenarioToEngine,
  TEMPLATES,
  type NodeOf,
  type Scenario,
} from '../../src/scenario';
import { scenarioOf } from './helpers';

/** Applies the setup to a real engine; throws if the engine refuses any command. */
function run(s: Scenario) {
  const setup = scenarioToEngine(s);
  const engine = createEngine(setup.config);
  for (const c of setup.commands) engine.apply(c);
  return { ...setup, engine };
}

const ofType = <T extends Command>(commands: Command[], type: T['type']) => commands.filter((c): c is T => c.type === type);

function patch<K extends 'producer' | 'topic' | 'service' | 'consumer'>(s: Scenario, id: string, props: Partial<NodeOf<K>['props']>): Scenario {
  return { ...s, nodes: s.nodes.map((n) => (n.id === id ? ({ ...n, props: { ...n.props, ...props } } as typeof n) : n)) };
}

describe('templates in a real engine', () => {
  it.each(Object.values(TEMPLATES))('the $id template converts to commands the engine accepts, without problems', (t) => {
    const { problems, engine, commands } = run(t.build());
    expect(problems).toEqual([]);
    expect(engine.commandLog).toHaveLength(commands.length);
  });

  it('after 10 s of the order template every service group has processed records', () => {
    const { engine } = run(TEMPLATES.orderFanOut.build());
    engine.advance(10_000);
    const view = engine.view();
    expect(view.services.map((s) => s.id).sort()).toEqual(['analytics', 'email', 'inventory', 'payment']);
    for (const service of view.services) expect(service.stats.processed, service.id).toBeGreaterThan(0);
    for (const group of ['payment-service', 'inventory-service', 'email-service', 'analytics-service']) {
      const g = view.groups.find((x) => x.id === group)!;
      expect(Object.values(g.committed).reduce((a, b) => a + b, 0), group).toBeGreaterThan(0);
    }
    for (const topic of ['payments', 'inventory-events', 'notifications']) {
      const t = view.topics.find((x) => x.name === topic)!;
      expect(t.partitions.reduce((n, p) => n + p.records, 0), topic).toBeGreaterThan(0);
    }
  });

  it('after 10 s of the IoT template the dashboard and the alerting consumers have read records', () => {
    const { engine } = run(TEMPLATES.iotStream.build());
    engine.advance(10_000);
    const view = engine.view();
    for (const group of ['dashboard', 'alerting', 'anomaly-detector']) {
      const g = view.groups.find((x) => x.id === group)!;
      expect(Object.values(g.committed).reduce((a, b) => a + b, 0), group).toBeGreaterThan(0);
    }
  });

  it('maps the order template onto engine ids in the documented order', () => {
    const { commands, ids, config } = scenarioToEngine(TEMPLATES.orderFanOut.build());
    expect(config).toEqual({ seed: 42, brokers: 3 });
    expect(commands.map((c) => c.type)).toEqual([
      ...Array(4).fill('createTopic'),
      'addProducer',
      ...Array(4).fill('addService'),
    ]);
    expect(ofType<AddProducer>(commands, 'addProducer')[0]).toEqual({
      type: 'addProducer',
      id: 'order-service',
      topic: 'orders',
      ratePerSec: 5,
      keys: { kind: 'random', prefix: 'order-', count: 1000 },
      eventType: 'OrderPlaced',
      acks: 'all',
      idempotent: true,
    });
    expect(ofType<AddService>(commands, 'addService').find((c) => c.id === 'payment')).toEqual({
      type: 'addService',
      id: 'payment',
      group: 'payment-service',
      subscribes: ['orders'],
      handlers: [{ on: '*', emit: [{ topic: 'payments', eventType: 'PaymentProcessed', key: 'same' }] }],
      instances: 1,
      processingMs: 50,
      failureRate: 0,
      maxAttempts: 3,
      idempotent: false,
      assignor: 'cooperative-sticky',
      autoOffsetReset: 'earliest',
    });
    expect(ids.topicNode).toEqual({ orders: 'orders', payments: 'payments', 'inventory-events': 'inventory-events', notifications: 'notifications' });
    expect(ids.serviceNode).toEqual({ payment: 'payment', inventory: 'inventory', email: 'email', analytics: 'analytics' });
    expect(ids.groupNodes['payment-service']).toEqual(['payment']);
    expect(ids.brokerNode).toEqual(['broker-1', 'broker-2', 'broker-3']);
  });
});

describe('turning nodes into engine commands', () => {
  it('runs one broker when the canvas has none', () => {
    const { config, problems } = scenarioToEngine(scenarioOf([]));
    expect(config.brokers).toBe(1);
    expect(problems).toEqual([]);
  });

  it('clamps a replication factor above the broker count and min ISR above RF, and says so', () => {
    let s = scenarioOf(['broker', 'topic', 'topic']);
    s = patch<'topic'>(s, 'topic-1', { replicationFactor: 3, minInsyncReplicas: 2 });
    s = patch<'topic'>(s, 'topic-2', { replicationFactor: 1, minInsyncReplicas: 3 });
    const { commands, problems } = run(s);
    const topics = ofType<CreateTopic>(commands, 'createTopic');
    expect(topics.map((t) => [t.replicationFactor, t.minInsyncReplicas])).toEqual([[1, 1], [1, 1]]);
    expect(problems).toEqual([
      { nodeId: 'topic-1', code: 'rfAboveBrokers', detail: { replicationFactor: 3, brokers: 1 } },
      { nodeId: 'topic-2', code: 'minIsrAboveRf', detail: { minInsyncReplicas: 3, replicationFactor: 1 } },
    ]);
  });

  it('gives a producer writing to two topics one engine producer per topic', () => {
    const s = scenarioOf(['topic', 'topic', 'producer'], [['producer-1', 'topic-1'], ['producer-1', 'topic-2']]);
    const { ids, commands } = run(s);
    expect(ofType<AddProducer>(commands, 'addProducer').map((p) => [p.id, p.topic])).toEqual([
      ['producer-1.topic-1', 'topic-1'],
      ['producer-1.topic-2', 'topic-2'],
    ]);
    expect(ids.producerNode).toEqual({ 'producer-1.topic-1': 'producer-1', 'producer-1.topic-2': 'producer-1' });
  });

  it('reports a producer with no topic and sends nothing for it', () => {
    const { commands, problems } = run(scenarioOf(['producer']));
    expect(commands).toEqual([]);
    expect(problems).toEqual([{ nodeId: 'producer-1', code: 'notConnected' }]);
  });

  it('turns key patterns into engine key patterns', () => {
    let s = scenarioOf(['topic', 'producer', 'producer', 'producer', 'producer'], [
      ['producer-1', 'topic-1'],
      ['producer-2', 'topic-1'],
      ['producer-3', 'topic-1'],
      ['producer-4', 'topic-1'],
    ]);
    s = patch<'producer'>(s, 'producer-1', { keyPattern: 'none' });
    s = patch<'producer'>(s, 'producer-2', { keyPattern: 'cycle', keys: ['a', 'b'] });
    s = patch<'producer'>(s, 'producer-3', { keyPattern: 'cycle', keys: [] });
    s = patch<'producer'>(s, 'producer-4', { keyPattern: 'random', keyPrefix: 'user-', keyCount: 7 });
    const { commands, problems } = run(s);
    expect(ofType<AddProducer>(commands, 'addProducer').map((p) => p.keys)).toEqual([
      { kind: 'none' },
      { kind: 'cycle', keys: ['a', 'b'] },
      { kind: 'none' },
      { kind: 'random', prefix: 'user-', count: 7 },
    ]);
    expect(problems).toEqual([{ nodeId: 'producer-3', code: 'noKeys' }]);
  });

  it('turns idempotence off unless acks is all', () => {
    let s = scenarioOf(['topic', 'producer'], [['producer-1', 'topic-1']]);
    s = patch<'producer'>(s, 'producer-1', { acks: 1, idempotent: true });
    const { commands, problems } = run(s);
    expect(ofType<AddProducer>(commands, 'addProducer')[0]).toMatchObject({ acks: 1, idempotent: false });
    expect(problems).toEqual([{ nodeId: 'producer-1', code: 'idempotentNeedsAcksAll', detail: { acks: 1 } }]);
  });

  it('subscribes a service to its input topics and has it emit to its outputs except retry and dead-letter topics', () => {
    let s = scenarioOf(['topic', 'topic', 'topic', 'topic', 'service'], [
      ['topic-1', 'service-1'],
      ['service-1', 'topic-2'],
      ['service-1', 'topic-3'],
      ['service-1', 'topic-4'],
    ]);
    s = patch<'service'>(s, 'service-1', { retryTopic: 'topic-3', deadLetterTopic: 'topic-4', emits: 'Done', failureRate: 0.5 });
    const { commands, problems } = run(s);
    const service = ofType<AddService>(commands, 'addService')[0];
    expect(service).toMatchObject({
      subscribes: ['topic-1'],
      handlers: [{ on: '*', emit: [{ topic: 'topic-2', eventType: 'Done', key: 'same' }] }],
      retryTopic: 'topic-3',
      deadLetterTopic: 'topic-4',
      failureRate: 0.5,
    });
    expect(problems).toEqual([]);
  });

  it('reports a retry or dead-letter topic that is not on the canvas', () => {
    let s = scenarioOf(['topic', 'service'], [['topic-1', 'service-1']]);
    s = patch<'service'>(s, 'service-1', { retryTopic: 'gone', deadLetterTopic: 'service-1' });
    const { commands, problems } = run(s);
    const service = ofType<AddService>(commands, 'addService')[0];
    expect(service.retryTopic).toBeUndefined();
    expect(service.deadLetterTopic).toBeUndefined();
    expect(problems).toEqual([
      { nodeId: 'service-1', code: 'retryTopicMissing', detail: { topic: 'gone' } },
      { nodeId: 'service-1', code: 'deadLetterTopicMissing', detail: { topic: 'service-1' } },
    ]);
  });

  it('reports services and consumers that read nothing, and leaves them out', () => {
    const { commands, problems } = run(scenarioOf(['topic', 'service', 'consumer'], [['service-1', 'topic-1']]));
    expect(commands.map((c) => c.type)).toEqual(['createTopic']);
    expect(problems).toEqual([
      { nodeId: 'service-1', code: 'notSubscribed' },
      { nodeId: 'consumer-1', code: 'notSubscribed' },
    ]);
  });

  it('starts one engine consumer per instance of a consumer node', () => {
    let s = scenarioOf(['topic', 'topic', 'consumer'], [['topic-1', 'consumer-1'], ['topic-2', 'consumer-1']]);
    s = patch<'consumer'>(s, 'consumer-1', { instances: 3, group: 'readers', commitMode: 'afterProcess', assignor: 'range' });
    const { commands, ids } = run(s);
    const consumers = ofType<AddConsumer>(commands, 'addConsumer');
    expect(consumers.map((c) => c.id)).toEqual(['consumer-1-0', 'consumer-1-1', 'consumer-1-2']);
    expect(consumers[0]).toEqual({
      type: 'addConsumer',
      id: 'consumer-1-0',
      group: 'readers',
      topics: ['topic-1', 'topic-2'],
      processingMs: 5,
      assignor: 'range',
      autoOffsetReset: 'earliest',
      commitMode: 'afterProcess',
    });
    expect(ids.groupNodes).toEqual({ readers: ['consumer-1'] });
  });

  it('puts every createTopic first, then producers, services and consumers', () => {
    const s = scenarioOf(['consumer', 'service', 'producer', 'topic', 'topic'], [
      ['producer-1', 'topic-1'],
      ['topic-1', 'service-1'],
      ['service-1', 'topic-2'],
      ['topic-2', 'consumer-1'],
    ]);
    expect(run(s).commands.map((c) => c.type)).toEqual(['createTopic', 'createTopic', 'addProducer', 'addService', 'addConsumer']);
  });

  it('reports and ignores an arrow the canvas would refuse', () => {
    const s = scenarioOf(['producer', 'consumer'], [['producer-1', 'consumer-1']]);
    const { problems } = run(s);
    expect(problems).toContainEqual({ nodeId: 'producer-1', code: 'badConnection', detail: { edge: 'e0', target: 'consumer-1' } });
  });

  it('only reports codes listed in PROBLEM_CODES', () => {
    let s = scenarioOf(['producer', 'service', 'consumer', 'topic', 'broker'], [['producer-1', 'consumer-1']]);
    s = patch<'topic'>(s, 'topic-1', { replicationFactor: 5, minInsyncReplicas: 5 });
    for (const p of scenarioToEngine(s).problems) expect(PROBLEM_CODES).toContain(p.code);
  });
});

describe('finding the node behind an engine id', () => {
  const s = scenarioOf(['topic', 'service', 'consumer', 'producer'], [
    ['topic-1', 'service-1'],
    ['topic-1', 'consumer-1'],
    ['producer-1', 'topic-1'],
  ]);
  const { ids } = scenarioToEngine(patch<'consumer'>(s, 'consumer-1', { instances: 12 }));

  it('maps consumer instances and service instances (including restarted ones) to their nodes', () => {
    expect(nodeForConsumer(ids, 'consumer-1-0')).toBe('consumer-1');
    expect(nodeForConsumer(ids, 'consumer-1-11')).toBe('consumer-1');
    expect(nodeForConsumer(ids, 'service-1-0')).toBe('service-1');
    expect(nodeForConsumer(ids, 'service-1-17')).toBe('service-1');
    expect(nodeForConsumer(ids, 'service-2-0')).toBeUndefined();
    expect(nodeForConsumer(ids, 'service-1')).toBeUndefined();
  });

  it('maps producers, including a service\'s own producer, to their nodes', () => {
    expect(nodeForProducer(ids, 'producer-1')).toBe('producer-1');
    expect(nodeForProducer(ids, 'service-1.producer')).toBe('service-1');
    expect(nodeForProducer(ids, 'stranger')).toBeUndefined();
  });
});

describe('transactions, isolation.level and request.timeout.ms reach the engine', () => {
  it('passes only settings that differ from Kafka’s defaults, and the engine accepts them', () => {
    const base = TEMPLATES.orderFanOut.build();
    const plain = scenarioToEngine(base).commands;
    expect(plain.some((c) => 'transactional' in c || 'isolationLevel' in c || 'requestTimeoutMs' in c)).toBe(false);
    let s = patch<'service'>(base, 'payment', { transactional: true, isolationLevel: 'read_committed' });
    s = patch<'producer'>(s, 'order-service', { requestTimeoutMs: 3000 });
    const { commands, problems, engine } = run(s);
    expect(problems).toEqual([]);
    expect(ofType<AddService>(commands, 'addService').find((c) => c.id === 'payment')).toMatchObject({ transactional: true, isolationLevel: 'read_committed' });
    expect(ofType<AddProducer>(commands, 'addProducer').find((c) => c.id === 'order-service')).toMatchObject({ requestTimeoutMs: 3000 });
    engine.advance(3000);
    expect(engine.view().services.find((x) => x.id === 'payment')!.transactions).toMatchObject({ isolationLevel: 'read_committed' });
  });
});
