import { useT, type MessageKey } from '../../i18n';
import type { DatabaseView } from '../../engine';
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
  const database = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.database ?? null);
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
      {database && <DatabaseCounters database={database} />}
      {node.props.ruleField !== '' && <p className="field__hint">{t('inspector.counter.ruleHint', { field: node.props.ruleField, above: node.props.ruleAbove })}</p>}
    </div>
  );
}

/** The counters of each database mode, in order: what lesson 18 compares (saved vs published). */
const DATABASE_COUNTERS: Record<DatabaseView['mode'], readonly (keyof DatabaseView & keyof typeof DB_LABEL)[]> = {
  dualWrite: ['rows', 'published', 'lost', 'crashes', 'alreadySaved'],
  outbox: ['rows', 'published', 'pending', 'republished', 'crashes', 'alreadySaved'],
};

const DB_LABEL = {
  rows: 'inspector.counter.rows',
  published: 'inspector.counter.published',
  lost: 'inspector.counter.lost',
  pending: 'inspector.counter.pending',
  republished: 'inspector.counter.republished',
  crashes: 'inspector.counter.crashes',
  alreadySaved: 'inspector.counter.alreadySaved',
} as const satisfies Record<string, MessageKey>;

/** A service's database (dual write or outbox): rows saved against events published. */
function DatabaseCounters({ database }: { database: DatabaseView }) {
  const { t } = useT();
  return (
    <>
      <p className="field__label">{t('inspector.counter.dbTitle')}</p>
      <dl className="counters" data-testid="database-counters" data-mode={database.mode}>
        {DATABASE_COUNTERS[database.mode].map((c) => (
          <div key={c} className="counters__item" data-counter={c}>
            <dt>{t(DB_LABEL[c])}</dt>
            <dd>{database[c].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
