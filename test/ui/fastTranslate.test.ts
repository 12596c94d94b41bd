import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { createI18n, loadLang, registerArea, switchLanguage, useT, type MessageKey } from '../../src/i18n';
import { fastTranslate } from '../../src/i18n/useT';
import { ASYNCAPI_STRINGS } from '../../src/ui/asyncapi/strings';
import { COMPARE_STRINGS } from '../../src/ui/compare/strings';
import { EXPORT_STRINGS } from '../../src/ui/export/strings';
import { LESSON_STRINGS } from '../../src/ui/lesson/strings';

// useT reads plain strings straight from i18next's store (a first-load saving); it must return
// exactly what i18next's own `t` returns, for every key, in both languages, with or without vars.
const AREAS = [ASYNCAPI_STRINGS, COMPARE_STRINGS, EXPORT_STRINGS, LESSON_STRINGS];

async function everything(lang: 'en' | 'th') {
  await loadLang('th');
  const i18n = createI18n('en');
  for (const area of AREAS) registerArea(i18n, area);
  await switchLanguage(i18n, lang);
  const keys = Object.keys(i18n.store.data.en.translation) as MessageKey[];
  return { i18n, keys };
}

describe('useT gives what i18next gives', () => {
  test.each(['en', 'th'] as const)('every key in %s, without and with vars', async (lang) => {
    const { i18n, keys } = await everything(lang);
    expect(keys.length).toBeGreaterThan(500);
    const fast = fastTranslate(i18n, lang);
    const vars = { name: 'orders', count: 3, n: 2, value: 'x' };
    for (const key of keys) {
      expect(fast(key), key).toBe(i18n.t(key));
      expect(fast(key, vars), key).toBe(i18n.t(key, vars));
    }
  });

  test.each(['en', 'th'] as const)('every key in %s with its own placeholders filled (no count): values, null, "$&", a var left out', async (lang) => {
    const { i18n, keys } = await everything(lang);
    const fast = fastTranslate(i18n, lang);
    let withVars = 0;
    for (const key of keys) {
      const names = [...String(i18n.t(key)).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((n) => n !== 'count');
      if (names.length === 0) continue;
      withVars++;
      const full = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i : `v$&${n}`]));
      expect(fast(key, full), key).toBe(i18n.t(key, full));
      const oneLeftOut = Object.fromEntries(names.slice(1).map((n) => [n, 0]));
      expect(fast(key, oneLeftOut), key).toBe(i18n.t(key, oneLeftOut));
      const nulls = Object.fromEntries(names.map((n) => [n, null])) as unknown as Record<string, string>;
      expect(fast(key, nulls), key).toBe(i18n.t(key, nulls));
    }
    expect(withVars).toBeGreaterThan(50);
  });

  test('formats, unescaped and nested placeholders, and i18next options still go through i18next', async () => {
    const { i18n } = await everything('en');
    i18n.addResource('en', 'translation', 'fmt', 'A {{n, number}} B {{- raw}} C {{a.b}} D {{x}}');
    const fast = fastTranslate(i18n, 'en');
    const vars = { n: 1200, raw: '<b>', x: 'y', a: 'z' } as Record<string, string | number>;
    expect(fast('fmt' as MessageKey, vars)).toBe(i18n.t('fmt', vars));
    expect(fast('toolbar.arrange', { defaultValue: 'd' } as Record<string, string>)).toBe(i18n.t('toolbar.arrange', { defaultValue: 'd' }));
  });

  test('a key missing in Thai shows English; an unknown key shows the key, as i18next does', async () => {
    const { i18n } = await everything('th');
    i18n.addResource('en', 'translation', 'only.english', 'Only English');
    i18n.addResource('en', 'translation', 'only.english.vars', 'Hi {{name}}');
    i18n.addResource('th', 'translation', 'th.vars', 'สวัสดี {{name}}');
    const fast = fastTranslate(i18n, 'th');
    expect(fast('only.english' as MessageKey)).toBe('Only English');
    expect(fast('only.english.vars' as MessageKey, { name: 'Ann' })).toBe('Hi Ann');
    expect(fast('th.vars' as MessageKey)).toBe(i18n.t('th.vars'));
    expect(fast('th.vars' as MessageKey, { name: 'Ann' })).toBe('สวัสดี Ann');
    expect(fast('no.such.key' as MessageKey)).toBe(i18n.t('no.such.key'));
  });

  test('a component renders in the language the instance has now', async () => {
    const { i18n } = await everything('en');
    const Label = () => createElement('span', null, useT().t('toolbar.arrange'));
    const html = () => renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Label)));
    const english = html();
    await switchLanguage(i18n, 'th');
    expect(html()).not.toBe(english);
    expect(html()).toBe(`<span>${i18n.t('toolbar.arrange')}</span>`);
  });
});
