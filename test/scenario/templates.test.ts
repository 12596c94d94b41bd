import { describe, expect, it } from 'vitest';
import { newNode, TEMPLATE_IDS, TEMPLATES, type NodeKind, type NodeOf, type Scenario } from '../../src/scenario';
import { scenarioSchema } from '../../src/scenario/validate';
import { scenarioOf } from './helpers';

const KINDS: NodeKind[] = ['producer', 'topic', 'service', 'consumer', 'broker'];

describe('templates', () => {
  it.each(TEMPLATE_IDS)('%s builds a schema-valid scenario at t = 0 with i18n keys for its title', (id) => {
    const t = TEMPLATES[id];
    expect(t.id).toBe(id);
    expect(t.titleKey).toBe(`templates.${id}.title`);
    expect(t.descriptionKey).toBe(`templates.${id}.description`);
    const s = t.build();
    expect(scenarioSchema.safeParse(s).success).toBe(true);
    expect(s.timeline).toEqual([]);
    expect(s.time).toBe(0);
  });

  it('builds a fresh copy each time', () => {
    const a = TEMPLATES.orderFanOut.build();
    a.nodes[0].label = 'changed';
    expect(TEMPLATES.orderFanOut.build().nodes[0].label).toBe('Order Service');
  });

  it('empty has three brokers and nothing else', () => {
    const s = TEMPLATES.empty.build();
    expect(s.nodes.map((n) => n.kind)).toEqual(['broker', 'broker', 'broker']);
    expect(s.edges).toEqual([]);
  });

  it('orderFanOut fans the orders topic out to four services with their own groups', () => {
    const s = TEMPLATES.orderFanOut.build();
    const orders = s.nodes.find((n): n is NodeOf<'topic'> => n.kind === 'topic' && n.props.name === 'orders')!;
    expect(orders.props).toMatchObject({ partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 });
    const services = s.nodes.filter((n): n is NodeOf<'service'> => n.kind === 'service');
    expect(services.map((n) => n.label)).toEqual(['Payment', 'Inventory', 'Email', 'Analytics']);
    expect(new Set(services.map((n) => n.props.group)).size).toBe(4);
    for (const n of services) {
      expect(n.props.processingMs).toBeGreaterThanOrEqual(20);
      expect(n.props.processingMs).toBeLessThanOrEqual(80);
      expect(s.edges).toContainEqual(expect.objectContaining({ source: orders.id, target: n.id }));
    }
    expect(s.edges.filter((e) => e.source === 'analytics')).toEqual([]);
    const producer = s.nodes.find((n) => n.kind === 'producer')!;
    expect(producer.props).toMatchObject({ ratePerSec: 5, keyPattern: 'random', keyPrefix: 'order-', keyCount: 1000, acks: 'all', idempotent: true });
  });

  it('iotStream streams sensor readings to an anomaly detector and a dashboard', () => {
    const s = TEMPLATES.iotStream.build();
    const readings = s.nodes.find((n) => n.id === 'sensor-readings') as NodeOf<'topic'>;
    expect(readings.props).toMatchObject({ partitions: 12, replicationFactor: 2, retentionMs: 60_000 });
    expect(s.nodes.find((n) => n.id === 'sensors')!.props).toMatchObject({ ratePerSec: 200, keyCount: 50, acks: 1 });
    expect(s.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(
      ['sensors>sensor-readings', 'sensor-readings>anomaly-detector', 'anomaly-detector>alerts', 'alerts>alerting', 'sensor-readings>dashboard'].sort(),
    );
  });
});

describe('newNode', () => {
  it.each(KINDS)('makes a schema-valid %s with a numbered id and label', (kind) => {
    const node = newNode(kind, { nodes: [] }, { x: 10, y: 20 });
    expect(node.id).toBe(`${kind}-1`);
    expect(node.kind).toBe(kind);
    expect(node.position).toEqual({ x: 10, y: 20 });
    const s: Scenario = { ...scenarioOf([]), nodes: [node] };
    expect(scenarioSchema.safeParse(s).success).toBe(true);
  });

  it('numbers labels per kind and skips taken ids', () => {
    const s = scenarioOf(['producer', 'producer', 'topic']);
    expect(s.nodes.map((n) => [n.id, n.label])).toEqual([
      ['producer-1', 'Producer 1'],
      ['producer-2', 'Producer 2'],
      ['topic-1', 'topic-1'],
    ]);
    const gap = { nodes: s.nodes.filter((n) => n.id !== 'producer-1') };
    expect(newNode('producer', gap).id).toBe('producer-1');
  });

  it('gives a topic a name no other topic has, even a renamed one', () => {
    const s = scenarioOf(['topic']);
    (s.nodes[0] as NodeOf<'topic'>).props.name = 'topic-2';
    const next = newNode('topic', s);
    expect(next.id).toBe('topic-3');
    expect(next.props.name).toBe('topic-3');
  });

  it('fits the replication factor to the brokers on the canvas', () => {
    expect(newNode('topic', { nodes: [] }).props).toMatchObject({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(newNode('topic', scenarioOf(['broker', 'broker'])).props).toMatchObject({ replicationFactor: 2, minInsyncReplicas: 1 });
    expect(newNode('topic', scenarioOf(['broker', 'broker', 'broker', 'broker'])).props).toMatchObject({ replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('offsets nodes added without a position so they do not land on each other', () => {
    const s = scenarioOf(['producer']);
    expect(newNode('producer', s).position).not.toEqual(s.nodes[0].position);
  });
});
