import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createI18n } from './i18n';
import { readStoredLang } from './ui/common/useLang';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Kafé: #root element missing from index.html');

const i18n = createI18n(readStoredLang());

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
