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
 * interpolation run for every string, though almost all are plain text. A string is read straight
 * from i18next's resource store, in the current language and then English, and its plain `{{name}}`
 * placeholders filled from `vars` (fill), exactly what `t` would return for it; plurals (`count`),
 * formats, `$t(` nesting and missing keys still go through i18next. The component re-renders when
 * the language changes, as with `useTranslation` (added resources do not re-render: lazy areas add
 * theirs before rendering).
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
    // The string i18next would pick: the current language's, else English's (fallbackLng).
    const found = stored(i18n, lang, key) ?? (lang === 'en' ? undefined : stored(i18n, 'en', key));
    if (found !== undefined && !found.includes('$t(')) {
      if (vars === undefined) {
        if (!found.includes('{{')) return found;
      } else if (!hasI18nextOption(vars)) {
        const filled = fill(found, vars);
        if (filled !== null) return filled;
      }
    }
    return fixed(key, vars) as string;
  };
}

/**
 * Vars that change which string i18next picks or how (plurals, context, another language...):
 * those calls go through i18next. The app's vars are data (name, n, lag...), never these.
 */
const I18NEXT_OPTIONS = ['count', 'context', 'ordinal', 'lng', 'lngs', 'ns', 'defaultValue', 'replace', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'keyPrefix', 'fallbackLng'];
const hasI18nextOption = (vars: Record<string, unknown>) => I18NEXT_OPTIONS.some((option) => option in vars);

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PLAIN_NAME = /^\s*\w+\s*$/;

/**
 * `text` with each `{{name}}` filled from `vars` as i18next fills it (escaping is off): the value
 * as a string, '' for null or for a var present but undefined, and the placeholder left as it is
 * for a var not given at all (i18next's skipOnVariables). Null when a placeholder is anything but a
 * plain name (a format "{{n, number}}", an unescaped "{{- x}}", a nested path): i18next does those.
 * Profiling the first load put ~0.1-0.2 s (4x throttled) in i18next's `t` for strings with vars.
 */
function fill(text: string, vars: Record<string, string | number>): string | null {
  if (!text.includes('{{')) return text;
  let plain = true;
  const out = text.replace(PLACEHOLDER, (match, inner: string) => {
    if (!PLAIN_NAME.test(inner)) {
      plain = false;
      return match;
    }
    const name = inner.trim();
    if (!Object.hasOwn(vars, name)) return match;
    const value: unknown = vars[name];
    return value === undefined || value === null ? '' : String(value);
  });
  return plain ? out : null;
}

/** The string stored under `key` in `lang` (an empty one counts: i18next's returnEmptyString is on). */
function stored(i18n: I18n, lang: string, key: string): string | undefined {
  const text = (i18n.store.data[lang]?.translation as Record<string, unknown> | undefined)?.[key];
  return typeof text === 'string' ? text : undefined;
}
