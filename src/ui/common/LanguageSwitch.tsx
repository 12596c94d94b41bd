import { LANGS, loadLang, translate as t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  onChange: (lang: Lang) => void;
}

/** Two toggle buttons, each labelled in its own language so a learner can always find theirs. */
export function LanguageSwitch({ lang, onChange }: Props) {
  return (
    <div className="lang-switch" role="group" aria-label={t(lang, 'lang.label')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="lang-switch__option"
          aria-pressed={option === lang}
          data-lang={option}
          onClick={() => onChange(option)}
          // Fetch a language's strings as the learner heads for it (usually loaded already).
          onPointerEnter={() => void loadLang(option).catch(() => undefined)}
        >
          {t(option, `lang.${option}`)}
        </button>
      ))}
    </div>
  );
}
