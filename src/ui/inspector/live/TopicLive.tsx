import { useId, useState } from 'react';
import { useT } from '../../../i18n';
import { LIMITS, type NodeOf } from '../../../scenario';
import { SelectField } from '../../common/SelectField';
import { useKafe, useKafeData } from '../../../store';
import { NotRunning } from './NotRunning';
import { NumberField } from './NumberField';
import { groupsOnTopic, partitionRowsOf } from './selectors';

/** A topic: its partitions as they are now, adding partitions, and resetting a group's offsets. */
export function TopicLive({ node }: { node: NodeOf<'topic'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const name = node.props.name;
  const running = useKafe((s) => s.ids.topicNode[name] === node.id);
  const partitions = useKafeData(partitionRowsOf(name));
  const groups = useKafeData(groupsOnTopic(name));
  const resetHintId = useId();
  const [groupChoice, setGroupChoice] = useState<string | null>(null);
  if (!running) return <NotRunning />;

  const current = partitions.length;
  const total = partitions.reduce((n, p) => n + p.end, 0);
  // The LSO column appears once a transaction has written to the topic.
  const withLso = partitions.some((p) => p.lso !== null);
  const chosen = groups.find((g) => g.id === groupChoice) ?? groups[0];
  const group = chosen?.id;
  // Kafka's tool refuses while the group has members (the engine does too); say so before the click.
  const busy = (chosen?.members ?? 0) > 0;
  const reset = (to: 'earliest' | 'latest') => group !== undefined && run({ type: 'resetOffsets', group, topic: name, to });

  return (
    <>
      <div className="live__block">
        <p className="panel__note" data-testid="topic-total" data-end={total}>
          {t('inspector.topic.total', { n: total })}
        </p>
        <table className="data-table" data-testid="partition-table">
          <caption className="visually-hidden">{t('inspector.topic.partitions', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.topic.partition')}</th>
              <th scope="col">{t('inspector.topic.leader')}</th>
              <th scope="col" className="num">
                <abbr title={t('inspector.topic.endTitle')}>{t('inspector.topic.end')}</abbr>
              </th>
              <th scope="col" className="num">
                <abbr title={t('inspector.topic.hwTitle')}>{t('inspector.topic.hw')}</abbr>
              </th>
              {withLso && (
                <th scope="col" className="num">
                  <abbr title={t('inspector.topic.lsoTitle')}>{t('inspector.topic.lso')}</abbr>
                </th>
              )}
              <th scope="col" className="num">
                {t('inspector.topic.isr')}
              </th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <tr key={p.id} data-partition={p.id} data-end={p.end}>
                <th scope="row">{p.id}</th>
                <td>{p.leader < 0 ? t('inspector.topic.noLeader') : t('inspector.broker.name', { n: p.leader + 1 })}</td>
                <td className="num">{p.end}</td>
                <td className="num">{p.hw}</td>
                {withLso && (
                  <td className="num" data-lso={p.lso ?? p.hw}>
                    {p.lso ?? p.hw}
                  </td>
                )}
                <td className="num">
                  {p.isr}/{p.rf}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NumberField
        labelKey="inspector.topic.newCount"
        buttonKey="inspector.topic.addPartitions"
        min={current + 1}
        max={LIMITS.partitions}
        placeholder={String(Math.min(LIMITS.partitions, current + 1))}
        whenEmpty={current + 1}
        error={{ key: 'inspector.topic.countError', vars: { current, max: LIMITS.partitions } }}
        hintKey="inspector.topic.addHint"
        disabled={current >= LIMITS.partitions}
        onSubmit={(partitions) => run({ type: 'addPartitions', topic: name, partitions })}
      />
      <div className="live__block">
        <p className="field__label">{t('inspector.topic.resetTitle')}</p>
        {groups.length === 0 ? (
          <p className="panel__empty">{t('inspector.topic.noGroups')}</p>
        ) : (
          <div className="live__row">
            <SelectField label={t('inspector.topic.group')} value={group} options={groups.map((g) => ({ value: g.id, label: g.id }))} onChange={setGroupChoice} />
            <button type="button" className="button button--quiet" onClick={() => reset('earliest')} disabled={busy} aria-describedby={`${resetHintId}-reset`}>
              {t('inspector.topic.resetEarliest')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => reset('latest')} disabled={busy} aria-describedby={`${resetHintId}-reset`}>
              {t('inspector.topic.resetLatest')}
            </button>
          </div>
        )}
        {chosen && (
          <p id={`${resetHintId}-reset`} className="field__hint" data-testid="reset-hint" data-busy={busy}>
            {busy ? t('inspector.topic.resetBusy', { group: chosen.id, n: chosen.members }) : t('inspector.topic.resetReady', { group: chosen.id })}
          </p>
        )}
      </div>
    </>
  );
}
