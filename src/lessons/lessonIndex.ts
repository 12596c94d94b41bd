import type { Course, LessonLang } from './catalog';
import type { MapLesson } from './levelMap';
import type { LessonProblem } from './problem';

/**
 * What the course list needs of a lesson, without its text: small enough to ship with the app
 * (the build makes it from the lesson files, see scripts/lesson-index.ts), so listing the
 * course parses no YAML or Markdown. The lesson itself is read when it is opened.
 * Type imports only: this module must not pull the lesson parser into the app's first load.
 */
export interface LessonEntry extends MapLesson {
  id: string;
  order: number;
  /** Step ids in order (progress counts them; links name them). */
  steps: string[];
  /** Title per language; English always. */
  titles: { en: string } & Partial<Record<LessonLang, string>>;
  /** The lesson's files ("lessons/…"): the English original, then its translations. */
  files: string[];
}

export interface CourseIndex {
  lessons: LessonEntry[];
  problems: LessonProblem[];
}

/** The index of a course read by loadCourse: same lessons, same order, same problems. */
export function courseIndex(course: Course): CourseIndex {
  return {
    lessons: course.lessons.map((l) => ({
      id: l.id,
      order: l.order,
      part: l.meta.part,
      difficulty: l.meta.difficulty,
      challenge: l.meta.challenge,
      steps: l.meta.steps.map((s) => s.id),
      titles: { en: l.english.title, ...Object.fromEntries(Object.entries(l.translations).map(([lang, t]) => [lang, t.title || l.english.title])) },
      files: [l.file, ...Object.values(l.translations).map((t) => t.file)],
    })),
    problems: course.problems,
  };
}

/** The entry's title in `lang`, falling back to English (as lessonIn does for the full lesson). */
export const entryTitle = (entry: LessonEntry, lang: LessonLang): string => entry.titles[lang] || entry.titles.en;
