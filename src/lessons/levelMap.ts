import type { Difficulty, PartId } from './parts';
import { PARTS } from './parts';

/** What the level map needs of a lesson (a full lesson's frontmatter has it, so does the course index). */
export interface MapLesson {
  id: string;
  part: PartId;
  difficulty: Difficulty;
  challenge: boolean;
}

/** A lesson's place on the level map: "Lesson n" (numbered across the course) or its part's challenge. */
export type MapLabel = { kind: 'lesson'; n: number } | { kind: 'challenge'; part: number };

export interface MapEntry<L extends MapLesson = MapLesson> {
  lesson: L;
  label: MapLabel;
  completed: boolean;
}

export interface MapPart<L extends MapLesson = MapLesson> {
  id: PartId;
  /** 1-based, as shown ("Part 2"). */
  number: number;
  entries: MapEntry<L>[];
  completed: number;
}

export interface LevelMap<L extends MapLesson = MapLesson> {
  parts: MapPart<L>[];
  /** The first lesson, in course order, the learner has not completed (null when all are). */
  next: string | null;
}

/** Every lesson's label, given in course order (see catalog.ts): lessons numbered 1..n, challenges by part. */
export function mapLabels(lessons: readonly MapLesson[]): Map<string, MapLabel> {
  const labels = new Map<string, MapLabel>();
  let n = 0;
  for (const lesson of lessons) labels.set(lesson.id, lesson.challenge ? { kind: 'challenge', part: PARTS.indexOf(lesson.part) + 1 } : { kind: 'lesson', n: ++n });
  return labels;
}

/**
 * The course (its lessons in course order) as parts, each closed by its challenge, with the
 * learner's progress. Parts without lessons are left out. `completed` says whether the learner
 * finished a lesson.
 */
export function levelMap<L extends MapLesson>(lessons: readonly L[], completed: (lessonId: string) => boolean): LevelMap<L> {
  const labels = mapLabels(lessons);
  const parts: MapPart<L>[] = [];
  for (const [i, id] of PARTS.entries()) {
    const entries = lessons.filter((l) => l.part === id).map((lesson) => ({ lesson, label: labels.get(lesson.id)!, completed: completed(lesson.id) }));
    if (entries.length > 0) parts.push({ id, number: i + 1, entries, completed: entries.filter((e) => e.completed).length });
  }
  return { parts, next: lessons.find((l) => !completed(l.id))?.id ?? null };
}
