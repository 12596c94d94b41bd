import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type TraceEvent } from '../../src/engine';

/** Produces `counts[i]` records in burst i, advancing 10 ms between bursts; returns the engine. */
function run(limit: number, segmentRecords: number, counts: number[], seed = 7) {
  const engine = createEngine({ seed, maxRecordsPerPartition: limit, traceLimit: 0 });
  const trace: TraceEvent[] = [];
  engine.subscribe((e) => trace.push(e));
  engine.apply({ type: 'createTopic', name: 'readings', partitions: 2, segmentRecords });
  engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['readings'], autoOffsetReset: 'earliest', processingMs: 5, maxPollRecords: 3 });
  const sizes: number[] = [];
  for (const count of counts) {
    for (let i = 0; i < count; i++) engine.apply({ type: 'produce', topic: 'readings', key: `k${i % 5}`, value: i });
    engine.advance(10);
    for (const p of engine.view().topics[0].partitions) sizes.push(p.records);
  }
  return { engine, trace, sizes };
}

describe("the simulator's record limit per partition", () => {
  it('holds every partition at or under the limit (or its one active segment), deletes only whole old segments, and says so in the trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }), (limit, segment, counts) => {
        const { engine, trace, sizes } = run(limit, segment, counts);
        // The active segment is never deleted, as with retention: a segment larger than the limit can stay.
        for (const size of sizes) expect(size).toBeLessThanOrEqual(Math.max(limit, segment));
        const produced = counts.reduce((a, b) => a + b, 0);
        const deleted = trace.filter((e) => e.type === 'recordsDeleted').reduce((n, e) => n + (e.type === 'recordsDeleted' ? e.count : 0), 0);
        const kept = engine.view().topics[0].partitions.reduce((n, p) => n + p.records, 0);
        expect(kept + deleted).toBe(produced);
        for (const e of trace) if (e.type === 'recordsDeleted') expect(e.reason).toBe('recordLimit');
        for (const p of engine.view().topics[0].partitions) expect(p.startOffset % segment).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a run deterministic: the same seed and commands give the same trace', () => {
    const a = run(20, 4, [30, 0, 25, 40]);
    const b = run(20, 4, [30, 0, 25, 40]);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(a.trace.some((e) => e.type === 'recordsDeleted')).toBe(true);
  });

  it('changes nothing when unset: no record is deleted without retention', () => {
    const engine = createEngine({ seed: 1 });
    engine.apply({ type: 'createTopic', name: 't', partitions: 1, segmentRecords: 2 });
    for (let i = 0; i < 500; i++) engine.apply({ type: 'produce', topic: 't', key: null, value: i });
    engine.advance(100);
    expect(engine.view().topics[0].partitions[0]).toMatchObject({ startOffset: 0, records: 500 });
  });

  it('refuses a limit below one record', () => {
    expect(() => createEngine({ maxRecordsPerPartition: 0 })).toThrow(/maxRecordsPerPartition/);
  });
});
