import { create } from 'zustand';

/**
 * Steps an embed is locked to (`&steps=2-4`): the lesson player lets the learner move only
 * between `first` and `last` (indexes from 0, inclusive) of lesson `lessonId`. Null when not locked.
 */
export interface LessonLock {
  lessonId: string;
  first: number;
  last: number;
}

export const useLessonLock = create<{ lock: LessonLock | null; setLock(lock: LessonLock | null): void }>()((set) => ({
  lock: null,
  setLock: (lock) => set({ lock }),
}));

/** The steps of `lessonId` a learner may visit, given the lock (the whole lesson when unlocked). */
export function allowedSteps(lock: LessonLock | null, lessonId: string, count: number): { first: number; last: number } {
  return lock && lock.lessonId === lessonId ? { first: lock.first, last: lock.last } : { first: 0, last: count - 1 };
}
