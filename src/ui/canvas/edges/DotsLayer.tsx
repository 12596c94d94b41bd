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

    const draw = () => {
      frame = 0;
      const dpr = window.devicePixelRatio || 1;
      const w = container.clientWidth;
      const h = container.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const [tx, ty, zoom] = transformRef.current;
      const now = performance.now();
      let alive = 0;
      for (const [edgeId, dots] of bus.entries()) {
        const path = container.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"] path.react-flow__edge-path`);
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
          ctx.globalAlpha = alphaAt(t);
          ctx.beginPath();
          ctx.arc(x * zoom + tx, y * zoom + ty, RADIUS * Math.max(zoom, 0.6), 0, Math.PI * 2);
          ctx.fillStyle = hueFill(dot.hue);
          ctx.fill();
          ctx.lineWidth = 1.5;
          ctx.strokeStyle = hueStroke(dot.hue);
          ctx.stroke();
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
    const unsubscribe = bus.subscribeAny(wake);
    wake();
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [bus, reduced]);

  return <canvas ref={canvasRef} className="kafe-dots" aria-hidden="true" data-dots="0" />;
}
