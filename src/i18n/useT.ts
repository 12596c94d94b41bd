import type { i18n as I18n } from 'i18next';
import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { I18nContext } from 'react-i18next';
import type { MessageKey } from './en';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * The translate function for the current language, typed by message key.
 *
 * Why not react-i18next's `useTranslation`: the first screen renders a few thousand strings through
 * ~80 components, and profiling the first load (bench i, 4x CPU throttle) put ~0.5 s of the main
 * thread in `useTranslation` and i18next's `t` — key parsing, plural and nesting checks, and
 * interpolation run for every string, though almost all are plain text. A plain string (no `vars`,
 * no `{{` placeholder, no `$t(` nesting) is read straight from i18next's resource store, in the
 * current language and then English, exactly what `t` would return for it; anything else still
 * goes through i18next. The component re-renders when the language changes, as with
 * `useTranslation` (added resources do not re-render: lazy areas add theirs before rendering).
 */
export function useT(): { t: Translate; lang: 'en' | 'th' } {
  const { i18n } = useContext(I18nContext) as { i18n: I18n };
  // A stable subscribe, or React would unsubscribe and subscribe again on every render.
  const subscribe = useCallback((changed: () => void) => subscribeLanguage(i18n, changed), [i18n]);
  const language = useSyncExternalStore(subscribe, () => i18n.language, () => i18n.language);
  const lang = language === 'th' ? 'th' : 'en';
  const t = useMemo(() => fastTranslate(i18n, lang), [i18n, lang]);
  return { t, lang };
}

function subscribeLanguage(i18n: I18n, changed: () => void): () => void {
  i18n.on('languageChanged', changed);
  return () => i18n.off('languageChanged', changed);
}

/** `i18n.t` in `lang`, with plain strings read directly (see useT). Exported for its test. */
export function fastTranslate(i18n: I18n, lang: 'en' | 'th'): Translate {
  const fixed = i18n.getFixedT(lang);
  return (key, vars) => {
    if (vars === undefined) {
      // The string i18next would pick: the current language's, else English's (fallbackLng).
      const found = stored(i18n, lang, key) ?? (lang === 'en' ? undefined : stored(i18n, 'en', key));
      if (found !== undefined && !found.includes('{{') && !found.includes('$t(')) return found;
    }
    return fixed(key, vars) as string;
  };
}

/** The string stored under `key` in `lang` (an empty one counts: i18next's returnEmptyString is on). */
function stored(i18n: I18n, lang: string, key: string): string | undefined {
  const text = (i18n.store.data[lang]?.translation as Record<string, unknown> | undefined)?.[key];
  return typeof text === 'string' ? text : undefined;
}
