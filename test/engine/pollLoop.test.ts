import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine';
import { engineWithTopic, eventsOf } from './helpers';

/** Compute-bound property runs: generous so a busy 2-core CI machine never fails them on time. */
const TIMEOUT_MS = 120_000;

function produceMany(engine: Engine, topic: string, n: number, partition?: number): void {
  for (let i = 0; i < n; i++) engine.apply({ type: 'produce', topic, key: partition === undefined ? `k${i}` : null, value: i, partition });
}

describe('the poll loop: poll, process the batch, commit', () => {
  it('processes a fetched batch in one agenda event yet reports each record when its own processing ended', () => {
    const engine = engineWithTopic({ partitions: 1 });
    produceMany(engine, 'orders', 40, 0);
    engine.advance(50);
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', commitMode: 'afterProcess', processingMs: 10, maxPollRecords: 100 });
    const before = engine.eventsRun;
    engine.advance(1000);
    const processed = eventsOf(engine.trace, 'processed');
    expect(processed.map((e) => e.offset)).toEqual([...Array(40).keys()]);
    const start = processed[0].doneAt - 10;
    expect(processed.map((e) => e.doneAt)).toEqual(processed.map((_, i) => start + 10 * (i + 1)));
    // Reported at the end of the batch, never before the record was done.
    for (const e of processed) expect(e.t).toBeGreaterThanOrEqual(e.doneAt);
    // One poll, one "batch done", the polls of an idle consumer and the rebalance: not 40 events.
    expect(engine.eventsRun - before).toBeLessThan(20);
    expect(engine.view().groups[0].committed['orders-0']).toBe(40);
  });

  it('handles the records finished before a crash, so at-least-once shows their duplicates', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.apply({ type: 'addService', id: 'svc', subscribes: ['orders'], processingMs: 100, sessionTimeoutMs: 1000, assignor: 'range' });
    engine.advance(100);
    produceMany(engine, 'orders', 10, 0);
    engine.advance(450);
    engine.apply({ type: 'setServiceDown', id: 'svc', down: true });
    const handledBeforeCrash = eventsOf(engine.trace, 'processed').length;
    expect(handledBeforeCrash).toBeGreaterThanOrEqual(3);
    expect(handledBeforeCrash).toBeLessThan(10);
    engine.apply({ type: 'setServiceDown', id: 'svc', down: false });
    engine.advance(10_000);
    const offsets = eventsOf(engine.trace, 'processed').map((e) => e.offset);
    expect(new Set(offsets).size).toBe(10);
    expect(offsets.length).toBe(10 + handledBeforeCrash);
  });
});

describe('auto-commit as the Java client does it (enable.auto.commit=true)', () => {
  it('never skips a record on a crash mid-batch: it commits, inside poll, only what earlier polls returned', () => {
    const engine = engineWithTopic({ partitions: 1 });
    // A commit interval far shorter than the batch: the old timer committed fetched positions
    // mid-batch and the records after the crash point were lost.
    engine.apply({ type: 'addConsumer', id: 'c1', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', processingMs: 100, autoCommitIntervalMs: 200, sessionTimeoutMs: 1000 });
    engine.advance(100);
    produceMany(engine, 'orders', 10, 0);
    engine.advance(500);
    engine.apply({ type: 'crashConsumer', id: 'c1' });
    engine.apply({ type: 'addConsumer', id: 'c2', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', processingMs: 100 });
    engine.advance(10_000);
    const offsets = eventsOf(engine.trace, 'processed').map((e) => e.offset);
    expect(new Set(offsets)).toEqual(new Set([...Array(10).keys()]));
    expect(offsets.length).toBeGreaterThan(10); // what c1 did before the crash is done again
  });

  it('commits the previous batch at the first poll after auto.commit.interval.ms, and on close', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', processingMs: 10, autoCommitIntervalMs: 1000, pollIntervalMs: 100 });
    engine.advance(50);
    produceMany(engine, 'orders', 5, 0);
    engine.advance(800);
    // Processed long ago, but the interval has not passed: nothing committed yet.
    expect(engine.view().groups[0].committed['orders-0'] ?? 0).toBe(0);
    engine.advance(400);
    const commits = eventsOf(engine.trace, 'committed');
    expect(commits.at(-1)!.offsets).toEqual({ 'orders-0': 5 });
    expect(commits.at(-1)!.t).toBeGreaterThanOrEqual(1000);
    produceMany(engine, 'orders', 3, 0);
    engine.advance(200);
    engine.apply({ type: 'removeConsumer', id: 'c' });
    expect(eventsOf(engine.trace, 'committed').at(-1)!.offsets).toEqual({ 'orders-0': 8 });
  });

  it('commits no record before it was processed and loses none, whatever the timing (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        (seed, partitions, records, processingMs, maxPollRecords, autoCommitIntervalMs, crashAt, graceful) => {
          const engine = createEngine({ seed });
          engine.apply({ type: 'createTopic', name: 't', partitions });
          const settings = { group: 'g', topics: ['t'], autoOffsetReset: 'earliest' as const, processingMs, maxPollRecords, autoCommitIntervalMs, sessionTimeoutMs: 500 };
          engine.apply({ type: 'addConsumer', id: 'a', ...settings });
          engine.advance(100);
          for (let i = 0; i < records; i++) engine.apply({ type: 'produce', topic: 't', key: `k${i}`, value: i });
          engine.advance(crashAt);
          engine.apply(graceful ? { type: 'removeConsumer', id: 'a' } : { type: 'crashConsumer', id: 'a' });
          engine.apply({ type: 'addConsumer', id: 'b', ...settings });
          engine.advance(records * processingMs + 5000);

          // Walk the trace: a commit may never pass the records processed so far.
          const processed = new Map<string, Set<number>>();
          for (const e of engine.trace) {
            if (e.type === 'processed') {
              const tp = `${e.topic}-${e.partition}`;
              if (!processed.has(tp)) processed.set(tp, new Set());
              processed.get(tp)!.add(e.offset);
            } else if (e.type === 'committed') {
              for (const [tp, offset] of Object.entries(e.offsets))
                for (let o = 0; o < offset; o++) expect(processed.get(tp)?.has(o), `${tp}@${o} committed unprocessed`).toBe(true);
            }
          }
          // Everything produced was processed at least once.
          const v = engine.view();
          const total = v.topics[0].partitions.reduce((n, p) => n + p.endOffset, 0);
          expect(total).toBe(records);
          let seen = 0;
          for (const offsets of processed.values()) seen += offsets.size;
          expect(seen).toBe(records);
        },
      ),
      { numRuns: 40 },
    );
  }, TIMEOUT_MS);
});
