/**
 * Validates every lesson (frontmatter schema, goals, actions, body sections, translations' shape)
 * and fails with file:line messages. Runs before `npm run build`, so a broken lesson never ships.
 */
import { reportLessonProblems } from './lessonFiles';

const count = reportLessonProblems(process.cwd());
if (count > 0) {
  console.error(`\n${count} lesson problem${count === 1 ? '' : 's'}: fix them before building.`);
  process.exit(1);
}
