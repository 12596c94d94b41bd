import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStorage } from './appStorage';
import { LANG_STORAGE_KEY, isLang, type Lang } from '../../i18n';

/**
 * The learner's UI language, remembered in localStorage under `kafe.lang`. Storage can be
 * unavailable (private windows, blocked cookies); then the choice simply lasts for the session.
 * Keeps `<html lang>` in step so screen readers and font selection follow the language.
 */
export function useLang(): [Lang, (lang: Lang) => void] {
  const { i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      void i18n.changeLanguage(next);
      try {
        appStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // Storage unavailable: keep the choice in memory only.
      }
    },
    [i18n],
  );

  return [lang, setLang];
}

export function readStoredLang(): Lang {
  try {
    const stored = appStorage.getItem(LANG_STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage unavailable: fall through to the default.
  }
  return 'en';
}
