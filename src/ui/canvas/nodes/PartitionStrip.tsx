import { useEffect, useRef } from 'react';
import type { PartitionView } from '../../../engine';
import type { KafeState } from '../../../store';
import { useKafeStoreApi } from '../../../store';
import { hueFill, hueStroke, keyHue } from '../keyColor';

/** Records drawn per partition row in the picture. */
export const STRIP_RECORDS = 10;
const ROW_H = 16;
const ROW_GAP = 6;

/**
 * A zoomed-out topic's partitions as one picture without text: a row per partition with its
 * newest records as blocks in their key's colour (dashed when not yet replicated), so a learner
 * still sees records land by key. One <canvas> per topic, redrawn outside React only when a
 * partition's end, high watermark or start offset moved.
 */
export function PartitionStrip({ topic, partitions, label }: { topic: string; partitions: number; label: string }) {
  const store = useKafeStoreApi();
  const ref = useRef<HTMLCanvasElement | null>(null);
  const height = partitions * ROW_H + Math.max(0, partitions - 1) * ROW_GAP;

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let drawn = '';
    const draw = (state: KafeState) => {
      const view = state.frame.view.topics.find((tv) => tv.name === topic);
      let sig = '';
      for (const p of view?.partitions ?? []) sig += `${p.startOffset}:${p.endOffset}:${p.highWatermark}|`;
      if (sig === drawn) return;
      drawn = sig;
      paint(canvas, topic, view?.partitions ?? [], state.readRecords);
    };
    draw(store.getState());
    return store.subscribe((state, prev) => {
      if (state.frame.view !== prev.frame.view) draw(state);
    });
  }, [store, topic, partitions]);

  return <canvas ref={ref} className="kafe-strip" width={360} height={height} role="img" aria-label={label} data-topic={topic} style={{ height }} />;
}

function paint(canvas: HTMLCanvasElement, topic: string, partitions: readonly PartitionView[], read: KafeState['readRecords']): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const block = (width - (STRIP_RECORDS - 1) * 3) / STRIP_RECORDS;
  partitions.forEach((p, row) => {
    const y = row * (ROW_H + ROW_GAP);
    ctx.fillStyle = '#f3ece4';
    ctx.fillRect(0, y, width, ROW_H);
    const from = Math.max(p.startOffset, p.endOffset - STRIP_RECORDS);
    const records = p.endOffset > from ? read(topic, p.id, from, STRIP_RECORDS) : [];
    records.forEach((r, i) => {
      const x = (STRIP_RECORDS - records.length + i) * (block + 3);
      const hue = keyHue(r.key);
      const pending = r.offset >= p.highWatermark;
      ctx.globalAlpha = pending ? 0.45 : 1;
      ctx.fillStyle = hueFill(hue);
      ctx.fillRect(x, y, block, ROW_H);
      ctx.strokeStyle = hueStroke(hue);
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x + 0.75, y + 0.75, block - 1.5, ROW_H - 1.5);
    });
    ctx.globalAlpha = 1;
  });
}
