import type { Headers } from './types';

export const NO_HEADERS: Headers = Object.freeze({});

/** Records per storage chunk: big enough to amortise, small enough that a new partition is cheap. */
const DEFAULT_CHUNK = 4096;

/**
 * A run of consecutive records. While `offsets` is null the chunk is dense: entry i has offset
 * `base + i`. Compaction rewrites survivors into chunks that carry explicit offsets.
 */
interface Chunk {
  base: number;
  offsets: Float64Array | null;
  /** First live entry (entries before it were deleted by retention). */
  start: number;
  /** One past the last entry. */
  count: number;
  keys: (string | null)[];
  values: unknown[];
  headers: Headers[];
  timestamps: Float64Array;
  sizes: Int32Array;
}

function newChunk(base: number, capacity: number, withOffsets: boolean): Chunk {
  return {
    base,
    offsets: withOffsets ? new Float64Array(capacity) : null,
    start: 0,
    count: 0,
    keys: new Array(capacity),
    values: new Array(capacity),
    headers: new Array(capacity),
    timestamps: new Float64Array(capacity),
    sizes: new Int32Array(capacity),
  };
}

const offsetAt = (c: Chunk, i: number) => (c.offsets ? c.offsets[i] : c.base + i);

/**
 * One partition's append-only log, stored in fixed-size chunks of typed columns so a million
 * retained records cost a few dozen bytes each and appending never copies earlier records
 * (records are materialised as objects only on read).
 *
 * Invariants:
 * - offsets only grow; a record's offset never changes once assigned;
 * - until compaction, offsets are dense; compaction removes records but keeps the survivors'
 *   original offsets, as Kafka does;
 * - `endOffset` (the log end offset, LEO) is the offset the next append gets; it never moves back
 *   except by `truncateTo`, which a leader change uses to drop records the new leader never had;
 * - segments roll every `segmentRecords` appends; retention deletes whole closed segments and
 *   compaction only rewrites closed segments, never the active one.
 */
export class PartitionLog {
  private chunks: Chunk[] = [];
  private allDense = true;
  private _endOffset = 0;
  private _startOffset = 0;
  private _bytes = 0;
  private _size = 0;
  /** Base offsets of every segment, oldest first; the last one is the active segment. */
  private segmentBases: number[] = [0];

  /** `chunkSize` only matters for tests, which use tiny chunks to exercise chunk boundaries. */
  constructor(
    readonly segmentRecords: number,
    private readonly chunkSize = DEFAULT_CHUNK,
  ) {}

  get endOffset(): number {
    return this._endOffset;
  }
  /** The log start offset: the lowest offset a consumer can still fetch. */
  get startOffset(): number {
    return this._startOffset;
  }
  get size(): number {
    return this._size;
  }
  get bytes(): number {
    return this._bytes;
  }
  get activeSegmentBase(): number {
    return this.segmentBases[this.segmentBases.length - 1];
  }
  get segmentCount(): number {
    return this.segmentBases.length;
  }

