import type { Course, Lesson } from './catalog';
import { PARTS, type PartId } from './parts';

/** A lesson's place on the level map: "Lesson n" (numbered across the course) or its part's challenge. */
export type MapLabel = { kind: 'lesson'; n: number } | { kind: 'challenge'; part: number };

export interface MapEntry {
  lesson: Lesson;
  label: MapLabel;
  completed: boolean;
}

export interface MapPart {
  id: PartId;
  /** 1-based, as shown ("Part 2"). */
  number: number;
  entries: MapEntry[];
  completed: number;
}

export interface LevelMap {
  parts: MapPart[];
  /** The first lesson, in course order, the learner has not completed (null when all are). */
  next: string | null;
}

/** Every lesson's label, in course order (see catalog.ts): lessons numbered 1..n, challenges by part. */
export function mapLabels(course: Course): Map<string, MapLabel> {
  const labels = new Map<string, MapLabel>();
  let n = 0;
  for (const lesson of course.lessons) labels.set(lesson.id, lesson.meta.challenge ? { kind: 'challenge', part: PARTS.indexOf(lesson.meta.part) + 1 } : { kind: 'lesson', n: ++n });
  return labels;
}

/**
 * The course as parts of lessons, each part closed by its challenge, with the learner's progress.
 * Parts without lessons are left out. `completed` says whether the learner finished a lesson.
 */
export function levelMap(course: Course, completed: (lessonId: string) => boolean): LevelMap {
  const labels = mapLabels(course);
  const parts: MapPart[] = [];
  for (const [i, id] of PARTS.entries()) {
    const entries = course.lessons.filter((l) => l.meta.part === id).map((lesson) => ({ lesson, label: labels.get(lesson.id)!, completed: completed(lesson.id) }));
    if (entries.length > 0) parts.push({ id, number: i + 1, entries, completed: entries.filter((e) => e.completed).length });
  }
  return { parts, next: course.lessons.find((l) => !completed(l.id))?.id ?? null };
}
