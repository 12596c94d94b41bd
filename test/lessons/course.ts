import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLessonFiles } from '../../scripts/lessonFiles';
import { loadCourse } from '../../src/lessons';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every lesson file, as the app's loader sees them: "lessons/…" path → text. */
export const lessonFiles = () => readLessonFiles(ROOT);

export const course = () => loadCourse(lessonFiles());
