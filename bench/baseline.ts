/**
 * The yardstick: the same appends and reads as the engine workload, done by the simplest thing
 * that could work — one preallocated ring buffer per partition, no simulation at all.
 *
 * Appends: N keyed records (key string from a pool, numeric value, timestamp) go to 12 partition
 * rings chosen by a hash of the key, precomputed per pooled key (the engine caches key hashes too).
 * Reads: after each chunk of appends (one producer "tick"), each of 3 consumer groups reads every
 * new record once, touching key, value and timestamp so the work cannot be optimised away.
 */

export interface BaselineResult {
  appends: number;
  reads: number;
  /** Sum over everything read; printed nowhere, but keeps the reads observable. */
  checksum: number;
}

/** FNV-1a over UTF-16 code units: a cheap, decent string hash. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Baseline {
  run(records: number): BaselineResult;
}

export function createBaseline(opts: { keys: readonly string[]; partitions: number; groups: number; chunk: number }): Baseline {
  const { partitions, groups, chunk } = opts;
  const pool = [...opts.keys];
  const poolLen = pool.length;
  // Precomputed once per pooled key, like the engine's key-hash cache.
  const partOf = Int32Array.from(pool, (k) => fnv1a(k) % partitions);

  // Capacity: a whole chunk could in principle land on one partition; readers catch up after each.
  let cap = 1;
  while (cap < chunk * 2) cap <<= 1;
  const mask = cap - 1;
  const keys: string[][] = Array.from({ length: partitions }, () => new Array<string>(cap).fill(''));
  const values: Float64Array[] = Array.from({ length: partitions }, () => new Float64Array(cap));
  const stamps: Float64Array[] = Array.from({ length: partitions }, () => new Float64Array(cap));
  const heads = new Float64Array(partitions);
  const readPos = new Float64Array(partitions * groups);

  return {
    run(records: number): BaselineResult {
      heads.fill(0);
      readPos.fill(0);
      let cursor = 0;
      let produced = 0;
      let reads = 0;
      let checksum = 0;
      let ts = 0;
      while (produced < records) {
        const m = Math.min(chunk, records - produced);
        ts += 10;
        for (let i = 0; i < m; i++) {
          const k = cursor;
          cursor = cursor + 1 === poolLen ? 0 : cursor + 1;
          const p = partOf[k];
          const idx = heads[p] & mask;
          keys[p][idx] = pool[k];
          values[p][idx] = produced + i;
          stamps[p][idx] = ts;
          heads[p]++;
        }
        produced += m;
        for (let g = 0; g < groups; g++) {
          for (let p = 0; p < partitions; p++) {
            const slot = g * partitions + p;
            const head = heads[p];
            let pos = readPos[slot];
            if (head - pos > cap) throw new Error('baseline ring overflow: raise its capacity');
            const ks = keys[p];
            const vs = values[p];
            const tss = stamps[p];
            for (; pos < head; pos++) {
              const idx = pos & mask;
              checksum += ks[idx].length + vs[idx] + tss[idx];
            }
            reads += head - readPos[slot];
            readPos[slot] = head;
          }
        }
      }
      return { appends: produced, reads, checksum };
    },
  };
}
