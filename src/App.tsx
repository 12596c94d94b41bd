import { translate as t } from './i18n';
import { ErrorBoundary } from './ui/common/ErrorBoundary';
import { LanguageSwitch } from './ui/common/LanguageSwitch';
import { useLang } from './ui/common/useLang';

/** The app shell: header (name, tagline, language), the main work area, and a footer note. */
export function App() {
  const [lang, setLang] = useLang();

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img className="brand__logo" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={40} height={40} />
          <div>
            <h1 className="brand__name">{t(lang, 'app.name')}</h1>
            <p className="brand__tagline">{t(lang, 'app.tagline')}</p>
          </div>
        </div>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>

      <main className="app-main">
        <ErrorBoundary lang={lang}>
          <section className="placeholder" aria-labelledby="placeholder-title">
            <h2 id="placeholder-title">{t(lang, 'main.placeholder.title')}</h2>
            <p>{t(lang, 'main.placeholder.body')}</p>
          </section>
        </ErrorBoundary>
      </main>

      <footer className="app-footer">{t(lang, 'footer.note')}</footer>
    </div>
  );
}
