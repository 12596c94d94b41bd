/**
 * What a generating producer puts in each record's value, so services have fields to decide on.
 *
 * - `counter` (the default): the record's number n (0, 1, 2, …), as before value models existed.
 * - `amount`: a payment or order, `{ amount }` in whole currency units: most are 5-399, one in
 *   twenty is large (1 000-4 999), the kind a fraud rule looks at.
 * - `temperature`: a sensor reading, `{ temperature }` in °C: normally 35-59; one reading in a
 *   hundred is a glitch (a single 90-119 reading); and now and then a sensor really overheats:
 *   every reading of that key is 85-99 for a whole OVERHEAT_MS window. A threshold alone flags the
 *   glitches too; "K readings above X within W" tells the two apart.
 *
 * Values are a pure function of (seed, producer id, n, key, time): no random draws from the
 * engine's generator, so adding a value model never changes anything else in a run, and a replay
 * from the seed gives the same values.
 */
export type ValueModel = 'counter' | 'amount' | 'temperature';
export const VALUE_MODELS: readonly ValueModel[] = ['counter', 'amount', 'temperature'];

/** Share of `amount` records that are large (1 000 or more). */
export const LARGE_AMOUNT_SHARE = 0.05;
/** Share of normal `temperature` readings that are a lone glitch. */
export const GLITCH_SHARE = 0.01;
/** An overheating episode lasts one window of this length, for one sensor (key). */
export const OVERHEAT_MS = 3000;
/** Chance that a given sensor overheats in a given window. */
export const OVERHEAT_SHARE = 0.04;

/** A 32-bit mix of several integers (murmur3's finaliser over a running combination). */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A string's 32-bit FNV-1a hash (ids and keys). */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const unit = (h: number) => h / 4294967296;

/** Whether the sensor `key` is overheating at virtual time `t` (for tests and explanations). */
export function overheating(seed: number, key: string | null, t: number): boolean {
  return unit(mix(seed, 0x7e3a, hashText(key ?? ''), Math.floor(t / OVERHEAT_MS))) < OVERHEAT_SHARE;
}

/**
 * The value of the n-th generated record of a producer (`producerHash` = hashText of its id).
 * Hot path: one small object per record for the field models, nothing for `counter`.
 */
export function generatedValue(model: ValueModel, seed: number, producerHash: number, n: number, key: string | null, t: number): unknown {
  if (model === 'counter') return n;
  const a = unit(mix(seed, producerHash, n, 1));
  const b = unit(mix(seed, producerHash, n, 2));
  if (model === 'amount') return { amount: a < LARGE_AMOUNT_SHARE ? 1000 + Math.floor(b * 4000) : 5 + Math.floor(b * 395) };
  if (overheating(seed, key, t)) return { temperature: 85 + Math.floor(b * 15) };
  return { temperature: a < GLITCH_SHARE ? 90 + Math.floor(b * 30) : 35 + Math.floor(b * 25) };
}

/** A number field of a record value, or undefined (the value is not an object, or has no such number). */
export function numberField(value: unknown, field: string): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
