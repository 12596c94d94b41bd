import { describe, expect, it } from 'vitest';
import { loadLayout, nodeSize, TEMPLATES, type ScenarioNode } from '../../src/scenario';
import { autoLayout } from '../../src/scenario/layout';
import { scenarioOf } from './helpers';

function boxes(nodes: ScenarioNode[]) {
  return nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, ...nodeSize(n) }));
}

function overlapping(nodes: ScenarioNode[]): [string, string][] {
  const b = boxes(nodes);
  const out: [string, string][] = [];
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++) {
      const p = b[i];
      const q = b[j];
      if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) out.push([p.id, q.id]);
    }
  return out;
}

describe('autoLayout', () => {
  it.each(Object.values(TEMPLATES))('lays out the $id template without overlapping boxes', (t) => {
    const s = t.build();
    expect(overlapping(s.nodes)).toEqual([]);
  });

  // Templates store their positions (no layout code on the first screen): they must be autoLayout's.
  it.each(Object.values(TEMPLATES))('places the $id template where autoLayout does', (t) => {
    const s = t.build();
    expect(s.nodes).toEqual(autoLayout(s.nodes, s.edges));
  });

  it('loads lazily as the same autoLayout', async () => {
    expect(await loadLayout()).toBe(autoLayout);
  });

  it('is deterministic', () => {
    const s = TEMPLATES.orderFanOut.build();
    expect(autoLayout(s.nodes, s.edges)).toEqual(autoLayout(s.nodes, s.edges));
    expect(autoLayout(s.nodes, s.edges)).toEqual(s.nodes);
  });

  it('changes only positions, keeps node order and does not touch its input', () => {
    const s = scenarioOf(['producer', 'topic', 'broker', 'consumer'], [['producer-1', 'topic-1'], ['topic-1', 'consumer-1']]);
    const before = structuredClone(s.nodes);
    const laid = autoLayout(s.nodes, s.edges);
    expect(s.nodes).toEqual(before);
    expect(laid.map(({ position: _, ...rest }) => rest)).toEqual(before.map(({ position: _, ...rest }) => rest));
    for (const n of laid) {
      expect(Number.isInteger(n.position.x)).toBe(true);
      expect(Number.isInteger(n.position.y)).toBe(true);
    }
  });

  it('flows left to right along the arrows', () => {
    const s = TEMPLATES.orderFanOut.build();
    const x = (id: string) => s.nodes.find((n) => n.id === id)!.position.x;
    expect(x('order-service')).toBeLessThan(x('orders'));
    expect(x('orders')).toBeLessThan(x('payment'));
    expect(x('payment')).toBeLessThan(x('payments'));
  });

  it('puts the brokers in one row below everything else', () => {
    const s = TEMPLATES.iotStream.build();
    const brokers = s.nodes.filter((n) => n.kind === 'broker');
    const others = s.nodes.filter((n) => n.kind !== 'broker');
    expect(new Set(brokers.map((b) => b.position.y)).size).toBe(1);
    const lowest = Math.max(...others.map((n) => n.position.y + nodeSize(n).height));
    expect(brokers[0].position.y).toBeGreaterThan(lowest);
    expect(brokers.map((b) => b.position.x)).toEqual([...brokers.map((b) => b.position.x)].sort((a, b) => a - b));
  });

  it('does not overlap unconnected nodes, brokers only, or an empty canvas', () => {
    expect(autoLayout([], [])).toEqual([]);
    const loose = scenarioOf(['producer', 'producer', 'topic', 'topic', 'service', 'consumer', 'broker', 'broker']);
    expect(overlapping(autoLayout(loose.nodes, []))).toEqual([]);
    const brokersOnly = scenarioOf(['broker', 'broker', 'broker']);
    expect(overlapping(autoLayout(brokersOnly.nodes, []))).toEqual([]);
  });

  it('ignores arrows to nodes that are not there', () => {
    const s = scenarioOf(['producer', 'topic']);
    expect(() => autoLayout(s.nodes, [{ id: 'e', source: 'producer-1', target: 'ghost' }])).not.toThrow();
  });

  it('keeps pinned nodes where they are, lays out the rest without them and puts the brokers under all', () => {
    const s = scenarioOf(['producer', 'topic', 'topic', 'broker'], [['producer-1', 'topic-1']]);
    const withoutLoose = autoLayout(s.nodes.filter((n) => n.id !== 'topic-2'), s.edges);
    const laid = autoLayout(s.nodes, s.edges, new Map([['topic-2', { x: 1200.4, y: 900 }]]));
    const at = (nodes: ScenarioNode[], id: string) => nodes.find((n) => n.id === id)!.position;
    expect(at(laid, 'topic-2')).toEqual({ x: 1200, y: 900 });
    expect(at(laid, 'producer-1')).toEqual(at(withoutLoose, 'producer-1'));
    expect(at(laid, 'topic-1')).toEqual(at(withoutLoose, 'topic-1'));
    expect(at(laid, 'broker-1').y).toBeGreaterThan(900 + nodeSize(laid.find((n) => n.id === 'topic-2')!).height);
  });
});
