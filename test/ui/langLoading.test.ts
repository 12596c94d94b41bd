import { afterEach, describe, expect, test, vi } from 'vitest';
import { enCore } from '../../src/i18n/en/core';
import { thCore } from '../../src/i18n/th/core';

// Thai strings are a chunk of their own (src/i18n/index.ts, loadLang): fresh modules per test, so
// each starts with Thai not loaded.
afterEach(() => {
  vi.doUnmock('../../src/i18n/th/core');
  vi.resetModules();
});

const freshI18n = async () => {
  vi.resetModules();
  return import('../../src/i18n');
};

describe('Thai loads when it is needed', () => {
  test('before it has loaded, Thai falls back to English; switching loads it and shows it', async () => {
    const i18n = await freshI18n();
    expect(i18n.langLoaded('th')).toBe(false);
    expect(i18n.translate('th', 'app.tagline')).toBe(enCore['app.tagline']);
    const instance = i18n.createI18n('en');
    await i18n.switchLanguage(instance, 'th');
    expect(instance.language).toBe('th');
    expect(instance.t('app.tagline')).toBe(thCore['app.tagline']);
    expect(i18n.translate('th', 'app.tagline')).toBe(thCore['app.tagline']);
    expect(i18n.langLoaded('th')).toBe(true);
  });

  test('a page started in Thai gets Thai from its first render once loadLang has run', async () => {
    const i18n = await freshI18n();
    await i18n.loadLang('th');
    expect(i18n.createI18n('th').t('toolbar.arrange')).toBe(thCore['toolbar.arrange']);
  });

  test('Thai that cannot be loaded leaves the language as it was, and the next try loads it', async () => {
    vi.resetModules();
    vi.doMock('../../src/i18n/th/core', () => {
      throw new Error('failed to fetch the Thai chunk');
    });
    const i18n = await import('../../src/i18n');
    const instance = i18n.createI18n('en');
    await expect(i18n.switchLanguage(instance, 'th')).rejects.toThrow();
    expect(instance.language).toBe('en');
    vi.doUnmock('../../src/i18n/th/core');
    await i18n.switchLanguage(instance, 'th');
    expect(instance.t('app.tagline')).toBe(thCore['app.tagline']);
  });
});
