/**
 * The line under a partition lane's records (log end offset, high watermark, leader, ISR and each
 * group's lag), drawn on the lane's canvas under the strip (see LaneStrip). It was a row of
 * elements whose text changed ten times a second while the simulation ran; each change made the
 * browser restyle and lay out the node and re-render React elements (the zoomed-in row of bench
 * (f)). The look is the one `.kafe-lane__meta` had: 11 px text, 16.5 px lines, wrapping like a
 * flex row with 9 px gaps (6 px between lags), warnings in --warn, lags behind in --bad and bold.
 *
 * `layoutLine` is pure (it takes a text measurer); `paintLine` draws what it placed.
 */

export const LINE_FONT_PX = 11;
/** One line of the lane line: 11 px × line-height 1.5, as `.kafe-lane__meta`. */
export const LINE_H = 16.5;
/** Between the strip and the line: room for Thai tone marks above the line (ท้าย). */
export const LINE_GAP = 3;
/** Between two items of the line (end, HW, leader, ISR, lags). */
export const ITEM_GAP = 9;
/** Between two lags (and between "lag" and the first). */
export const LAG_GAP = 6;
/** A group's colour swatch before its lag, and the space after it (`.kafe-swatch`). */
export const SWATCH = 8;
export const SWATCH_GAP = 3;

/**
 * How a run of text looks. muted: the line's usual grey-brown; warn: a warning (⚠ under-replicated
 * or offline), semibold; lag: a lag at 0 (or none yet), in text colour; behind: a lag above 0, bold.
 */
export type Tone = 'muted' | 'warn' | 'lag' | 'behind';

export const TONE_STYLE: Readonly<Record<Tone, { weight: 400 | 600 | 700; color: string }>> = {
  muted: { weight: 400, color: '#5e4a3c' },
  warn: { weight: 600, color: '#9a5b00' },
  lag: { weight: 400, color: '#2b1d14' },
  behind: { weight: 700, color: '#8c2f1b' },
};

/** Text drawn in one style, with its own tooltip (if any) and a colour swatch before it (if any). */
export interface LineRun {
  text: string;
  tone: Tone;
  /** Tooltip under the pointer. */
  title?: string;
  /** A group's colour: an 8 px swatch before the text. */
  swatch?: string;
}

/** An item of the line and the gap before it: one run, or the lags (several runs, LAG_GAP apart,
 * that wrap among themselves only when together they are wider than the lane). */
export interface LineAtom {
  runs: readonly LineRun[];
  gapBefore: number;
}

export interface PlacedRun extends LineRun {
  /** Left edge (CSS px from the line's left) and width, swatch included. */
  x: number;
  width: number;
  /** 0 for the first line. */
  line: number;
}

export interface LineLayout {
  runs: PlacedRun[];
  /** Lines used (at least 1). */
  lines: number;
}

/** Width of a run: its swatch and text. */
const runWidth = (run: LineRun, measure: (text: string, tone: Tone) => number) =>
  (run.swatch ? SWATCH + SWATCH_GAP : 0) + measure(run.text, run.tone);

/**
 * Places the atoms left to right in `width` CSS px, wrapping like the flex row it replaces: an
 * atom that does not fit after the ones already on a line starts the next line (without its gap).
 * An atom wider than `width` starts a line of its own and its runs wrap among themselves, each
 * line starting at the left edge (as the lags' inline-flex did); a run wider than `width` is cut
 * off on the right. `measure` gives a text's width in the tone's font.
 */
export function layoutLine(atoms: readonly LineAtom[], width: number, measure: (text: string, tone: Tone) => number): LineLayout {
  const runs: PlacedRun[] = [];
  let line = 0;
  let x = 0;
  let first = true;
  for (const atom of atoms) {
    const widths = atom.runs.map((r) => runWidth(r, measure));
    const w = widths.reduce((a, b) => a + b, 0) + LAG_GAP * Math.max(0, atom.runs.length - 1);
    if (!first && x + atom.gapBefore + w > width) {
      line++;
      x = 0;
    } else if (!first) x += atom.gapBefore;
    first = false;
    const start = x;
    atom.runs.forEach((run, i) => {
      if (i > 0) {
        if (x + LAG_GAP + widths[i] > width && x > start) {
          line++;
          x = 0;
        } else x += LAG_GAP;
      }
      runs.push({ ...run, x, width: widths[i], line });
      x += widths[i];
    });
  }
  return { runs, lines: line + 1 };
}

