import { expect, test } from 'vitest';
import { courseTranslationGaps, lessonIn, loadCourse, translationGaps } from '../../src/lessons';
import { course, lessonFiles } from './course';

test('every lesson is translated into Thai, and no Thai section is stale (run `npm run lessons:hashes` to see what changed)', () => {
  const gaps = courseTranslationGaps(course(), 'th').map((g) => `${g.lesson} ${g.section}: ${g.kind}`);
  expect(gaps).toEqual([]);
});

test('a Thai lesson shows Thai text, with the same steps and predictions as the English', () => {
  const lesson = course().lessons.find((l) => l.id === 'cafe-gossip')!;
  const th = lessonIn(lesson, 'th');
  expect(th.title).toMatch(/[\u0E00-\u0E7F]/);
  for (const step of lesson.meta.steps) {
    expect(th.text.steps[step.id].body).toMatch(/[\u0E00-\u0E7F]/);
    expect(th.text.steps[step.id].predict?.choices.length).toBe(lesson.english.text.steps[step.id].predict?.choices.length);
  }
});

test('editing the English text of a step makes exactly that Thai section stale', () => {
  const files = lessonFiles();
  const path = 'lessons/01-cafe-gossip.md';
  files[path] = files[path].replace('Now **you** start listening.', 'Now **you** start to listen.');
  const lesson = loadCourse(files).lessons.find((l) => l.id === 'cafe-gossip')!;
  expect(translationGaps(lesson.id, lesson.english, lesson.translations.th)).toEqual([{ lesson: 'cafe-gossip', section: 'start-listening', kind: 'stale' }]);
});

test('a missing Thai step is listed as missing, and the English text is shown for it', () => {
  const files = lessonFiles();
  const path = 'lessons/th/01-cafe-gossip.md';
  files[path] = files[path].replace(/## split-the-work[\s\S]*?(?=## summary)/, '');
  const lesson = loadCourse(files).lessons.find((l) => l.id === 'cafe-gossip')!;
  expect(translationGaps(lesson.id, lesson.english, lesson.translations.th)).toContainEqual({ lesson: 'cafe-gossip', section: 'split-the-work', kind: 'missing' });
  expect(lessonIn(lesson, 'th').text.steps['split-the-work'].body).toBe(lesson.english.text.steps['split-the-work'].body);
});
