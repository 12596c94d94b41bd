import type { NodeProps } from '@xyflow/react';
import { memoNode } from './memoNode';
import { useT } from '../../../i18n';
import { useLive } from '../liveFeed';
import { useSummaryZoom } from '../semanticZoom';
import { NodeShell, Stat } from './NodeShell';
import type { KafeFlowNode } from './types';

/** A producer: what it sends (event type, keys, rate, acks) and how many records were sent/acked,
 * with its retry counters once a retry happened (written twice / not rewritten, lesson 16);
 * zoomed out, its name and rate. */
function ProducerNodeImpl(props: NodeProps<KafeFlowNode<'producer'>>) {
  return useSummaryZoom() ? <ProducerSummary {...props} /> : <ProducerDetail {...props} />;
}

function ProducerSummary({ id, data, selected }: NodeProps<KafeFlowNode<'producer'>>) {
  const { t } = useT();
  const { ratePerSec } = data.node.props;
  const figure = ratePerSec > 0 ? t('canvas.producer.rate', { rate: ratePerSec }) : t('canvas.producer.paused');
  return <NodeShell id={id} kind="producer" label={data.node.label} selected={selected} handles={{ out: true }} summary={{ figure }} />;
}

function ProducerDetail({ id, data, selected }: NodeProps<KafeFlowNode<'producer'>>) {
  const { t } = useT();
  const { props } = data.node;
  const stats = useLive(id, id, (s) => {
      let sent = 0;
      let acked = 0;
      let failed = 0;
      let writtenTwice = 0;
      let notRewritten = 0;
      for (const p of s.frame.view.producers) {
        if (s.ids.producerNode[p.id] !== id) continue;
        sent += p.sent;
        acked += p.acked;
        failed += p.failed;
        writtenTwice += p.writtenTwice ?? 0;
        notRewritten += p.retriesNotRewritten ?? 0;
      }
      return { sent, acked, failed, writtenTwice, notRewritten };
  });

  const keys =
    props.keyPattern === 'cycle' && props.keys.length > 0
      ? t('canvas.producer.keysCycle', { keys: abbreviateList(props.keys) })
      : props.keyPattern === 'random'
        ? t('canvas.producer.keysRandom', { prefix: props.keyPrefix, last: props.keyCount - 1 })
        : t('canvas.producer.keysNone');

  return (
    <NodeShell id={id} kind="producer" label={data.node.label} selected={selected} handles={{ out: true }}>
      <p className="kafe-node__line">
        <span className="kafe-tag">{props.eventType}</span>
        <span>{props.ratePerSec > 0 ? t('canvas.producer.rate', { rate: props.ratePerSec }) : t('canvas.producer.paused')}</span>
      </p>
      <p className="kafe-node__line kafe-node__line--muted">
        <span>{t('canvas.producer.acks', { acks: String(props.acks) })}</span>
        {props.idempotent && <span>{t('canvas.producer.idempotent')}</span>}
        <span className="kafe-node__keys" title={props.keyPattern === 'cycle' ? props.keys.join(', ') : undefined}>
          {keys}
        </span>
      </p>
      <div className="kafe-node__stats">
        <Stat label={t('canvas.producer.sent')} value={stats.sent} />
        <Stat label={t('canvas.producer.acked')} value={stats.acked} tone="good" />
        {stats.failed > 0 && <Stat label={t('canvas.producer.failed')} value={stats.failed} tone="bad" />}
        {stats.writtenTwice > 0 && <Stat label={t('canvas.producer.writtenTwice')} value={stats.writtenTwice} tone="bad" counter="writtenTwice" />}
        {stats.notRewritten > 0 && <Stat label={t('canvas.producer.notRewritten')} value={stats.notRewritten} tone="good" counter="retriesNotRewritten" />}
      </div>
    </NodeShell>
  );
}

function abbreviateList(items: readonly string[], max = 4): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, …`;
}

export const ProducerNode = memoNode(ProducerNodeImpl);
