import type { NodeProps } from '@xyflow/react';
import { memoNode } from './memoNode';
import type { EngineView } from '../../../engine';
import { useT } from '../../../i18n';
import { useKafe } from '../../../store';
import type { ScenarioNode } from '../../../scenario';
import { useLive } from '../liveFeed';
import { useSummaryZoom } from '../semanticZoom';
import { decodeMembers, encodeMembers, MembersList } from './MembersList';
import { formatCount, NodeShell, Stat } from './NodeShell';
import type { KafeFlowNode } from './types';

type ServiceProps = Extract<ScenarioNode, { kind: 'service' }>['props'];
type Live = ReturnType<typeof serviceLive>;
type Counter = 'processed' | 'failed' | 'dropped' | 'deadLettered' | 'duplicatesSkipped' | 'txnCommitted' | 'txnAborted' | 'abortedRead' | 'abortedSkipped';

/**
 * The counters a service shows, in order, and when: a counter that can stay at 0 in a lesson
 * the learner watches move ("dropped" while a failure chance is set, "duplicates skipped" while
 * the service is idempotent) shows from the start; the others once they are above 0 (the
 * transaction counters of lesson 16: its own commits and aborts, and the records of aborted
 * transactions its instances read or skipped).
 */
const COUNTERS: readonly { name: Counter; tone: 'good' | 'bad'; shown: (props: ServiceProps, live: Live) => boolean }[] = [
  { name: 'processed', tone: 'good', shown: () => true },
  { name: 'failed', tone: 'bad', shown: (_, live) => live.failed > 0 },
  { name: 'dropped', tone: 'bad', shown: (props, live) => props.failureRate > 0 || live.dropped > 0 },
  { name: 'deadLettered', tone: 'bad', shown: (_, live) => live.deadLettered > 0 },
  { name: 'duplicatesSkipped', tone: 'good', shown: (props, live) => props.idempotent || live.duplicatesSkipped > 0 },
  { name: 'txnCommitted', tone: 'good', shown: (_, live) => live.txnCommitted > 0 },
  { name: 'txnAborted', tone: 'bad', shown: (_, live) => live.txnAborted > 0 },
  { name: 'abortedRead', tone: 'bad', shown: (_, live) => live.abortedRead > 0 },
  { name: 'abortedSkipped', tone: 'good', shown: (_, live) => live.abortedSkipped > 0 },
];

/** The counters read straight from the service's stats. */
const STAT_COUNTERS = ['processed', 'failed', 'deadLettered', 'dropped', 'duplicatesSkipped'] as const;

/**
 * A service: a consumer group that does work and emits new events. Shows its instances and the
 * partitions each owns (crashed ones struck through), its counters (COUNTERS), and a badge when
 * the service is down. Selects only numbers and a members string, so it re-renders on change.
 */
function ServiceNodeImpl(props: NodeProps<KafeFlowNode<'service'>>) {
  return useSummaryZoom() ? <ServiceSummary {...props} /> : <ServiceDetail {...props} />;
}

/** Zoomed out: name, the group's lag (how far behind it is), and whether it is down. */
function ServiceSummary({ id, data, selected }: NodeProps<KafeFlowNode<'service'>>) {
  const { t } = useT();
  const live = useLive(id, id, (s) => {
    const { lag, down, dbMode, dbLost, dbPending } = serviceLive(s.frame.view, s.ids.serviceNode, id);
    return { lag, down, dbMode, dbLost, dbPending };
  });
  // A service with a database also says what lesson 18 watches: events lost, or waiting.
  const database =
    live.dbMode === 'dualWrite' ? (
      <span className={live.dbLost > 0 ? 'kafe-figure--bad' : undefined} data-lost={live.dbLost}>
        {t('canvas.service.lostCount', { n: formatCount(live.dbLost) })}
      </span>
    ) : live.dbMode === 'outbox' ? (
      <span data-pending={live.dbPending}>{t('canvas.service.pendingCount', { n: formatCount(live.dbPending) })}</span>
    ) : null;
  return (
    <NodeShell
      id={id}
      kind="service"
      label={data.node.label}
      selected={selected}
      handles={IN_OUT}
      status={live.down ? 'down' : 'ok'}
      badges={live.down ? <span className="kafe-pill kafe-pill--down">{t('canvas.service.down')}</span> : undefined}
      summary={{
        figure: (
          <>
            <span className={live.lag > 0 ? 'kafe-figure--bad' : undefined} data-lag={live.lag}>
              {t('canvas.consumer.lag', { n: formatCount(live.lag) })}
            </span>
            {database && <span className="kafe-node__figure-line">{database}</span>}
          </>
        ),
      }}
    />
  );
}

