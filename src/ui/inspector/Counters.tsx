import { useT, type MessageKey } from '../../i18n';

export interface CounterItem {
  /** Stable name, on the item as data-counter (tests and lessons' screenshots find it by this). */
  name: string;
  labelKey: MessageKey;
  value: number;
}

/** A titled list of live counters, zeros included, so a learner can see that something did NOT
 * happen (the same look as a service's counters). */
export function Counters({ titleKey, items, hintKey, testId }: { titleKey: MessageKey; items: readonly CounterItem[]; hintKey?: MessageKey; testId: string }) {
  const { t } = useT();
  return (
    <div className="live__block">
      <p className="field__label">{t(titleKey)}</p>
      <dl className="counters" data-testid={testId}>
        {items.map((c) => (
          <div key={c.name} className="counters__item" data-counter={c.name}>
            <dt>{t(c.labelKey)}</dt>
            <dd>{c.value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {hintKey && <p className="field__hint">{t(hintKey)}</p>}
    </div>
  );
}
