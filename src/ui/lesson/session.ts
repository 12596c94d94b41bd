import type { Lesson } from '../../lessons/catalog';
import { entryTitle, type LessonEntry } from '../../lessons/lessonIndex';
import { goToStepStart } from '../../lessons/replay';
import type { Lang } from '../../i18n';
import { loadedValidation, loadValidation, readFailureExtras, type KafeStore, type ProgressStore } from '../../store';
import { replaceWithConsent } from '../common/replaceGuard';
import { appStorage } from '../common/appStorage';
import { loadLesson } from './course';

/** The learner's own canvas, kept aside while lessons take over the canvas. */
export const STASH_KEY = 'kafe.lessons.stash';
/** Where an unreadable stash is moved, so it is never silently lost. */
export const STASH_UNREADABLE_KEY = 'kafe.lessons.stash.unreadable';

/**
 * Opens `lesson` at step `index` on the canvas. The first time lessons take over, the learner's
 * own canvas is stashed (never overwritten) so "Back to my canvas" can bring it back.
 * Resolves with an error sentence if the step could not be set up, once the canvas stands at the
 * step's start (see goToStepStart). Replaces the canvas without asking: UI actions go through
 * requestLesson.
 */
export async function openLessonAt(store: KafeStore, progress: ProgressStore, lesson: Lesson, index: number): Promise<string | null> {
  if (willStash(progress)) stashCanvas(store);
  progress.getState().open(lesson.id);
  progress.getState().update(lesson.id, (p) => ({ ...p, step: index }));
  store.getState().pause();
  // Replaying earlier steps' solutions may edit a running canvas, which restarts time; the learner
  // changed nothing, so no "restarted after your edit" notice.
  const error = await store.getState().asScriptedEdits(() => goToStepStart(store, lesson, index));
  // The lesson can set this canvas up again: until the learner changes it, nothing is lost.
  store.getState().markKept();
  return error;
}

/**
 * What the lesson buttons call: opens the lesson, asking first when
 * the canvas holds unsaved work that neither the stash nor anything else keeps. The lesson's text
 * is fetched after the learner agreed (see course.ts); until it has arrived the canvas is
 * untouched. `onError` gets what went wrong: the step could not be set up (the sentence
 * openLessonAt returns), or the lesson could not be loaded (then nothing changed).
 */
export function requestLesson(
  store: KafeStore,
  progress: ProgressStore,
  entry: LessonEntry,
  index: number,
  lang: Lang,
  onError: (failure: OpenFailure) => void,
): void {
  replaceWithConsent(
    store,
    'lesson',
    entryTitle(entry, lang),
    () => {
      void openLessonById(store, progress, entry.id, index).then((error) => {
        if (error) onError(error);
      });
    },
    willStash(progress),
  );
}

/** Why a lesson did not open: the notice's message key and the detail it shows. */
export interface OpenFailure {
  key: 'lessons.loadFailed' | 'lessons.failedAction';
  detail: string;
}

/** Loads the lesson, then openLessonAt; resolves with what went wrong, or null. */
export async function openLessonById(store: KafeStore, progress: ProgressStore, id: string, index: number): Promise<OpenFailure | null> {
  let lesson: Lesson;
  try {
    lesson = await loadLesson(id);
  } catch (e) {
    return { key: 'lessons.loadFailed', detail: errorText(e) };
  }
  const error = await openLessonAt(store, progress, lesson, index);
  return error ? { key: 'lessons.failedAction', detail: error } : null;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** True when opening a lesson now keeps the current canvas in the stash. */
function willStash(progress: ProgressStore): boolean {
  return progress.getState().progress.current === null && !hasStash();
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

/** "Back to my canvas": asks first when the canvas holds unsaved work, then restoreStash. */
export function requestStash(store: KafeStore, progress: ProgressStore): void {
  replaceWithConsent(store, 'stash', '', () => restoreStash(store, progress));
}

/**
 * Leaves lesson mode and puts the stashed canvas back (the stash is removed only once it loaded).
 * An unreadable stash is moved to STASH_UNREADABLE_KEY and reported; the canvas stays. Reading it
 * needs the validation module (store/lazyValidation.ts; the lesson player has usually loaded it
 * already): when it is not here yet this waits for it, and if it cannot be fetched the stash stays
 * where it is and a notice says why.
 */
export function restoreStash(store: KafeStore, progress: ProgressStore): void {
  const validation = loadedValidation();
  if (!validation) {
    loadValidation().then(
      () => restoreStash(store, progress),
      (e: unknown) => store.getState().notify('error', 'notice.stashFailed', e instanceof Error ? e.message : String(e), { reason: 'unexpected' }),
    );
    return;
  }
  progress.getState().open(null);
  let text: string | null = null;
  try {
    text = appStorage.getItem(STASH_KEY);
  } catch {
    return;
  }
  if (text === null) return;
  const parsed = validation.parseScenarioJson(text);
  if (!parsed.ok) {
    try {
      appStorage.setItem(STASH_UNREADABLE_KEY, text);
      appStorage.removeItem(STASH_KEY);
    } catch {
      // could not move it: it stays where it is, still reported
    }
    store.getState().notify('error', 'notice.stashFailed', parsed.error, readFailureExtras(parsed));
    return;
  }
  // The stash is the only other copy of this canvas, and it goes away now.
  store.getState().loadScenario(parsed.value, { kept: false });
  try {
    appStorage.removeItem(STASH_KEY);
  } catch {
    // it stays; harmless
  }
}
