import type { Command } from '../../../engine';
import { useT } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { useKafeData } from '../../../store';
import { Members } from './Members';
import { NotRunning } from './NotRunning';
import { consumerInstancesOf, memberRowsOf, topicsReadBy, transactionsReadBy } from './selectors';
import { Counters } from '../Counters';

/** A consumer group node: each instance with Kill / Restart (an instance that left can rejoin). */
export function ConsumerLive({ node }: { node: NodeOf<'consumer'> }) {
  const { t } = useT();
  const p = node.props;
  const instanceIds = useKafeData(consumerInstancesOf(node.id));
  const rows = useKafeData(memberRowsOf(p.group, instanceIds));
  const topics = useKafeData(topicsReadBy(node.id));
  const txn = useKafeData(transactionsReadBy(p.group, instanceIds, topics));
  if (instanceIds.length === 0) return <NotRunning />;
  const revive = (id: string): Command => ({
    type: 'addConsumer',
    id,
    group: p.group,
    topics,
    processingMs: p.processingMs,
    assignor: p.assignor,
    autoOffsetReset: p.autoOffsetReset,
    commitMode: p.commitMode,
    ...(p.isolationLevel !== 'read_uncommitted' ? { isolationLevel: p.isolationLevel } : {}),
  });
  return (
    <>
      <div className="live__block">
        <p className="field__label">{t('inspector.members.title', { group: p.group })}</p>
        <Members rows={rows} revive={revive} />
        <p className="field__hint">{t('inspector.members.hint')}</p>
      </div>
      {(txn.transactionsSeen || p.isolationLevel === 'read_committed') && (
        <Counters
          titleKey="inspector.counter.readTitle"
          testId="consumer-counters"
          items={[
            { name: 'abortedRead', labelKey: 'inspector.counter.abortedRead', value: txn.abortedRead },
            { name: 'abortedSkipped', labelKey: 'inspector.counter.abortedSkipped', value: txn.abortedSkipped },
          ]}
          hintKey="inspector.hint.isolationLevel"
        />
      )}
    </>
  );
}
