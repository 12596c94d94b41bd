import type { NodeProps } from '@xyflow/react';
import { memoNode } from './memoNode';
import { useT } from '../../../i18n';
import { useLive } from '../liveFeed';
import { useSummaryZoom } from '../semanticZoom';
import { NodeShell } from './NodeShell';
import type { KafeFlowNode } from './types';

/**
 * A broker. The i-th broker node on the canvas is the engine's i-th broker; shows whether it is
 * up, down or fenced and how many partitions it currently leads. No handles: brokers host
 * topics, they are not wired into the flow.
 */
function BrokerNodeImpl({ id, data, selected }: NodeProps<KafeFlowNode<'broker'>>) {
  const { t } = useT();
  const info = useLive(id, id, (s) => {
      const index = s.ids.brokerNode.indexOf(id);
      const b = s.frame.view.brokers[index];
      if (!b) return { index, known: false, up: false, fenced: false, leads: 0 };
      let leads = 0;
      for (const topic of s.frame.view.topics) for (const p of topic.partitions) if (p.leader === b.id) leads++;
      return { index, known: true, up: b.up, fenced: b.fenced, leads };
  });
  const state = !info.known ? 'unknown' : !info.up ? 'down' : info.fenced ? 'fenced' : 'up';
  const leads = info.known ? (info.leads === 1 ? t('canvas.broker.leadsOne') : t('canvas.broker.leads', { n: info.leads })) : t('canvas.broker.unknown');
  const summary = useSummaryZoom();

  return (
    <NodeShell
      id={id}
      kind="broker"
      label={data.node.label}
      selected={selected}
      handles={{}}
      status={state === 'down' ? 'down' : state === 'fenced' ? 'warn' : 'ok'}
      summary={summary ? { figure: leads } : undefined}
      badges={
        info.known ? (
          <span className={`kafe-pill kafe-pill--${state}`} data-broker-state={state}>
            {t(`canvas.broker.${state as 'up' | 'down' | 'fenced'}`)}
          </span>
        ) : undefined
      }
    >
      {!summary && (
        <p className="kafe-node__line kafe-node__line--muted">
          <span>{leads}</span>
        </p>
      )}
    </NodeShell>
  );
}

export const BrokerNode = memoNode(BrokerNodeImpl);
