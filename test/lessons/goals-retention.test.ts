import { describe, expect, test } from 'vitest';
import { goalContext, goalHolds, lessonStartScenario, type GoalSpec } from '../../src/lessons';
import { createKafeStore } from '../../src/store';

/** A compacted one-partition topic kept busy by a producer cycling other keys, so segments roll. */
function compacted(deleteRetentionMs: number) {
  const start = lessonStartScenario({
    seed: 5,
    nodes: [
      { kind: 'broker', id: 'b' },
      { kind: 'producer', id: 'p', props: { ratePerSec: 10, keyPattern: 'cycle', keys: ['bob', 'carol'] } },
      { kind: 'topic', id: 'profiles', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, cleanupPolicy: 'compact', segmentRecords: 10, deleteRetentionMs } },
    ],
    edges: [['p', 'profiles']],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  const store = createKafeStore(start.value);
  const holds = (goal: GoalSpec) => goalHolds(goal, goalContext(store));
  const produce = (value: unknown) => expect(store.getState().run({ type: 'produce', topic: 'profiles', key: 'alice', value, producer: 'p' })).toBe(true);
  const advance = (ms: number) => store.getState().seek(store.getState().frame.now + ms);
  return { holds, produce, advance };
}

const gone: GoalSpec = { keyCompactedAway: { topic: 'profiles', key: 'alice' } };

describe('keyCompactedAway', () => {
  test('false while the key was never written, and while its latest value is kept', () => {
    const { holds, produce, advance } = compacted(2000);
    advance(2000);
    expect(holds(gone)).toBe(false);
    produce({ name: 'Alice' });
    produce({ name: 'Alice B.' });
    advance(20_000);
    expect(holds(gone)).toBe(false); // compaction keeps alice's newest value forever
  });

  test('true once a tombstone deleted the key and delete.retention.ms let the tombstone go', () => {
    const { holds, produce, advance } = compacted(5000);
    advance(1000);
    produce({ name: 'Alice' });
    advance(1000);
    produce(null);
    advance(3000);
    expect(holds(gone)).toBe(false); // the tombstone is younger than delete.retention.ms
    advance(15_000);
    expect(holds(gone)).toBe(true);
  });
});

describe('offsetOutOfRange', () => {
  test('true only for the group whose position retention deleted', () => {
    const start = lessonStartScenario({
      seed: 5,
      nodes: [
        { kind: 'broker', id: 'b' },
        { kind: 'producer', id: 'p', props: { ratePerSec: 50 } },
        { kind: 'topic', id: 'clicks', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: 5000, segmentRecords: 50 } },
        { kind: 'consumer', id: 'slow', props: { processingMs: 100 } },
        { kind: 'consumer', id: 'fast', props: { processingMs: 1 } },
      ],
      edges: [['p', 'clicks'], ['clicks', 'slow'], ['clicks', 'fast']],
      timeline: [],
    });
    if (!start.ok) throw new Error(start.error);
    const store = createKafeStore(start.value);
    store.getState().seek(60_000);
    expect(goalHolds({ offsetOutOfRange: { topic: 'clicks', group: 'slow' } }, goalContext(store))).toBe(true);
    expect(goalHolds({ offsetOutOfRange: { topic: 'clicks', group: 'fast' } }, goalContext(store))).toBe(false);
  });
});
