import dagre from '@dagrejs/dagre';
import type { NodeKind, ScenarioEdge, ScenarioNode } from './schema';

/**
 * Tidy positions for a canvas: the flow left to right (producers → topics → services → ...) by
 * dagre, and the brokers in a row underneath it.
 *
 * Contract: pure and deterministic (same input, same output); returns the nodes in the same order
 * with only `position` changed (top-left corner, whole pixels); boxes of nodeSize() never overlap.
 * Edges to missing nodes or touching brokers are ignored.
 */

/** Width of each kind of node on the canvas, in flow units (canvas.css uses the same widths). */
export const NODE_WIDTH: Readonly<Record<NodeKind, number>> = {
  producer: 230,
  topic: 380,
  service: 230,
  consumer: 230,
  broker: 190,
};

/** Topics with more partitions than this draw compact lanes (three partitions per row). */
export const FULL_LANES_MAX_PARTITIONS = 8;

/**
 * The box a node occupies on the canvas, measured from the rendered nodes: topics grow with their
 * partitions, services and consumers with their instances.
 */
export function nodeSize(n: ScenarioNode): { width: number; height: number } {
  const width = NODE_WIDTH[n.kind];
  switch (n.kind) {
    case 'producer':
      return { width, height: 150 };
    case 'broker':
      return { width, height: 80 };
    case 'service':
      return { width, height: 140 + 22 * n.props.instances };
    case 'consumer':
      return { width, height: 110 + 22 * n.props.instances };
    case 'topic': {
      const p = n.props.partitions;
      return { width, height: p <= FULL_LANES_MAX_PARTITIONS ? 110 + 64 * p : 110 + 22 * Math.ceil(p / 3) };
    }
  }
}

const MARGIN = 40;
const NODE_GAP = 40;
const RANK_GAP = 110;
const BROKER_GAP = 40;
const BROKER_ROW_GAP = 90;

export function autoLayout(nodes: readonly ScenarioNode[], edges: readonly ScenarioEdge[]): ScenarioNode[] {
  const flow = nodes.filter((n) => n.kind !== 'broker');
  const placed = new Map<string, { x: number; y: number }>();
  let bottom = MARGIN - BROKER_ROW_GAP;

  if (flow.length > 0) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: MARGIN, marginy: MARGIN });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of flow) g.setNode(n.id, nodeSize(n));
    const inFlow = new Set(flow.map((n) => n.id));
    for (const e of edges) if (inFlow.has(e.source) && inFlow.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target);
    dagre.layout(g);
    for (const n of flow) {
      const { x = 0, y = 0 } = g.node(n.id);
      const { width, height } = nodeSize(n);
      const position = { x: Math.round(x - width / 2), y: Math.round(y - height / 2) };
      placed.set(n.id, position);
      bottom = Math.max(bottom, position.y + height);
    }
  }

  const brokers = nodes.filter((n) => n.kind === 'broker');
  const brokerWidth = NODE_WIDTH.broker;
  const rowWidth = brokers.length * brokerWidth + Math.max(0, brokers.length - 1) * BROKER_GAP;
  const flowRight = Math.max(MARGIN, ...flow.map((n) => placed.get(n.id)!.x + nodeSize(n).width));
  // Centre the row under the flow when it fits, else start at the left margin.
  const left = Math.max(MARGIN, Math.round(MARGIN + (flowRight - MARGIN - rowWidth) / 2));
  brokers.forEach((n, i) => placed.set(n.id, { x: left + i * (brokerWidth + BROKER_GAP), y: bottom + BROKER_ROW_GAP }));

  return nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position }));
}
