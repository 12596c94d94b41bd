import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@xyflow/react/dist/style.css';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { createI18n } from './i18n';
import { KafeProvider } from './store';
import { FatalScreen, RootErrorBoundary } from './ui/common/RootErrorBoundary';
import { readStoredLang } from './ui/common/useLang';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Kafé: #root element missing from index.html');

const lang = readStoredLang();
const root = createRoot(container);
try {
  const i18n = createI18n(lang);
  const { store } = bootstrap();
  root.render(
    <StrictMode>
      <RootErrorBoundary lang={lang}>
        <I18nextProvider i18n={i18n}>
          <KafeProvider store={store}>
            <App />
          </KafeProvider>
        </I18nextProvider>
      </RootErrorBoundary>
    </StrictMode>,
  );
} catch (error) {
  // bootstrap promises not to throw for bad input; this is the net for anything else.
  console.error('Kafé could not start:', error);
  root.render(<FatalScreen lang={lang} error={error} />);
}
