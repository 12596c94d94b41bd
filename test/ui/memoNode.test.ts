import { expect, test } from 'vitest';
import { BrokerNode } from '../../src/ui/canvas/nodes/BrokerNode';
import { ConsumerNode } from '../../src/ui/canvas/nodes/ConsumerNode';
import { ProducerNode } from '../../src/ui/canvas/nodes/ProducerNode';
import { ServiceNode } from '../../src/ui/canvas/nodes/ServiceNode';
import { TopicNode } from '../../src/ui/canvas/nodes/TopicNode';

/**
 * The canvas rebuilds every node's props (a new `data` wrapper, measured size, position) whenever
 * one node is selected, moved or measured. Each node component must re-render only for its own
 * change: React's memo decides that with the component's compare function, asserted here as
 * React will call it (true: keep the last render).
 */
const components = { BrokerNode, ConsumerNode, ProducerNode, ServiceNode, TopicNode };
type Compare = (a: object, b: object) => boolean;

const node = { id: 'n1', kind: 'topic', label: 'orders', position: { x: 0, y: 0 }, props: { name: 'orders', partitions: 3 } };
const props = { id: 'n1', type: 'topic', data: { node }, selected: false, dragging: false, zIndex: 0, isConnectable: true, positionAbsoluteX: 0, positionAbsoluteY: 0 };

for (const [name, component] of Object.entries(components)) {
  const compare = (component as unknown as { compare: Compare | null }).compare;

  test(`${name} keeps its render when only the wrapper, size or position of its props are new`, () => {
    expect(compare).toBeTypeOf('function');
    expect(compare!(props, { ...props, data: { node }, width: 180, height: 136, positionAbsoluteX: 40, positionAbsoluteY: 12, dragging: true })).toBe(true);
  });

  test(`${name} re-renders when its scenario node or its selection changes`, () => {
    expect(compare!(props, { ...props, data: { node: { ...node, label: 'payments' } } })).toBe(false);
    expect(compare!(props, { ...props, data: { node: { ...node, position: { x: 10, y: 0 } } } })).toBe(false);
    expect(compare!(props, { ...props, selected: true })).toBe(false);
    expect(compare!(props, { ...props, id: 'n2' })).toBe(false);
  });
}
