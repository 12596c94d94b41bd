import { useStore as useFlowStore } from '@xyflow/react';
import { createContext, useContext } from 'react';

/**
 * Semantic zoom: how much of a node the canvas draws depends on the zoom, so that text is never
 * shrunk below what a learner can read.
 *
 * - At zoom >= DETAIL_ZOOM a node shows everything (lanes, chips, members, stats). Its smallest
 *   text is MIN_DETAIL_FONT_PX (canvas.css), so it reads at >= 11 px on screen.
 * - Below, it shows a summary: kind, name and one key figure (records/s, records, lag, leads) in
 *   large type (smallest SUMMARY_MIN_FONT_PX), and a topic's partitions as a picture without text.
 *
 * The first view of a scenario (the first screen, a template, a lesson) never opens below
 * READABLE_MIN_ZOOM: when the graph does not fit at that zoom, the view starts at its left edge
 * (where the flow begins) and the learner pans.
 */
export const READABLE_PX = 11;
export const MIN_DETAIL_FONT_PX = 11;
export const SUMMARY_MIN_FONT_PX = 22;
export const DETAIL_ZOOM = READABLE_PX / MIN_DETAIL_FONT_PX;
export const READABLE_MIN_ZOOM = READABLE_PX / SUMMARY_MIN_FONT_PX;

/**
 * The zoom the canvas opens at (its `defaultViewport`, see openingView.ts), or null when unknown.
 * Until React Flow has set up its pan and zoom (an effect after its first render) its store holds
 * a placeholder zoom of 1; the nodes' first render reads this instead, so a zoomed-out first view
 * draws summaries from the start rather than full detail that is thrown away a moment later.
 */
export const OpeningZoomContext = createContext<number | null>(null);

/** True while the canvas is zoomed out far enough that nodes draw their summary. */
export function useSummaryZoom(): boolean {
  const opening = useContext(OpeningZoomContext);
  // 1e-3: React Flow's zoom after fitting can land a hair below 1.
  return useFlowStore((s) => (s.panZoom === null && opening !== null ? opening : s.transform[2]) < DETAIL_ZOOM - 1e-3);
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport that shows `bounds` (flow units) in a `width` x `height` pane: fitted and centred
 * when it fits at a readable zoom (at most `maxZoom`); otherwise at `minZoom`, starting from the
 * graph's left edge, where the flow begins. When the graph is also too tall, the view is centred
 * vertically on `anchor` (the flow's first node), kept within the graph. `visibleHeight` is the
 * part of the pane not covered (a sheet over its lower part on a phone): the fit uses that part.
 * `padding` is a fraction of the pane kept free around the graph, as in React Flow's fitView.
 */
export function readableViewport(
  bounds: Bounds,
  pane: { width: number; height: number; visibleHeight?: number },
  {
    padding = 0.1,
    minZoom = READABLE_MIN_ZOOM,
    maxZoom = 1,
    anchor,
  }: { padding?: number; minZoom?: number; maxZoom?: number; anchor?: { x: number; y: number } } = {},
): Viewport {
  const w = Math.max(1, bounds.width);
  const h = Math.max(1, bounds.height);
  const paneH = Math.max(1, Math.min(pane.height, pane.visibleHeight ?? pane.height));
  const margin = Math.min(pane.width, paneH) * padding;
  const fit = Math.min((pane.width - 2 * margin) / w, (paneH - 2 * margin) / h);
  const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
  const fitsX = w * zoom <= pane.width - 2 * margin + 1e-6;
  const fitsY = h * zoom <= paneH - 2 * margin + 1e-6;
  const x = fitsX ? (pane.width - w * zoom) / 2 - bounds.x * zoom : margin - bounds.x * zoom;
  let y: number;
  if (fitsY) y = (paneH - h * zoom) / 2 - bounds.y * zoom;
  else {
    const top = margin - bounds.y * zoom; // the graph's top edge at the top
    const bottom = paneH - margin - (bounds.y + h) * zoom; // its bottom edge at the bottom
    const centred = anchor ? paneH / 2 - anchor.y * zoom : top;
    y = Math.min(top, Math.max(bottom, centred));
  }
  return { x, y, zoom };
}

/**
 * `view` moved as little as possible so that `focus` (flow units: the nodes a lesson step names)
 * is on screen with `padding` around it: `view` itself when it already is; panned when it fits at
 * the current zoom; else zoomed out to fit it, never below `minZoom` (then its left edge and its
 * middle are shown). `visibleHeight`: as in readableViewport.
 */
export function viewIncluding(
  view: Viewport,
  focus: Bounds,
  pane: { width: number; height: number; visibleHeight?: number },
  { padding = 0.1, minZoom = READABLE_MIN_ZOOM }: { padding?: number; minZoom?: number } = {},
): Viewport {
  const paneH = Math.max(1, Math.min(pane.height, pane.visibleHeight ?? pane.height));
  const margin = Math.min(pane.width, paneH) * padding;
  const fitZoom = Math.min((pane.width - 2 * margin) / Math.max(1, focus.width), (paneH - 2 * margin) / Math.max(1, focus.height));
  const zoom = Math.max(minZoom, Math.min(view.zoom, fitZoom));
  // On one axis: the smallest shift that brings [lo, hi] (screen px) within [margin, size - margin];
  // when it cannot fit, its start is shown.
  const shift = (lo: number, hi: number, size: number) => {
    if (hi - lo > size - 2 * margin) return margin - lo;
    if (lo < margin) return margin - lo;
    if (hi > size - margin) return size - margin - hi;
    return 0;
  };
  const x0 = focus.x * zoom + (zoom === view.zoom ? view.x : view.x * (zoom / view.zoom));
  const y0 = focus.y * zoom + (zoom === view.zoom ? view.y : view.y * (zoom / view.zoom));
  const dx = shift(x0, x0 + focus.width * zoom, pane.width);
  const dy = shift(y0, y0 + focus.height * zoom, paneH);
  if (dx === 0 && dy === 0 && zoom === view.zoom) return view;
  return { x: x0 - focus.x * zoom + dx, y: y0 - focus.y * zoom + dy, zoom };
}
