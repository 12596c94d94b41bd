import { useT, type MessageKey } from '../../i18n';
import type { DatabaseView } from '../../engine';
import { GOAL_STAT_KEYS } from '../../i18n/codeKeys';
import type { DATABASE_STATS } from '../../lessons';
import type { NodeOf } from '../../scenario';
import { useKafe, useKafeData } from '../../store';
import { Counters, type CounterItem } from './Counters';

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
 * learner can see that something did NOT happen; failure events and transactions once the service
 * has them.
 */
export function ServiceCounters({ node }: { node: NodeOf<'service'> }) {
  const { t } = useT();
  const running = useKafe((s) => s.ids.serviceNode[node.id] !== undefined);
  const stats = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.stats ?? null);
  const txn = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.transactions ?? null);
  const failureEvents = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.failureEvents ?? null);
  const undeserialisable = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.undeserialisable ?? null);
  const database = useKafeData((s) => s.frame.view.services.find((x) => x.id === node.id)?.database ?? null);
  if (!running || !stats) return null;
  const items: CounterItem[] = COUNTERS.map((c) => ({ name: c, labelKey: LABEL[c], value: stats[c] }));
  if (failureEvents !== null)
    items.push({ name: 'failureEvents', labelKey: 'inspector.counter.failureEvents', labelParams: { type: node.props.failureEmits }, value: failureEvents });
  if (undeserialisable !== null) items.push({ name: 'undeserialisable', labelKey: 'inspector.counter.undeserialisable', value: undeserialisable });
  if (txn)
    items.push(
      { name: 'txnCommitted', labelKey: 'inspector.counter.txnCommitted', value: txn.committed },
      { name: 'txnAborted', labelKey: 'inspector.counter.txnAborted', value: txn.aborted },
    );
  const ruleHint = node.props.ruleField !== '' ? t('inspector.counter.ruleHint', { field: node.props.ruleField, above: node.props.ruleAbove }) : undefined;
  return (
    <>
      <Counters titleKey="inspector.counter.title" testId="service-counters" items={items} hint={ruleHint} />
      {database && <DatabaseCounters database={database} />}
    </>
  );
}

/** The counters of each database mode, in order: what lesson 18 compares (saved vs published).
 * Labelled with the words lesson goals use for them (GOAL_STAT_KEYS), so both say the same. */
const DATABASE_COUNTERS: Record<DatabaseView['mode'], readonly (keyof DatabaseView & (typeof DATABASE_STATS)[number])[]> = {
  dualWrite: ['rows', 'published', 'lost', 'crashes', 'alreadySaved'],
  outbox: ['rows', 'published', 'pending', 'republished', 'crashes', 'alreadySaved'],
};

/** A service's database (dual write or outbox): rows saved against events published. */
function DatabaseCounters({ database }: { database: DatabaseView }) {
  const items: CounterItem[] = DATABASE_COUNTERS[database.mode].map((c) => ({ name: c, labelKey: GOAL_STAT_KEYS[c], value: database[c] }));
  return <Counters titleKey="inspector.counter.dbTitle" testId="database-counters" items={items} />;
}
