import { describe, expect, test } from 'vitest';
import { applyAction, formatProblem, goalContext, goalHolds, goToStepStart } from '../../src/lessons';
import { createKafeStore } from '../../src/store';
import { course } from './course';

/**
 * Every step of every lesson, replayed headless on the real store and engine (as Learn Git
 * Branching replays its levels): the goal must NOT hold when the step starts — so it cannot be
 * passed by doing nothing — and must hold once the reference solution has been applied.
 */
const { lessons, problems } = course();

test('every lesson file loads without problems', () => {
  expect(problems.map(formatProblem)).toEqual([]);
  expect(lessons.length).toBeGreaterThan(0);
});

test('lessons have distinct order numbers', () => {
  const orders = lessons.map((l) => l.order);
  expect(new Set(orders).size).toBe(orders.length);
});

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  test.each(lesson.meta.steps.map((s, i) => [s.id, i] as const))('step %s: not reached at its start, reached by its reference solution', async (_step, index) => {
    const store = createKafeStore(lesson.start);
    expect(await goToStepStart(store, lesson, index)).toBeNull();
    const step = lesson.meta.steps[index];
    expect(goalHolds(step.goal, goalContext(store)), 'the goal already holds before the learner does anything').toBe(false);
    for (const action of step.solution) expect(await applyAction(store, action)).toBeNull();
    expect(goalHolds(step.goal, goalContext(store)), 'the reference solution does not reach the goal').toBe(true);
  });
});
