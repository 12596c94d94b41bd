import { useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { hueFill, hueStroke } from '../keyColor';
import { useReducedMotion } from '../useReducedMotion';
import { useMessageBus } from './busContext';
import { DOT_LIFE_MS } from './messageBus';

const RADIUS = 5;
/** Points sampled along each edge's curve; dots interpolate between them. */
const SAMPLES = 48;

/** An edge's curve as SAMPLES+1 evenly spaced points, re-sampled only when its path changes. */
interface Sampled {
  d: string;
  xy: Float32Array;
}

function sampleAlong(path: SVGPathElement): Float32Array {
  const length = path.getTotalLength();
  const xy = new Float32Array((SAMPLES + 1) * 2);
  for (let i = 0; i <= SAMPLES; i++) {
    const p = path.getPointAtLength((length * i) / SAMPLES);
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  }
  return xy;
}

/**
 * A dot of each hue drawn once into one atlas canvas (a cell per hue, drawn when first needed),
 * then stamped with drawImage: much cheaper per dot than building, filling and stroking an arc
 * (hundreds of dots, every frame). Redrawn when the dot's on-screen radius or the pixel ratio
 * changes (zooming).
 */
class DotSprites {
  readonly atlas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly drawn = new Set<number>();
  private radius = 0;
  private dpr = 0;
  /** Size of a sprite in CSS pixels (the dot plus its stroke). */
  size = 0;
  /** Size of an atlas cell in device pixels. */
  private cell = 0;

  constructor() {
    this.ctx = this.atlas.getContext('2d');
  }

  sized(radius: number, dpr: number): this {
    if (radius === this.radius && dpr === this.dpr) return this;
    this.radius = radius;
    this.dpr = dpr;
    this.size = 2 * radius + 2 * STROKE;
    this.cell = Math.ceil(this.size * dpr);
    this.atlas.width = this.cell * ATLAS_COLUMNS;
    this.atlas.height = this.cell * Math.ceil(HUES / ATLAS_COLUMNS);
    this.drawn.clear();
    return this;
  }

  /** Draws the dot of `hue` centred at (x, y) on `ctx` (CSS pixels). */
  stamp(ctx: CanvasRenderingContext2D, hue: number | null, x: number, y: number): void {
    const index = hue === null ? HUES - 1 : hue % (HUES - 1);
    const sx = (index % ATLAS_COLUMNS) * this.cell;
    const sy = Math.floor(index / ATLAS_COLUMNS) * this.cell;
    if (!this.drawn.has(index) && this.ctx) {
      this.drawn.add(index);
      const c = this.ctx;
      c.setTransform(this.dpr, 0, 0, this.dpr, sx, sy);
      c.beginPath();
      c.arc(this.size / 2, this.size / 2, this.radius, 0, Math.PI * 2);
      c.fillStyle = hueFill(hue);
      c.fill();
      c.lineWidth = 1.5;
      c.strokeStyle = hueStroke(hue);
      c.stroke();
    }
    const half = this.size / 2;
    ctx.drawImage(this.atlas, sx, sy, this.cell, this.cell, x - half, y - half, this.cell / this.dpr, this.cell / this.dpr);
  }
}
/** 360 hues and grey (no key). */
const HUES = 361;
const ATLAS_COLUMNS = 19;
/** Room for the stroke around a dot's radius, CSS px. */
const STROKE = 1;

/** Ease-in-out along the edge, like the CSS/SVG spline it replaces. */
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
/** Fade in over the first 10 % of a dot's life, out over the last 15 %. */
const alphaAt = (t: number) => (t < 0.1 ? t / 0.1 : t > 0.85 ? (1 - t) / 0.15 : 1);

/**
 * Every message in flight, drawn on one canvas over the flow. Hundreds of individually animated
 * SVG elements made the browser restyle and repaint the whole edge layer every frame; one canvas
 * redrawn per frame costs a fraction of that. Positions come from each edge's own path element
 * (so dots follow exactly the drawn curve) mapped through the current viewport transform.
 * Runs its own animation frames only while dots are alive; draws nothing under reduced motion.
 */
export function DotsLayer() {
  const bus = useMessageBus();
  const reduced = useReducedMotion();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const transform = useFlowStore((s) => s.transform);
  const transformRef = useRef(transform);
  transformRef.current = transform;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!bus || !canvas || reduced) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const container = canvas.parentElement!;
    let frame = 0;
    let shown = -1;
    const curves = new Map<string, Sampled>();
    /** Each edge's path element, looked up again only when React Flow replaced it. */
    const paths = new Map<string, SVGPathElement>();
    const sprites = new DotSprites();
    const size = { width: container.clientWidth, height: container.clientHeight };

    const draw = () => {
      frame = 0;
      const dpr = window.devicePixelRatio || 1;
      // The size as last observed: reading clientWidth here would force a layout every frame.
      const { width: w, height: h } = size;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const [tx, ty, zoom] = transformRef.current;
      const now = performance.now();
      let alive = 0;
      const radius = RADIUS * Math.max(zoom, 0.6);
      const sprite = sprites.sized(radius, dpr);
      const half = sprite.size / 2;
      for (const [edgeId, dots] of bus.entries()) {
        let path = paths.get(edgeId);
        if (!path?.isConnected) {
          path = container.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"] path.react-flow__edge-path`) ?? undefined;
          if (path) paths.set(edgeId, path);
          else paths.delete(edgeId);
        }
        if (!path) continue;
        const d = path.getAttribute('d') ?? '';
        let curve = curves.get(edgeId);
        if (!curve || curve.d !== d) curves.set(edgeId, (curve = { d, xy: sampleAlong(path) }));
        const xy = curve.xy;
        for (const dot of dots) {
          const t = (now - dot.born) / DOT_LIFE_MS;
          if (t < 0 || t >= 1) continue;
          alive++;
          const at = ease(t) * SAMPLES;
          const i = Math.min(SAMPLES - 1, Math.floor(at));
          const f = at - i;
          const x = xy[2 * i] + (xy[2 * i + 2] - xy[2 * i]) * f;
          const y = xy[2 * i + 1] + (xy[2 * i + 3] - xy[2 * i + 1]) * f;
          const sx = x * zoom + tx;
          const sy = y * zoom + ty;
          if (sx < -half || sy < -half || sx > w + half || sy > h + half) continue;
          ctx.globalAlpha = alphaAt(t);
          sprites.stamp(ctx, dot.hue, sx, sy);
        }
      }
      ctx.globalAlpha = 1;
      if (alive !== shown) {
        canvas.dataset.dots = String(alive);
        shown = alive;
      }
      if (alive > 0) frame = requestAnimationFrame(draw);
    };
    const wake = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const observer = new ResizeObserver(() => {
      size.width = container.clientWidth;
      size.height = container.clientHeight;
      wake();
    });
    observer.observe(container);
    const unsubscribe = bus.subscribeAny(wake);
    wake();
    return () => {
      observer.disconnect();
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [bus, reduced]);

  return <canvas ref={canvasRef} className="kafe-dots" aria-hidden="true" data-dots="0" />;
}
