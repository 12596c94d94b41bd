import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { SelectField } from '../../common/SelectField';
import { useKafe, useKafeData } from '../../../store';
import { NotRunning } from './NotRunning';
import { producersOfNode, retriesOfNode } from './selectors';
import { Counters } from '../Counters';

/** Longest key a learner may type for one record produced by hand. */
const KEY_MAX = 100;
/** The value of an event sent with "Produce one event" (a tombstone's is null). */
const HAND_SENT_VALUE = Object.freeze({ sentByHand: true });

/** A producer: produce one event now (with a key, to a topic it writes to); change its rate live. */
export function ProducerLive({ node }: { node: NodeOf<'producer'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const producers = useKafeData(producersOfNode(node.id));
  const retries = useKafeData(retriesOfNode(node.id));
  const keyId = useId();
  const rateId = useId();
  const [key, setKey] = useState('');
  const [tombstone, setTombstone] = useState(false);
  const tombstoneId = useId();
  const [topicChoice, setTopicChoice] = useState<string | null>(null);
  const [rateDraft, setRateDraft] = useState<number | null>(null);
  if (producers.length === 0) return <NotRunning />;

  const target = producers.find((p) => p.topic === topicChoice) ?? producers[0];
  const keyTooLong = key.length > KEY_MAX;
  const produce = (e: FormEvent) => {
    e.preventDefault();
    if (keyTooLong) return;
    // A tombstone is a record whose value is null: in a compacted topic it deletes its key.
    const value = tombstone ? null : HAND_SENT_VALUE;
    run({ type: 'produce', topic: target.topic, key: key.trim() === '' ? null : key.trim(), value, eventType: node.props.eventType, producer: target.id });
  };

  const liveRate = producers[0].rate;
  const rate = rateDraft ?? liveRate;
  const maxRate = Math.max(100, Math.ceil(liveRate / 50) * 50, node.props.ratePerSec);
  const commitRate = () => {
    if (rateDraft === null) return;
    setRateDraft(null);
    if (rateDraft === liveRate) return;
    for (const p of producers) run({ type: 'setProducerRate', id: p.id, ratePerSec: rateDraft });
  };

  return (
    <>
      <form className="live__block" onSubmit={produce}>
        <div className="live__row">
          <div className="field">
            <label htmlFor={keyId} className="field__label">
              {t('inspector.produce.key')}
            </label>
            <input
              id={keyId}
              className="input"
              value={key}
              placeholder={t('inspector.produce.keyPlaceholder')}
              aria-invalid={keyTooLong || undefined}
              aria-describedby={keyTooLong ? `${keyId}-error` : undefined}
              onChange={(e) => setKey(e.target.value)}
            />
          </div>
          {producers.length > 1 && (
            <SelectField label={t('inspector.produce.topic')} value={target.topic} options={producers.map((p) => ({ value: p.topic, label: p.topic }))} onChange={setTopicChoice} />
          )}
          <button type="submit" className="button" data-live="produce">
            {t('inspector.produce.button')}
          </button>
        </div>
        {keyTooLong && (
          <p id={`${keyId}-error`} className="field-error">
            {t('inspector.error.tooLong', { max: KEY_MAX })}
          </p>
        )}
        <div className="field field--check">
          <input id={tombstoneId} type="checkbox" name="tombstone" checked={tombstone} aria-describedby={`${tombstoneId}-hint`} onChange={(e) => setTombstone(e.target.checked)} />
          <label htmlFor={tombstoneId}>{t('inspector.produce.tombstone')}</label>
          <p id={`${tombstoneId}-hint`} className="field__hint">
            {t('inspector.produce.tombstoneHint')}
          </p>
        </div>
        <p className="field__hint">{t('inspector.produce.hint', { type: node.props.eventType })}</p>
      </form>
      <div className="live__block field">
        <label htmlFor={rateId} className="field__label">
          {t('inspector.rate.label', { rate })}
        </label>
        {/* A slider, not a typed number: the rate changes while the learner drags and applies on release. */}
        <input
          id={rateId}
          type="range"
          className="scrubber"
          min={0}
          max={maxRate}
          step={1}
          value={rate}
          aria-valuetext={t('inspector.rate.value', { rate })}
          onChange={(e) => setRateDraft(Number(e.target.value))}
          onPointerUp={commitRate}
          onKeyUp={commitRate}
          onBlur={commitRate}
        />
        <p className="field__hint">{t('inspector.rate.hint')}</p>
      </div>
      <Counters
        titleKey="inspector.counter.retriesTitle"
        testId="producer-counters"
        items={[
          { name: 'retriesNotRewritten', labelKey: 'inspector.counter.retriesNotRewritten', value: retries.notRewritten },
          { name: 'writtenTwice', labelKey: 'inspector.counter.writtenTwice', value: retries.writtenTwice },
        ]}
        hintKey="inspector.counter.retriesHint"
      />
    </>
  );
}
