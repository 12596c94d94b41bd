import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';

export interface CounterItem {
  /** Stable name, on the item as data-counter (tests and lessons' screenshots find it by this). */
  name: string;
  labelKey: MessageKey;
  /** Values for the label's placeholders, e.g. the event type of "{{type}} events sent". */
  labelParams?: Record<string, string | number>;
  value: number;
}

/**
 * A titled list of live counters, zeros included, so a learner can see that something did NOT
 * happen. The one counters table of the inspector: services, consumer groups and producers use it.
 * `hint` is the line under it: a message key, or text already worded (with its own values).
 */
export function Counters({ titleKey, items, hintKey, hint, testId }: { titleKey: MessageKey; items: readonly CounterItem[]; hintKey?: MessageKey; hint?: ReactNode; testId: string }) {
  const { t } = useT();
  return (
    <div className="live__block">
      <p className="field__label">{t(titleKey)}</p>
      <dl className="counters" data-testid={testId}>
        {items.map((c) => (
          <div key={c.name} className="counters__item" data-counter={c.name}>
            <dt>{c.labelParams ? t(c.labelKey, c.labelParams) : t(c.labelKey)}</dt>
            <dd>{c.value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {hintKey && <p className="field__hint">{t(hintKey)}</p>}
      {hint != null && <p className="field__hint">{hint}</p>}
    </div>
  );
}
