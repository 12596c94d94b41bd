import { create } from 'zustand';
import type { ReadReason } from '../../scenario';
import { appStorage } from '../common/appStorage';
import { emptyLessonProgress, emptyProgress, parseProgress, PROGRESS_KEY, PROGRESS_UNREADABLE_KEY, type LessonProgress, type Progress } from '../../lessons/progress';

/**
 * The learner's course progress, kept in localStorage (in memory when embedded: see appStorage). An unreadable save is moved aside (never
 * deleted) and reported once through `problem`, and the course starts fresh.
 */
interface ProgressState {
  progress: Progress;
  /** Why the saved progress could not be read, if it could not. */
  problem: { error: string; reason: ReadReason } | null;
  setOpen(open: boolean): void;
  open(lessonId: string | null): void;
  update(lessonId: string, fn: (p: LessonProgress) => LessonProgress): void;
  resetLesson(lessonId: string): void;
}

function load(): Pick<ProgressState, 'progress' | 'problem'> {
  let text: string | null = null;
  try {
    text = appStorage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), problem: null };
  }
  if (text === null) return { progress: emptyProgress(), problem: null };
  const parsed = parseProgress(text);
  if (parsed.ok) return { progress: parsed.value, problem: null };
  try {
    appStorage.setItem(PROGRESS_UNREADABLE_KEY, text);
  } catch {
    // nowhere to keep it; the problem is still reported
  }
  return { progress: emptyProgress(), problem: { error: parsed.error, reason: parsed.reason } };
}

function save(progress: Progress) {
  try {
    appStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // storage full or blocked: progress lasts for this session
  }
}

export const useProgress = create<ProgressState>()((set, get) => {
  const commit = (progress: Progress) => {
    save(progress);
    set({ progress });
  };
  return {
    ...load(),
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

export const lessonProgressOf = (p: Progress, id: string): LessonProgress => p.lessons[id] ?? emptyLessonProgress();
