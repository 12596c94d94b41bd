import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@xyflow/react/dist/style.css';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { createI18n } from './i18n';
import { KafeProvider } from './store';
import { readStoredLang } from './ui/common/useLang';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Kafé: #root element missing from index.html');

const i18n = createI18n(readStoredLang());
const { store } = bootstrap();

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <KafeProvider store={store}>
        <App />
      </KafeProvider>
    </I18nextProvider>
  </StrictMode>,
);
