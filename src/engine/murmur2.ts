/**
 * Kafka's default partitioner for keyed records, bit-for-bit as
 * org.apache.kafka.common.utils.Utils.murmur2 / toPositive and
 * BuiltInPartitioner.partitionForKey: seed 0x9747b28c, m 0x5bd1e995, r 24, signed 32-bit
 * arithmetic, little-endian 4-byte blocks, then the 1-3 byte tail.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** murmur2 over raw bytes (the first `length` of them); returns a signed 32-bit integer like
 * Java's int. */
export function murmur2(data: Uint8Array, length = data.length): number {
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;

  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4] & 0xff) | ((data[i4 + 1] & 0xff) << 8) | ((data[i4 + 2] & 0xff) << 16) | ((data[i4 + 3] & 0xff) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }

  // Java's fall-through switch on (length % 4), spelled out: 3 bytes left mixes all three.
  const tail = length & ~3;
  const rest = length % 4;
  if (rest >= 3) h ^= (data[tail + 2] & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1] & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail] & 0xff;
    h = Math.imul(h, M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which breaks on MIN_VALUE). */
export const toPositive = (n: number): number => n & 0x7fffffff;

const utf8 = new TextEncoder();
/** Reused for ASCII keys, so hashing a key allocates nothing. */
let scratch = new Uint8Array(64);

/** murmur2 of a string's UTF-8 bytes (what Kafka hashes for a string key). */
export function murmur2String(key: string): number {
  const n = key.length;
  if (n > scratch.length) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) return murmur2(utf8.encode(key)); // multi-byte UTF-8: let the encoder do it
    scratch[i] = c; // an ASCII character is its own UTF-8 byte
  }
  return murmur2(scratch, n);
}

/** The partition Kafka's default partitioner picks for a non-null key. */
export function partitionForKey(key: string, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
  return toPositive(murmur2String(key)) % numPartitions;
}
