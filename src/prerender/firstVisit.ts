import { EARLY_CLICKS_PROPERTY, noteEarlyClicks } from './earlyClicks';

/** What tells a visit that may see the prerendered first screen from one that may not. */
export interface FirstScreenRules {
  /** Every key the app keeps in localStorage starts with it (autosave, course, language, stash). */
  storagePrefix: string;
}

export const FIRST_SCREEN_RULES: FirstScreenRules = { storagePrefix: 'kafe.' };

/**
 * Set on <html> by the page's head (the build's prerender plugin) to what this visit shows first:
 * 'prerendered' or 'fresh'. main.tsx removes it when it draws from scratch, and sets 'recovered'
 * when hydrating found a difference (React then drew that part anew).
 */
export const FIRST_SCREEN_ATTR = 'data-first-screen';
export type FirstScreen = 'prerendered' | 'fresh' | 'recovered';

/**
 * Whether this visit's first screen is the one the build prerendered into index.html (English,
 * the OrderPlaced template, the course open): a first visit, with nothing in the address and
 * nothing of Kafé's in storage, on any screen (the markup is the same at every width; CSS lays it
 * out). Every other visit (a saved canvas or course, Thai, a share, lesson or embed link) is drawn
 * by the app from scratch, as before, so a learner never sees a screen that is not theirs flash by.
 *
 * Runs in the page's head, before any of the app's code, as an inline script made from this
 * function's source: it must stay self-contained (no imports, no outer names). Never throws:
 * anything unexpected (storage blocked) answers "not the prerendered screen".
 */
export function isPrerenderedVisit(win: Window, rules: FirstScreenRules): boolean {
  try {
    if (win.location.hash.length > 1) return false;
    const storage = win.localStorage;
    for (let i = 0; i < storage.length; i++) {
      if ((storage.key(i) ?? '').startsWith(rules.storagePrefix)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * What the built page's head holds for the prerender: a script, made from isPrerenderedVisit's
 * own source, that notes on <html> what this visit shows first and, on a visit shown the
 * prerender, starts noting the buttons pressed before the app hydrates it (earlyClicks.ts); and a
 * style that hides the prerender from a visit that is not to see it until main.tsx has cleared it
 * (no flash of a screen that is not the learner's).
 */
export function firstScreenHead(): string {
  const decide =
    `var shown = (${isPrerenderedVisit.toString()})(window, ${JSON.stringify(FIRST_SCREEN_RULES)}) ? 'prerendered' : 'fresh';\n` +
    `document.documentElement.setAttribute(${JSON.stringify(FIRST_SCREEN_ATTR)}, shown);\n` +
    `if (shown === 'prerendered') (${noteEarlyClicks.toString()})(window, ${JSON.stringify(EARLY_CLICKS_PROPERTY)});`;
  return `<script>${decide}</script>\n<style>html[${FIRST_SCREEN_ATTR}='fresh'] #root { display: none; }</style>`;
}
