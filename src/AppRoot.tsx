import { StrictMode, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { App } from './App';
import type { Lang } from './i18n';
import type { PageLink } from './links';
import { KafeProvider, ProgressProvider, type KafeStore, type ProgressStore } from './store';
import { RootErrorBoundary } from './ui/common/RootErrorBoundary';

/** What the whole app is drawn from: the stores, the strings and what the address asked for. */
export interface AppParts {
  lang: Lang;
  i18n: I18n;
  store: KafeStore;
  progress: ProgressStore;
  link: PageLink;
}

/**
 * The app's element tree: one function for the page (main.tsx) and the build's prerender of the
 * first screen (prerender/firstScreen.tsx). Hydration needs the two trees to be the same, wrapper
 * for wrapper (useId's ids follow the tree), so neither builds its own.
 */
export function appRoot({ lang, i18n, store, progress, link }: AppParts): ReactElement {
  return (
    <StrictMode>
      <RootErrorBoundary lang={lang}>
        <I18nextProvider i18n={i18n}>
          <KafeProvider store={store}>
            <ProgressProvider store={progress}>
              <App link={link} />
            </ProgressProvider>
          </KafeProvider>
        </I18nextProvider>
      </RootErrorBoundary>
    </StrictMode>
  );
}
