import type { Headers } from './types';

export const NO_HEADERS: Headers = Object.freeze({});

/** Records per storage chunk: big enough to amortise, small enough that a new partition is cheap. */
const DEFAULT_CHUNK = 4096;
/** A chunk the log writes itself starts this small and doubles up to the chunk size, so a
 * partition holding a handful of records does not reserve thousands of slots. */
const FIRST_CAPACITY = 16;
/** Batches of at least this many records are kept as they are (adopted) instead of copied. */
const DEFAULT_ADOPT_MIN = 128;

/**
 * Records in columns, as a producer batch carries them: entry i is (keys[i], values[i],
 * headers?.[i] ?? header, sizes[i]). `headers` null means every record carries `header`.
 */
export interface RecordColumns {
  readonly keys: readonly (string | null)[];
  readonly values: readonly unknown[];
  readonly headers: readonly Headers[] | null;
  readonly header: Headers;
  readonly sizes: readonly number[];
}

/**
 * A run of consecutive records. While `offsets` is null the chunk is dense: entry i has offset
 * `base + i`. Compaction rewrites survivors into chunks that carry explicit offsets.
 *
 * Two kinds: chunks the log writes itself (`owned`: typed columns, per-record headers and
 * timestamps, room to grow up to the chunk size) and adopted batches (`owned` false: a produce
 * request's columns kept as they are, one timestamp and usually one headers object for all, full
 * from the start). An adopted chunk's arrays are shared with the batch (and its `produced` trace
 * event), so the log never writes into them: it appends after them in a new chunk, and retention
 * forgets them by dropping the whole chunk rather than clearing entries.
 */
interface Chunk {
  base: number;
  offsets: Float64Array | null;
  /** First live entry (entries before it were deleted by retention). */
  start: number;
  /** One past the last entry. */
  count: number;
  /** Entries the columns can hold (owned chunks); equal to count for an adopted one. */
  capacity: number;
  owned: boolean;
  keys: (string | null)[];
  values: unknown[];
  /** Per-entry headers, or null: every entry has `header`. */
  headers: Headers[] | null;
  header: Headers;
  /** Per-entry timestamps, or null: every entry has `timestamp`. */
  timestamps: Float64Array | null;
  timestamp: number;
  sizes: Int32Array | readonly number[];
}

function newChunk(base: number, capacity: number, withOffsets: boolean): Chunk {
  return {
    base,
    offsets: withOffsets ? new Float64Array(capacity) : null,
    start: 0,
    count: 0,
    capacity,
    owned: true,
    keys: new Array(capacity),
    values: new Array(capacity),
    headers: new Array(capacity),
    header: NO_HEADERS,
    timestamps: new Float64Array(capacity),
    timestamp: 0,
    sizes: new Int32Array(capacity),
  };
}

/** Doubles an owned chunk's columns (at most to `max` entries), keeping its entries. */
function growChunk(c: Chunk, max: number): void {
  const capacity = Math.min(max, c.capacity * 2);
  const keys = c.keys.slice(0, c.count);
  const values = c.values.slice(0, c.count);
  const headers = c.headers!.slice(0, c.count);
  keys.length = values.length = headers.length = capacity;
  const timestamps = new Float64Array(capacity);
  timestamps.set(c.timestamps!.subarray(0, c.count));
  const sizes = new Int32Array(capacity);
  sizes.set((c.sizes as Int32Array).subarray(0, c.count));
  if (c.offsets) {
    const offsets = new Float64Array(capacity);
    offsets.set(c.offsets.subarray(0, c.count));
    c.offsets = offsets;
  }
  c.keys = keys;
  c.values = values;
  c.headers = headers;
  c.timestamps = timestamps;
  c.sizes = sizes;
  c.capacity = capacity;
}

const offsetAt = (c: Chunk, i: number) => (c.offsets ? c.offsets[i] : c.base + i);
const timestampAt = (c: Chunk, i: number) => (c.timestamps ? c.timestamps[i] : c.timestamp);
const headersAt = (c: Chunk, i: number) => (c.headers ? c.headers[i] : c.header);

