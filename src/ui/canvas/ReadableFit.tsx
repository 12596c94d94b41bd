import { getNodesBounds, useReactFlow, useStore as useFlowStore, useStoreApi, type Node, type ReactFlowInstance } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { ScenarioNode } from '../../scenario';
import { focusRequest, nodesNamed, onFocusRequest } from './focus';
import { readableViewport, viewIncluding, type Bounds, type Viewport } from './semanticZoom';

/** Fraction of the pane kept free around a fitted graph. */
const PADDING = 0.08;

/**
 * Opens every scenario at a readable zoom (see semanticZoom.ts): on the first load, once React
 * Flow has measured the nodes, and whenever a different scenario is loaded (template, import,
 * share link, lesson): several nodes appear at once, or nodes are replaced. Adding or removing
 * one node keeps the view still. Lives inside <ReactFlow> to reach its instance and pane size.
 *
 * A lesson step's request to show the nodes it names (focus.ts) moves the view as little as
 * needed to include them, at a readable zoom; one made while a new scenario is being fitted is
 * applied right after that fit.
 */
export function ReadableFit({ nodeIds }: { nodeIds: readonly string[] }) {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const paneReady = useFlowStore((s) => s.width > 0 && s.height > 0);
  const previous = useRef<ReadonlySet<string> | null>(null);
  /** A fit of a newly loaded scenario is under way (it applies any focus request itself). */
  const fitting = useRef(false);
  /** The last focus request applied. */
  const focused = useRef(0);

  /** The view moved to include the nodes the latest focus request names (if new and any exist). */
  const withFocus = (view: Viewport, pane: { width: number; height: number; visibleHeight: number }): Viewport => {
    const request = focusRequest();
    if (!request || request.seq === focused.current) return view;
    focused.current = request.seq;
    const nodes = flow.getNodes();
    const named = new Set(nodesNamed(nodes.map((n) => (n.data as { node: ScenarioNode }).node), request.names).map((n) => n.id));
    const shown: Node[] = nodes.filter((n) => named.has(n.id) && n.measured?.width);
    return shown.length === 0 ? view : viewIncluding(view, getNodesBounds(shown), pane, { padding: PADDING });
  };

  // A request on its own (a new step): applied once React Flow has measured what changed, unless
  // a new scenario's fit, which applies it, has started meanwhile.
  useEffect(() => {
    let frame = 0;
    const stop = onFocusRequest(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          if (fitting.current) return;
          const { width, height, domNode } = flowStore.getState();
          if (width === 0 || height === 0) return;
          const view = flow.getViewport();
          const next = withFocus(view, { width, height, visibleHeight: uncoveredHeight(domNode, height) });
          if (next !== view) void flow.setViewport(next, { duration: 300 });
        });
      });
    });
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [flow, flowStore]);

  useEffect(() => {
    if (!paneReady) return;
    const now = new Set(nodeIds);
    const before = previous.current;
    previous.current = now;
    if (before !== null) {
      let added = 0;
      let removed = 0;
      for (const id of now) if (!before.has(id)) added++;
      for (const id of before) if (!now.has(id)) removed++;
      if (!(added > 1 || (added > 0 && removed > 0))) return;
    }
    // Wait for React Flow to measure the new nodes before fitting.
    fitting.current = true;
    markView(flowStore.getState().domNode, 'fitting');
    let settle = 0;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        fitting.current = false;
        const { domNode } = flowStore.getState();
        const fitted = readableFit(flow.getNodes(), domNode);
        if (!fitted) return markView(domNode, 'fitted');
        const view = withFocus(fitted.view, fitted.pane);
        // The canvas opened at an estimate of this view (openingView.ts): when it was right,
        // moving to where the view already is would only make every zoom reader run again.
        if (sameView(view, flow.getViewport())) return markView(domNode, 'fitted');
        const duration = before === null ? 0 : 300;
        void flow.setViewport(view, { duration });
        // A timer, not setViewport's promise: that never settles when a pan interrupts the move.
        settle = window.setTimeout(() => markView(domNode, 'fitted'), duration);
      });
    });
    return () => {
      fitting.current = false;
      cancelAnimationFrame(frame);
      window.clearTimeout(settle);
      // No fit is pending any more; a next one, if any, marks "fitting" again in the same commit.
      markView(flowStore.getState().domNode, 'fitted');
    };
  }, [nodeIds, paneReady, flow, flowStore]);

  return null;
}

/** Whether two views show the same thing to within half a screen pixel. */
function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;
}

/**
 * Says on the canvas element whether a newly loaded scenario's view is still being fitted
 * (`data-view="fitting"`) or has settled (`"fitted"`). Until the first fit the canvas shows the
 * view it opened at (an estimate, see openingView.ts, or React Flow's zoom 1 without one); whoever
 * reads or changes the zoom (a browser test, a screenshot) waits for "fitted" so the fit does not
 * undo what it did.
 */
function markView(domNode: HTMLElement | null, state: 'fitting' | 'fitted'): void {
  domNode?.setAttribute('data-view', state);
}

/**
 * The readable view of `nodes` in the pane `domNode` (see readableViewOf), from their measured
 * sizes. Null before anything is measured.
 */
function readableFit(nodes: Node[], domNode: HTMLElement | null): { view: Viewport; pane: Pane } | null {
  return readableViewOf(
    nodes.map((n) => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? 0, height: n.measured?.height ?? 0 })),
    domNode,
  );
}

/** The canvas pane's size, and how much of its height no sheet covers (uncoveredHeight). */
type Pane = { width: number; height: number; visibleHeight: number };

/**
 * The readable view of the node boxes `boxes` (flow units) in the pane `domNode` (see
 * readableViewport): fitted when they fit at a readable zoom, else from the flow's first
 * (leftmost) node, at its mid-height. The one rule for both the opening estimate
 * (openingView.ts, summary sizes) and the fit itself (measured sizes). Null without boxes or a
 * sized pane.
 */
export function readableViewOf(boxes: readonly Bounds[], domNode: HTMLElement | null): { view: Viewport; pane: Pane } | null {
  if (boxes.length === 0 || !domNode) return null;
  const width = domNode.clientWidth;
  const height = domNode.clientHeight;
  if (width === 0 || height === 0) return null;
  let first = boxes[0];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
    if (b.x < first.x) first = b;
  }
  const anchor = { x: first.x, y: first.y + first.height / 2 };
  const pane = { width, height, visibleHeight: uncoveredHeight(domNode, height) };
  return { view: readableViewport({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, pane, { padding: PADDING, anchor }), pane };
}

/** The canvas's "fit view" control: everything at a readable zoom, never smaller (see readableFit). */
export function fitReadable(flow: ReactFlowInstance | null, pane: HTMLElement | null): void {
  const fitted = flow && readableFit(flow.getNodes(), pane?.querySelector<HTMLElement>('.react-flow') ?? pane);
  if (fitted) void flow.setViewport(fitted.view, { duration: 300 });
}

/**
 * How much of the pane, from its top, no panel covers: on a narrow screen a sheet (an element
 * marked `data-covers-canvas`, see App) lies over the canvas's lower part.
 */
function uncoveredHeight(pane: HTMLElement | null, height: number): number {
  if (!pane) return height;
  const box = pane.getBoundingClientRect();
  let visible = height;
  for (const cover of document.querySelectorAll('[data-covers-canvas]')) {
    const r = cover.getBoundingClientRect();
    const overlaps = r.width > 0 && r.height > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
    if (overlaps && r.top > box.top) visible = Math.min(visible, r.top - box.top);
  }
  return visible;
}
