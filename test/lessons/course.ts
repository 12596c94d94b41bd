import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/lessons';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every lesson file, as the app's loader sees them: "lessons/…" path → text. */
export function lessonFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(path.join(ROOT, 'lessons'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const rel = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    out[rel] = readFileSync(path.join(ROOT, rel), 'utf8');
  }
  return out;
}

export const course = () => loadCourse(lessonFiles());
