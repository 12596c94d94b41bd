import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type KafkaRecord } from '../../src/engine';
import { allRecords } from './helpers';

/**
 * Retention and compaction through the whole engine (produce, replicate, the periodic cleaner),
 * against what was appended: whatever the writes and the waits,
 * - an offset, once assigned, keeps its record (key, value) for as long as it exists;
 * - delete retention only ever cuts a prefix of whole segments, never the active one;
 * - compaction keeps the newest record of every key, except a tombstone (null value) past
 *   delete.retention.ms; it removes only superseded records and such tombstones, and only from
 *   closed segments.
 */
const SEGMENT = 5;
const CHECK_MS = 1000;

interface Round {
  writes: { key: string; tombstone: boolean }[];
  /** Extra cleaner periods to wait after the round's writes. */
  wait: number;
}
const round: fc.Arbitrary<Round> = fc.record({
  writes: fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), tombstone: fc.boolean() }), { maxLength: 12 }),
  wait: fc.nat(3),
});

/** Runs rounds on a one-partition topic; returns every record ever appended and the engine. */
function run(policy: 'delete' | 'compact', rounds: Round[], deleteRetentionMs: number) {
  const engine = createEngine({ seed: 1, retentionCheckIntervalMs: CHECK_MS });
  engine.apply({ type: 'createTopic', name: 't', partitions: 1, cleanupPolicy: policy, segmentRecords: SEGMENT, deleteRetentionMs, ...(policy === 'delete' ? { retentionMs: 1500 } : {}) });
  const appended = new Map<number, KafkaRecord>();
  let n = 0;
  const snapshots: { start: number; end: number; records: KafkaRecord[]; now: number }[] = [];
  for (const r of rounds) {
    // Just after a cleaner check: write, let the writes land, remember them, then wait.
    engine.advance(1);
    for (const w of r.writes) engine.apply({ type: 'produce', topic: 't', key: w.key, value: w.tombstone ? null : n++ });
    engine.advance(100);
    const p = engine.view().topics[0].partitions[0];
    for (const rec of engine.readRecords('t', 0, Math.max(p.startOffset, appended.size), Number.MAX_SAFE_INTEGER)) appended.set(rec.offset, rec);
    engine.advance(CHECK_MS - 101 + r.wait * CHECK_MS);
    snapshots.push({ start: engine.view().topics[0].partitions[0].startOffset, end: p.endOffset, records: allRecords(engine, 't', 0), now: engine.view().now });
  }
  return { appended, snapshots };
}

describe('retention and compaction (fast-check)', () => {
  it('delete retention keeps a suffix of whole segments, each record at its own offset', () => {
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 8 }), (rounds) => {
        const { appended, snapshots } = run('delete', rounds, 0);
        let lastStart = 0;
        for (const s of snapshots) {
          expect(s.start).toBeGreaterThanOrEqual(lastStart);
          lastStart = s.start;
          expect(s.start % SEGMENT).toBe(0);
          // The active segment (the last SEGMENT-aligned base below the end) is never deleted.
          const activeBase = s.end === 0 ? 0 : Math.floor((s.end - 1) / SEGMENT) * SEGMENT;
          expect(s.start).toBeLessThanOrEqual(activeBase);
          expect(s.records.map((r) => r.offset)).toEqual(Array.from({ length: s.end - s.start }, (_, i) => s.start + i));
          for (const r of s.records) expect([r.key, r.value]).toEqual([appended.get(r.offset)!.key, appended.get(r.offset)!.value]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('compaction keeps the newest record of every key at its offset, and drops only superseded records and expired tombstones', () => {
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 1500, 100_000), (rounds, deleteRetentionMs) => {
        const { appended, snapshots } = run('compact', rounds, deleteRetentionMs);
        for (const s of snapshots) {
          const kept = new Map(s.records.map((r) => [r.offset, r]));
          const offsets = s.records.map((r) => r.offset);
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
          const activeBase = s.end === 0 ? 0 : Math.floor((s.end - 1) / SEGMENT) * SEGMENT;
          const newest = new Map<string | null, number>();
          for (const [offset, r] of appended) if (offset < s.end) newest.set(r.key, Math.max(newest.get(r.key) ?? -1, offset));
          for (const [offset, r] of appended) {
            if (offset >= s.end) continue;
            const survivor = kept.get(offset);
            if (survivor) expect([survivor.key, survivor.value]).toEqual([r.key, r.value]);
            const isNewest = newest.get(r.key) === offset;
            if (offset >= activeBase) expect(survivor, `active segment offset ${offset}`).toBeDefined();
            else if (isNewest && r.value !== null) expect(survivor, `newest value of ${r.key}`).toBeDefined();
            else if (isNewest && r.timestamp >= s.now - deleteRetentionMs) expect(survivor, `recent tombstone of ${r.key}`).toBeDefined();
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
