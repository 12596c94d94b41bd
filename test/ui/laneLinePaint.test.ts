import { describe, expect, test } from 'vitest';
import { MIN_DETAIL_FONT_PX } from '../../src/ui/canvas/semanticZoom';
import {
  ITEM_GAP,
  LAG_GAP,
  laneLineAtoms,
  layoutLine,
  LINE_GAP,
  LINE_H,
  lineBlockHeight,
  paintLine,
  SWATCH,
  SWATCH_GAP,
  LINE_FONT_PX,
  type LaneLineText,
  type LineRun,
  type Tone,
} from '../../src/ui/canvas/nodes/laneLinePaint';

/** 6 px per character, 7 when bold: enough to check layout, not pixels. */
const measure = (text: string, tone: Tone) => text.length * (tone === 'behind' || tone === 'warn' ? 7 : 6);

const run = (text: string, extra: Partial<LineRun> = {}): LineRun => ({ text, tone: 'muted', ...extra });

function lane(lags: LineRun[] = []): LaneLineText {
  return {
    end: run('end 12', { title: 'Log end offset 12' }),
    hw: run('HW 10', { title: 'High watermark 10' }),
    leader: run('leader b1'),
    isr: run('ISR 3/3'),
    lagLabel: 'lag',
    lags,
  };
}

describe('laneLineAtoms (what a lane line says, in order)', () => {
  test('end, HW, leader and ISR are separate items; "lag" and the lags are one item', () => {
    const lags = [run('0', { tone: 'lag', swatch: '#111', title: 'a lag 0' }), run('3', { tone: 'behind', swatch: '#222', title: 'b lag 3' })];
    const atoms = laneLineAtoms(lane(lags));
    expect(atoms.map((a) => a.runs.map((r) => r.text))).toEqual([['end 12'], ['HW 10'], ['leader b1'], ['ISR 3/3'], ['lag', '0', '3']]);
    expect(atoms.map((a) => a.gapBefore)).toEqual([ITEM_GAP, ITEM_GAP, ITEM_GAP, ITEM_GAP, ITEM_GAP]);
  });

  test('without groups there is no "lag"', () => {
    expect(laneLineAtoms(lane()).flatMap((a) => a.runs.map((r) => r.text))).not.toContain('lag');
  });
});

