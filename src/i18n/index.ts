import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { MessageKey } from './en';
import { enCore, type CoreKey } from './en/core';
import { thCore } from './th/core';

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
 * One i18next instance for the app. Keys are flat ("canvas.palette.topic"), so i18next's key and
 * namespace separators are off; React escapes text, so i18next's HTML escaping is off too.
 * `{{name}}` placeholders are filled from the `vars` argument.
 */
export function createI18n(lng: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: { ...enCore } }, th: { translation: { ...thCore } } },
    lng,
    fallbackLng: 'en',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translate function for the current language, typed by message key. */
export function useT(): { t: Translate; lang: Lang } {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as Translate, lang: isLang(i18n.language) ? i18n.language : 'en' };
}

/** Outside React: the string for a first-paint `key` in `lang`, English when missing. */
export function translate(lang: Lang, key: CoreKey): string {
  return (lang === 'th' ? thCore[key] : enCore[key]) || enCore[key];
}
