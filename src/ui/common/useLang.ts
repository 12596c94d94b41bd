import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStorage } from './appStorage';
import { LANG_STORAGE_KEY, isLang, switchLanguage, type Lang } from '../../i18n';
import { useKafe } from '../../store';

/**
 * The learner's UI language, remembered in localStorage under `kafe.lang`. Storage can be
 * unavailable (private windows, blocked cookies); then the choice simply lasts for the session.
 * Keeps `<html lang>` in step so screen readers and font selection follow the language.
 * Thai strings load on demand (usually already in the background, see main.tsx): the switch
 * happens once they are here; if they cannot be loaded a notice says so and nothing changes.
 */
export function useLang(): [Lang, (lang: Lang) => void] {
  const { i18n } = useTranslation();
  const notify = useKafe((s) => s.notify);
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';

  useEffect(() => {
    // Only when it differs: writing <html lang>, even the same value, makes the browser restyle
    // the whole page (a long task on the first load, where index.html already says "en").
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      switchLanguage(i18n, next).then(
        () => {
          try {
            appStorage.setItem(LANG_STORAGE_KEY, next);
          } catch {
            // Storage unavailable: keep the choice in memory only.
          }
        },
        (e: unknown) => notify('error', 'notice.langFailed', e instanceof Error ? e.message : String(e)),
      );
    },
    [i18n, notify],
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
