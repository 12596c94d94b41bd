/**
 * The outcome of reading something the learner gave us (a file, a link, a saved canvas): either
 * the value, or one human sentence saying what is wrong. Never throws for bad input.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });
