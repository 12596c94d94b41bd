/**
 * A problem in a lesson file, where it is and what is wrong. Its own module (no parser here), so
 * the course list can show problems without loading YAML.
 */
export interface LessonProblem {
  file: string;
  line: number;
  message: string;
}

export const formatProblem = (p: LessonProblem) => `${p.file}:${p.line}: ${p.message}`;
