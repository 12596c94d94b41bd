import { goToStepStart, type Lesson } from '../../lessons';
import { parseScenarioJson } from '../../scenario';
import type { KafeStore } from '../../store';
import { appStorage } from '../common/appStorage';
import { useProgress } from './progressStore';

/** The learner's own canvas, kept aside while lessons take over the canvas. */
export const STASH_KEY = 'kafe.lessons.stash';

/**
 * Opens `lesson` at step `index` on the canvas. The first time lessons take over, the learner's
 * own canvas is stashed (never overwritten) so "Back to my canvas" can bring it back.
 * Returns an error sentence if the step could not be set up.
 */
export function openLessonAt(store: KafeStore, lesson: Lesson, index: number): string | null {
  if (useProgress.getState().progress.current === null) stashCanvas(store);
  useProgress.getState().open(lesson.id);
  useProgress.getState().update(lesson.id, (p) => ({ ...p, step: index }));
  store.getState().pause();
  return goToStepStart(store, lesson, index);
}

function stashCanvas(store: KafeStore) {
  try {
    if (appStorage.getItem(STASH_KEY) === null) appStorage.setItem(STASH_KEY, store.getState().exportJson());
  } catch {
    // storage unavailable: nothing can be kept across reloads anyway
  }
}

export function hasStash(): boolean {
  try {
    return appStorage.getItem(STASH_KEY) !== null;
  } catch {
    return false;
  }
}

/** Leaves lesson mode and puts the stashed canvas back (the stash is removed only once it loaded). */
export function restoreStash(store: KafeStore): void {
  useProgress.getState().open(null);
  let text: string | null = null;
  try {
    text = appStorage.getItem(STASH_KEY);
  } catch {
    return;
  }
  if (text === null) return;
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) {
    store.getState().notify('error', 'notice.importFailed', parsed.error);
    return;
  }
  store.getState().loadScenario(parsed.value);
  try {
    appStorage.removeItem(STASH_KEY);
  } catch {
    // it stays; harmless
  }
}
