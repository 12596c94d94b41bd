import { describe, expect, test } from 'vitest';
import { emptyLessonProgress, emptyProgress } from '../../src/lessons/progress';

import { lessonProgressOf } from '../../src/store';

describe('lessonProgressOf', () => {
  test('gives a lesson with no progress yet the same empty progress on every call (a stable selector result)', () => {
    const p = { ...emptyProgress(), current: 'cafe-gossip' };
    expect(lessonProgressOf(p, 'cafe-gossip')).toEqual(emptyLessonProgress());
    expect(lessonProgressOf(p, 'cafe-gossip')).toBe(lessonProgressOf(p, 'cafe-gossip'));
  });

  test('gives a lesson its own saved progress', () => {
    const own = { step: 2, done: ['a', 'b'], predictions: { a: 1 }, completed: false };
    expect(lessonProgressOf({ ...emptyProgress(), lessons: { x: own } }, 'x')).toBe(own);
  });
});
