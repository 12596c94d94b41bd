import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MessageKey } from './en';
import { enCore, type CoreKey } from './en/core';

export type { MessageKey } from './en';
export type { CoreKey } from './en/core';
export { registerArea, useStringArea, type StringArea } from './areas';
export type Lang = 'en' | 'th';
export const LANGS: readonly Lang[] = ['en', 'th'];
/** localStorage key under which the learner's language choice is remembered. */
export const LANG_STORAGE_KEY = 'kafe.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'th';
}

/**
 * The Thai first-paint strings, once loaded. English ships with the app; Thai is a chunk of its
 * own (th/core.ts), fetched before the first render when the page starts in Thai, in the
 * background once the app is idle, and at the latest when the learner picks Thai (switchLanguage).
 */
let thLoaded: Readonly<Record<CoreKey, string>> | null = null;
let thLoading: Promise<void> | null = null;

/**
 * Loads the strings of `lang` (nothing to do for English). Rejects when the chunk cannot be
 * fetched; the failure is forgotten, so the next call tries again.
 */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' || thLoaded) return Promise.resolve();
  thLoading ??= import('./th/core').then(
    (m) => {
      thLoaded = m.thCore;
    },
    (e: unknown) => {
      thLoading = null;
      throw e;
    },
  );
  return thLoading;
}

/** Whether `lang`'s strings are here, so switching to it shows them at once. */
export const langLoaded = (lang: Lang): boolean => lang === 'en' || thLoaded !== null;

/**
 * One i18next instance for the app. Keys are flat ("canvas.palette.topic"), so i18next's key and
 * namespace separators are off; React escapes text, so i18next's HTML escaping is off too.
 * `{{name}}` placeholders are filled from the `vars` argument. Thai strings are included if
 * loaded (loadLang); a key missing in Thai shows in English.
 */
export function createI18n(lng: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: { ...enCore } }, th: { translation: { ...(thLoaded ?? {}) } } },
    lng,
    fallbackLng: 'en',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // i18next's advertisement in the learner's console (and in the build's output, see prerender/).
    showSupportNotice: false,
  });
  return instance;
}

/**
 * Switches `i18n` to `lang` once its strings have loaded (at once when they already have). Rejects,
 * leaving the language as it was, when they cannot be loaded.
 */
export async function switchLanguage(i18n: I18n, lang: Lang): Promise<void> {
  await loadLang(lang);
  // Merged under any lazy area's strings already added for this language (areas.ts).
  if (lang === 'th' && thLoaded) i18n.addResourceBundle('th', 'translation', thLoaded, true, false);
  await i18n.changeLanguage(lang);
}

export { useT, type Translate } from './useT';

/** Outside React: the string for a first-paint `key` in `lang`, English when missing (or Thai not loaded). */
export function translate(lang: Lang, key: CoreKey): string {
  return (lang === 'th' ? thLoaded?.[key] : enCore[key]) || enCore[key];
}
