import { en, type MessageKey } from './en';
import { th } from './th';

export type { MessageKey } from './en';

export type Lang = 'en' | 'th';
export const LANGS: readonly Lang[] = ['en', 'th'];

/** localStorage key under which the learner's language choice is remembered. */
export const LANG_STORAGE_KEY = 'kafe.lang';

const messages: Record<Lang, Record<MessageKey, string>> = { en, th };

/** The UI string for `key` in `lang`; falls back to English if a translation is empty. */
export function t(lang: Lang, key: MessageKey): string {
  return messages[lang][key] || en[key];
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'th';
}