const IN_OUT = { in: true, out: true } as const;

function ServiceDetail({ id, data, selected }: NodeProps<KafeFlowNode<'service'>>) {
  const { t } = useT();
  const { props } = data.node;
  const live = useLive(id, id, (s) => serviceLive(s.frame.view, s.ids.serviceNode, id));
  const members = decodeMembers(live.members);
  const alive = members.filter((m) => m.alive).length;
  const crashed = members.length - alive;
  const writesSomewhere = useKafe((s) => s.scenario.edges.some((e) => e.source === id));

  return (
    <NodeShell
      id={id}
      kind="service"
      label={data.node.label}
      selected={selected}
      handles={IN_OUT}
      status={live.down ? 'down' : crashed > 0 ? 'warn' : 'ok'}
      badges={live.down ? <span className="kafe-pill kafe-pill--down">{t('canvas.service.down')}</span> : undefined}
    >
      <p className="kafe-node__line kafe-node__line--muted">
        <span>{t('canvas.service.group', { group: props.group })}</span>
        {/* What it emits only means something once an arrow leads to a topic (lesson 16's mailer
            and lesson 10's ledger write nowhere: their work is a side effect). */}
        {writesSomewhere && <span className="kafe-tag">{t('canvas.service.emits', { type: props.emits })}</span>}
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
        {COUNTERS.filter((c) => c.shown(props, live)).map((c) => (
          <Stat key={c.name} label={t(`canvas.service.${c.name}`)} value={live[c.name]} tone={c.tone} counter={c.name} />
        ))}
      </div>
      {live.dbMode !== null && (
        <div className="kafe-node__stats" data-testid="database-stats" data-saved={live.dbRows} data-published={live.dbPublished} data-lost={live.dbLost} data-pending={live.dbPending}>
          <Stat label={t('canvas.service.saved')} value={live.dbRows} tone="good" />
          <Stat label={t('canvas.service.published')} value={live.dbPublished} tone="good" />
          {live.dbMode === 'dualWrite' ? (
            <Stat label={t('canvas.service.lost')} value={live.dbLost} tone="bad" />
          ) : (
            <Stat label={t('canvas.service.pending')} value={live.dbPending} tone="good" />
          )}
        </div>
      )}
    </NodeShell>
  );
}

/** What a service node shows of the running engine: its counters, lag, state and members. */
function serviceLive(view: EngineView, serviceNode: Readonly<Record<string, string>>, nodeId: string) {
  const services = view.services.filter((sv) => serviceNode[sv.id] === nodeId);
  const groups = view.groups.filter((g) => services.some((sv) => sv.group === g.id));
  const members = groups.flatMap((g) => g.members.filter((m) => services.some((sv) => m.service === sv.id || sv.members.includes(m.id))));
  const live = { processed: 0, failed: 0, deadLettered: 0, dropped: 0, duplicatesSkipped: 0, txnCommitted: 0, txnAborted: 0, abortedRead: 0, abortedSkipped: 0 };
  for (const sv of services) {
    for (const c of STAT_COUNTERS) live[c] += sv.stats[c];
    live.txnCommitted += sv.transactions?.committed ?? 0;
    live.txnAborted += sv.transactions?.aborted ?? 0;
  }
  for (const m of members) {
    live.abortedRead += m.abortedRead ?? 0;
    live.abortedSkipped += m.abortedSkipped ?? 0;
  }
  // A node maps to one engine service; its database's counters, flat (the live feed compares
  // selections shallowly, so a nested object would re-render the node on every frame).
  const database = services.find((sv) => sv.database !== undefined)?.database;
  return {
    ...live,
    dbMode: database?.mode ?? null,
    dbRows: database?.rows ?? 0,
    dbPublished: database?.published ?? 0,
    dbLost: database?.lost ?? 0,
    dbPending: database?.pending ?? 0,
    lag: groups.reduce((n, g) => n + g.totalLag, 0),
    down: services.some((sv) => sv.down),
    rebalancing: groups.some((g) => g.state === 'PreparingRebalance'),
    members: encodeMembers(members),
  };
}

export const ServiceNode = memoNode(ServiceNodeImpl);
