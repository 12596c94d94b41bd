import { applyAction, goToStepStart, type Lesson, type LessonAction } from '../../lessons';
import { SPEEDS, type KafeStore } from '../../store';

/** Wall time (ms) "Show me" spends on one `advance`, whatever its virtual length. */
const ADVANCE_WALL_MS = 2500;
/** Pause between other actions, so the learner can follow them on the canvas. */
const ACTION_PAUSE_MS = 700;

/**
 * Plays a step's reference solution on the canvas, from the step's start: the same actions the
 * tests replay, paced for a human (time passes by actually playing, at a speed that fits).
 * Resolves with an error sentence if an action is refused, or null; stops early when `signal`
 * aborts (the simulation is left paused where it was).
 */
export async function showSolution(store: KafeStore, lesson: Lesson, index: number, signal: AbortSignal): Promise<string | null> {
  // Setting up the step is the app's doing, not the learner's (see KafeState.asScriptedEdits).
  const setupError = await store.getState().asScriptedEdits(() => goToStepStart(store, lesson, index));
  if (setupError) return setupError;
  const speedBefore = store.getState().speed;
  try {
    for (const action of lesson.meta.steps[index].solution) {
      await wait(ACTION_PAUSE_MS, signal);
      if (signal.aborted) return null;
      const error = 'advance' in action ? await playFor(store, action, signal) : await applyAction(store, action);
      if (error) return error;
    }
    return null;
  } finally {
    store.getState().pause();
    store.getState().setSpeed(speedBefore);
  }
}

async function playFor(store: KafeStore, action: Extract<LessonAction, { advance: number }>, signal: AbortSignal): Promise<string | null> {
  const target = store.getState().frame.now + action.advance;
  const wanted = action.advance / ADVANCE_WALL_MS;
  store.getState().setSpeed(SPEEDS.find((s) => s >= wanted) ?? SPEEDS[SPEEDS.length - 1]);
  store.getState().play();
  await new Promise<void>((resolve) => {
    const done = () => {
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const unsubscribe = store.subscribe((s) => {
      if (s.frame.now >= target || !s.playing) done();
    });
    signal.addEventListener('abort', done);
  });
  store.getState().pause();
  return null;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
