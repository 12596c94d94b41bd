/**
 * The parameters a Kafé address may carry after "#", besides a shared scenario (s=…, read by
 * src/scenario's codec):
 *
 *   #lesson=<lesson id>&step=<step number from 1, or step id>   open a lesson at a step
 *   &lang=en|th                                                  the language to show it in
 *   &embed=1                                                     embed mode (iframe on a blog, wiki or course)
 *   &steps=2-4 (or steps=3)                                      with embed: only these steps, numbered from 1
 *
 * Pure string work with no knowledge of which lessons exist: `resolveLessonLink` checks a parsed
 * link against one lesson's step ids. Problems are codes the UI translates, never thrown.
 */

/** A step named by its number (1 = the first step, as a teacher would say it) or by its id. */
export type StepRef = { kind: 'number'; n: number } | { kind: 'id'; id: string };

export interface StepRange {
  /** First and last step, numbered from 1, inclusive. */
  from: number;
  to: number;
}

export type LinkProblem =
  | { code: 'badStep'; value: string }
  | { code: 'badSteps'; value: string }
  | { code: 'badLang'; value: string }
  | { code: 'stepWithoutLesson' }
  | { code: 'unknownLesson'; id: string }
  | { code: 'unknownStep'; value: string }
  | { code: 'stepsOutOfRange'; value: string };

export interface PageLink {
  lesson: { id: string; step: StepRef | null } | null;
  lang: string | null;
  embed: boolean;
  steps: StepRange | null;
  /** The address also holds a shared scenario (s=…). */
  scenario: boolean;
  problems: LinkProblem[];
}

/** The longest lesson id or step id a link may name; anything longer is not a Kafé link. */
const MAX_ID = 80;
const ID = /^[a-z0-9][a-z0-9-]*$/i;
const NUMBER = /^[1-9][0-9]{0,3}$/;

/** Reads the fragment part of an address ("#lesson=…" or "lesson=…"). Unknown parameters are ignored. */
export function parsePageLink(hash: string, langs: readonly string[] = ['en', 'th']): PageLink {
  const params = readParams(hash);
  const problems: LinkProblem[] = [];
  const link: PageLink = { lesson: null, lang: null, embed: false, steps: null, scenario: params.has('s'), problems };

  const lessonId = params.get('lesson');
  const step = params.get('step');
  if (lessonId !== undefined && lessonId !== '') {
    link.lesson = { id: lessonId, step: null };
    if (step !== undefined && step !== '') {
      const ref = parseStepRef(step);
      if (ref) link.lesson.step = ref;
      else problems.push({ code: 'badStep', value: step });
    }
  } else if (step !== undefined) {
    problems.push({ code: 'stepWithoutLesson' });
  }

  const lang = params.get('lang');
  if (lang !== undefined) {
    if (langs.includes(lang)) link.lang = lang;
    else problems.push({ code: 'badLang', value: lang });
  }

  const embed = params.get('embed');
  link.embed = embed !== undefined && embed !== '0' && embed !== 'false';

  const steps = params.get('steps');
  if (steps !== undefined) {
    const range = parseStepRange(steps);
    if (range) link.steps = range;
    else problems.push({ code: 'badSteps', value: steps });
  }
  return link;
}

export function parseStepRef(text: string): StepRef | null {
  if (NUMBER.test(text)) return { kind: 'number', n: Number(text) };
  // All digits but not 1..9999 (e.g. "0"): a number out of range, never an id.
  if (/^[0-9]+$/.test(text)) return null;
  if (text.length <= MAX_ID && ID.test(text)) return { kind: 'id', id: text };
  return null;
}

/** "2-4" → steps 2 to 4; "3" → step 3 only. Numbers from 1; the first may not exceed the last. */
export function parseStepRange(text: string): StepRange | null {
  const match = /^([1-9][0-9]{0,3})(?:-([1-9][0-9]{0,3}))?$/.exec(text.trim());
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to ? { from, to } : null;
}

export interface ResolvedLesson {
  /** Index (from 0) of the step to open. */
  index: number;
  /** Indexes (from 0, inclusive) the learner may move between; the whole lesson when not locked. */
  first: number;
  last: number;
}

/**
 * Checks a parsed lesson link against the lesson's step ids. A missing step means the first step
 * of the range (or of the lesson); a step outside a locked range is a problem, as is a range
 * that goes past the lesson's last step.
 */
export function resolveLessonLink(stepIds: readonly string[], step: StepRef | null, steps: StepRange | null): { ok: true; value: ResolvedLesson } | { ok: false; problem: LinkProblem } {
  const count = stepIds.length;
  let first = 0;
  let last = count - 1;
  if (steps) {
    if (steps.to > count) return { ok: false, problem: { code: 'stepsOutOfRange', value: `${steps.from}-${steps.to}` } };
    first = steps.from - 1;
    last = steps.to - 1;
  }
  if (step === null) return { ok: true, value: { index: first, first, last } };
  const index = step.kind === 'number' ? step.n - 1 : stepIds.indexOf(step.id);
  const value = step.kind === 'number' ? String(step.n) : step.id;
  if (index < 0 || index >= count) return { ok: false, problem: { code: 'unknownStep', value } };
  if (index < first || index > last) return { ok: false, problem: { code: 'stepsOutOfRange', value } };
  return { ok: true, value: { index, first, last } };
}

/** The fragment's parameters, split on "&" and the first "=" (not URLSearchParams: "+" stays "+"). */
function readParams(hash: string): Map<string, string> {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new Map<string, string>();
  for (const part of fragment.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let value = eq < 0 ? '' : part.slice(eq + 1);
    if (key !== 's' && value.includes('%')) {
      try {
        value = decodeURIComponent(value);
      } catch {
        // left as it is; the checks below refuse it
      }
    }
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}
