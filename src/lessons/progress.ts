import type { z } from 'zod';
import type { lessonProgress, progressSchema } from './progressSchema';

/**
 * What a learner has done in the course, saved in localStorage under PROGRESS_KEY. Keyed by lesson
 * and step ids (never by position), so reordering or adding lessons keeps everyone's progress.
 */
export const PROGRESS_KEY = 'kafe.lessons.progress';
/** Where an unreadable save is moved, so it is never silently lost. */
export const PROGRESS_UNREADABLE_KEY = 'kafe.lessons.progress.unreadable';

export type Progress = z.infer<typeof progressSchema>;
export type LessonProgress = z.infer<typeof lessonProgress>;

/** Reading a saved progress back (zod) is progressSchema.ts's job, loaded only when there is one. */
export const emptyProgress = (): Progress => ({ version: 1, current: null, open: true, lessons: {} });
export const emptyLessonProgress = (): LessonProgress => ({ step: 0, done: [], predictions: {}, completed: false });
