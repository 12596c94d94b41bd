import type { z } from 'zod';

/**
 * Turns zod issues into short sentences a learner can act on, e.g.
 * `nodes[2].props.partitions: must be at most 64`.
 *
 * Messages written in the schema (regex rules, "a label cannot be empty", duplicate ids...) are
 * kept as they are: zod gives schema-level messages precedence over SHORT_MESSAGES, which only
 * replaces zod's generic defaults ("Too big: expected number to be <=64").
 */
export const MAX_ISSUES_SHOWN = 5;

/** Per-parse error map: pass as `schema.safeParse(x, { error: SHORT_MESSAGES })`. */
export const SHORT_MESSAGES: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unit(issue.origin, issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'cannot be empty';
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unit(issue.origin, issue.minimum)}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}`;
    case 'invalid_union': {
      if ('discriminator' in issue && Array.isArray(issue.options)) return `must be ${oneOf(issue.options as unknown[])}`;
      // A union of literals (e.g. acks: 0 | 1 | "all"): list what each branch expected.
      const values = issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])));
      return values.length > 0 ? `must be ${oneOf(values)}` : 'has an unexpected shape';
    }
    case 'unrecognized_keys':
      return `has unknown fields ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return `is not in the expected format`;
    default:
      return undefined;
  }
};

/** Joins at most MAX_ISSUES_SHOWN issues with "; " and says how many more there are. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = issues.length - MAX_ISSUES_SHOWN;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}

/** ['nodes', 2, 'props', 'partitions'] → "nodes[2].props.partitions"; [] → "the scenario". */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the scenario';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function unit(origin: string, bound: number | bigint): string {
  const plural = Number(bound) === 1 ? '' : 's';
  if (origin === 'string') return ` character${plural}`;
  if (origin === 'array' || origin === 'set') return ` item${plural}`;
  return '';
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object';
  if (expected === 'boolean') return 'true or false';
  if (expected === 'null') return 'null';
  return `a ${expected}`;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `"${input.length > 20 ? `${input.slice(0, 20)}…` : input}"`;
  if (typeof input === 'object') return 'an object';
  return String(input);
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  return shown.length === 1 ? shown[0] : `one of ${shown.join(', ')}`;
}

/** What is wrong with one value, as a code the UI words in the learner's language (`read.issue.<code>`). */
export const READ_ISSUE_CODES = [
  /** A number above its maximum. params: path, limit */
  'tooBig',
  /** A number below its minimum. params: path, limit */
  'tooSmall',
  /** Text longer than allowed. params: path, limit (characters) */
  'tooLong',
  /** A list with more items than allowed. params: path, limit */
  'tooManyItems',
  /** A list with fewer items than needed. params: path, limit */
  'tooFewItems',
  /** Text that must not be empty. params: path */
  'empty',
  /** A required field that is not there. params: path */
  'missing',
  /** A value of the wrong kind (text for a number...). params: path, expected (a JSON type name) */
  'wrongType',
  /** A value outside a fixed set. params: path, values */
  'notOneOf',
  /** Fields the scenario format does not have. params: path, fields */
  'unknownFields',
  /** Text that does not follow its pattern (an event type, a topic name). params: path */
  'badFormat',
  /** Text shorter than needed. params: path, limit (characters) */
  'tooShort',
  /** A node id used twice. params: path, value */
  'duplicateId',
  /** Two topics with one name. params: path, value */
  'duplicateTopic',
  /** An arrow to a node that is not there. params: path, value (the missing id) */
  'unknownNode',
  /** Anything else the schema refuses. params: path */
  'other',
] as const;
export type ReadIssueCode = (typeof READ_ISSUE_CODES)[number];

/** The first thing wrong with an input, as data. `path` is where in the file, e.g. "nodes[2].props.partitions". */
export interface ReadIssue {
  code: ReadIssueCode;
  params: { path: string; limit?: number; expected?: string; values?: string; fields?: string; value?: string };
}

/** One zod issue as a ReadIssue (the English of SHORT_MESSAGES stays the technical detail). */
export function readIssueOf(issue: z.core.$ZodIssue): ReadIssue {
  // A path is technical text, kept as written in the file; the whole document is "scenario".
  const path = issue.path.length === 0 ? 'scenario' : formatPath(issue.path);
  switch (issue.code) {
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'tooLong', params: { path, limit } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooManyItems', params: { path, limit } };
      return { code: 'tooBig', params: { path, limit } };
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return limit <= 1 ? { code: 'empty', params: { path } } : { code: 'tooShort', params: { path, limit } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFewItems', params: { path, limit } };
      return { code: 'tooSmall', params: { path, limit } };
    }
    case 'invalid_type':
      return issue.input === undefined ? { code: 'missing', params: { path } } : { code: 'wrongType', params: { path, expected: issue.expected } };
    case 'invalid_value':
      return { code: 'notOneOf', params: { path, values: issue.values.map(show).join(', ') } };
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      const branches = (issue as { errors?: readonly (readonly z.core.$ZodIssue[])[] }).errors ?? [];
      const values = Array.isArray(options) ? options : branches.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])));
      return values.length > 0 ? { code: 'notOneOf', params: { path, values: values.map(show).join(', ') } } : { code: 'other', params: { path } };
    }
    case 'unrecognized_keys':
      return { code: 'unknownFields', params: { path, fields: issue.keys.join(', ') } };
    case 'invalid_format':
      return { code: 'badFormat', params: { path } };
    case 'custom': {
      // The schema's own rules (schema.ts) name their issue in params.
      const rule = issue.params as { issue?: unknown; value?: unknown } | undefined;
      const code = RULE_CODES.find((c) => c === rule?.issue);
      return code ? { code, params: { path, value: String(rule?.value ?? '') } } : { code: 'other', params: { path } };
    }
    default:
      return { code: 'other', params: { path } };
  }
}

const RULE_CODES = ['duplicateId', 'duplicateTopic', 'unknownNode'] as const satisfies readonly ReadIssueCode[];

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));
