/**
 * Colour by record key: the same key always gets the same hue, so a learner can follow one key
 * from its producer into exactly one partition and on to its consumers. Keyless records are grey.
 * The hash is FNV-1a (cheap and well spread); it is only for colour, not for partitioning.
 */
export function keyHue(key: string | null | undefined): number | null {
  if (key === null || key === undefined) return null;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Golden-angle spread over the 32-bit hash keeps neighbouring keys ("u1", "u2") apart.
  return Math.round(((h >>> 0) * 137.508) % 360);
}

/** Colour strings by hue, made once: dots are filled and stroked hundreds of times a frame. */
const FILL = Array.from({ length: 360 }, (_, hue) => `hsl(${hue} 70% 45%)`);
const FILL_LIGHT = Array.from({ length: 360 }, (_, hue) => `hsl(${hue} 75% 88%)`);
const STROKE = Array.from({ length: 360 }, (_, hue) => `hsl(${hue} 65% 32%)`);
const at = (table: readonly string[], hue: number) => table[((Math.round(hue) % 360) + 360) % 360];

/** Fill for a dot or a chip of this hue (readable dark text sits on the light variant). */
export function hueFill(hue: number | null, light = false): string {
  if (hue === null) return light ? 'hsl(30 10% 90%)' : 'hsl(30 8% 55%)';
  return at(light ? FILL_LIGHT : FILL, hue);
}

/** Border / accent for a chip of this hue. */
export function hueStroke(hue: number | null): string {
  if (hue === null) return 'hsl(30 8% 45%)';
  return at(STROKE, hue);
}
