/**
 * Guided lessons: Markdown files with YAML frontmatter (see format.ts), graded by named goals over
 * engine state (goals.ts), solved by learner actions as data (actions.ts). Imports the engine and
 * scenarios only; the store is reached through the LessonDriver interface it satisfies.
 */
export { lessonAction, lessonFrontmatter, translationFrontmatter, type GoalSpec, type LessonAction, type LessonFrontmatter, type LessonStepMeta } from './format';
export { DATABASE_STATS, GOALS, PRODUCER_STATS, SERVICE_STATS, type GoalContext, type GoalName, type GoalStat } from './goals';
export { goalHolds, goalParts } from './evaluate';
export { applyAction, goalContext, type LessonDriver } from './actions';
export { goToStepStart } from './replay';
export { loadCourse, lessonIn, mapLessonOf, courseTranslationGaps, LESSON_LANGS, type Course, type Lesson, type LessonLang } from './catalog';
export { courseIndex, entryTitle, type CourseIndex, type LessonEntry } from './lessonIndex';
export { formatProblem, parseLessonFile, type LessonProblem, type LessonText, type StepText } from './parse';
export { expectedHashes, sectionHash, translationGaps, type TranslationGap } from './translation';
export { lessonStartScenario } from './scenario';
export { DIFFICULTIES, PARTS, type Difficulty, type PartId } from './parts';
export { levelMap, mapLabels, type LevelMap, type MapEntry, type MapLabel, type MapLesson, type MapPart } from './levelMap';
export { PROGRESS_KEY, PROGRESS_UNREADABLE_KEY, emptyLessonProgress, emptyProgress, type LessonProgress, type Progress } from './progress';
export { parseProgress, progressSchema } from './progressSchema';