  /** Appends one record and returns its offset. */
  append(key: string | null, value: unknown, headers: Headers, timestamp: number, size: number): number {
    const off = this._endOffset;
    if (off - this.activeSegmentBase >= this.segmentRecords) this.segmentBases.push(off);
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || chunk.offsets !== null || chunk.count === this.chunkSize || chunk.base + chunk.count !== off) {
      chunk = newChunk(off, this.chunkSize, false);
      this.chunks.push(chunk);
    }
    const i = chunk.count++;
    chunk.keys[i] = key;
    chunk.values[i] = value;
    chunk.headers[i] = headers;
    chunk.timestamps[i] = timestamp;
    chunk.sizes[i] = size;
    this._bytes += size;
    this._size++;
    this._endOffset = off + 1;
    return off;
  }

  /**
   * Appends records [0, n) of the columns given, all with one timestamp, and returns the first
   * one's offset: the same log as n calls of append(), but each chunk is checked once per run of
   * records that fit in it (a produce request's batch lands in one or two runs).
   */
  appendMany(keys: readonly (string | null)[], values: readonly unknown[], headers: readonly Headers[], sizes: readonly number[], n: number, timestamp: number): number {
    const base = this._endOffset;
    let k = 0;
    while (k < n) {
      const off = this._endOffset;
      let segmentRoom = this.activeSegmentBase + this.segmentRecords - off;
      if (segmentRoom <= 0) {
        this.segmentBases.push(off);
        segmentRoom = this.segmentRecords;
      }
      let chunk = this.chunks[this.chunks.length - 1];
      if (!chunk || chunk.offsets !== null || chunk.count === this.chunkSize || chunk.base + chunk.count !== off) {
        chunk = newChunk(off, this.chunkSize, false);
        this.chunks.push(chunk);
      }
      const run = Math.min(n - k, this.chunkSize - chunk.count, segmentRoom);
      const ks = chunk.keys;
      const vs = chunk.values;
      const hs = chunk.headers;
      const ts = chunk.timestamps;
      const ss = chunk.sizes;
      let bytes = 0;
      for (let j = chunk.count, end = chunk.count + run; j < end; j++, k++) {
        ks[j] = keys[k];
        vs[j] = values[k];
        hs[j] = headers[k];
        ts[j] = timestamp;
        const size = sizes[k];
        ss[j] = size;
        bytes += size;
      }
      chunk.count += run;
      this._bytes += bytes;
      this._size += run;
      this._endOffset = off + run;
    }
    return base;
  }

  /** Position (chunk index, entry index) of the first live record with offset >= `from`. */
  private seek(from: number): [number, number] {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    // Last chunk whose first live offset is <= from.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid];
      if (offsetAt(c, c.start) <= from) lo = mid + 1;
      else hi = mid;
    }
    let ci = Math.max(0, lo - 1);
    while (ci < chunks.length) {
      const c = chunks[ci];
      let i: number;
      if (c.offsets === null) i = Math.max(c.start, Math.min(c.count, from - c.base));
      else {
        let a = c.start;
        let b = c.count;
        while (a < b) {
          const m = (a + b) >> 1;
          if (c.offsets[m] < from) a = m + 1;
          else b = m;
        }
        i = a;
      }
      if (i < c.count) return [ci, i];
      ci++;
    }
    return [chunks.length, 0];
  }

  /**
   * Visits up to `max` records with `from <= offset < until`, in offset order. Returns the offset
   * a reader should continue from (one past the last record visited, or `until` if it reached it).
   */
  scan(
    from: number,
    until: number,
    max: number,
    visit: (offset: number, key: string | null, value: unknown, headers: Headers, timestamp: number) => void,
  ): number {
    let [ci, i] = this.seek(from);
    let seen = 0;
    for (; ci < this.chunks.length; ci++, i = -1) {
      const c = this.chunks[ci];
      if (i < 0) i = c.start;
      for (; i < c.count; i++) {
        const off = offsetAt(c, i);
        if (off >= until) return until;
        if (seen >= max) return off;
        visit(off, c.keys[i], c.values[i], c.headers[i], c.timestamps[i]);
        seen++;
      }
    }
    return Math.min(until, this._endOffset);
  }

  /**
   * Where a reader at `from` ends up after taking at most `max` records below `until`, without
   * visiting them: O(1) for a dense log, which is what keeps plain consumers cheap.
   */
  skip(from: number, until: number, max: number): { next: number; count: number } {
    if (this.allDense) {
      const start = Math.max(from, this._startOffset);
      const next = Math.min(until, start + max);
      return { next: Math.max(next, start), count: Math.max(0, next - start) };
    }
    let count = 0;
    const next = this.scan(from, until, max, () => count++);
    return { next, count };
  }

  /** Drops every record at or above `offset` (a new leader that never had them). */
  truncateTo(offset: number): number {
    if (offset >= this._endOffset) return 0;
    const [ci, i] = this.seek(offset);
    let removed = 0;
    for (let k = ci; k < this.chunks.length; k++) {
      const c = this.chunks[k];
      for (let j = k === ci ? i : c.start; j < c.count; j++) {
        this._bytes -= c.sizes[j];
        removed++;
      }
    }
    if (ci < this.chunks.length) {
      const c = this.chunks[ci];
      c.count = i;
      this.chunks.length = c.count > c.start ? ci + 1 : ci;
    }
    this._size -= removed;
    this._endOffset = Math.max(offset, this._startOffset);
    while (this.segmentBases.length > 1 && this.activeSegmentBase >= this._endOffset) this.segmentBases.pop();
    this.allDense = this.chunks.every((c) => c.offsets === null);
    return removed;
  }

  /**
   * Retention: deletes closed segments from the front while `shouldDelete(segment)` says so.
   * Returns how many records were deleted.
   */
  deleteOldSegments(shouldDelete: (maxTimestamp: number, segmentBytes: number, bytesAfter: number) => boolean): number {
    let deleted = 0;
    while (this.segmentBases.length > 1) {
      const nextBase = this.segmentBases[1];
      let maxTs = -Infinity;
      let segBytes = 0;
      let count = 0;
      this.forEachBelow(nextBase, (c, i) => {
        if (c.timestamps[i] > maxTs) maxTs = c.timestamps[i];
        segBytes += c.sizes[i];
        count++;
      });
      if (!shouldDelete(maxTs, segBytes, this._bytes - segBytes)) break;
      this.dropBelow(nextBase);
      deleted += count;
      this._bytes -= segBytes;
      this._size -= count;
      this.segmentBases.shift();
      this._startOffset = nextBase;
    }
    return deleted;
  }

  private forEachBelow(limit: number, visit: (c: Chunk, i: number) => void): void {
    for (const c of this.chunks) {
      for (let i = c.start; i < c.count; i++) {
        if (offsetAt(c, i) >= limit) return;
        visit(c, i);
      }
    }
  }

  /** Forgets every record below `limit`, releasing emptied chunks. */
  private dropBelow(limit: number): void {
    while (this.chunks.length) {
      const c = this.chunks[0];
      let i = c.start;
      while (i < c.count && offsetAt(c, i) < limit) {
        c.keys[i] = null;
        c.values[i] = undefined;
        c.headers[i] = NO_HEADERS;
        i++;
      }
      c.start = i;
      if (i < c.count || (c.offsets === null && c.count < this.chunkSize && c === this.chunks[this.chunks.length - 1])) break;
      this.chunks.shift();
    }
    this.allDense = this.chunks.every((c) => c.offsets === null);
  }

  /**
   * Log compaction: in the closed segments, keeps only the newest record of each key (looking at
   * the whole log, active segment included, for "newest"); tombstones (null value) older than
   * `tombstoneBefore` are removed too. Offsets of survivors are unchanged. Returns records removed.
   */
  compact(tombstoneBefore: number): number {
    const active = this.activeSegmentBase;
    const latest = new Map<string | null, number>();
    this.scan(this._startOffset, Infinity, Infinity, (off, key) => latest.set(key, off));
    const survivors: Chunk[] = [];
    let out: Chunk | null = null;
    let removed = 0;
    for (const c of this.chunks) {
      for (let i = c.start; i < c.count; i++) {
        const off = offsetAt(c, i);
        const superseded = latest.get(c.keys[i]) !== off;
        const expiredTombstone = c.values[i] === null && c.timestamps[i] < tombstoneBefore;
        if (off < active && (superseded || expiredTombstone)) {
          this._bytes -= c.sizes[i];
          removed++;
          continue;
        }
        if (!out || out.count === this.chunkSize) survivors.push((out = newChunk(off, this.chunkSize, true)));
        const j = out.count++;
        out.offsets![j] = off;
        out.keys[j] = c.keys[i];
        out.values[j] = c.values[i];
        out.headers[j] = c.headers[i];
        out.timestamps[j] = c.timestamps[i];
        out.sizes[j] = c.sizes[i];
      }
    }
    if (removed === 0) return 0;
    this.chunks = survivors;
    this._size -= removed;
    this.allDense = false;
    return removed;
  }
}

/** A rough serialized size in bytes, used for retention.bytes and batch sizing. */
export function estimateSize(key: string | null, value: unknown): number {
  const keyBytes = key === null ? 0 : key.length;
  let valueBytes: number;
  if (value === null || value === undefined) valueBytes = 0;
  else if (typeof value === 'string') valueBytes = value.length;
  else if (typeof value === 'number' || typeof value === 'boolean') valueBytes = 8;
  else valueBytes = JSON.stringify(value)?.length ?? 0;
  // Kafka's per-record overhead in a v2 batch is a handful of varints; 14 bytes is typical.
  return 14 + keyBytes + valueBytes;
}
