import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { StepText } from '../../lessons';
import { InlineMarkdown, plainText } from './InlineMarkdown';

interface Props {
  predict: NonNullable<StepText['predict']>;
  /** Index of the right choice. */
  answer: number;
  /** The learner's locked-in prediction, if any. */
  chosen: number | undefined;
  /** Show whether the prediction was right (once the step's goal has been reached). */
  revealed: boolean;
  onChoose(choice: number): void;
}

/** "Predict first": the learner commits to an answer, then runs the step and sees. */
export function PredictBox({ predict, answer, chosen, revealed, onChoose }: Props) {
  const { t } = useT();
  const name = useId();
  const [draft, setDraft] = useState<number | null>(chosen ?? null);
  const locked = chosen !== undefined;
  return (
    <fieldset className="predict" data-testid="predict" data-locked={locked}>
      <legend className="predict__title">{t('lessons.predict.title')}</legend>
      <p className="predict__question">
        <InlineMarkdown text={predict.question} />
      </p>
      {predict.choices.map((choice, i) => (
        <label key={choice} className="predict__choice" data-right={revealed && i === answer ? 'true' : undefined}>
          <input type="radio" name={name} value={i} checked={(locked ? chosen : draft) === i} disabled={locked} onChange={() => setDraft(i)} />
          <span>
            <InlineMarkdown text={choice} />
          </span>
        </label>
      ))}
      {!locked ? (
        <button type="button" className="button button--quiet button--small" disabled={draft === null} onClick={() => draft !== null && onChoose(draft)}>
          {t('lessons.predict.lock')}
        </button>
      ) : revealed ? (
        <p className={`predict__verdict predict__verdict--${chosen === answer ? 'right' : 'wrong'}`}>
          {chosen === answer ? t('lessons.predict.right') : t('lessons.predict.wrong', { choice: plainText(predict.choices[answer]) })}
        </p>
      ) : (
        <p className="predict__verdict">{t('lessons.predict.locked', { choice: plainText(predict.choices[chosen]) })}</p>
      )}
    </fieldset>
  );
}
