import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_HEADERS, PartitionLog } from '../../src/engine/log';
import type { Headers } from '../../src/engine/types';

/**
 * Fuzzes the columnar PartitionLog against a from-scratch model: a plain array of records with
 * segment bookkeeping recomputed naively. Any sequence of appends, retention, compaction and
 * truncation must leave both with the same readable records, offsets and bounds.
 */
type Rec = { offset: number; key: string; value: number | null; ts: number; size: number; headers: Headers };
type Key = 'a' | 'b' | 'c' | 'd';
/** Headers per key (one of them none), so a read shows whether each record kept its own. */
const HEADERS: Record<Key, Headers> = { a: NO_HEADERS, b: Object.freeze({ type: 'B' }), c: Object.freeze({ type: 'C' }), d: Object.freeze({ type: 'D' }) };

class ModelLog {
  records: Rec[] = [];
  start = 0;
  end = 0;
  segmentBases = [0];
  constructor(readonly segmentRecords: number) {}
  append(key: string, value: number | null, ts: number, size: number, headers: Headers) {
    if (this.end - this.segmentBases.at(-1)! >= this.segmentRecords) this.segmentBases.push(this.end);
    this.records.push({ offset: this.end++, key, value, ts, size, headers });
  }
  deleteOld(limitTs: number) {
    while (this.segmentBases.length > 1) {
      const next = this.segmentBases[1];
      const seg = this.records.filter((r) => r.offset < next);
      const maxTs = Math.max(-Infinity, ...seg.map((r) => r.ts));
      if (!(maxTs < limitTs)) break;
      this.records = this.records.filter((r) => r.offset >= next);
      this.segmentBases.shift();
      this.start = next;
    }
  }
  compact(tombstoneBefore: number) {
    const active = this.segmentBases.at(-1)!;
    const latest = new Map<string, number>();
    for (const r of this.records) latest.set(r.key, r.offset);
    this.records = this.records.filter(
      (r) => r.offset >= active || (latest.get(r.key) === r.offset && !(r.value === null && r.ts < tombstoneBefore)),
    );
  }
  truncate(to: number) {
    if (to >= this.end) return;
    this.records = this.records.filter((r) => r.offset < to);
    this.end = Math.max(to, this.start);
    while (this.segmentBases.length > 1 && this.segmentBases.at(-1)! >= this.end) this.segmentBases.pop();
  }
}

const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), key: fc.constantFrom<Key>('a', 'b', 'c', 'd'), tombstone: fc.boolean(), dt: fc.nat(20) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('appendMany' as const),
      records: fc.array(fc.record({ key: fc.constantFrom<Key>('a', 'b', 'c', 'd'), tombstone: fc.boolean(), size: fc.integer({ min: 1, max: 50 }) }), { maxLength: 14 }),
      mixedHeaders: fc.boolean(),
      dt: fc.nat(20),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retention' as const), age: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), age: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), back: fc.nat(8) }) },
);

describe('PartitionLog matches a naive model under any sequence of operations, single and bulk appends (tiny chunks and adoption thresholds exercise chunk boundaries and kept batches)', () => {
  it('keeps the same records, offsets, start and end offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 120 }), (segmentRecords, chunkSize, adoptMin, ops) => {
        const log = new PartitionLog(segmentRecords, chunkSize, adoptMin);
        const model = new ModelLog(segmentRecords);
        const batches: { batch: object; copy: object }[] = [];
        let now = 0;
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'append') {
            now += o.dt;
            const value = o.tombstone ? null : n++;
            log.append(o.key, value, HEADERS[o.key], now, 10);
            model.append(o.key, value, now, 10, HEADERS[o.key]);
          } else if (o.kind === 'appendMany') {
            // One produce request's batch: the same log as appending its records one by one,
            // whether the log copies it or (adoptMin records or more) keeps its columns.
            now += o.dt;
            const values = o.records.map((r) => (r.tombstone ? null : n++));
            const batch = {
              keys: o.records.map((r) => r.key),
              values,
              headers: o.mixedHeaders ? o.records.map((r) => HEADERS[r.key]) : null,
              header: HEADERS.a,
              sizes: o.records.map((r) => r.size),
            };
            const base = log.appendBatch(batch, o.records.length, now);
            expect(base).toBe(model.end);
            o.records.forEach((r, i) => model.append(r.key, values[i], now, r.size, o.mixedHeaders ? HEADERS[r.key] : HEADERS.a));
            batches.push({ batch, copy: structuredClone(batch) });
          } else if (o.kind === 'retention') {
            log.deleteOldSegments((maxTs) => maxTs < now - o.age);
            model.deleteOld(now - o.age);
          } else if (o.kind === 'compact') {
            log.compact(now - o.age);
            model.compact(now - o.age);
          } else {
            const to = Math.max(0, model.end - o.back);
            log.truncateTo(to);
            model.truncate(to);
          }
          const seen: [number, string | null, unknown, Headers, number][] = [];
          log.scan(0, Infinity, Infinity, (offset, key, value, headers, ts) => seen.push([offset, key, value, headers, ts]));
          expect(seen).toEqual(model.records.map((r) => [r.offset, r.key, r.value, r.headers, r.ts]));
          // The log never writes into the columns it was handed (it may have kept them).
          for (const { batch, copy } of batches) expect(batch).toEqual(copy);
          expect(log.startOffset).toBe(model.start);
          expect(log.endOffset).toBe(model.end);
          expect(log.size).toBe(model.records.length);
          expect(log.bytes).toBe(model.records.reduce((sum, r) => sum + r.size, 0));
          expect(log.segmentCount).toBe(model.segmentBases.length);
          expect(log.activeSegmentBase).toBe(model.segmentBases.at(-1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('skip() and scan() agree on where a reader ends up and how many records it passed', () => {
    // Readers always stand between the log start and the end (position <= high watermark <= LEO).
    const input = fc
      .array(fc.boolean(), { maxLength: 60 })
      .chain((keys) => fc.tuple(fc.constant(keys), fc.nat(keys.length), fc.nat(keys.length), fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.integer({ min: 1, max: 7 })));
    fc.assert(
      fc.property(input, ([sameKey, a, b, max, compacted, chunkSize]) => {
        const log = new PartitionLog(4, chunkSize);
        sameKey.forEach((same, i) => log.append(same ? 'x' : `k${i}`, i, NO_HEADERS, i, 10));
        if (compacted) log.compact(0);
        const [from, until] = a <= b ? [a, b] : [b, a];
        let counted = 0;
        const next = log.scan(from, until, max, () => counted++);
        expect(log.skip(from, until, max)).toEqual({ next, count: counted });
      }),
      { numRuns: 300 },
    );
  });
});
