import type { Headers } from './types';

export const NO_HEADERS: Headers = Object.freeze({});

/**
 * One partition's append-only log, stored column by column so a million retained records cost a
 * few small numbers each rather than an object apiece (records are materialised only on read).
 *
 * Invariants:
 * - offsets only grow; a record's offset never changes once assigned;
 * - until compaction, offsets are dense (`offsets[i] === startOffset + i`); compaction removes
 *   records but keeps the survivors' original offsets, as Kafka does;
 * - `endOffset` (the log end offset, LEO) is the offset the next append gets; it never moves back
 *   except by `truncateTo`, which a leader change uses to drop records the new leader never had.
 * - segments roll every `segmentRecords` appends; retention deletes whole closed segments and
 *   compaction only rewrites closed segments, never the active one.
 */
export class PartitionLog {
  private offsets: number[] = [];
  private keys: (string | null)[] = [];
  private values: unknown[] = [];
  private headers: Headers[] = [];
  private timestamps: number[] = [];
  private sizes: number[] = [];
  /** Index of the first live entry in the column arrays; entries before it were deleted. */
  private head = 0;
  private dense = true;
  private _endOffset = 0;
  private _startOffset = 0;
  private _bytes = 0;
  /** Base offsets of every segment, oldest first; the last one is the active segment. */
  private segmentBases: number[] = [0];

  constructor(readonly segmentRecords: number) {}

  get endOffset(): number {
    return this._endOffset;
  }
  /** The log start offset: the lowest offset a consumer can still fetch. */
  get startOffset(): number {
    return this._startOffset;
  }
  get size(): number {
    return this.offsets.length - this.head;
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
    this.offsets.push(off);
    this.keys.push(key);
    this.values.push(value);
    this.headers.push(headers);
    this.timestamps.push(timestamp);
    this.sizes.push(size);
    this._bytes += size;
    this._endOffset = off + 1;
    return off;
  }

  /** Index into the columns of the first live record with offset >= `from`. */
  private indexAtOrAfter(from: number): number {
    if (this.dense) return this.head + Math.max(0, from - this._startOffset);
    let lo = this.head;
    let hi = this.offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
    let i = this.indexAtOrAfter(from);
    const n = this.offsets.length;
    let seen = 0;
    while (i < n && seen < max) {
      const off = this.offsets[i];
      if (off >= until) return until;
      visit(off, this.keys[i], this.values[i], this.headers[i], this.timestamps[i]);
      seen++;
      i++;
    }
    if (i >= n) return Math.min(until, this._endOffset);
    return this.offsets[i];
  }

  /**
   * Where a reader at `from` ends up after taking at most `max` records below `until`, without
   * visiting them: O(1) for a dense log, which is what keeps plain consumers cheap.
   */
  skip(from: number, until: number, max: number): { next: number; count: number } {
    if (this.dense) {
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
    const cut = this.indexAtOrAfter(offset);
    const removed = this.offsets.length - cut;
    for (let i = cut; i < this.offsets.length; i++) this._bytes -= this.sizes[i];
    for (const column of this.columns()) column.length = cut;
    this._endOffset = Math.max(offset, this._startOffset);
    while (this.segmentBases.length > 1 && this.activeSegmentBase >= this._endOffset) this.segmentBases.pop();
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
      const endIdx = this.indexAtOrAfter(nextBase);
      let maxTs = -Infinity;
      let segBytes = 0;
      for (let i = this.head; i < endIdx; i++) {
        if (this.timestamps[i] > maxTs) maxTs = this.timestamps[i];
        segBytes += this.sizes[i];
      }
      if (!shouldDelete(maxTs, segBytes, this._bytes - segBytes)) break;
      deleted += endIdx - this.head;
      this._bytes -= segBytes;
      this.head = endIdx;
      this.segmentBases.shift();
      this._startOffset = nextBase;
    }
    this.reclaim();
    return deleted;
  }

  /**
   * Log compaction: in the closed segments, keeps only the newest record of each key (looking at
   * the whole log, active segment included, for "newest"); tombstones (null value) older than
   * `tombstoneBefore` are removed too. Offsets of survivors are unchanged. Returns records removed.
   */
  compact(tombstoneBefore: number): number {
    const activeIdx = this.indexAtOrAfter(this.activeSegmentBase);
    const latest = new Map<string | null, number>();
    for (let i = this.head; i < this.offsets.length; i++) latest.set(this.keys[i], i);
    let write = this.head;
    let removed = 0;
    for (let read = this.head; read < this.offsets.length; read++) {
      const inClosed = read < activeIdx;
      const superseded = latest.get(this.keys[read]) !== read;
      const expiredTombstone = this.values[read] === null && this.timestamps[read] < tombstoneBefore;
      if (inClosed && (superseded || expiredTombstone)) {
        this._bytes -= this.sizes[read];
        removed++;
        continue;
      }
      if (write !== read) for (const column of this.columns()) column[write] = column[read];
      write++;
    }
    if (removed > 0) {
      for (const column of this.columns()) column.length = write;
      this.dense = false;
    }
    return removed;
  }

  private columns(): unknown[][] {
    return [this.offsets, this.keys, this.values, this.headers, this.timestamps, this.sizes];
  }

  /** Gives deleted front entries back to the allocator once they are the bulk of the arrays. */
  private reclaim(): void {
    if (this.head > 1024 && this.head * 2 > this.offsets.length) {
      for (const column of this.columns()) column.splice(0, this.head);
      this.head = 0;
    }
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
