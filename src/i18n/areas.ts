import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The strings of one lazily loaded area of the UI, in every language. */
export interface StringArea {
  en: Readonly<Record<string, string>>;
  th: Readonly<Record<string, string>>;
}

const registered = new WeakMap<I18n, Set<StringArea>>();

/** Adds an area's strings to an i18n instance (once; later calls do nothing). */
export function registerArea(i18n: I18n, area: StringArea): void {
  const done = registered.get(i18n) ?? new Set<StringArea>();
  registered.set(i18n, done);
  if (done.has(area)) return;
  // One merge per language, the area's strings winning as addResources would let them: addResources
  // sets key by key (~40 ms for the lesson panel's strings on a first load throttled 4x).
  i18n.addResourceBundle('en', 'translation', area.en, false, true);
  i18n.addResourceBundle('th', 'translation', area.th, false, true);
  done.add(area);
}

/**
 * Makes a lazy area's strings available before the calling component's children render. Call it
 * at the top of the area's root component (it only adds resources, so doing it during render is
 * safe and idempotent).
 */
export function useStringArea(area: StringArea): void {
  const { i18n } = useTranslation();
  registerArea(i18n, area);
}
