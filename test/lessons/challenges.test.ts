import { describe, expect, test } from 'vitest';
import { applyAction, goalContext, goalHolds, goToStepStart, levelMap, mapLabels, mapLessonOf, PARTS, type LessonAction } from '../../src/lessons';
import { createKafeStore } from '../../src/store';
import { course } from './course';

/**
 * Challenges close each part of the course with a goal and no recipe. Their goals must be met by
 * a right answer (solutions.test.ts replays each reference solution) and NOT by the tempting
 * half-answers below, or a learner would "pass" while building what fails in real Kafka.
 */
const { lessons } = course();
const byId = (id: string) => lessons.find((l) => l.id === id)!;

async function attempt(lessonId: string, actions: LessonAction[]): Promise<boolean> {
  const lesson = byId(lessonId);
  const store = createKafeStore(lesson.start);
  expect(await goToStepStart(store, lesson, 0)).toBeNull();
  for (const action of actions) expect(await applyAction(store, action)).toBeNull();
  return goalHolds(lesson.meta.steps[0].goal, goalContext(store));
}

describe('the course map', () => {
  test('every part has lessons and ends with exactly one challenge, listed last', () => {
    const map = levelMap(course().lessons.map(mapLessonOf), () => false);
    expect(map.parts.map((p) => p.id)).toEqual([...PARTS]);
    for (const part of map.parts) {
      const challenges = part.entries.filter((e) => e.lesson.challenge);
      expect(challenges, part.id).toHaveLength(1);
      expect(part.entries.at(-1)!.lesson.challenge, part.id).toBe(true);
      expect(part.entries.length, part.id).toBeGreaterThan(1);
    }
  });

  test('lessons are numbered 1..n in course order, challenges by their part', () => {
    const labels = [...mapLabels(course().lessons.map(mapLessonOf)).values()];
    const numbers = labels.flatMap((l) => (l.kind === 'lesson' ? [l.n] : []));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(labels.filter((l) => l.kind === 'challenge')).toEqual(PARTS.map((_, i) => ({ kind: 'challenge', part: i + 1 })));
  });

  test('"next up" is the first lesson in course order not completed; progress is counted per part', () => {
    const c = course();
    const done = new Set([c.lessons[0].id, c.lessons[1].id, c.lessons[3].id]);
    const map = levelMap(c.lessons.map(mapLessonOf), (id) => done.has(id));
    expect(map.next).toBe(c.lessons[2].id);
    expect(map.parts[0].completed).toBe(3);
    expect(map.parts.slice(1).every((p) => p.completed === 0)).toBe(true);
    expect(levelMap(c.lessons.map(mapLessonOf), () => true).next).toBeNull();
  });
});

describe('challenges refuse half-answers', () => {
  test('part 1: a loyalty service that never publishes to `points` is not enough', async () => {
    expect(
      await attempt('challenge-extend', [
        { addNode: { kind: 'service', id: 'loyalty', label: 'Loyalty', props: { emits: 'PointsAwarded' } } },
        { connect: ['payments', 'loyalty'] },
        { addNode: { kind: 'consumer', id: 'analytics', label: 'Analytics' } },
        { connect: ['orders', 'analytics'] },
        { advance: 8000 },
      ]),
    ).toBe(false);
  });

  test('part 1: an analytics group that starts at `latest` misses the history', async () => {
    expect(
      await attempt('challenge-extend', [
        { advance: 3000 },
        { addNode: { kind: 'topic', id: 'points', props: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 } } },
        { addNode: { kind: 'service', id: 'loyalty', label: 'Loyalty', props: { emits: 'PointsAwarded' } } },
        { connect: ['payments', 'loyalty'] },
        { connect: ['loyalty', 'points'] },
        { addNode: { kind: 'consumer', id: 'analytics', label: 'Analytics', props: { autoOffsetReset: 'latest' } } },
        { connect: ['orders', 'analytics'] },
        { advance: 5000 },
      ]),
    ).toBe(false);
  });

  test('part 2: more instances than partitions leave members idle and the lag grows', async () => {
    expect(await attempt('challenge-rush', [{ updateNode: { id: 'payment', props: { instances: 4 } } }, { advance: 25000 }])).toBe(false);
  });

  test('part 2: partitions without more instances do not add capacity', async () => {
    expect(await attempt('challenge-rush', [{ updateNode: { id: 'orders', props: { partitions: 4 } } }, { advance: 25000 }])).toBe(false);
  });

  const brokerDown = (setup: LessonAction[]): LessonAction[] => [...setup, { advance: 5000 }, { run: { type: 'failBroker', broker: 1 } }, { advance: 30000 }];

  test('part 3: without replicas no leader can take over', async () => {
    expect(await attempt('challenge-broker-down', brokerDown([]))).toBe(false);
  });

  test('part 3: two copies leave one in-sync replica when a broker dies', async () => {
    expect(await attempt('challenge-broker-down', brokerDown([{ updateNode: { id: 'orders', props: { replicationFactor: 2, minInsyncReplicas: 1 } } }]))).toBe(false);
  });

  test('part 3: three copies with acks=1 do not pass: Checkout must wait for every in-sync replica', async () => {
    expect(await attempt('challenge-broker-down', brokerDown([{ updateNode: { id: 'orders', props: { replicationFactor: 3, minInsyncReplicas: 2 } } }]))).toBe(false);
  });
});
