import { lazy, Suspense, useEffect, useState } from 'react';
import { useT, type Lang } from './i18n';
import { appUrlOf, type PageLink } from './links';
import { useKafe, useProgress } from './store';
import { KafeCanvas } from './ui/canvas/KafeCanvas';
import { Palette } from './ui/canvas/Palette';
import { ErrorBoundary } from './ui/common/ErrorBoundary';
import { preloadableLazy } from './ui/common/preloadableLazy';
import { LanguageSwitch } from './ui/common/LanguageSwitch';
import { Notices } from './ui/common/Notices';
import { ReplaceDialog } from './ui/common/ReplaceDialog';
import { useLang } from './ui/common/useLang';
import { TimeControls } from './ui/controls/TimeControls';
import { OpenInKafe } from './ui/embed/OpenInKafe';
import { reportLinkProblem } from './ui/embed/linkProblems';
import { Inspector } from './ui/inspector/Inspector';
import { Toolbar } from './ui/toolbar/Toolbar';

// Charts (uPlot) are not needed for the first paint: keep them out of the initial bundle.
const metricsPanel = preloadableLazy(() => import('./ui/metrics/MetricsPanel').then((m) => m.MetricsPanel));
const MetricsPanel = metricsPanel.Component;
// The comparison (and mermaid, which it loads on demand) only when its tab is opened.
const CompareView = lazy(() => import('./ui/compare/CompareView').then((m) => ({ default: m.CompareView })));
// Lessons bring their Markdown files, YAML and a Markdown renderer: only when the panel is shown.
const lessonPanel = preloadableLazy(() => import('./ui/lesson/LessonPanel').then((m) => m.LessonPanel));
const LessonPanel = lessonPanel.Component;

/** How long the first screen waits for the course panel's chunk at most: on a slow or stalled
 * connection the canvas is drawn without it (the panel shows its placeholder until it arrives). */
export const FIRST_SCREEN_WAIT_MS = 400;

/**
 * Fetches, alongside the rest of the start (main.tsx), the course panel when the first screen
 * shows it, so the course list is drawn with that screen: one layout and paint, no placeholder.
 * (The metrics pane lies below the fold and draws nothing costly until scrolled to: it still
 * arrives after.) Never rejects, and settles within FIRST_SCREEN_WAIT_MS: a panel that cannot be
 * fetched says so in place when rendered, as it always has.
 */
export function preloadFirstScreen(lessonsOpen: boolean): Promise<void> {
  if (!lessonsOpen) return Promise.resolve();
  const fetched = lessonPanel.preload().then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([fetched, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
}

/**
 * Loads every lazily loaded panel the first screen draws, however long that takes: for the build's
 * prerender (prerender/firstScreen.tsx), whose HTML must hold the panels themselves rather than
 * their placeholders. (The page hydrating it need not wait: a panel whose chunk has not arrived
 * keeps its prerendered HTML until it has.) Rejects when a chunk cannot be loaded. The build links
 * these panels' styles from the page's head (FIRST_SCREEN_CHUNKS in vite.config.ts).
 */
export async function loadFirstScreenPanels(): Promise<void> {
  await Promise.all([lessonPanel.preload(), metricsPanel.preload()]);
}

type View = 'workbench' | 'compare';
const VIEWS: readonly View[] = ['workbench', 'compare'];

/**
 * The workbench: header (brand, toolbar, language), palette | canvas | side panels, and the time
 * controls along the bottom. Each panel sits behind its own error boundary, so one failing panel
 * never blanks the app.
 */
export function App({ link }: { link?: PageLink }) {
  const { t } = useT();
  const [lang, setLang] = useLang();
  const [view, setView] = useState<View>('workbench');
  const pauseWorkbench = useKafe((s) => s.pause);
  useLinkProblems(link);
  if (link?.embed) return <EmbeddedApp link={link} lang={lang} setLang={setLang} />;
  const open = (next: View) => {
    // The workbench simulation waits while the comparison runs its own.
    if (next !== 'workbench') pauseWorkbench();
    setView(next);
  };

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img className="brand__logo" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={32} height={32} />
          <div>
            <h1 className="brand__name">{t('app.name')}</h1>
            <p className="brand__tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <div className="view-tabs" role="tablist" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={view === v}
              aria-controls={`panel-${v}`}
              className="view-tabs__tab"
              onClick={() => open(v)}
            >
              {t(`nav.${v}`)}
            </button>
          ))}
        </div>
        {view === 'workbench' && <LessonsToggle />}
        {view === 'workbench' && (
          <ErrorBoundary lang={lang}>
            <Toolbar />
          </ErrorBoundary>
        )}
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>

      {view === 'compare' ? (
        <main className="compare-page" id="panel-compare" role="tabpanel" aria-labelledby="tab-compare">
          <ErrorBoundary lang={lang}>
            <Suspense fallback={null}>
              <CompareView />
            </Suspense>
          </ErrorBoundary>
        </main>
      ) : (
        <WorkbenchMain lang={lang} onOpenCompare={() => open('compare')} link={link} />
      )}

      {view === 'workbench' && <TimeFooter lang={lang} />}
      <Notices />
      <ReplaceDialog />
    </div>
  );
}

/**
 * Embed mode (#…&embed=1, inside another site's iframe): the canvas, the lesson or scenario the
 * link names, the time controls, and a small "Open in Kafé" link to the full app. No toolbar,
 * tabs or charts; nothing is saved in the visitor's browser (see appStorage).
 */
