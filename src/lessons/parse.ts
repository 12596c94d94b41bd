import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

import type { LessonProblem } from './problem';

/**
 * Reads the two halves of a lesson file — YAML frontmatter between `---` lines, then a Markdown
 * body — and reports every problem as `file:line: what is wrong` (problem.ts), so a lesson author
 * (or CI) can go straight to the mistake.
 */
export { formatProblem, type LessonProblem } from './problem';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: LessonProblem[] };

/** Translatable text of one step. */
export interface StepText {
  body: string;
  hint?: string;
  predict?: { question: string; choices: string[] };
  explanation?: string;
}

/** Translatable text of a lesson: everything shown to the learner except the title. */
export interface LessonText {
  intro: string;
  steps: Record<string, StepText>;
  summary: string;
}

/** Sections named by a level-3 heading inside a step; anything else is part of the step's text. */
const STEP_PARTS = { Hint: 'hint', Predict: 'predict', Explanation: 'explanation' } as const;
export const SUMMARY_SECTION = 'summary';

/**
 * Validates the frontmatter with `schema`. zod's issue paths are mapped back to the YAML node
 * they point at, so a wrong value is reported on its own line.
 */
export function parseLessonFile<S extends z.ZodType>(file: string, source: string, schema: S): Parsed<{ meta: z.infer<S>; text: LessonText }> {
  const text = source.replace(/\r\n?/g, '\n');
  const open = /^---\n/.exec(text);
  const close = open ? /\n---[ \t]*(\n|$)/.exec(text.slice(4)) : null;
  if (!open || !close) return fail(file, 1, 'a lesson starts with YAML frontmatter between two "---" lines');
  const yamlText = text.slice(4, 4 + close.index + 1);
  const bodyStart = 4 + close.index + close[0].length;
  const bodyFirstLine = text.slice(0, bodyStart).split('\n').length;

  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line + 1; // +1: the opening "---"
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => ({ file, line: lineAt(e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` })) };

  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      problems: specificIssues(parsed.error.issues).map((issue) => ({ file, line: lineOfPath(doc, issue.path, lineAt), message: `${pathText(issue.path)}: ${issue.message}` })),
    };
  }
  const body = parseBody(file, text.slice(bodyStart), bodyFirstLine);
  if (!body.ok) return body;
  return { ok: true, value: { meta: parsed.data, text: body.value } };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * Zod reports a value that fits no branch of a union (a scenario is a template OR an inline
 * canvas) as one "Invalid input". The author meant the branch that got furthest, so report that
 * branch's own issues (the ones with the deepest path), e.g. "nodes[0].position.y: expected
 * number" instead of "scenario: Invalid input".
 */
function specificIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !issue.errors || issue.errors.length === 0) return [issue];
    const depth = (branch: Issue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    if (depth(best) === 0) return [issue];
    return specificIssues(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

/** The line of the deepest YAML node on `path` that exists (a missing key points at its parent). */
function lineOfPath(doc: ReturnType<typeof parseDocument>, path: readonly PropertyKey[], lineAt: (offset: number) => number): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return 1;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.length === 0 ? 'frontmatter' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/**
 * Splits the Markdown body at `## <section>` headings (outside code fences): text before the
 * first heading is the intro, `## summary` is what the learner takes away, every other section is
 * a step named by its id. Inside a step, `### Hint`, `### Predict` and `### Explanation` are
 * pulled out; a Predict section is a question followed by a bullet list of choices.
 */
export function parseBody(file: string, body: string, firstLine: number): Parsed<LessonText> {
  const problems: LessonProblem[] = [];
  const sections: { id: string; line: number; lines: string[] }[] = [{ id: '', line: firstLine, lines: [] }];
  let fenced = false;
  body.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const id = heading[1];
      if (sections.some((s) => s.id === id)) problems.push({ file, line: firstLine + i, message: `section "## ${id}" appears twice` });
      sections.push({ id, line: firstLine + i, lines: [] });
    } else sections[sections.length - 1].lines.push(line);
  });

  const text: LessonText = { intro: sections[0].lines.join('\n').trim(), steps: {}, summary: '' };
  for (const section of sections.slice(1)) {
    if (section.id === SUMMARY_SECTION) text.summary = section.lines.join('\n').trim();
    else {
      const step = parseStep(file, section.line, section.lines);
      if (step.ok) text.steps[section.id] = step.value;
      else problems.push(...step.problems);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: text };
}

function parseStep(file: string, line: number, lines: string[]): Parsed<StepText> {
  const parts: Record<string, string[]> = { body: [] };
  const partLine: Record<string, number> = {};
  let current = 'body';
  let fenced = false;
  lines.forEach((l, i) => {
    if (/^\s*(```|~~~)/.test(l)) fenced = !fenced;
    const heading = !fenced && /^###\s+(.+?)\s*$/.exec(l);
    const part = heading ? STEP_PARTS[heading[1] as keyof typeof STEP_PARTS] : undefined;
    if (part) {
      current = part;
      parts[part] = [];
      partLine[part] = line + 1 + i;
    } else parts[current].push(l);
  });
  const joined = (k: string) => parts[k]?.join('\n').trim();
  const step: StepText = { body: joined('body') };
  if (!step.body) return fail(file, line, 'a step needs some text before its ### sections');
  if (parts.hint) step.hint = joined('hint');
  if (parts.explanation) step.explanation = joined('explanation');
  if (parts.predict) {
    // The question is everything before the first bullet; a choice runs on over the lines that
    // follow its bullet (Markdown continuation lines) until the next bullet.
    const bullet = /^\s*[-*]\s+/;
    const first = parts.predict.findIndex((l) => bullet.test(l));
    const question = (first < 0 ? parts.predict : parts.predict.slice(0, first)).join('\n').trim();
    const choices: string[] = [];
    for (const l of first < 0 ? [] : parts.predict.slice(first)) {
      if (bullet.test(l)) choices.push(l.replace(bullet, '').trim());
      else if (l.trim() !== '') choices[choices.length - 1] += ` ${l.trim()}`;
    }
    if (!question || choices.length < 2) return fail(file, partLine.predict, '"### Predict" needs a question and a bullet list of at least two choices');
    step.predict = { question, choices };
  }
  return { ok: true, value: step };
}

const fail = <T>(file: string, line: number, message: string): Parsed<T> => ({ ok: false, problems: [{ file, line, message }] });
