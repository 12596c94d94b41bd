/** The course index the build makes from the lesson files (scripts/lesson-index.ts, run by vite.config.ts). */
declare module 'virtual:kafe-lesson-index' {
  const index: import('../../lessons').CourseIndex;
  export default index;
}
