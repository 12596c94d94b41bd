import { hueFill, hueStroke, keyHue } from '../keyColor';
import { textWidth } from './textWidth';

/**
 * Paints a partition lane's strip (its newest records as key-coloured chips, each consumer
 * group's committed-offset marker among them, and "+N earlier") on a 2D canvas, in the look the
 * DOM chips had (canvas.css `.kafe-chip`). A canvas instead of ~20 elements per lane: while the
 * simulation runs every visible lane changes ten times a second, and adding/removing chip elements
 * made the browser restyle, lay out, repaint and re-layerize the canvas's nodes each time (the
 * zoomed-in row of bench (f)). Pure drawing plus hit boxes; the component owns the canvas.
 */

export const CHIP_W = 60;
export const CHIP_H = 46;
const GAP = 3;
const MARKER_W = 4;
const MARKER_H = 38;
const EARLIER_MAX_W = 46;
const FONT_PX = 11;
const LINE_H = 13.75;

export interface StripChip {
  offset: number;
  /** The record's own partition (tests check it against the partitioner). */
  partition: number;
  key: string | null;
  /** A few characters standing for the value (clipped when drawn). */
  value: string;
  pending: boolean;
  /** Tooltip and accessible text of the chip. */
  title: string;
}

export interface StripMarker {
  group: string;
  committed: number;
  color: string;
  title: string;
}

export interface StripContent {
  /** Records before the shown ones ("+N earlier"), 0 for none. */
  earlier: number;
  earlierWord: string;
  earlierTitle: string;
  /** Shown when there are no records. */
  emptyText: string;
  chips: readonly StripChip[];
  /** markers[i] stand before chips[i]; markers[chips.length] after the last chip. */
  markers: readonly (readonly StripMarker[])[];
}

/** Where something was drawn, for tooltips (CSS px from the strip's left edge). */
export interface HitBox {
  x0: number;
  x1: number;
  title: string;
}

/** Offsets, the number after "+": as the DOM showed them. */
const COUNT = new Intl.NumberFormat('en-US');
const count = (n: number) => COUNT.format(n);
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
/** Keys often share a prefix ("order-17", "order-42"): keep the end, which tells them apart. */
const clipStart = (s: string, n: number) => (s.length <= n ? s : `…${s.slice(s.length - (n - 1))}`);

/** Stripes over a pending chip (like the CSS gradient), one pattern per context. */
const stripes = new WeakMap<CanvasRenderingContext2D, CanvasPattern | null>();
function stripePattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  if (!stripes.has(ctx)) {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 6;
    const t = tile.getContext('2d');
    let pattern: CanvasPattern | null = null;
    if (t) {
      t.strokeStyle = 'rgb(255 255 255 / 0.75)';
      t.lineWidth = 2.1;
      for (const o of [-6, 0, 6]) {
        t.beginPath();
        t.moveTo(o, 0);
        t.lineTo(o + 6, 6);
        t.stroke();
      }
      pattern = ctx.createPattern(tile, 'repeat');
    }
    stripes.set(ctx, pattern);
  }
  return stripes.get(ctx)!;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/**
 * Draws `content` on `ctx` (already scaled to CSS px), `width` x `height` CSS px, left-aligned and
 * vertically centred like the flex row it replaces; what does not fit on the right is cut off.
 * Returns the hit boxes of the earlier-count, chips and markers.
 */
