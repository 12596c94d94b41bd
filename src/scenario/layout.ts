import dagre from '@dagrejs/dagre';
import { NODE_WIDTH, nodeSize } from './nodeSize';
import type { ScenarioEdge, ScenarioNode } from './schema';

/**
 * Tidy positions for a canvas: the flow left to right (producers → topics → services → ...) by
 * dagre, and the brokers in a row underneath it.
 *
 * Contract: pure and deterministic (same input, same output); returns the nodes in the same order
 * with only `position` changed (top-left corner, whole pixels); boxes of nodeSize() never overlap.
 * Edges to missing nodes or touching brokers are ignored.
 *
 * `pinned` (optional): positions chosen by hand (a lesson placing a topic that has no arrow yet,
 * which dagre would put in the first column). Pinned nodes keep them; the others are laid out as
 * if the pinned ones (and their arrows) were not there, and the broker row goes under everything. Pins are trusted: whoever chooses them checks they overlap nothing (lessons do, in
 * lessons/scenario.ts); a pin on a broker is ignored, as brokers always sit in their row.
 *
 * Brings dagre with it: the app reaches this module through lazyLayout.ts (a chunk of its own),
 * lesson and AsyncAPI loading import it directly (their chunks are lazy already).
 */

const MARGIN = 40;
const NODE_GAP = 40;
const RANK_GAP = 110;
const BROKER_GAP = 40;
const BROKER_ROW_GAP = 90;

export type Pins = ReadonlyMap<string, { x: number; y: number }>;

export function autoLayout(nodes: readonly ScenarioNode[], edges: readonly ScenarioEdge[], pinned: Pins = new Map()): ScenarioNode[] {
  const flow = nodes.filter((n) => n.kind !== 'broker');
  const placed = new Map<string, { x: number; y: number }>();
  let bottom = MARGIN - BROKER_ROW_GAP;

  if (flow.length > 0) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: MARGIN, marginy: MARGIN });
    g.setDefaultEdgeLabel(() => ({}));
    const free = flow.filter((n) => !pinned.has(n.id));
    for (const n of free) g.setNode(n.id, nodeSize(n));
    const inFlow = new Set(free.map((n) => n.id));
    for (const e of edges) if (inFlow.has(e.source) && inFlow.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target);
    if (free.length > 0) dagre.layout(g);
    for (const n of flow) {
      const { width, height } = nodeSize(n);
      const pin = pinned.get(n.id);
      const centre = pin ?? g.node(n.id);
      const position = pin
        ? { x: Math.round(pin.x), y: Math.round(pin.y) }
        : { x: Math.round(centre.x - width / 2), y: Math.round(centre.y - height / 2) };
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
