import type { ReactFlowInstance } from '@xyflow/react';
import type { NodeKind } from '../../scenario';
import { NEW_NODE_HEIGHT, NODE_WIDTH } from './nodeWidths';

/**
 * The one React Flow instance on the page, shared with the palette, which lives outside the
 * <ReactFlow> tree (App owns the layout). KafeCanvas sets it in `onInit` and clears it on
 * unmount; readers must cope with `null` (canvas not mounted yet).
 */
interface Holder {
  instance: ReactFlowInstance | null;
  element: HTMLElement | null;
}

const holder: Holder = { instance: null, element: null };

export function setFlowInstance(instance: ReactFlowInstance | null, element: HTMLElement | null): void {
  holder.instance = instance;
  holder.element = element;
}

const GAP = 24;
/** Size assumed for nodes React Flow has not measured yet. */
const UNMEASURED = { width: 240, height: 140 };

/**
 * A free spot for a new `kind` node near the centre of what the learner sees, in flow coordinates (top-left of the new
 * node), or undefined when the canvas is not mounted. Walks outward on a spiral of candidate
 * positions and takes the first that overlaps no existing node.
 */
export function freeSpotNearViewportCentre(kind: NodeKind): { x: number; y: number } | undefined {
  const NEW_NODE = { width: NODE_WIDTH[kind], height: NEW_NODE_HEIGHT[kind] };
  const { instance, element } = holder;
  if (!instance || !element) return undefined;
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return undefined;
  const centre = instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  const origin = { x: centre.x - NEW_NODE.width / 2, y: centre.y - NEW_NODE.height / 2 };
  const boxes = instance.getNodes().map((n) => ({
    x: n.position.x,
    y: n.position.y,
    w: n.measured?.width ?? n.width ?? UNMEASURED.width,
    h: n.measured?.height ?? n.height ?? UNMEASURED.height,
  }));
  const free = (x: number, y: number) =>
    boxes.every((b) => x + NEW_NODE.width + GAP <= b.x || b.x + b.w + GAP <= x || y + NEW_NODE.height + GAP <= b.y || b.y + b.h + GAP <= y);
  const step = 60;
  for (let ring = 0; ring <= 20; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ]) {
        const x = origin.x + dx * step * 1.5;
        const y = origin.y + dy * step;
        if (free(x, y)) return { x: Math.round(x), y: Math.round(y) };
      }
    }
  }
  return { x: Math.round(origin.x), y: Math.round(origin.y) };
}
