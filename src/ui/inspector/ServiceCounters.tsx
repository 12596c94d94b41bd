import { useT, type MessageKey } from '../../i18n';
import type { NodeOf } from '../../scenario';
import { useKafe, useKafeData } from '../../store';

const COUNTERS = ['processed', 'emitted', 'filtered', 'failed', 'deadLettered', 'dropped', 'duplicatesSkipped'] as const;
type Counter = (typeof COUNTERS)[number];

const LABEL: Record<Counter, MessageKey> = {
  processed: 'inspector.counter.processed',
  emitted: 'inspector.counter.emitted',
  filtered: 'inspector.counter.filtered',
  failed: 'inspector.counter.failed',
  deadLettered: 'inspector.counter.deadLettered',
  dropped: 'inspector.counter.dropped',
  duplicatesSkipped: 'inspector.counter.duplicatesSkipped',
};

/**
 * Every counter of a running service, at any zoom (the canvas node shows a few, and only when
 * zoomed in): what lessons on delivery and failures ask the learner to watch (dropped, duplicates
 * skipped) and what a rule lets through or filters out. Always all of them, zeros included, so a
 * learner can see that something did NOT happen.
 */
export function ServiceCounters({ node }: { node: NodeOf<'service'> }) {
  const { t } = useT();
  const running = useKafe((s) => s.ids.serviceNode[node.id] !== undefined);
  const stats = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.stats ?? null);
  const txn = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.transactions ?? null);
  const failureEvents = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.failureEvents ?? null);
  const undeserialisable = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.undeserialisable ?? null);
  if (!running || !stats) return null;
  return (
    <div className="live__block">
      <p className="field__label">{t('inspector.counter.title')}</p>
      <dl className="counters" data-testid="service-counters">
        {COUNTERS.map((c) => (
          <div key={c} className="counters__item" data-counter={c}>
            <dt>{t(LABEL[c])}</dt>
            <dd>{stats[c].toLocaleString()}</dd>
          </div>
        ))}
        {failureEvents !== null && (
          <div className="counters__item" data-counter="failureEvents">
            <dt>{t('inspector.counter.failureEvents', { type: node.props.failureEmits })}</dt>
            <dd>{failureEvents.toLocaleString()}</dd>
          </div>
        )}
        {undeserialisable !== null && (
          <div className="counters__item" data-counter="undeserialisable">
            <dt>{t('inspector.counter.undeserialisable')}</dt>
            <dd>{undeserialisable.toLocaleString()}</dd>
          </div>
        )}
        {txn && (
          <>
            <div className="counters__item" data-counter="txnCommitted">
              <dt>{t('inspector.counter.txnCommitted')}</dt>
              <dd>{txn.committed.toLocaleString()}</dd>
            </div>
            <div className="counters__item" data-counter="txnAborted">
              <dt>{t('inspector.counter.txnAborted')}</dt>
              <dd>{txn.aborted.toLocaleString()}</dd>
            </div>
          </>
        )}
      </dl>
      {node.props.ruleField !== '' && <p className="field__hint">{t('inspector.counter.ruleHint', { field: node.props.ruleField, above: node.props.ruleAbove })}</p>}
    </div>
  );
}
