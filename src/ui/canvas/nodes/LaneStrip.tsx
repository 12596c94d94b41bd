import { useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { laneLineAtoms, layoutLine, LINE_FONT_PX, LINE_GAP, lineBlockHeight, paintLine, TONE_STYLE, type LaneLineText, type LineHit } from './laneLinePaint';
import { CHIP_H, paintStrip, type HitBox, type StripContent } from './laneStripPaint';
import { textWidth } from './textWidth';

/** Width of the strip before the first ResizeObserver report (a topic node's lane, CSS px). */
const DEFAULT_WIDTH = 312;
/** How far outside the screen a lane is still drawn, so one panned in is usually ready. */
const NEAR_MARGIN = '200px';

/** CSS height of the canvas: the strip, the gap, and `lines` lines of the lane line (whole px, so
 * the bitmap is never stretched by a fraction of a pixel). */
export const laneCanvasHeight = (lines: number) => Math.ceil(CHIP_H + lineBlockHeight(lines));

/**
 * A partition lane's picture, one canvas: its records, group markers and "+N earlier" (see
 * laneStripPaint for why not elements), and under them the lane line: end, high watermark,
 * leader, ISR and lags (laneLinePaint). Redrawn when the lane re-renders (its signature changed),
 * its width changes, or the zoom crosses a resolution step (drawn at up to 2x so it stays sharp
 * zoomed in). Taller when the lane line wraps. A lane off screen is not drawn (only laid out, for
 * its height, and its data-* kept current; its old picture is cleared) until it comes near: zoomed
 * in on a big canvas most lanes are off screen, and each redraw costs script and a new canvas bitmap.
 *
 * Still readable without sight and by tests: the canvas is an image whose accessible name lists
 * the chips, markers and the lane line, a tooltip names what is under the pointer, and
 * `data-records` / `data-markers` carry the drawn records and committed offsets as JSON.
 */
export function LaneStrip({ content, line, label }: { content: StripContent; line: LaneLineText; label: string }) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const hits = useRef<(HitBox | LineHit)[]>([]);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [lines, setLines] = useState(1);
  const font = useRef<string | null>(null);
  /** What data-records / data-markers last said (see drawnSignature). */
  const written = useRef('');
  /** On screen or near it (until the first report: yes). */
  const near = useRef(true);
  /** Draws the latest content; `dirty` while that waits for the lane to come near the screen. */
  const draw = useRef<() => void>(() => {});
  const dirty = useRef(false);
  // Lanes exist from zoom 1 on; a sharper bitmap only at 1.5x and 2x.
  const zoom = useFlowStore((s) => Math.min(2, Math.max(1, Math.ceil(s.transform[2] * 2) / 2)));
  const height = laneCanvasHeight(lines);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(canvas);
    // Whether the lane is on screen or close to it (NEAR_MARGIN): only then is it drawn.
    const nearby = new IntersectionObserver(
      (entries) => {
        near.current = entries[entries.length - 1].isIntersecting;
        if (near.current && dirty.current) draw.current();
      },
      { rootMargin: NEAR_MARGIN },
    );
    nearby.observe(canvas);
    return () => {
      observer.disconnect();
      nearby.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // The page's font, read once (a style read per redraw could force a style recalculation).
    font.current ??= getComputedStyle(canvas).fontFamily || 'system-ui, sans-serif';
    const family = font.current;
    // Lay the lane line out first: its line count sets the canvas's height.
    let measuring = '';
    const layout = layoutLine(laneLineAtoms(line), width, (text, tone) => {
      const f = `${TONE_STYLE[tone].weight} ${LINE_FONT_PX}px ${family}`;
      if (f !== measuring) ctx.font = measuring = f;
      return textWidth(ctx, f, text);
    });
    // A new line count re-renders at once (before the browser paints) with the new CSS height;
    // the drawing below already has it.
    if (layout.lines !== lines) setLines(layout.lines);
    const cssH = laneCanvasHeight(layout.lines);
    draw.current = () => {
      dirty.current = false;
      const scale = (window.devicePixelRatio || 1) * zoom;
      const w = Math.round(width * scale);
      const h = Math.round(cssH * scale);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.clearRect(0, 0, width, cssH);
      const stripHits = paintStrip(ctx, content, width, CHIP_H, family);
      hits.current = [...stripHits, ...paintLine(ctx, layout, CHIP_H + LINE_GAP, family)];
    };
    // Off screen (most lanes of a big canvas, zoomed in), the drawing waits until it comes near.
    // The picture it holds is out of date from now on: cleared once, so a lane that jumps into
    // view (Fit view, a long pan) is blank for the frame before the observer reports, never wrong.
    if (near.current) draw.current();
    else {
      if (!dirty.current) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
      }
      dirty.current = true;
    }
    // The JSON for tests, rebuilt and written only when what it says changed: the lane re-renders
    // ten times a second while time runs, often for a lag or high watermark alone.
    const sig = drawnSignature(content);
    if (sig !== written.current) {
      written.current = sig;
      canvas.setAttribute('data-records', JSON.stringify(content.chips.map((c) => ({ offset: c.offset, partition: c.partition, key: c.key, pending: c.pending }))));
      canvas.setAttribute('data-markers', JSON.stringify(content.markers.flat().map((m) => ({ group: m.group, committed: m.committed }))));
      canvas.setAttribute('data-earlier', String(content.earlier));
    }
  }, [content, line, width, zoom, lines]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * width;
    const y = ((e.clientY - box.top) / box.height) * height;
    const hit = hits.current.find((b) => x >= b.x0 && x < b.x1 && ('y0' in b ? y >= b.y0 && y < b.y1 : y < CHIP_H));
    const title = hit?.title ?? '';
    if (e.currentTarget.title !== title) e.currentTarget.title = title;
  };

  return <canvas ref={ref} className="kafe-lane__strip" role="img" aria-label={label} style={{ height }} onPointerMove={onPointerMove} />;
}

/** Everything data-records / data-markers / data-earlier say, as a cheap string (keys and group
 * ids quoted, so no key can make two different contents look alike). */
function drawnSignature(content: StripContent): string {
  let sig = `${content.earlier}`;
  for (const c of content.chips) sig += `|${c.offset}:${c.partition}:${c.pending ? 1 : 0}:${JSON.stringify(c.key)}`;
  for (const at of content.markers) for (const m of at) sig += `|${JSON.stringify(m.group)}@${m.committed}`;
  return sig;
}
