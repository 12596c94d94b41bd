import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@xyflow/react/dist/style.css';
import { App, preloadFirstScreen } from './App';
import { bootstrap, needsValidation } from './bootstrap';
import { PROGRESS_KEY } from './lessons/progress';
import { createI18n, isLang, loadLang, type Lang } from './i18n';
import { createProgressStore, KafeProvider, loadValidation, ProgressProvider } from './store';
import { appStorage } from './ui/common/appStorage';
import { FatalScreen, RootErrorBoundary } from './ui/common/RootErrorBoundary';
import { readStoredLang } from './ui/common/useLang';
import { EMBEDDED, PAGE_LINK } from './ui/embed/pageMode';
import { loadNodeDetails } from './ui/inspector/lazyDetails';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Kafé: #root element missing from index.html');

// A link's language (&lang=th) is shown for this visit; the visitor's saved choice is not changed.
const wanted = isLang(PAGE_LINK.lang) ? PAGE_LINK.lang : readStoredLang();
const root = createRoot(container);

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
    const app = (
      <StrictMode>
        <RootErrorBoundary lang={lang}>
          <I18nextProvider i18n={i18n}>
            <KafeProvider store={store}>
              <ProgressProvider store={progress}>
                <App link={PAGE_LINK} />
              </ProgressProvider>
            </KafeProvider>
          </I18nextProvider>
        </RootErrorBoundary>
      </StrictMode>
    );
    // Drawn once the course panel, when shown, is there too (never rejects; see preloadFirstScreen).
    void preloadFirstScreen(progress.getState().progress.open).then(() => root.render(app));
  } catch (error) {
    // bootstrap promises not to throw for bad input; this is the net for anything else.
    console.error('Kafé could not start:', error);
    root.render(<FatalScreen lang={lang} error={error} />);
  }
  // Switching to Thai should look instant: fetch its strings once the first screen is idle.
  if (lang === 'en') whenIdle(() => void loadLang('th').catch(() => undefined));
  // A first selection should show its settings at once: fetch the inspector's details when idle.
  whenIdle(() => void loadNodeDetails().catch(() => undefined));
}

function whenIdle(run: () => void) {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 10_000 });
  else window.setTimeout(run, 3000);
}
