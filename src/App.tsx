import { lazy, Suspense } from 'react';
import { useT } from './i18n';
import { KafeCanvas } from './ui/canvas/KafeCanvas';
import { Palette } from './ui/canvas/Palette';
import { ErrorBoundary } from './ui/common/ErrorBoundary';
import { LanguageSwitch } from './ui/common/LanguageSwitch';
import { Notices } from './ui/common/Notices';
import { useLang } from './ui/common/useLang';
import { TimeControls } from './ui/controls/TimeControls';
import { Inspector } from './ui/inspector/Inspector';
import { Toolbar } from './ui/toolbar/Toolbar';

// Charts (uPlot) are not needed for the first paint: keep them out of the initial bundle.
const MetricsPanel = lazy(() => import('./ui/metrics/MetricsPanel').then((m) => ({ default: m.MetricsPanel })));

/**
 * The workbench: header (brand, toolbar, language), palette | canvas | side panels, and the time
 * controls along the bottom. Each panel sits behind its own error boundary, so one failing panel
 * never blanks the app.
 */
export function App() {
  const { t } = useT();
  const [lang, setLang] = useLang();

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
        <ErrorBoundary lang={lang}>
          <Toolbar />
        </ErrorBoundary>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>

      <main className="workbench">
        <aside className="workbench__palette">
          <ErrorBoundary lang={lang}>
            <Palette />
          </ErrorBoundary>
        </aside>
        <section className="workbench__canvas">
          <ErrorBoundary lang={lang}>
            <KafeCanvas />
          </ErrorBoundary>
        </section>
        <aside className="workbench__side">
          <ErrorBoundary lang={lang}>
            <Inspector />
          </ErrorBoundary>
          <ErrorBoundary lang={lang}>
            <Suspense fallback={null}>
              <MetricsPanel />
            </Suspense>
          </ErrorBoundary>
        </aside>
      </main>

      <footer className="workbench__time">
        <ErrorBoundary lang={lang}>
          <TimeControls />
        </ErrorBoundary>
      </footer>
      <Notices />
    </div>
  );
}
