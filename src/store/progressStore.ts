import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReadReason } from '../scenario';
import { emptyLessonProgress, emptyProgress, PROGRESS_KEY, PROGRESS_UNREADABLE_KEY, type LessonProgress, type Progress } from '../lessons/progress';
import { loadedValidation, VALIDATION_MISSING } from './lazyValidation';
import type { StorageLike } from './persistence';
import { storeContext } from './storeContext';

/**
 * The learner's course progress, kept in `storage` (the app passes localStorage, or memory when
 * embedded). An unreadable save is moved aside (never deleted) and reported once through
 * `problem`, and the course starts fresh. Reading a saved progress needs the validation module
 * loaded first (lazyValidation.ts); without it the save is left where it is, reported, and not
 * written over in this session.
 */
export interface ProgressState {
  progress: Progress;
  /** Why the saved progress could not be read, if it could not. */
  problem: { error: string; reason: ReadReason } | null;
  setOpen(open: boolean): void;
  open(lessonId: string | null): void;
  update(lessonId: string, fn: (p: LessonProgress) => LessonProgress): void;
  resetLesson(lessonId: string): void;
}

export type ProgressStore = StoreApi<ProgressState>;

/** `keep`: the save could not be checked, so this session must not write over it. */
function load(storage: StorageLike): Pick<ProgressState, 'progress' | 'problem'> & { keep?: true } {
  let text: string | null = null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), problem: null };
  }
  if (text === null) return { progress: emptyProgress(), problem: null };
  const validation = loadedValidation();
  if (!validation) return { progress: emptyProgress(), problem: { error: VALIDATION_MISSING, reason: 'unexpected' }, keep: true };
  const parsed = validation.parseProgress(text);
  if (parsed.ok) return { progress: parsed.value, problem: null };
  try {
    storage.setItem(PROGRESS_UNREADABLE_KEY, text);
  } catch {
    // nowhere to keep it; the problem is still reported
  }
  return { progress: emptyProgress(), problem: { error: parsed.error, reason: parsed.reason } };
}

function save(storage: StorageLike, progress: Progress) {
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // storage full or blocked: progress lasts for this session
  }
}

export function createProgressStore(storage: StorageLike): ProgressStore {
  return createStore<ProgressState>()((set, get) => {
    const { keep, ...initial } = load(storage);
    const commit = (progress: Progress) => {
      if (!keep) save(storage, progress);
      set({ progress });
    };
    return {
      ...initial,
      setOpen(open) {
        commit({ ...get().progress, open });
      },
      open(lessonId) {
        commit({ ...get().progress, current: lessonId, open: true });
      },
      update(lessonId, fn) {
        const p = get().progress;
        commit({ ...p, lessons: { ...p.lessons, [lessonId]: fn(p.lessons[lessonId] ?? emptyLessonProgress()) } });
      },
      resetLesson(lessonId) {
        const p = get().progress;
        commit({ ...p, lessons: { ...p.lessons, [lessonId]: emptyLessonProgress() } });
      },
    };
  });
}

/** What a lesson with no progress yet reads as: one shared object, never written to. */
const NO_PROGRESS: LessonProgress = Object.freeze(emptyLessonProgress()) as LessonProgress;

/**
 * A lesson's progress. The same object on every call for a lesson with none yet: a selector
 * (useProgress) that returned a new one each time would never settle (React error #185, the
 * lesson panel crashing when the saved progress names a current lesson it has no entry for).
 */
export const lessonProgressOf = (p: Progress, id: string): LessonProgress => p.lessons[id] ?? NO_PROGRESS;

const progressContext = storeContext<ProgressState>('useProgress');
export const ProgressProvider = progressContext.Provider;
export const useProgressStoreApi: () => ProgressStore = progressContext.useStoreApi;
/** Select a piece of the course progress (the lesson list, the player, the lessons toggle). */
export const useProgress: <T>(selector: (state: ProgressState) => T) => T = progressContext.useSelect;
