import { describe, expect, test } from 'vitest';
import { CHIP_W, paintStrip, type StripChip, type StripContent } from '../../src/ui/canvas/nodes/laneStripPaint';

/** A 2D context that records the text drawn (with its alignment and whether a clip was active) and
 * measures text at 6 px per character. Enough to check layout, not pixels. */
function recordingContext() {
  const texts: { text: string; x: number; align: string; clipped: boolean; font: string }[] = [];
  let clips = 0;
  const saved: number[] = [];
  const ctx = {
    textAlign: 'start',
    textBaseline: 'alphabetic',
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    clearRect() {},
    beginPath() {},
    roundRect() {},
    rect() {},
    fill() {},
    stroke() {},
    setLineDash() {},
    createPattern: () => null,
    save: () => saved.push(clips),
    restore: () => void (clips = saved.pop() ?? 0),
    clip: () => void clips++,
    measureText: (text: string) => ({ width: text.length * 6 }),
    fillText(text: string, x: number) {
      texts.push({ text, x, align: ctx.textAlign, clipped: clips > 0, font: ctx.font });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

const chip = (offset: number, key: string | null, pending = false): StripChip => ({ offset, partition: 0, key, value: `v${offset}`, pending, title: `chip ${offset}` });

function content(over: Partial<StripContent>): StripContent {
  return { earlier: 0, earlierWord: 'earlier', earlierTitle: 'earlier ones', emptyText: 'no records yet', chips: [], markers: [[]], ...over };
}

describe('paintStrip (a partition lane drawn on a canvas)', () => {
  test('an empty lane says so', () => {
    const { ctx, texts } = recordingContext();
    const hits = paintStrip(ctx, content({}), 312, 46, 'sans-serif');
    expect(texts.map((t) => t.text)).toEqual(['no records yet']);
    expect(hits).toEqual([]);
  });

  test('lays out "+N earlier", then each chip after the markers of the groups that have not read it, left to right', () => {
    const { ctx } = recordingContext();
    const marker = (group: string, committed: number) => ({ group, committed, color: '#123456', title: `${group} at ${committed}` });
    const hits = paintStrip(
      ctx,
      content({ earlier: 12, chips: [chip(12, 'a'), chip(13, 'b')], markers: [[], [marker('g1', 13), marker('g2', 13)], [marker('g3', 14)]] }),
      312,
      46,
      'sans-serif',
    );
    expect(hits.map((h) => h.title)).toEqual(['earlier ones', 'chip 12', 'g1 at 13', 'g2 at 13', 'chip 13', 'g3 at 14']);
    for (let i = 1; i < hits.length; i++) expect(hits[i].x0).toBeGreaterThan(hits[i - 1].x1);
    const chips = hits.filter((h) => h.title.startsWith('chip'));
    expect(chips.every((h) => h.x1 - h.x0 === CHIP_W)).toBe(true);
  });

  test('draws key, value and offset of every chip, keys in bold; a keyless record shows ∅', () => {
    const { ctx, texts } = recordingContext();
    paintStrip(ctx, content({ chips: [chip(7, 'k1'), chip(8, null)], markers: [[], [], []] }), 312, 46, 'sans-serif');
    expect(texts.map((t) => t.text).sort()).toEqual(['#7', '#8', 'k1', 'v7', 'v8', '∅'].sort());
    expect(texts.find((t) => t.text === 'k1')!.font).toMatch(/^700 /);
    expect(texts.find((t) => t.text === '∅')!.font).toMatch(/^400 /);
  });

  test('text too wide for a chip starts at its left edge and is clipped; text that fits is centred, unclipped', () => {
    const { ctx, texts } = recordingContext();
    // 9 characters x 6 px = 54 px fits the chip's 54 px of room; "…" + 8 characters of a long key too.
    paintStrip(ctx, content({ chips: [chip(1, 'customer-12345678')], markers: [[], []] }), 312, 46, 'sans-serif');
    const key = texts.find((t) => t.text.startsWith('…'))!;
    expect(key.text).toBe('…12345678');
    expect(key.align).toBe('center');
    expect(key.clipped).toBe(false);

    const wide = recordingContext();
    wide.ctx.measureText = (text: string) => ({ width: text.length * 8 }) as TextMetrics;
    // Another font: widths are remembered by font and text (textWidth), and this one is wider.
    paintStrip(wide.ctx, content({ chips: [chip(1, 'customer-12345678')], markers: [[], []] }), 312, 46, 'wide-sans');
    const clipped = wide.texts.find((t) => t.text.startsWith('…'))!;
    expect(clipped.align).toBe('left');
    expect(clipped.clipped).toBe(true);
  });
});
