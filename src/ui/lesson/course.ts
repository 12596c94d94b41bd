import INDEX from 'virtual:kafe-lesson-index';
import type { CourseIndex, Lesson } from '../../lessons';

/**
 * The course as bundled with the app. The index (titles, step ids) is made at build time and
 * ships with the lesson panel; each lesson's files are their own chunks, fetched and parsed (YAML,
 * Markdown sections, its start canvas) only when that lesson is opened, so the first screen parses
 * no lesson at all.
 */
export const bundledIndex = (): CourseIndex => INDEX;

const files = import.meta.glob<string>('/lessons/**/*.md', { query: '?raw', import: 'default' });

const loading = new Map<string, Promise<Lesson>>();

/**
 * The lesson with this id, read from its files. Rejects with an Error saying what went wrong (a
 * chunk that could not be fetched, a lesson the index does not know); a failed load is forgotten,
 * so trying again fetches again.
 */
export function loadLesson(id: string): Promise<Lesson> {
  let lesson = loading.get(id);
  if (!lesson) {
    lesson = readLesson(id);
    loading.set(id, lesson);
    lesson.catch(() => loading.delete(id));
  }
  return lesson;
}

async function readLesson(id: string): Promise<Lesson> {
  const entry = INDEX.lessons.find((l) => l.id === id);
  if (!entry) throw new Error(`no lesson has the id "${id}"`);
  const [{ loadCourse }, texts] = await Promise.all([
    import('../../lessons/catalog'),
    Promise.all(entry.files.map(async (file) => [file, await files[`/${file}`]()] as const)),
  ]);
  const course = loadCourse(Object.fromEntries(texts));
  const lesson = course.lessons.find((l) => l.id === id);
  // The build checked every lesson (check-lessons), so this only happens to a file changed since.
  if (!lesson) throw new Error(course.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n') || `lesson "${id}" could not be read`);
  return lesson;
}
