import { useEffect, useRef } from 'react';
import type { PartitionView } from '../../../engine';
import type { KafeState } from '../../../store';
import { hueFill, hueStroke, keyHue } from '../keyColor';
import { useLiveFeed } from '../liveFeed';

/** Records drawn per partition row in the picture. */
export const STRIP_RECORDS = 10;
const ROW_H = 16;
const ROW_GAP = 6;

/**
 * A zoomed-out topic's partitions as one picture without text: a row per partition with its
 * newest records as blocks in their key's colour (dashed when not yet replicated), so a learner
 * still sees records land by key. One <canvas> per topic, redrawn outside React only when a
 * partition's end, high watermark or start offset moved, and only the rows that did.
 */
export function PartitionStrip({ nodeId, topic, partitions, label }: { nodeId: string; topic: string; partitions: number; label: string }) {
  const feed = useLiveFeed();
  const ref = useRef<HTMLCanvasElement | null>(null);
  const height = partitions * ROW_H + Math.max(0, partitions - 1) * ROW_GAP;

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const drawn: string[] = [];
    const draw = (state: KafeState) => {
      const view = state.frame.view.topics.find((tv) => tv.name === topic);
      (view?.partitions ?? []).forEach((p, row) => {
        const sig = `${p.startOffset}:${p.endOffset}:${p.highWatermark}`;
        if (drawn[row] === sig) return;
        drawn[row] = sig;
        paintRow(canvas, topic, p, row, state.readRecords);
      });
    };
    draw(feed.state());
    // While playing, the repaint waits for its turn in a frame's share of canvas work (liveFeed).
    const job = { nodeId, run: () => draw(feed.state()) };
    const unsubscribe = feed.subscribeState((state, prev) => {
      if (state.frame.view !== prev.frame.view) feed.schedule(job);
    });
    return () => {
      unsubscribe();
      feed.cancel(job);
    };
  }, [feed, nodeId, topic, partitions]);

  return <canvas ref={ref} className="kafe-strip" width={360} height={height} role="img" aria-label={label} data-topic={topic} style={{ height }} />;
}

function paintRow(canvas: HTMLCanvasElement, topic: string, p: PartitionView, row: number, read: KafeState['readRecords']): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width } = canvas;
  const block = (width - (STRIP_RECORDS - 1) * 3) / STRIP_RECORDS;
  const y = row * (ROW_H + ROW_GAP);
  ctx.fillStyle = '#f3ece4';
  ctx.fillRect(0, y, width, ROW_H);
  const from = Math.max(p.startOffset, p.endOffset - STRIP_RECORDS);
  const records = p.endOffset > from ? read(topic, p.id, from, STRIP_RECORDS) : [];
  ctx.lineWidth = 1.5;
  records.forEach((r, i) => {
    const x = (STRIP_RECORDS - records.length + i) * (block + 3);
    const hue = keyHue(r.key);
    ctx.globalAlpha = r.offset >= p.highWatermark ? 0.45 : 1;
    ctx.fillStyle = hueFill(hue);
    ctx.fillRect(x, y, block, ROW_H);
    ctx.strokeStyle = hueStroke(hue);
    ctx.strokeRect(x + 0.75, y + 0.75, block - 1.5, ROW_H - 1.5);
  });
  ctx.globalAlpha = 1;
}
