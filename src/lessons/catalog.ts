import type { Scenario } from '../scenario';
import { lessonFrontmatter, translationFrontmatter, type LessonFrontmatter } from './format';
import { parseLessonFile, SUMMARY_SECTION, type LessonProblem, type LessonText } from './parse';
import type { MapLesson } from './levelMap';
import { PARTS } from './parts';
import { lessonStartScenario } from './scenario';
import { mergeText, translationGaps, type TranslationGap } from './translation';

/** Languages lessons may be translated into, beside the English originals. */
export const LESSON_LANGS = ['th'] as const;
export type LessonLang = 'en' | (typeof LESSON_LANGS)[number];

export interface Lesson {
  id: string;
  order: number;
  file: string;
  meta: LessonFrontmatter;
  /** The canvas the lesson opens with. */
  start: Scenario;
  english: { title: string; text: LessonText };
  translations: Partial<Record<LessonLang, { file: string; title: string; text: LessonText; translated: Record<string, string> }>>;
}

export interface Course {
  lessons: Lesson[];
  /** Lessons (or translations) that could not be read, each problem as file:line: message. */
  problems: LessonProblem[];
}

/**
 * Builds the course from lesson files: `lessons/NN-slug.md` (English) and `lessons/<lang>/NN-slug.md`
 * (translations), given as path → text. A lesson with problems is left out and its problems
 * listed; the others still load, so one broken file never takes the whole course down.
 */
export function loadCourse(files: Record<string, string>): Course {
  const problems: LessonProblem[] = [];
  const lessons: Lesson[] = [];
  const entries = Object.entries(files).sort(([a], [b]) => a.localeCompare(b));
  const langOf = (path: string) => LESSON_LANGS.find((lang) => path.includes(`/${lang}/`));

  for (const [file, source] of entries.filter(([path]) => !langOf(path))) {
    const parsed = parseLessonFile(file, source, lessonFrontmatter);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { meta, text } = parsed.value;
    const own = crossCheck(file, meta, text);
    const start = lessonStartScenario(meta.scenario);
    if (!start.ok) own.push({ file, line: 1, message: `scenario: ${start.error}` });
    if (lessons.some((l) => l.id === meta.id)) own.push({ file, line: 1, message: `another lesson already has the id "${meta.id}"` });
    if (own.length > 0 || !start.ok) {
      problems.push(...own);
      continue;
    }
    lessons.push({ id: meta.id, order: meta.order, file, meta, start: start.value, english: { title: meta.title, text }, translations: {} });
  }

  for (const [file, source] of entries.filter(([path]) => langOf(path))) {
    const parsed = parseLessonFile(file, source, translationFrontmatter);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const lesson = lessons.find((l) => l.id === parsed.value.meta.id);
    if (!lesson) {
      problems.push({ file, line: 1, message: `no English lesson has the id "${parsed.value.meta.id}"` });
      continue;
    }
    lesson.translations[langOf(file)!] = { file, title: parsed.value.meta.title, text: parsed.value.text, translated: parsed.value.meta.translated };
  }
  lessons.sort(courseOrder);
  return { lessons, problems };
}

/** What the level map reads of a lesson (levelMap.ts). */
export const mapLessonOf = (l: Lesson): MapLesson => ({ id: l.id, part: l.meta.part, difficulty: l.meta.difficulty, challenge: l.meta.challenge });

/**
 * The order a learner meets lessons in (the level map's, and "Next lesson"'s): by part, a part's
 * challenge after its lessons, then by `order`.
 */
function courseOrder(a: Lesson, b: Lesson): number {
  return PARTS.indexOf(a.meta.part) - PARTS.indexOf(b.meta.part) || Number(a.meta.challenge) - Number(b.meta.challenge) || a.order - b.order || a.id.localeCompare(b.id);
}

/** The frontmatter and the body must describe the same steps. */
function crossCheck(file: string, meta: LessonFrontmatter, text: LessonText): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const ids = meta.steps.map((s) => s.id);
  for (const [i, id] of ids.entries()) if (ids.indexOf(id) !== i) problems.push({ file, line: 1, message: `step id "${id}" is used twice` });
  for (const step of meta.steps) {
    const body = text.steps[step.id];
    if (!body) problems.push({ file, line: 1, message: `step "${step.id}" has no "## ${step.id}" section in the body` });
    else if (step.predict !== undefined && !body.predict) problems.push({ file, line: 1, message: `step "${step.id}" has predict: ${step.predict} but no "### Predict" section` });
    else if (step.predict === undefined && body.predict) problems.push({ file, line: 1, message: `step "${step.id}" has a "### Predict" section but no predict: answer in the frontmatter` });
    else if (step.predict !== undefined && body.predict && step.predict >= body.predict.choices.length)
      problems.push({ file, line: 1, message: `step "${step.id}": predict: ${step.predict} but there are only ${body.predict.choices.length} choices (the first is 0)` });
  }
  for (const id of Object.keys(text.steps)) if (!ids.includes(id)) problems.push({ file, line: 1, message: `section "## ${id}" is not a step in the frontmatter (steps: ${ids.join(', ')}; or "## ${SUMMARY_SECTION}")` });
  if (!text.summary) problems.push({ file, line: 1, message: `a lesson ends with a "## ${SUMMARY_SECTION}" section: what the learner takes away` });
  return problems;
}

/** Title and text in `lang`, section by section falling back to English. */
export function lessonIn(lesson: Lesson, lang: LessonLang): { title: string; text: LessonText } {
  const t = lang === 'en' ? undefined : lesson.translations[lang];
  return t ? { title: t.title || lesson.english.title, text: mergeText(lesson.english.text, t.text) } : lesson.english;
}

/** Every missing or stale translated section across the course. */
export function courseTranslationGaps(course: Course, lang: Exclude<LessonLang, 'en'>): TranslationGap[] {
  return course.lessons.flatMap((l) => translationGaps(l.id, l.english, l.translations[lang]));
}