export function paintStrip(ctx: CanvasRenderingContext2D, content: StripContent, width: number, height: number, fontFamily: string): HitBox[] {
  ctx.clearRect(0, 0, width, height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const hits: HitBox[] = [];
  const mid = height / 2;
  let x = 0;

  const marker = (m: StripMarker) => {
    ctx.fillStyle = m.color;
    roundRect(ctx, x, mid - MARKER_H / 2, MARKER_W, MARKER_H, 2);
    ctx.fill();
    hits.push({ x0: x, x1: x + MARKER_W, title: m.title });
    x += MARKER_W + GAP;
  };

  if (content.earlier > 0) {
    ctx.font = `700 ${FONT_PX}px ${fontFamily}`;
    const n = `+${count(content.earlier)}`;
    ctx.font = `400 ${FONT_PX}px ${fontFamily}`;
    const w = Math.min(EARLIER_MAX_W, Math.ceil(Math.max(ctx.measureText(n).width, ctx.measureText(content.earlierWord).width)) + 8);
    const h = 2 * FONT_PX * 1.3 + 4;
    ctx.save();
    ctx.setLineDash([3, 2]);
    ctx.strokeStyle = '#cbb79f';
    ctx.lineWidth = 1;
    roundRect(ctx, x + 0.5, mid - h / 2 + 0.5, w - 1, h - 1, 5);
    ctx.stroke();
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.rect(x + 1, mid - h / 2, w - 2, h);
    ctx.clip();
    ctx.fillStyle = '#5e4a3c';
    ctx.font = `700 ${FONT_PX}px ${fontFamily}`;
    ctx.fillText(n, x + w / 2, mid - FONT_PX * 0.65);
    ctx.font = `400 ${FONT_PX}px ${fontFamily}`;
    ctx.fillText(content.earlierWord, x + w / 2, mid + FONT_PX * 0.65);
    ctx.restore();
    hits.push({ x0: x, x1: x + w, title: content.earlierTitle });
    x += w + GAP;
  }
  if (content.chips.length === 0) {
    ctx.textAlign = 'left';
    ctx.fillStyle = '#5e4a3c';
    ctx.font = `italic 400 ${FONT_PX}px ${fontFamily}`;
    ctx.fillText(content.emptyText, x, mid);
    x += ctx.measureText(content.emptyText).width + GAP;
  }
  // Boxes first, then the text in two passes (bold keys, then values and offsets), so the font
  // changes twice per strip rather than twice per chip.
  const at: number[] = [];
  content.chips.forEach((chip, i) => {
    for (const m of content.markers[i] ?? []) marker(m);
    at.push(x);
    if (x < width) paintChipBox(ctx, chip, x, mid - CHIP_H / 2);
    hits.push({ x0: x, x1: x + CHIP_W, title: chip.title });
    x += CHIP_W + GAP;
  });
  for (const m of content.markers[content.chips.length] ?? []) marker(m);
  const top = mid - CHIP_H / 2 + 2.5 + LINE_H / 2;
  const text = (line: number, weight: 400 | 700, pick: (chip: StripChip) => [string, string] | null) => {
    const font = `${weight} ${FONT_PX}px ${fontFamily}`;
    ctx.font = font;
    content.chips.forEach((chip, i) => {
      const what = at[i] < width ? pick(chip) : null;
      if (!what) return;
      ctx.globalAlpha = chip.pending ? 0.85 : 1;
      ctx.fillStyle = what[1];
      centred(ctx, font, what[0], at[i], top + line * LINE_H);
    });
  };
  text(0, 700, (c) => (c.key === null ? null : [clipStart(c.key, 9), '#1f140d']));
  text(0, 400, (c) => (c.key === null ? ['∅', '#6b5a4c'] : null));
  text(1, 400, (c) => [clip(c.value, 8), '#3b2a20']);
  text(2, 400, (c) => [`#${c.offset}`, '#5e4a3c']);
  ctx.globalAlpha = 1;
  return hits;
}

/** A chip's box: light key colour, a border in the key's colour, dashed and striped when pending. */
function paintChipBox(ctx: CanvasRenderingContext2D, chip: StripChip, x: number, y: number): void {
  const hue = keyHue(chip.key);
  ctx.globalAlpha = chip.pending ? 0.85 : 1;
  roundRect(ctx, x + 0.75, y + 0.75, CHIP_W - 1.5, CHIP_H - 1.5, 6);
  ctx.fillStyle = hueFill(hue, true);
  ctx.fill();
  if (chip.pending) {
    const pattern = stripePattern(ctx);
    if (pattern) {
      ctx.fillStyle = pattern;
      ctx.fill();
    }
    ctx.setLineDash([4, 3]);
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = hueStroke(hue);
  ctx.stroke();
  if (chip.pending) ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

/** Text centred in the chip at `x`; as in CSS, text wider than the chip starts at its left edge
 * and is cut off on the right (the only case that needs a clip). */
function centred(ctx: CanvasRenderingContext2D, font: string, text: string, x: number, y: number): void {
  const room = CHIP_W - 6;
  if (textWidth(ctx, font, text) <= room) {
    ctx.textAlign = 'center';
    ctx.fillText(text, x + CHIP_W / 2, y);
    return;
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(x + 3, y - LINE_H, room, 2 * LINE_H);
  ctx.clip();
  ctx.textAlign = 'left';
  ctx.fillText(text, x + 3, y);
  ctx.restore();
}
