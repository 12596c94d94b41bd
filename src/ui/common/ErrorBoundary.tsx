import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate as t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches a render error in one panel and shows a short message with a retry button, so a bug in
 * one part of the UI never blanks the whole app. The error is still logged to the console, where
 * the browser tests see it and fail.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Kafé panel crashed:', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { lang } = this.props;
    return (
      <div className="panel-error" role="alert">
        <h2>{t(lang, 'error.title')}</h2>
        <p>{t(lang, 'error.body')}</p>
        <pre className="panel-error__detail">{error.message}</pre>
        <button type="button" className="button" onClick={this.retry}>
          {t(lang, 'error.retry')}
        </button>
      </div>
    );
  }
}