describe('layoutLine (wrapping like the flex row it replaces)', () => {
  const at = (layout: ReturnType<typeof layoutLine>) => Object.fromEntries(layout.runs.map((r) => [r.text, r]));

  test('on one line when it fits: items ITEM_GAP apart, lags LAG_GAP apart, a swatch before a lag', () => {
    const lags = [run('0', { tone: 'lag', swatch: '#111' }), run('3', { tone: 'behind', swatch: '#222' })];
    const layout = layoutLine(laneLineAtoms(lane(lags)), 1000, measure);
    expect(layout.lines).toBe(1);
    const r = at(layout);
    expect(r['end 12'].x).toBe(0);
    expect(r['HW 10'].x).toBe(36 + ITEM_GAP);
    expect(r['leader b1'].x).toBe(r['HW 10'].x + 30 + ITEM_GAP);
    expect(r.lag.x).toBe(r['ISR 3/3'].x + 42 + ITEM_GAP);
    expect(r['0'].x).toBe(r.lag.x + 18 + LAG_GAP);
    expect(r['0'].width).toBe(SWATCH + SWATCH_GAP + 6);
    expect(r['3'].x).toBe(r['0'].x + r['0'].width + LAG_GAP);
    expect(r['3'].width).toBe(SWATCH + SWATCH_GAP + 7);
  });

  test('an item that does not fit starts the next line at its left edge; the lags move together', () => {
    const lags = [run('0', { tone: 'lag', swatch: '#111' }), run('12', { tone: 'behind', swatch: '#222' })];
    // end 12 (36) + 9 + HW 10 (30) + 9 + leader b1 (54) = 138; ISR 3/3 (42) would end at 189.
    const narrow = at(layoutLine(laneLineAtoms(lane(lags)), 150, measure));
    expect([narrow['end 12'].line, narrow['HW 10'].line, narrow['leader b1'].line]).toEqual([0, 0, 0]);
    expect(narrow['ISR 3/3']).toMatchObject({ line: 1, x: 0 });
    // ISR (42) + 9 + lag (18) + 6 + swatch and "0" (17) + 6 + swatch and "12" (25) = 123 fits.
    expect(narrow.lag).toMatchObject({ line: 1, x: 51 });
    expect(narrow['12']).toMatchObject({ line: 1, x: 98 });
    // 189 + 9 + 72 = 270: at 260 the first lag alone would fit after ISR, but the lags go down together.
    const wide = layoutLine(laneLineAtoms(lane(lags)), 260, measure);
    expect(at(wide)['ISR 3/3'].line).toBe(0);
    expect(at(wide).lag).toMatchObject({ line: 1, x: 0 });
    expect(at(wide)['0']).toMatchObject({ line: 1, x: 24 });
    expect(wide.lines).toBe(2);
  });

  test('lags wider than the lane wrap among themselves, each line from the left edge', () => {
    const lags = ['1', '2', '3', '4', '5'].map((n) => run(n, { tone: 'lag', swatch: '#111' }));
    // "lag" (18) then five lags of 17, LAG_GAP apart: 18 + 5 × 23 = 133 > 80.
    const layout = layoutLine(laneLineAtoms(lane(lags)), 80, measure);
    const r = at(layout);
    const lagLine = r['ISR 3/3'].line + 1;
    expect(r.lag).toMatchObject({ line: lagLine, x: 0 });
    expect(r['1']).toMatchObject({ line: lagLine, x: 24 });
    expect(r['2']).toMatchObject({ line: lagLine, x: 47 });
    expect(r['3']).toMatchObject({ line: lagLine + 1, x: 0 });
    expect(r['5']).toMatchObject({ line: lagLine + 1, x: 46 });
    expect(layout.lines).toBe(lagLine + 2);
  });

  test('an item wider than the lane stands alone on its line (and is cut off), never after an empty line', () => {
    const layout = layoutLine([{ runs: [run('x'.repeat(100))], gapBefore: ITEM_GAP }, { runs: [run('y')], gapBefore: ITEM_GAP }], 120, measure);
    expect(layout.runs.map((r) => [r.line, r.x])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(layout.lines).toBe(2);
  });

  test('its text is at least the detail view\'s smallest readable size (lanes are drawn from DETAIL_ZOOM on)', () => {
    // The e2e readability check reads DOM text only; the lane line is on a canvas now.
    expect(LINE_FONT_PX).toBeGreaterThanOrEqual(MIN_DETAIL_FONT_PX);
  });

  test('an empty line still takes one line of height', () => {
    expect(layoutLine([], 300, measure).lines).toBe(1);
    expect(lineBlockHeight(1)).toBe(LINE_GAP + LINE_H);
    expect(lineBlockHeight(2)).toBe(LINE_GAP + 2 * LINE_H);
  });
});

describe('paintLine', () => {
  test('draws every run on its line, a swatch before the text it belongs to, and returns tooltips only where there is one', () => {
    const texts: { text: string; x: number; y: number; font: string }[] = [];
    const rects: { x: number; y: number }[] = [];
    const ctx = {
      font: '',
      fillStyle: '',
      textAlign: '',
      textBaseline: '',
      beginPath() {},
      fill() {},
      roundRect: (x: number, y: number) => void rects.push({ x, y }),
      measureText: () => ({ width: 10, fontBoundingBoxAscent: 10, fontBoundingBoxDescent: 3 }),
      fillText(text: string, x: number, y: number) {
        texts.push({ text, x, y, font: ctx.font });
      },
    };
    const layout = layoutLine(
      laneLineAtoms(lane([run('4', { tone: 'behind', swatch: '#222', title: 'g lag 4' })])),
      120,
      measure,
    );
    const top = 49;
    const hits = paintLine(ctx as unknown as CanvasRenderingContext2D, layout, top, 'sans-serif');
    expect(texts.map((t) => t.text)).toEqual(['end 12', 'HW 10', 'leader b1', 'ISR 3/3', 'lag', '4']);
    // Baseline: half the leading (16.5 - 13) above the ascent, in each run's line.
    const placed = Object.fromEntries(layout.runs.map((r) => [r.text, r]));
    for (const t of texts) expect(t.y).toBeCloseTo(top + placed[t.text].line * LINE_H + 1.75 + 10);
    const four = texts.find((t) => t.text === '4')!;
    expect(four.font).toBe('700 11px sans-serif');
    expect(rects).toEqual([{ x: placed['4'].x, y: four.y - SWATCH }]);
    expect(four.x).toBe(placed['4'].x + SWATCH + SWATCH_GAP);
    expect(hits.map((h) => h.title)).toEqual(['Log end offset 12', 'High watermark 10', 'g lag 4']);
    const lagHit = hits[2];
    expect(lagHit).toEqual({ x0: placed['4'].x, x1: placed['4'].x + placed['4'].width, y0: top + placed['4'].line * LINE_H, y1: top + (placed['4'].line + 1) * LINE_H, title: 'g lag 4' });
  });
});
