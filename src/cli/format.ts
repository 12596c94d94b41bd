/** Java's `String.format("%-Ns", text)`: left-justified, padded with spaces to at least `width`, never cut. */
export function padRight(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Kafka's tools print this where a value is unknown (ConsumerGroupCommand.MISSING_COLUMN_VALUE). */
export const MISSING = '-';

/** Java's `String.hashCode()`: s[0]·31^(n−1) + … + s[n−1] in 32-bit integer arithmetic. */
export function javaHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/** FNV-1a over the UTF-16 code units, 32 bits, from `seed`: a cheap stable hash for made-up ids. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A 128-bit id derived from `text`, written as Kafka writes a `Uuid` (URL-safe base64 of its 16
 * bytes, without padding: 22 characters, e.g. "NPmZHyhbR9y00wMglMH2sg"). A real cluster draws
 * topic ids at random when the topic is created; the simulation derives them from the name so
 * the same scenario always shows the same id.
 */
export function stableUuid(text: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) {
    const h = fnv1a(text, word * 0x9e3779b9);
    bytes.push(h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
  }
  let out = '';
  for (let i = 0; i < 16; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 1 >= 16 ? 2 : i + 2 >= 16 ? 3 : 4;
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >>> (18 - 6 * c)) & 63];
  }
  return out;
}

/** "host:port" the simulated brokers are given: broker n listens on localhost:9092+n. */
export const brokerAddress = (id: number) => `localhost:${9092 + id}`;