/** Height of a lane line of `lines` lines, with the gap above it. */
export const lineBlockHeight = (lines: number) => LINE_GAP + lines * LINE_H;

/** The lane line's items in order, as atoms (see LaneLine for what each says). */
export interface LaneLineText {
  end: LineRun;
  hw: LineRun;
  /** "leader broker-1", or the offline warning. */
  leader: LineRun;
  isr: LineRun;
  /** "lag" and one run per group; empty when no group reads the topic. */
  lagLabel: string;
  lags: readonly LineRun[];
}

/** The atoms of a lane line: end, HW, leader, ISR, then "lag" and the lags as one item (they were
 * an inline-flex inside the flex row), all ITEM_GAP apart. */
export function laneLineAtoms(text: LaneLineText): LineAtom[] {
  const atoms: LineAtom[] = [text.end, text.hw, text.leader, text.isr].map((run) => ({ runs: [run], gapBefore: ITEM_GAP }));
  if (text.lags.length > 0) atoms.push({ runs: [{ text: text.lagLabel, tone: 'muted' }, ...text.lags], gapBefore: ITEM_GAP });
  return atoms;
}

/** Where a run with a tooltip was drawn (CSS px from the canvas's top left). */
export interface LineHit {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  title: string;
}

/** Baseline offsets from a line's top by font (they depend on the font only). */
const baselines = new Map<string, number>();

/** Where a CSS line box of LINE_H puts the baseline of `font` (already set on `ctx`): half the
 * leading, then the font's ascent. */
function baselineIn(ctx: CanvasRenderingContext2D, font: string): number {
  let offset = baselines.get(font);
  if (offset === undefined) {
    const m = ctx.measureText('x');
    const ascent = m.fontBoundingBoxAscent || LINE_FONT_PX * 0.9;
    const descent = m.fontBoundingBoxDescent || LINE_FONT_PX * 0.25;
    offset = (LINE_H - (ascent + descent)) / 2 + ascent;
    baselines.set(font, offset);
  }
  return offset;
}

/**
 * Draws `layout` on `ctx` (scaled to CSS px) with its first line's top at `top`; returns the hit
 * boxes of the runs that have a tooltip. Text sits on the baseline a CSS line box would give it
 * (half the leading above the font's ascent), so it lines up as the elements did.
 */
export function paintLine(ctx: CanvasRenderingContext2D, layout: LineLayout, top: number, fontFamily: string): LineHit[] {
  const hits: LineHit[] = [];
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  let font = '';
  let baselineOffset = 0;
  for (const run of layout.runs) {
    const style = TONE_STYLE[run.tone];
    const f = `${style.weight} ${LINE_FONT_PX}px ${fontFamily}`;
    if (f !== font) {
      ctx.font = font = f;
      baselineOffset = baselineIn(ctx, f);
    }
    const y0 = top + run.line * LINE_H;
    const baseline = y0 + baselineOffset;
    let x = run.x;
    if (run.swatch) {
      // `.kafe-swatch` sits on the baseline (vertical-align: 0).
      ctx.fillStyle = run.swatch;
      ctx.beginPath();
      ctx.roundRect(x, baseline - SWATCH, SWATCH, SWATCH, 2);
      ctx.fill();
      x += SWATCH + SWATCH_GAP;
    }
    ctx.fillStyle = style.color;
    ctx.fillText(run.text, x, baseline);
    if (run.title) hits.push({ x0: run.x, x1: run.x + run.width, y0, y1: y0 + LINE_H, title: run.title });
  }
  return hits;
}
