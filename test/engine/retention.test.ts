import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { allRecords, eventsOf } from './helpers';

describe('retention and compaction', () => {
  it('deletes whole closed segments older than retention.ms, never the active one', () => {
    const engine = createEngine({ retentionCheckIntervalMs: 100 });
    engine.apply({ type: 'createTopic', name: 'clicks', partitions: 1, retentionMs: 1000, segmentRecords: 10 });
    for (let i = 0; i < 25; i++) engine.apply({ type: 'produce', topic: 'clicks', key: 'k', value: i });
    engine.advance(500);
    expect(engine.view().topics[0].partitions[0].startOffset).toBe(0);
    engine.advance(1500);
    const p = engine.view().topics[0].partitions[0];
    expect(p.startOffset).toBe(20); // segments [0,10) and [10,20) deleted, active [20,25) kept
    expect(p.endOffset).toBe(25);
    expect(allRecords(engine, 'clicks', 0).map((r) => r.offset)).toEqual([20, 21, 22, 23, 24]);
    expect(eventsOf(engine.trace, 'recordsDeleted').reduce((n, e) => n + e.count, 0)).toBe(20);
  });

  it('deletes oldest segments while the rest would still hold retention.bytes', () => {
    const engine = createEngine({ retentionCheckIntervalMs: 100 });
    engine.apply({ type: 'createTopic', name: 'logs', partitions: 1, retentionBytes: 300, segmentRecords: 10 });
    for (let i = 0; i < 50; i++) engine.apply({ type: 'produce', topic: 'logs', key: 'kk', value: 'xxxx' }); // 20 bytes each
    engine.advance(300);
    const p = engine.view().topics[0].partitions[0];
    expect(p.bytes).toBeLessThan(300 + 200);
    expect(p.bytes).toBeGreaterThanOrEqual(200);
    expect(p.startOffset % 10).toBe(0);
  });

  it('moves a consumer that fell behind the log start to auto.offset.reset', () => {
    const engine = createEngine({ retentionCheckIntervalMs: 100 });
    engine.apply({ type: 'createTopic', name: 'clicks', partitions: 1, retentionMs: 1000, segmentRecords: 5 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['clicks'], autoOffsetReset: 'earliest', processingMs: 1000, maxPollRecords: 1 });
    for (let i = 0; i < 30; i++) engine.apply({ type: 'produce', topic: 'clicks', key: 'k', value: i });
    engine.advance(20_000);
    const jumps = eventsOf(engine.trace, 'offsetOutOfRange');
    expect(jumps.length).toBeGreaterThan(0);
    expect(jumps[0].resetTo).toBe(25); // the start of the only segment retention kept
    expect(eventsOf(engine.trace, 'processed').length).toBeLessThan(30);
  });

  it('compaction keeps the newest value per key with its original offset, and removes old tombstones', () => {
    const engine = createEngine({ retentionCheckIntervalMs: 100 });
    engine.apply({ type: 'createTopic', name: 'profiles', partitions: 1, cleanupPolicy: 'compact', segmentRecords: 4 });
    const writes: [string, string | null][] = [['alice', 'v1'], ['bob', 'v1'], ['alice', 'v2'], ['carol', 'v1'], ['bob', null], ['alice', 'v3'], ['dave', 'v1'], ['erin', 'v1'], ['zed', 'v1']];
    for (const [key, value] of writes) engine.apply({ type: 'produce', topic: 'profiles', key, value });
    engine.advance(500);
    const records = allRecords(engine, 'profiles', 0).map((r) => [r.offset, r.key, r.value]);
    // Closed segments [0..3] and [4..7] are cleaned; the active segment [8] is untouched.
    expect(records).toEqual([
      [3, 'carol', 'v1'],
      [5, 'alice', 'v3'],
      [6, 'dave', 'v1'],
      [7, 'erin', 'v1'],
      [8, 'zed', 'v1'],
    ]);
    expect(engine.view().topics[0].partitions[0].endOffset).toBe(9);
  });

  it('a consumer reading a compacted log skips the gaps and still ends at the log end', () => {
    const engine = createEngine({ retentionCheckIntervalMs: 100 });
    engine.apply({ type: 'createTopic', name: 'profiles', partitions: 1, cleanupPolicy: 'compact', segmentRecords: 2 });
    for (let i = 0; i < 10; i++) engine.apply({ type: 'produce', topic: 'profiles', key: i % 2 ? 'a' : 'b', value: i });
    engine.advance(500);
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['profiles'], autoOffsetReset: 'earliest', commitMode: 'afterProcess', processingMs: 1 });
    engine.advance(1000);
    expect(engine.view().groups[0].committed['profiles-0']).toBe(10);
    const processed = eventsOf(engine.trace, 'processed').map((e) => e.offset);
    expect(processed.length).toBeLessThan(10);
  });
});