/**
 * One partition's append-only log, stored in chunks of columns so a million retained records cost
 * a few dozen bytes each and appending never copies earlier records (records are materialised as
 * objects only on read). A big produce batch becomes a chunk as it is (`appendBatch`): its records
 * are written once, by the producer, not copied again here.
 *
 * Invariants:
 * - offsets only grow; a record's offset never changes once assigned;
 * - until compaction, offsets are dense; compaction removes records but keeps the survivors'
 *   original offsets, as Kafka does;
 * - `endOffset` (the log end offset, LEO) is the offset the next append gets; it never moves back
 *   except by `truncateTo`, which a leader change uses to drop records the new leader never had;
 * - segments roll every `segmentRecords` appends; retention deletes whole closed segments and
 *   compaction only rewrites closed segments, never the active one;
 * - columns handed to `appendBatch` are never written by the log (see Chunk).
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

  /** `chunkSize` and `adoptMin` only matter for tests, which use tiny ones to exercise chunk
   * boundaries and adopted batches. */
  constructor(
    readonly segmentRecords: number,
    private readonly chunkSize = DEFAULT_CHUNK,
    private readonly adoptMin = DEFAULT_ADOPT_MIN,
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

  /** The chunk the record at offset `off` (= endOffset) can be written into, with room for at
   * least one more entry: the last chunk if it is owned, dense and ends there, else a new one. */
  private writableChunk(off: number): Chunk {
    const chunk = this.chunks[this.chunks.length - 1];
    if (chunk && chunk.owned && chunk.offsets === null && chunk.base + chunk.count === off) {
      if (chunk.count < chunk.capacity) return chunk;
      if (chunk.capacity < this.chunkSize) {
        growChunk(chunk, this.chunkSize);
        return chunk;
      }
    }
    // After a full chunk of its own the log is busy: the next one starts at full size.
    const busy = chunk !== undefined && chunk.owned && chunk.capacity === this.chunkSize;
    const fresh = newChunk(off, busy ? this.chunkSize : Math.min(FIRST_CAPACITY, this.chunkSize), false);
    this.chunks.push(fresh);
    return fresh;
  }

  /** Appends one record and returns its offset. */
  append(key: string | null, value: unknown, headers: Headers, timestamp: number, size: number): number {
    const off = this._endOffset;
    if (off - this.activeSegmentBase >= this.segmentRecords) this.segmentBases.push(off);
    const chunk = this.writableChunk(off);
    const i = chunk.count++;
    chunk.keys[i] = key;
    chunk.values[i] = value;
    chunk.headers![i] = headers;
    chunk.timestamps![i] = timestamp;
    (chunk.sizes as Int32Array)[i] = size;
    this._bytes += size;
    this._size++;
    this._endOffset = off + 1;
    return off;
  }

  /**
   * Appends records [0, n) of `batch`, all with one timestamp, and returns the first one's offset:
   * the same log as n calls of append(). A batch of at least `adoptMin` records whose columns hold
   * exactly n entries is adopted: it becomes a chunk as it is, and the caller hands its arrays
   * over (it must never change them afterwards). Smaller ones are copied, each chunk checked once
   * per run of records that fit in it.
   */
  appendBatch(batch: RecordColumns, n: number, timestamp: number): number {
    if (n >= this.adoptMin && batch.keys.length === n && batch.values.length === n && batch.sizes.length === n && (batch.headers === null || batch.headers.length === n))
      return this.adopt(batch, n, timestamp);
    const base = this._endOffset;
    const { keys, values, headers, header, sizes } = batch;
    let k = 0;
    while (k < n) {
      const off = this._endOffset;
      let segmentRoom = this.activeSegmentBase + this.segmentRecords - off;
      if (segmentRoom <= 0) {
        this.segmentBases.push(off);
        segmentRoom = this.segmentRecords;
      }
      const chunk = this.writableChunk(off);
      // Grow the chunk up front when the batch would fill it, so a run is one loop.
      while (chunk.capacity - chunk.count < n - k && chunk.capacity < this.chunkSize) growChunk(chunk, this.chunkSize);
      const run = Math.min(n - k, chunk.capacity - chunk.count, segmentRoom);
      const ks = chunk.keys;
      const vs = chunk.values;
      const hs = chunk.headers!;
      const ts = chunk.timestamps!;
      const ss = chunk.sizes as Int32Array;
      let bytes = 0;
      for (let j = chunk.count, end = chunk.count + run; j < end; j++, k++) {
        ks[j] = keys[k];
        vs[j] = values[k];
        hs[j] = headers === null ? header : headers[k];
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

  /** Keeps the batch's columns as a chunk of their own (see appendBatch). */
  private adopt(batch: RecordColumns, n: number, timestamp: number): number {
    const base = this._endOffset;
    const end = base + n;
    // Every segment boundary the batch crosses rolls a segment, as n single appends would.
    for (let next = Math.max(base, this.activeSegmentBase + this.segmentRecords); next < end; next += this.segmentRecords) this.segmentBases.push(next);
    let bytes = 0;
    const sizes = batch.sizes;
    for (let i = 0; i < n; i++) bytes += sizes[i];
    this.chunks.push({
      base,
      offsets: null,
      start: 0,
      count: n,
      capacity: n,
      owned: false,
      // The log reads these and never writes them (owned is false): the casts only drop readonly.
      keys: batch.keys as (string | null)[],
      values: batch.values as unknown[],
      headers: batch.headers as Headers[] | null,
      header: batch.header,
      timestamps: null,
      timestamp,
      sizes,
    });
    this._bytes += bytes;
    this._size += n;
    this._endOffset = end;
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
        visit(off, c.keys[i], c.values[i], headersAt(c, i), timestampAt(c, i));
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
      // An adopted chunk only gets shorter: its arrays keep the entries, which nothing reads.
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
        const ts = timestampAt(c, i);
        if (ts > maxTs) maxTs = ts;
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

  /** Forgets every record below `limit`, releasing emptied chunks. Entries of owned chunks are
   * cleared so what they held can be collected; adopted chunks are only ever dropped whole. */
  private dropBelow(limit: number): void {
    while (this.chunks.length) {
      const c = this.chunks[0];
      let i = c.start;
      while (i < c.count && offsetAt(c, i) < limit) {
        if (c.owned) {
          c.keys[i] = null;
          c.values[i] = undefined;
          c.headers![i] = NO_HEADERS;
        }
        i++;
      }
      c.start = i;
      // An emptied last chunk the log may still append into stays (its base must follow on).
      if (i < c.count || (c.owned && c.offsets === null && c.count < this.chunkSize && c === this.chunks[this.chunks.length - 1])) break;
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
        const ts = timestampAt(c, i);
        const expiredTombstone = c.values[i] === null && ts < tombstoneBefore;
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
        out.headers![j] = headersAt(c, i);
        out.timestamps![j] = ts;
        (out.sizes as Int32Array)[j] = c.sizes[i];
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
