import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EngineView } from '../../../engine';
import { useT } from '../../../i18n';
import { useKafe } from '../../../store';
import { useSummaryZoom } from '../semanticZoom';
import { decodeMembers, encodeMembers, MembersList } from './MembersList';
import { formatCount, NodeShell, Stat } from './NodeShell';
import type { KafeFlowNode } from './types';

/**
 * A service: a consumer group that does work and emits new events. Shows its instances and the
 * partitions each owns (crashed ones struck through), processed/failed counts, and a badge when
 * the service is down. "dropped" shows whenever processing can fail (a failure chance is set) and
 * "duplicates skipped" whenever the service is idempotent, even at 0, because lessons ask
 * learners to watch them move. Selects only numbers and a members string, so it re-renders on change.
 */
function ServiceNodeImpl(props: NodeProps<KafeFlowNode<'service'>>) {
  return useSummaryZoom() ? <ServiceSummary {...props} /> : <ServiceDetail {...props} />;
}

/** Zoomed out: name, the group's lag (how far behind it is), and whether it is down. */
function ServiceSummary({ id, data, selected }: NodeProps<KafeFlowNode<'service'>>) {
  const { t } = useT();
  const live = useKafe(
    useShallow((s) => {
      const services = s.frame.view.services.filter((sv) => s.ids.serviceNode[sv.id] === id);
      const lag = s.frame.view.groups.filter((g) => services.some((sv) => sv.group === g.id)).reduce((n, g) => n + g.totalLag, 0);
      return { lag, down: services.some((sv) => sv.down) };
    }),
  );
  return (
    <NodeShell
      id={id}
      kind="service"
      label={data.node.label}
      selected={selected}
      handles={{ in: true, out: true }}
      status={live.down ? 'down' : 'ok'}
      badges={live.down ? <span className="kafe-pill kafe-pill--down">{t('canvas.service.down')}</span> : undefined}
      summary={{ figure: <span className={live.lag > 0 ? 'kafe-figure--bad' : undefined} data-lag={live.lag}>{t('canvas.consumer.lag', { n: formatCount(live.lag) })}</span> }}
    />
  );
}

function ServiceDetail({ id, data, selected }: NodeProps<KafeFlowNode<'service'>>) {
  const { t } = useT();
  const { props } = data.node;
  const live = useKafe(useShallow((s) => serviceLive(s.frame.view, s.ids.serviceNode, id)));
  const members = decodeMembers(live.members);
  const alive = members.filter((m) => m.alive).length;
  const crashed = members.length - alive;

  return (
    <NodeShell
      id={id}
      kind="service"
      label={data.node.label}
      selected={selected}
      handles={{ in: true, out: true }}
      status={live.down ? 'down' : crashed > 0 ? 'warn' : 'ok'}
      badges={live.down ? <span className="kafe-pill kafe-pill--down">{t('canvas.service.down')}</span> : undefined}
    >
      <p className="kafe-node__line kafe-node__line--muted">
        <span>{t('canvas.service.group', { group: props.group })}</span>
        <span className="kafe-tag">{t('canvas.service.emits', { type: props.emits })}</span>
      </p>
      {crashed > 0 && <p className="kafe-node__line kafe-warn">{t('canvas.service.crashed', { n: crashed })}</p>}
      <MembersList members={members} rebalancing={live.rebalancing} />
      <div
        className="kafe-node__stats"
        data-processed={live.processed}
        data-alive={alive}
        data-crashed={crashed}
        data-dropped={live.dropped}
        data-duplicates-skipped={live.duplicatesSkipped}
      >
        <Stat label={t('canvas.service.processed')} value={live.processed} tone="good" />
        {live.failed > 0 && <Stat label={t('canvas.service.failed')} value={live.failed} tone="bad" />}
        {(props.failureRate > 0 || live.dropped > 0) && <Stat label={t('canvas.service.dropped')} value={live.dropped} tone="bad" />}
        {live.deadLettered > 0 && <Stat label={t('canvas.service.deadLettered')} value={live.deadLettered} tone="bad" />}
        {(props.idempotent || live.duplicatesSkipped > 0) && <Stat label={t('canvas.service.duplicatesSkipped')} value={live.duplicatesSkipped} tone="good" />}
      </div>
    </NodeShell>
  );
}

function serviceLive(view: EngineView, serviceNode: Readonly<Record<string, string>>, nodeId: string) {
  const services = view.services.filter((sv) => serviceNode[sv.id] === nodeId);
  const groups = view.groups.filter((g) => services.some((sv) => sv.group === g.id));
  const members = groups.flatMap((g) => g.members.filter((m) => services.some((sv) => m.service === sv.id || sv.members.includes(m.id))));
  let processed = 0;
  let failed = 0;
  let deadLettered = 0;
  let dropped = 0;
  let duplicatesSkipped = 0;
  for (const sv of services) {
    processed += sv.stats.processed;
    failed += sv.stats.failed;
    deadLettered += sv.stats.deadLettered;
    dropped += sv.stats.dropped;
    duplicatesSkipped += sv.stats.duplicatesSkipped;
  }
  return {
    processed,
    failed,
    deadLettered,
    dropped,
    duplicatesSkipped,
    down: services.some((sv) => sv.down),
    rebalancing: groups.some((g) => g.state === 'PreparingRebalance'),
    members: encodeMembers(members),
  };
}

export const ServiceNode = memo(ServiceNodeImpl);
