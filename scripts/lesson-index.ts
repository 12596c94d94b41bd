/**
 * Prints the course index (src/lessons/lessonIndex.ts) as JSON: every lesson read with the app's
 * own parser, reduced to what the course list needs. vite.config.ts runs it at build time and
 * ships its output as the module `virtual:kafe-lesson-index`, so the browser parses no lesson
 * until one is opened. (A separate process: Vite's config then imports no project TypeScript.)
 *
 *   npx tsx scripts/lesson-index.ts
 */
import { courseIndex, loadCourse } from '../src/lessons';
import { readLessonFiles } from './lessonFiles';

process.stdout.write(JSON.stringify(courseIndex(loadCourse(readLessonFiles(process.cwd())))));
