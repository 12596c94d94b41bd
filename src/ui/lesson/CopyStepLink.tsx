import { useState } from 'react';
import { useT } from '../../i18n';
import { appUrlOf, lessonLink } from '../../links';
import { useKafe } from '../../store';
import { copyText } from '../common/copyText';

/**
 * "Copy link to this step": a teacher sends the address that opens this lesson at this step in
 * the learner's language (#lesson=…&step=…&lang=…). Without a clipboard, the link is shown to copy.
 */
export function CopyStepLink({ lessonId, step }: { lessonId: string; step: number }) {
  const { t, lang } = useT();
  const notify = useKafe((s) => s.notify);
  const [shown, setShown] = useState<string | null>(null);
  const copy = async () => {
    const url = lessonLink(appUrlOf(window.location), { lessonId, step, lang });
    const copied = await copyText(url);
    setShown(copied ? null : url);
    notify(copied ? 'success' : 'info', copied ? 'link.copied' : 'link.copyManual');
  };
  return (
    <>
      <button type="button" className="button button--quiet button--small lesson__copy-link" onClick={() => void copy()} data-testid="copy-step-link">
        {t('link.copyStep')}
      </button>
      {shown && (
        <input className="input input--mono lesson__copy-field" readOnly value={shown} aria-label={t('link.copyStep')} onFocus={(e) => e.currentTarget.select()} />
      )}
    </>
  );
}
