/**
 * Prints, for each English lesson, the `translated:` block a translation should carry, and for
 * each existing translation which sections are missing or stale.
 *
 *   npm run lessons:hashes            all lessons
 *   npm run lessons:hashes cafe-gossip
 */
import { courseTranslationGaps, expectedHashes, formatProblem, LESSON_LANGS } from '../src/lessons';
import { course } from '../test/lessons/course';

const only = process.argv[2];
const c = course();
for (const p of c.problems) console.error(formatProblem(p));
for (const lesson of c.lessons) {
  if (only && lesson.id !== only) continue;
  console.log(`# ${lesson.file}\ntranslated:`);
  for (const [section, hash] of Object.entries(expectedHashes(lesson.english.title, lesson.english.text))) console.log(`  ${section}: '${hash}'`);
}
for (const lang of LESSON_LANGS) for (const gap of courseTranslationGaps(c, lang)) if (!only || gap.lesson === only) console.log(`${lang}: ${gap.lesson} ${gap.section}: ${gap.kind}`);
