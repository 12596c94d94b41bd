import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { courseIndex, entryTitle, lessonIn } from '../../src/lessons';
import { course, ROOT } from './course';

// The course list reads this index instead of parsing every lesson on start; the index must say
// exactly what parsing the lessons says.
describe('the course index shipped with the app', () => {
  const full = course();
  const index = courseIndex(full);

  test('lists every lesson in course order, with its step ids and files', () => {
    expect(index.lessons.map((l) => l.id)).toEqual(full.lessons.map((l) => l.id));
    for (const [i, entry] of index.lessons.entries()) {
      const lesson = full.lessons[i];
      expect(entry.steps).toEqual(lesson.meta.steps.map((s) => s.id));
      expect(entry.files[0]).toBe(lesson.file);
      expect(entry.files.slice(1).sort()).toEqual(Object.values(lesson.translations).map((t) => t.file).sort());
    }
    expect(index.problems).toEqual(full.problems);
  });

  test('titles each lesson as the lesson itself does, in both languages', () => {
    for (const [i, entry] of index.lessons.entries()) {
      for (const lang of ['en', 'th'] as const) expect(entryTitle(entry, lang)).toBe(lessonIn(full.lessons[i], lang).title);
    }
  });

  test('is what the build script prints (scripts/lesson-index.ts, run by vite.config.ts)', () => {
    const printed: unknown = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/lesson-index.ts'], { cwd: ROOT, encoding: 'utf8' }));
    expect(printed).toEqual(JSON.parse(JSON.stringify(index)));
  });
});
