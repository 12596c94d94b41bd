import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate as t, type Lang } from '../../i18n';

/** Where "Start with a fresh canvas" moves the autosave (kept, never deleted). */
export const CRASH_KEPT_KEY = 'kafe.scenario.beforeCrash';
const SAVE_KEY = 'kafe.scenario';

/**
 * The outermost safety net: whatever fails while starting the app or rendering it outside the
 * panels' own boundaries, the learner sees this screen, never a blank page. It depends on nothing
 * that could have failed (no store, no i18n instance, plain DOM calls), and offers a way out of a
 * crash that comes back on every load: start from a fresh canvas, keeping the save aside.
 */
export function FatalScreen({ lang, error }: { lang: Lang; error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const startFresh = () => {
    try {
      const saved = localStorage.getItem(SAVE_KEY);
      if (saved !== null) {
        localStorage.setItem(CRASH_KEPT_KEY, saved);
        localStorage.removeItem(SAVE_KEY);
      }
    } catch {
      // storage unavailable: the reload below starts fresh anyway
    }
    location.replace(location.pathname + location.search);
  };
  return (
    <main className="fatal-error" role="alert" data-testid="fatal-error">
      <h1>{t(lang, 'fatal.title')}</h1>
      <p>{t(lang, 'fatal.body')}</p>
      <pre className="panel-error__detail">{message}</pre>
      <div className="fatal-error__actions">
        <button type="button" className="button" onClick={() => location.reload()}>
          {t(lang, 'fatal.reload')}
        </button>
        <button type="button" className="button button--quiet" onClick={startFresh}>
          {t(lang, 'fatal.fresh')}
        </button>
      </div>
    </main>
  );
}

interface State {
  error: unknown;
}

export class RootErrorBoundary extends Component<{ lang: Lang; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Kafé crashed:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <FatalScreen lang={this.props.lang} error={this.state.error} />;
  }
}
