import { getNodesBounds, useReactFlow, useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { readableViewport } from './semanticZoom';

/** Fraction of the pane kept free around a fitted graph. */
const PADDING = 0.08;

/**
 * Opens every scenario at a readable zoom (see semanticZoom.ts): on the first load, once React
 * Flow has measured the nodes, and whenever a different scenario is loaded (template, import,
 * share link, lesson): several nodes appear at once, or nodes are replaced. Adding or removing
 * one node keeps the view still. Lives inside <ReactFlow> to reach its instance and pane size.
 */
export function ReadableFit({ nodeIds }: { nodeIds: readonly string[] }) {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const paneReady = useFlowStore((s) => s.width > 0 && s.height > 0);
  const previous = useRef<ReadonlySet<string> | null>(null);

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
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const nodes = flow.getNodes();
        if (nodes.length === 0) return;
        const { width, height, domNode } = flowStore.getState();
        if (width === 0 || height === 0) return;
        const first = nodes.reduce((a, b) => (b.position.x < a.position.x ? b : a));
        const anchor = { x: first.position.x, y: first.position.y + (first.measured?.height ?? 0) / 2 };
        const pane = { width, height, visibleHeight: uncoveredHeight(domNode, height) };
        void flow.setViewport(readableViewport(getNodesBounds(nodes), pane, { padding: PADDING, anchor }), { duration: before === null ? 0 : 300 });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [nodeIds, paneReady, flow, flowStore]);

  return null;
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
