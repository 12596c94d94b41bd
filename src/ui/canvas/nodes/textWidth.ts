/**
 * Text widths measured on a 2D canvas, remembered by font and text. The lanes redraw ten times a
 * second while time runs, mostly with texts they drew before ("ISR 3/3", "lag", a key, "#12"), and
 * measureText was a visible share of a frame. The page uses installed fonts only (no web fonts
 * that could arrive later and change a width). Forgets everything past MAX entries.
 */
const MAX = 4000;
const widths = new Map<string, number>();

/** Width of `text` in `font` (the string just assigned to `ctx.font`), CSS px. */
export function textWidth(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  const key = `${font}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size >= MAX) widths.clear();
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w;
}
