import type { ReactElement } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { loadFirstScreenPanels, preloadFirstScreen } from './App';
import { appRoot } from './AppRoot';
import { bootstrap, needsValidation } from './bootstrap';
import { PROGRESS_KEY } from './lessons/progress';
import { createI18n, isLang, loadLang, type Lang } from './i18n';
import { replayEarlyClicks, takeEarlyClicks } from './prerender/earlyClicks';
import { FIRST_SCREEN_ATTR, type FirstScreen } from './prerender/firstVisit';
import { createProgressStore, loadValidation } from './store';
import { appStorage } from './ui/common/appStorage';
import { FatalScreen } from './ui/common/RootErrorBoundary';
import { readStoredLang } from './ui/common/useLang';
import { EMBEDDED, PAGE_LINK } from './ui/embed/pageMode';
import { loadNodeDetails } from './ui/inspector/lazyDetails';
import { registerOfflineCache } from './ui/common/offlineCache';
import './ui/app.css';

const container: HTMLElement = document.getElementById('root') ?? missingRoot();

// A link's language (&lang=th) is shown for this visit; the visitor's saved choice is not changed.
const wanted = isLang(PAGE_LINK.lang) ? PAGE_LINK.lang : readStoredLang();
// The built page holds the first visit's first screen, already painted (prerender/): hydrated
// when the page's head judged this visit to be one (firstVisit.ts), else cleared and drawn anew.
const firstScreen = document.documentElement.getAttribute(FIRST_SCREEN_ATTR) as FirstScreen | null;
const prerendered = firstScreen === 'prerendered' && container.firstElementChild !== null;

// Thai strings are a chunk of their own: a page that starts in Thai fetches them first. If they
// cannot be fetched, the app starts in English and says so rather than not starting at all.
const langReady = loadLang(wanted).then(
  () => ({ lang: wanted, failure: null }),
  (e: unknown) => ({ lang: 'en' as Lang, failure: e instanceof Error ? e.message : String(e) }),
);
// zod and the readers of saved or linked text are a chunk of their own too (store/lazyValidation.ts),
// fetched alongside only when there is something to read. If it cannot be fetched, bootstrap keeps
// the save and the link untouched and says so.
const validationReady = needsValidation(window, appStorage) ? loadValidation().catch(() => undefined) : undefined;
// The course panel, when the first screen shows it, is fetched now too, so it is drawn with that
// screen rather than in a frame of its own after it. Here from a peek at the saved course state;
// start() asks again with the course progress itself.
void preloadFirstScreen(PAGE_LINK.lesson !== null || (!EMBEDDED && courseOpenWhenSaved()));
void Promise.all([langReady, validationReady]).then(([{ lang, failure }]) => start(lang, failure));

/** Whether the course panel was left open (a first visit: it opens); a guess, never throws. */
function courseOpenWhenSaved(): boolean {
  try {
    const saved: unknown = JSON.parse(appStorage.getItem(PROGRESS_KEY) ?? '{}');
    return !(typeof saved === 'object' && saved !== null && 'open' in saved && saved.open === false);
  } catch {
    return true;
  }
}

function start(lang: Lang, langFailure: string | null) {
  try {
    const i18n = createI18n(lang);
    const { store } = bootstrap(window, { storage: appStorage, keepAddress: EMBEDDED });
    if (langFailure !== null) store.getState().notify('error', 'notice.langFailed', langFailure);
    // A link into the course (#lesson=…) opens the lesson panel, which opens the lesson at the step;
    // an embed of a scenario shows the canvas alone (its progress lives in memory, so nothing is lost).
    const progress = createProgressStore(appStorage);
    if (PAGE_LINK.lesson) progress.getState().setOpen(true);
    else if (EMBEDDED) progress.getState().setOpen(false);
    const app = appRoot({ lang, i18n, store, progress, link: PAGE_LINK });
    // Drawn from scratch once the course panel, when shown, is there too (never rejects; see
    // preloadFirstScreen). Hydrated at once: the prerendered course stays as it is until its chunk
    // has arrived, and is hydrated then.
    if (prerendered) mount(app, true);
    else void preloadFirstScreen(progress.getState().progress.open).then(() => mount(app, false));
  } catch (error) {
    // bootstrap promises not to throw for bad input; this is the net for anything else.
    console.error('Kafé could not start:', error);
    mount(<FatalScreen lang={lang} error={error} />, false);
  }
  // Switching to Thai should look instant: fetch its strings once the first screen is idle.
  if (lang === 'en') whenIdle(() => void loadLang('th').catch(() => undefined));
  // A first selection should show its settings at once: fetch the inspector's details when idle.
  whenIdle(() => void loadNodeDetails().catch(() => undefined));
  // The offline copy last: installing it fetches the whole build (see offlineCache.ts).
  whenIdle(() => registerOfflineCache());
}

/**
 * Draws `app` into #root: over the prerendered first screen (hydration: React adopts its DOM and
 * adds the listeners), or from scratch. Should hydration find a difference, React draws the part
 * that differs from scratch itself, and nothing is lost; the page notes it on <html>
 * (`recovered`, which test/e2e/firstScreen.test.ts and the first-load bench look for) and warns in
 * the console. A learner can cause one: a language switched before the course panel has hydrated.
 * A button pressed before hydration is pressed again once hydrating (earlyClicks.ts); on a page
 * drawn from scratch there was nothing to press (the prerender stayed hidden).
 */
function mount(app: ReactElement, hydrate: boolean) {
  const html = document.documentElement;
  // Buttons pressed on the prerender before now (earlyClicks.ts): React listens from here on.
  const pressedEarly = takeEarlyClicks(window);
  if (hydrate) {
    hydrateRoot(container, app, {
      onRecoverableError: (error) => {
        html.setAttribute(FIRST_SCREEN_ATTR, 'recovered' satisfies FirstScreen);
        console.warn('Kafé: part of the prerendered first screen differed from the app and was drawn anew.', error);
      },
    });
    // Pressed again once the lazily loaded panels they may sit in have their code.
    void replayEarlyClicks(pressedEarly, loadFirstScreenPanels());
    return;
  }
  container.replaceChildren();
  html.removeAttribute(FIRST_SCREEN_ATTR);
  createRoot(container).render(app);
}

function missingRoot(): never {
  throw new Error('Kafé: #root element missing from index.html');
}

function whenIdle(run: () => void) {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 10_000 });
  else window.setTimeout(run, 3000);
}
