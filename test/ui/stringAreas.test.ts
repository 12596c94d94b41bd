import { beforeAll, expect, test } from 'vitest';
import { createI18n, loadLang, registerArea } from '../../src/i18n';
import { enCore } from '../../src/i18n/en/core';
import { LESSON_STRINGS } from '../../src/ui/lesson/strings';
import { COMPARE_STRINGS } from '../../src/ui/compare/strings';

// Thai is a chunk of its own in the app (loadLang).
beforeAll(() => loadLang('th'));

test('lazy areas are not in the first-paint strings, and are available in both languages once registered', () => {
  const i18n = createI18n('th');
  expect(Object.keys(enCore).some((k) => k.startsWith('compare.') || k.startsWith('lessons.complete'))).toBe(false);
  expect(i18n.exists('lessons.check')).toBe(false);
  registerArea(i18n, LESSON_STRINGS);
  registerArea(i18n, COMPARE_STRINGS);
  registerArea(i18n, LESSON_STRINGS);
  expect(i18n.t('lessons.check')).toBe(LESSON_STRINGS.th['lessons.check']);
  expect(i18n.getFixedT('en')('compare.title')).toBe(COMPARE_STRINGS.en['compare.title']);
});
