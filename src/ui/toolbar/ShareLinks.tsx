import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { appUrlOf, embedSnippet, lessonLink, parseStepRange, scenarioLink } from '../../links';
import { lessonProgressOf, useKafe, useKafeStoreApi, useProgress } from '../../store';
import { copyText } from '../common/copyText';

/** The lesson being followed and its step (from 1), or null on the learner's own canvas. */
function useCurrentStep(): { lessonId: string; step: number } | null {
  const lessonId = useProgress((s) => s.progress.current);
  const step = useProgress((s) => (s.progress.current ? lessonProgressOf(s.progress, s.progress.current).step : 0));
  return lessonId ? { lessonId, step: step + 1 } : null;
}

/**
 * Share panel sections for teachers: a link to the lesson step being followed, and the iframe
 * snippet that embeds this lesson (optionally only some of its steps) or this canvas.
 */
export function ShareLinks() {
  const current = useCurrentStep();
  return (
    <>
      {current && <StepLinkSection {...current} />}
      <EmbedSection current={current} />
    </>
  );
}

function StepLinkSection({ lessonId, step }: { lessonId: string; step: number }) {
  const { t, lang } = useT();
  const id = useId();
  const notify = useKafe((s) => s.notify);
  const [shown, setShown] = useState('');
  const copy = async () => {
    const url = lessonLink(appUrlOf(window.location), { lessonId, step, lang });
    setShown(url);
    const copied = await copyText(url);
    notify(copied ? 'success' : 'info', copied ? 'link.copied' : 'link.copyManual');
  };
  return (
    <section className="popover__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="popover__title">
        {t('share.stepTitle')}
      </h3>
      <p className="popover__hint">{t('share.stepHint', { lesson: lessonId, step })}</p>
      <button type="button" className="button" onClick={() => void copy()} data-testid="share-step-copy">
        {t('share.copyStep')}
      </button>
      {shown && (
        <input className="input input--mono" readOnly value={shown} aria-label={t('share.stepTitle')} data-testid="share-step-link" onFocus={(e) => e.currentTarget.select()} />
      )}
    </section>
  );
}

function EmbedSection({ current }: { current: { lessonId: string; step: number } | null }) {
  const { t, lang } = useT();
  const id = useId();
  const store = useKafeStoreApi();
  const notify = useKafe((s) => s.notify);
  const [steps, setSteps] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [snippet, setSnippet] = useState('');

  const copy = async () => {
    const app = appUrlOf(window.location);
    let url: string;
    let title: string;
    if (current) {
      const range = steps.trim() === '' ? null : parseStepRange(steps);
      if (steps.trim() !== '' && !range) {
        setInvalid(true);
        return;
      }
      // Start inside the locked range: at the current step when it is in it, else at its first.
      const step = range && (current.step < range.from || current.step > range.to) ? range.from : current.step;
      url = lessonLink(app, { lessonId: current.lessonId, step, lang, embed: true, steps: range });
      title = t('embed.frameTitle', { name: current.lessonId });
    } else {
      url = scenarioLink(app, store.getState().shareFragment(), { lang, embed: true });
      title = t('embed.frameTitle', { name: t('embed.frameScenario') });
    }
    const html = embedSnippet(url, title);
    setSnippet(html);
    const copied = await copyText(html);
    notify(copied ? 'success' : 'info', copied ? 'share.embedCopied' : 'link.copyManual');
  };

  return (
    <section className="popover__section" aria-labelledby={`${id}-title`} data-testid="share-embed">
      <h3 id={`${id}-title`} className="popover__title">
        {t('share.embedTitle')}
      </h3>
      <p className="popover__hint">{t(current ? 'share.embedHintLesson' : 'share.embedHintScenario')}</p>
      {current && (
        <>
          <label htmlFor={`${id}-steps`} className="field__label">
            {t('share.embedSteps')}
          </label>
          <input
            id={`${id}-steps`}
            className="input"
            value={steps}
            inputMode="numeric"
            placeholder="2-4"
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(e) => {
              setSteps(e.target.value);
              setInvalid(false);
            }}
          />
          {invalid && (
            <p id={`${id}-error`} className="field-error">
              {t('share.embedStepsInvalid')}
            </p>
          )}
        </>
      )}
      <button type="button" className="button" onClick={() => void copy()} data-testid="share-embed-copy">
        {t('share.embedCopy')}
      </button>
      {snippet && (
        <>
          <label htmlFor={`${id}-code`} className="field__label">
            {t('share.embedField')}
          </label>
          <textarea id={`${id}-code`} className="input input--mono share-embed__code" readOnly rows={4} value={snippet} data-testid="share-embed-code" onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
    </section>
  );
}
