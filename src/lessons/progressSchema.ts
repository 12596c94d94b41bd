import { z } from 'zod';
import { checkJsonText, type Result } from '../scenario';

/**
 * The zod schema of the saved course progress (progress.ts) and its reader. Kept apart from
 * progress.ts so the first screen, which only needs an empty progress, does not load zod: the
 * store fetches this (store/lazyValidation.ts) when a saved progress must be read.
 */
export const lessonProgress = z.object({
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

/**
 * Saved text → progress, or what is wrong with it. Never throws: size and nesting are checked on
 * the text before parsing (the same bounds as scenarios), and anything unforeseen is caught.
 */
export function parseProgress(text: string): Result<z.infer<typeof progressSchema>> {
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
