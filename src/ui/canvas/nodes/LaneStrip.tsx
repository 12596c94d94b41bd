import { useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { CHIP_H, paintStrip, type HitBox, type StripContent } from './laneStripPaint';

/** Width of the strip before the first ResizeObserver report (a topic node's lane, CSS px). */
const DEFAULT_WIDTH = 312;

/**
 * A partition lane's records, group markers and "+N earlier" as one canvas (see laneStripPaint
 * for why not elements). Redrawn when the lane re-renders (its signature changed), its size
 * changes, or the zoom crosses a resolution step (drawn at up to 2x so it stays sharp zoomed in).
 *
 * Still readable without sight and by tests: the canvas is an image whose accessible name lists
 * the chips and markers, a tooltip names the chip under the pointer, and `data-records` /
 * `data-markers` carry the drawn records and committed offsets as JSON.
 */
export function LaneStrip({ content, label }: { content: StripContent; label: string }) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const hits = useRef<HitBox[]>([]);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const font = useRef<string | null>(null);
  /** What data-records / data-markers last said (see drawnSignature). */
  const written = useRef('');
  // Lanes exist from zoom 1 on; a sharper bitmap only at 1.5x and 2x.
  const zoom = useFlowStore((s) => Math.min(2, Math.max(1, Math.ceil(s.transform[2] * 2) / 2)));

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // The page's font, read once (a style read per redraw could force a style recalculation).
    font.current ??= getComputedStyle(canvas).fontFamily || 'system-ui, sans-serif';
    const scale = (window.devicePixelRatio || 1) * zoom;
    const w = Math.round(width * scale);
    const h = Math.round(CHIP_H * scale);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    hits.current = paintStrip(ctx, content, width, CHIP_H, font.current);
    // The JSON for tests, rebuilt and written only when what it says changed: the lane re-renders
    // ten times a second while time runs, often for a lag or high watermark alone.
    const sig = drawnSignature(content);
    if (sig !== written.current) {
      written.current = sig;
      canvas.setAttribute('data-records', JSON.stringify(content.chips.map((c) => ({ offset: c.offset, partition: c.partition, key: c.key, pending: c.pending }))));
      canvas.setAttribute('data-markers', JSON.stringify(content.markers.flat().map((m) => ({ group: m.group, committed: m.committed }))));
      canvas.setAttribute('data-earlier', String(content.earlier));
    }
  }, [content, width, zoom]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * width;
    const title = hits.current.find((b) => x >= b.x0 && x < b.x1)?.title ?? '';
    if (e.currentTarget.title !== title) e.currentTarget.title = title;
  };

  return (
    <canvas
      ref={ref}
      className="kafe-lane__strip"
      role="img"
      aria-label={label}
      style={{ height: CHIP_H }}
      onPointerMove={onPointerMove}
    />
  );
}

/** Everything data-records / data-markers / data-earlier say, as a cheap string (keys and group
 * ids quoted, so no key can make two different contents look alike). */
function drawnSignature(content: StripContent): string {
  let sig = `${content.earlier}`;
  for (const c of content.chips) sig += `|${c.offset}:${c.partition}:${c.pending ? 1 : 0}:${JSON.stringify(c.key)}`;
  for (const at of content.markers) for (const m of at) sig += `|${JSON.stringify(m.group)}@${m.committed}`;
  return sig;
}