function EmbeddedApp({ link, lang, setLang }: { link: PageLink; lang: Lang; setLang: (lang: Lang) => void }) {
  const { t } = useT();
  return (
    <div className="app app--embed">
      <header className="app-header app-header--embed">
        <div className="brand brand--embed">
          <img className="brand__logo" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={22} height={22} />
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <LanguageSwitch lang={lang} onChange={setLang} />
        <OpenInKafe />
      </header>
      <WorkbenchMain lang={lang} link={link} embed onOpenCompare={() => window.open(appUrlOf(window.location), '_blank', 'noopener')} />
      <TimeFooter lang={lang} />
      <Notices />
    </div>
  );
}

/** The time controls along the bottom, behind their own error boundary (full app and embed alike). */
function TimeFooter({ lang }: { lang: Lang }) {
  return (
    <footer className="workbench__time">
      <ErrorBoundary lang={lang}>
        <TimeControls />
      </ErrorBoundary>
    </footer>
  );
}

/** Tells the visitor, once, what in the address could not be read (a lesson link reports its own). */
function useLinkProblems(link: PageLink | undefined) {
  const notify = useKafe((s) => s.notify);
  useEffect(() => {
    const first = link?.problems[0];
    if (!first) return;
    reportLinkProblem(notify, first);
  }, [link, notify]);
}

/** The panels a narrow screen shows as a sheet over the lower part of the canvas. */
type Sheet = 'palette' | 'lesson' | 'inspector' | 'metrics';
const SHEETS: readonly Sheet[] = ['palette', 'lesson', 'inspector', 'metrics'];

/**
 * Palette | canvas | inspector and metrics: where a learner builds and runs flows. An embed has
 * no charts, and the comparison the lessons link to opens in the full app. On a narrow screen the
 * canvas is the whole view and the other panels are sheets chosen from a tab bar, so a learner
 * reads a lesson step and acts on the canvas above it at the same time. The markup is the same at
 * every width (the tab bar and the sheet choice are there; app.css uses them below 701 px): the
 * build's prerender of the first screen then fits a phone as well as a laptop.
 */
function WorkbenchMain({ lang, onOpenCompare, link, embed = false }: { lang: Lang; onOpenCompare?: () => void; link?: PageLink; embed?: boolean }) {
  const lessonsOpen = useProgress((s) => s.progress.open);
  const setLessonsOpen = useProgress((s) => s.setOpen);
  // null: not chosen yet, so an open course shows as the lesson sheet; 'none': all closed.
  const [chosen, setSheet] = useState<Sheet | 'none' | null>(null);
  const sheet = chosen === 'none' ? null : (chosen ?? (lessonsOpen ? 'lesson' : null));
  const pick = (next: Sheet) => {
    if (next === sheet) {
      setSheet('none');
      return;
    }
    if (next === 'lesson') setLessonsOpen(true);
    setSheet(next);
  };
  return (
    <main className="workbench" id="panel-workbench" role="tabpanel" aria-labelledby="tab-workbench" data-sheet={sheet ?? 'none'}>
      <aside className="workbench__palette" id="sheet-palette" data-covers-canvas>
        <ErrorBoundary lang={lang}>
          <Palette />
        </ErrorBoundary>
      </aside>
      <section className="workbench__canvas">
        <ErrorBoundary lang={lang}>
          <KafeCanvas />
        </ErrorBoundary>
      </section>
      <aside className="workbench__side" data-covers-canvas>
        {lessonsOpen && (
          <div className="workbench__pane workbench__pane--lesson" id="sheet-lesson">
            <ErrorBoundary lang={lang}>
              {/* The space the course takes while its chunk loads, so the panes below do not
                  jump (and the charts there do not count as on screen for a moment). */}
              <Suspense fallback={<div className="lesson-loading" aria-busy="true" />}>
                <LessonPanel onAppLink={() => onOpenCompare?.()} link={link} />
              </Suspense>
            </ErrorBoundary>
          </div>
        )}
        <div className="workbench__pane workbench__pane--inspector" id="sheet-inspector">
          <ErrorBoundary lang={lang}>
            <Inspector />
          </ErrorBoundary>
        </div>
        {!embed && (
          <div className="workbench__pane workbench__pane--metrics" id="sheet-metrics">
            <ErrorBoundary lang={lang}>
              <Suspense fallback={null}>
                <MetricsPanel />
              </Suspense>
            </ErrorBoundary>
          </div>
        )}
      </aside>
      <SheetTabs sheets={embed ? SHEETS.filter((x) => x !== 'metrics') : SHEETS} sheet={sheet} onPick={pick} />
    </main>
  );
}

/** The narrow layout's tab bar: each tab opens its panel as a sheet; the open one closes it again. */
function SheetTabs({ sheets, sheet, onPick }: { sheets: readonly Sheet[]; sheet: Sheet | null; onPick: (s: Sheet) => void }) {
  const { t } = useT();
  return (
    <nav className="sheet-tabs" aria-label={t('sheet.label')}>
      {sheets.map((s) => (
        <button key={s} type="button" className="sheet-tabs__tab" aria-expanded={sheet === s} aria-controls={`sheet-${s}`} data-sheet-tab={s} onClick={() => onPick(s)}>
          {t(`sheet.${s}`)}
        </button>
      ))}
    </nav>
  );
}

/** Shows or hides the guided lessons beside the canvas (remembered with the course progress). */
function LessonsToggle() {
  const { t } = useT();
  const open = useProgress((s) => s.progress.open);
  const setOpen = useProgress((s) => s.setOpen);
  return (
    <button type="button" className="lessons-toggle" aria-pressed={open} onClick={() => setOpen(!open)}>
      {t('lessons.toggle')}
    </button>
  );
}
