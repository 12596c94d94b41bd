import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createEngine,
  groupsReading,
  instanceId,
  isPartitionOf,
  parseInstanceId,
  parseTopicPartition,
  partitionNumberOf,
  serviceOfProducerId,
  serviceProducerId,
  topicOfPartition,
  topicPartition,
} from '../../src/engine';
import { NODE_KINDS, nodeForConsumer, nodeForProducer, scenarioToEngine, TEMPLATES } from '../../src/scenario';
import { scenarioNode } from '../../src/scenario/validate';

/** Topic names as Kafka allows them: letters, digits, '.', '_' and '-' (dashes and digits included). */
const topicName = fc.stringMatching(/^[a-z0-9._-]{1,20}$/);
const partition = fc.nat({ max: 10_000 });

describe('topic-partition names', () => {
  test('parse back to the topic and partition they were made from, whatever dashes and digits the topic has', () => {
    fc.assert(
      fc.property(topicName, partition, (topic, p) => {
        const name = topicPartition(topic, p);
        expect(parseTopicPartition(name)).toEqual({ topic, partition: p });
        expect(topicOfPartition(name)).toBe(topic);
        expect(partitionNumberOf(name)).toBe(p);
        expect(isPartitionOf(name, topic)).toBe(true);
      }),
    );
  });

  test('a partition of topic "a-1" is not a partition of topic "a" (a prefix test would say it is)', () => {
    const name = topicPartition('a-1', 0);
    expect(name).toBe('a-1-0');
    expect(name.startsWith('a-')).toBe(true); // the old check, which wrongly matched
    expect(isPartitionOf(name, 'a')).toBe(false);
    expect(isPartitionOf(name, 'a-1')).toBe(true);
    expect(isPartitionOf(topicPartition('a', 1), 'a-1')).toBe(false);
    expect(isPartitionOf('ab-0', 'a')).toBe(false);
  });

  test('names that are not "topic-<partition number>" do not parse ("orders--1" is partition 1 of "orders-")', () => {
    expect(parseTopicPartition('orders--1')).toEqual({ topic: 'orders-', partition: 1 });
    for (const bad of ['orders', 'orders-', '-3', 'orders-x', 'orders-01', 'orders-1.5']) expect(parseTopicPartition(bad)).toBeNull();
  });

  test('any text parses as the rule "last dash, then 0 or digits without a leading zero, a safe integer" says', () => {
    // The rule as first written (a regular expression and Number), kept here as the reference.
    const reference = (name: string) => {
      const dash = name.lastIndexOf('-');
      if (dash <= 0) return null;
      const digits = name.slice(dash + 1);
      if (!/^(0|[1-9][0-9]*)$/.test(digits)) return null;
      const p = Number(digits);
      return Number.isSafeInteger(p) ? { topic: name.slice(0, dash), partition: p } : null;
    };
    const digitsy = fc.stringMatching(/^[a-z0-9٣+.-]{0,24}$/);
    const text = fc.oneof(digitsy, fc.string(), fc.tuple(topicName, fc.stringMatching(/^[0-9]{1,20}$/)).map(([t, d]) => `${t}-${d}`));
    fc.assert(
      fc.property(text, (name) => {
        expect(parseTopicPartition(name)).toEqual(reference(name));
      }),
      { numRuns: 2000 },
    );
    expect(parseTopicPartition('t-9007199254740991')).toEqual({ topic: 't', partition: 9007199254740991 });
    expect(parseTopicPartition('t-9007199254740992')).toBeNull();
  });

  test('the groups reading topic "a" leave out a group that only reads topic "a-1"', () => {
    const engine = createEngine({ seed: 3 });
    engine.apply({ type: 'createTopic', name: 'a', partitions: 2 });
    engine.apply({ type: 'createTopic', name: 'a-1', partitions: 2 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 'a-1', ratePerSec: 50 });
    engine.apply({ type: 'addConsumer', id: 'only-dash', group: 'dash-readers', topics: ['a-1'], autoOffsetReset: 'earliest' });
    engine.apply({ type: 'addConsumer', id: 'only-a', group: 'a-readers', topics: ['a'] });
    engine.advance(6000);
    // The dash group has left but still holds committed offsets on "a-1" only.
    engine.apply({ type: 'removeConsumer', id: 'only-dash' });
    engine.advance(500);
    const view = engine.view();
    const dash = view.groups.find((g) => g.id === 'dash-readers')!;
    expect(Object.keys(dash.committed)).toEqual(expect.arrayContaining(['a-1-0', 'a-1-1']));
    expect(dash.members).toEqual([]);
    expect(groupsReading(view, 'a').map((g) => g.id)).toEqual(['a-readers']);
    expect(groupsReading(view, 'a-1').map((g) => g.id)).toEqual(['dash-readers']);
  });

  test('the assignors still answer in "topic-partition" names, sorted by topic then partition', () => {
    const engine = createEngine();
    engine.apply({ type: 'createTopic', name: 'a-1', partitions: 2 });
    engine.apply({ type: 'createTopic', name: 'a', partitions: 12 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['a', 'a-1'] });
    engine.advance(1000);
    const [member] = engine.view().groups[0].members;
    expect(member.assigned).toEqual([...Array.from({ length: 12 }, (_, p) => `a-${p}`), 'a-1-0', 'a-1-1']);
  });
});

describe('client ids', () => {
  test('an instance id gives back its owner and number, dashes and digits in the owner included', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/), fc.nat({ max: 1e6 }), (owner, n) => {
        expect(parseInstanceId(instanceId(owner, n))).toEqual({ owner, n });
      }),
    );
    expect(parseInstanceId('order-api-12')).toEqual({ owner: 'order-api', n: 12 });
    expect(parseInstanceId('shop')).toBeNull();
  });

  test("a service's producer id names its service, and nothing else does", () => {
    expect(serviceOfProducerId(serviceProducerId('email-sender'))).toBe('email-sender');
    expect(serviceOfProducerId('shop')).toBeNull();
    expect(serviceOfProducerId('.producer')).toBeNull();
  });

  test('the engine names service instances and producers the way the scenario maps them back to nodes', () => {
    const scenario = TEMPLATES.orderFanOut.build();
    const { ids, commands } = scenarioToEngine(scenario);
    const engine = createEngine();
    for (const command of commands) engine.apply(command);
    engine.advance(2000);
    const view = engine.view();
    const serviceNodes = scenario.nodes.filter((n) => n.kind === 'service').map((n) => n.id);
    expect(serviceNodes.length).toBeGreaterThan(0);
    for (const g of view.groups) for (const m of g.members) expect(nodeForConsumer(ids, m.id), m.id).toBeDefined();
    for (const s of serviceNodes) expect(nodeForProducer(ids, serviceProducerId(s))).toBe(s);
    for (const p of view.producers) expect(nodeForProducer(ids, p.id), p.id).toBeDefined();
  });
});

test('NODE_KINDS lists the kinds of the scenario schema, in the same (palette) order', () => {
  expect(scenarioNode.options.map((o) => o.shape.kind.value)).toEqual([...NODE_KINDS]);
});
