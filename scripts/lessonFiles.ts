import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, loadCourse } from '../src/lessons';

/** Every lesson file under `dir` (English and translations), as "lessons/…" path → text. */
export function readLessonFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, 'lessons'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    out[rel] = readFileSync(path.join(root, rel), 'utf8');
  }
  return out;
}

/** Prints every problem of the course as file:line: message; returns how many there were. */
export function reportLessonProblems(root: string): number {
  const problems = loadCourse(readLessonFiles(root)).problems;
  for (const p of problems) console.error(formatProblem(p));
  return problems.length;
}
