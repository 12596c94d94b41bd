import type { NodeProps } from '@xyflow/react';
import { memoNode } from './memoNode';
import { useT } from '../../../i18n';
import { useLive } from '../liveFeed';
import { useSummaryZoom } from '../semanticZoom';
import { decodeMembers, encodeMembers, MembersList } from './MembersList';
import { formatCount, NodeShell, Stat } from './NodeShell';
import type { KafeFlowNode } from './types';

/** A consumer group: its members, the partitions each owns, the group's total lag, and (once
 * there are some) the records of aborted transactions it read or skipped (lesson 16). */
function ConsumerNodeImpl(props: NodeProps<KafeFlowNode<'consumer'>>) {
  return useSummaryZoom() ? <ConsumerSummary {...props} /> : <ConsumerDetail {...props} />;
}

/** Zoomed out: name and the group's total lag. */
function ConsumerSummary({ id, data, selected }: NodeProps<KafeFlowNode<'consumer'>>) {
  const { t } = useT();
  const lag = useLive(id, id, (s) =>
    s.frame.view.groups.filter((g) => g.members.some((m) => s.ids.consumerNode[m.id] === id)).reduce((n, g) => n + g.totalLag, 0),
  );
  const figure = <span className={lag > 0 ? 'kafe-figure--bad' : undefined} data-lag={lag}>{t('canvas.consumer.lag', { n: formatCount(lag) })}</span>;
  return <NodeShell id={id} kind="consumer" label={data.node.label} selected={selected} handles={{ in: true }} summary={{ figure }} />;
}

function ConsumerDetail({ id, data, selected }: NodeProps<KafeFlowNode<'consumer'>>) {
  const { t } = useT();
  const { props } = data.node;
  const live = useLive(id, id, (s) => {
      const groups = s.frame.view.groups.filter((g) => g.members.some((m) => s.ids.consumerNode[m.id] === id));
      const own = groups.flatMap((g) => g.members.filter((m) => s.ids.consumerNode[m.id] === id));
      return {
        members: encodeMembers(own),
        abortedRead: own.reduce((n, m) => n + (m.abortedRead ?? 0), 0),
        abortedSkipped: own.reduce((n, m) => n + (m.abortedSkipped ?? 0), 0),
        lag: groups.reduce((n, g) => n + g.totalLag, 0),
        rebalancing: groups.some((g) => g.state === 'PreparingRebalance'),
      };
  });
  const members = decodeMembers(live.members);

  return (
    <NodeShell
      id={id}
      kind="consumer"
      label={data.node.label}
      selected={selected}
      handles={{ in: true }}
      status={members.some((m) => !m.alive) ? 'warn' : 'ok'}
    >
      <p className="kafe-node__line kafe-node__line--muted">
        <span>{t('canvas.consumer.group', { group: props.group })}</span>
        <span>{props.assignor}</span>
      </p>
      {members.length === 0 ? (
        <p className="kafe-node__note">{t('canvas.consumer.idle')}</p>
      ) : (
        <>
          <MembersList members={members} rebalancing={live.rebalancing} />
          <div className="kafe-node__stats" data-lag={live.lag}>
            <Stat label={t('canvas.consumer.lagLabel')} value={live.lag} tone={live.lag > 0 ? 'bad' : undefined} />
            {live.abortedRead > 0 && <Stat label={t('canvas.consumer.abortedRead')} value={live.abortedRead} tone="bad" counter="abortedRead" />}
            {live.abortedSkipped > 0 && <Stat label={t('canvas.consumer.abortedSkipped')} value={live.abortedSkipped} tone="good" counter="abortedSkipped" />}
          </div>
        </>
      )}
    </NodeShell>
  );
}

export const ConsumerNode = memoNode(ConsumerNodeImpl);
