export { parsePageLink, parseStepRange, parseStepRef, resolveLessonLink, type LinkProblem, type PageLink, type ResolvedLesson, type StepRange, type StepRef } from './pageLink';
export { appUrlOf, embedSnippet, fullAppLink, lessonLink, scenarioLink, type LessonLinkOptions } from './buildLink';
