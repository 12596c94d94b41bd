import { applyAction, type LessonDriver } from './actions';
import type { Lesson } from './catalog';

/**
 * Puts the app at the start of step `index`: the lesson's canvas, then the reference solution of
 * every earlier step. Deterministic (same seed, same actions), so "reset step" and jumping into a
 * lesson land on the same state a learner who solved the earlier steps would (roughly) have.
 * Resolves with the first refused action as an error sentence, or null, once the app stands at
 * the step's start (every replay on the way finished).
 */
export async function goToStepStart(driver: LessonDriver, lesson: Lesson, index: number): Promise<string | null> {
  driver.getState().loadScenario(lesson.start);
  if (!(await driver.getState().settled())) return `${lesson.id}: stopped before the lesson's canvas was ready`;
  for (const step of lesson.meta.steps.slice(0, index)) {
    for (const action of step.solution) {
      const error = await applyAction(driver, action);
      if (error) return `${lesson.id}/${step.id}: ${error}`;
    }
  }
  return null;
}
