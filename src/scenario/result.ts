import type { ReadIssue } from './issues';

/**
 * The outcome of reading something the learner gave us (a file, a link, a saved canvas): either
 * the value, or what is wrong with it. Never throws for bad input.
 *
 * A failure carries `reason`, a stable code the UI turns into a sentence in the learner's language
 * (see READ_REASONS), and `error`, the English detail naming exactly what is wrong (e.g.
 * `nodes[2].props.partitions: must be at most 64`), shown under it as a technical detail. When a
 * schema rule refused a value, `issue` is the first one as data (code + params), worded in the
 * learner's language too.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; reason: ReadReason; issue?: ReadIssue };

/** Why an input could not be read, most specific first. Each has a `read.<reason>` UI string. */
export const READ_REASONS = [
  /** More characters than any scenario needs, or a link that would unpack to too much. */
  'tooBig',
  /** Lists or objects nested deeper than any scenario (MAX_NESTING). */
  'tooDeep',
  /** Not JSON at all. */
  'notJson',
  /** A share link that was cut off or changed when copied. */
  'damagedLink',
  /** A link without a scenario in it. */
  'noScenario',
  /** JSON, but not a Kafé scenario (no version, not an object...). */
  'notScenario',
  /** Written by a newer Kafé than this one. */
  'newerVersion',
  /** Written by a Kafé too old for this one to update. */
  'olderVersion',
  /** A Kafé scenario with values outside what the schema allows. */
  'invalid',
  /** Anything else that went wrong while reading (a bug): still reported, never thrown. */
  'unexpected',
] as const;
export type ReadReason = (typeof READ_REASONS)[number];

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string, reason: ReadReason = 'invalid', issue?: ReadIssue): Result<T> =>
  issue ? { ok: false, error, reason, issue } : { ok: false, error, reason };
