import { z } from 'zod';
import { checkJsonText, type Result } from '../scenario';

/**
 * What a learner has done in the course, saved in localStorage under PROGRESS_KEY. Keyed by lesson
 * and step ids (never by position), so reordering or adding lessons keeps everyone's progress.
 */
export const PROGRESS_KEY = 'kafe.lessons.progress';
/** Where an unreadable save is moved, so it is never silently lost. */
export const PROGRESS_UNREADABLE_KEY = 'kafe.lessons.progress.unreadable';

const lessonProgress = z.object({
  /** Index of the step the learner is on. */
  step: z.number().int().min(0),
  /** Steps whose goal has been reached. */
  done: z.array(z.string()),
  /** Step id → the choice the learner predicted. */
  predictions: z.record(z.string(), z.number().int().min(0)),
  completed: z.boolean(),
});

export const progressSchema = z.object({
  version: z.literal(1),
  /** The lesson open in the panel, if any. */
  current: z.string().nullable(),
  /** Whether the lesson panel is shown. */
  open: z.boolean(),
  lessons: z.record(z.string(), lessonProgress),
});

export type Progress = z.infer<typeof progressSchema>;
export type LessonProgress = z.infer<typeof lessonProgress>;

export const emptyProgress = (): Progress => ({ version: 1, current: null, open: true, lessons: {} });
export const emptyLessonProgress = (): LessonProgress => ({ step: 0, done: [], predictions: {}, completed: false });

/**
 * Saved text → progress, or what is wrong with it. Never throws: size and nesting are checked on
 * the text before parsing (the same bounds as scenarios), and anything unforeseen is caught.
 */
export function parseProgress(text: string): Result<Progress> {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'not text', reason: 'notJson' };
    const shape = checkJsonText(text, 'saved course progress');
    if (!shape.ok) return shape;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, error: 'not valid JSON', reason: 'notJson' };
    }
    const parsed = progressSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, reason: 'invalid', error: parsed.error.issues.map((i) => `${i.path.join('.') || 'progress'}: ${i.message}`).slice(0, 3).join('; ') };
    return { ok: true, value: parsed.data };
  } catch (e) {
    return { ok: false, reason: 'unexpected', error: `could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
