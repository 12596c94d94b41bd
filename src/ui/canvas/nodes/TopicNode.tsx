import type { NodeProps } from '@xyflow/react';
import { useMemo } from 'react';
import { memoNode } from './memoNode';
import type { EngineView } from '../../../engine';
import { useT } from '../../../i18n';
import { FULL_LANES_MAX_PARTITIONS } from '../../../scenario';
import { groupsReading, topicPartition, useKafe } from '../../../store';
import { useLive, useLiveFeed } from '../liveFeed';
import { brokerLabels } from '../engineIds';
import { formatCount, NodeShell } from './NodeShell';
import { PartitionStrip } from './PartitionStrip';
import { useSummaryZoom } from '../semanticZoom';
import { CompactLane, groupColor, laneGroups, laneSignature, PartitionLane } from './PartitionLane';
import type { KafeFlowNode } from './types';

/** Above this many partitions, lanes show counts and lag only, so the node stays readable
 * (auto-layout sizes topics by the same threshold). */
export const COMPACT_ABOVE = FULL_LANES_MAX_PARTITIONS;

/**
 * A topic: one lane per partition with its latest records, committed offsets and lag per
 * consumer group. It re-renders only when something it shows changed (see `topicSignature`),
 * and each lane only when its own partition changed.
 */
function TopicNodeImpl(props: NodeProps<KafeFlowNode<'topic'>>) {
  return useSummaryZoom() ? <TopicSummary {...props} /> : <TopicDetail {...props} />;
}

/** Zoomed out: name, how many records it holds, and its partitions as a picture (PartitionStrip). */
function TopicSummary({ id, data, selected }: NodeProps<KafeFlowNode<'topic'>>) {
  const { t } = useT();
  const { props } = data.node;
  const live = useLive(id, `${props.name}|${props.partitions}`, (s) => {
    const topic = s.frame.view.topics.find((tv) => tv.name === props.name);
    return { exists: topic !== undefined, partitions: topic?.partitions.length ?? props.partitions, records: topic?.partitions.reduce((n, p) => n + p.records, 0) ?? 0 };
  });
  const figure = !live.exists ? t('canvas.topic.notCreated') : live.records === 1 ? t('canvas.summary.recordsOne') : t('canvas.summary.records', { n: formatCount(live.records) });
  return (
    <NodeShell id={id} kind="topic" label={data.node.label} selected={selected} handles={{ in: true, out: true }} summary={{ figure }}>
      {live.exists && live.partitions <= COMPACT_ABOVE && <PartitionStrip nodeId={id} topic={props.name} partitions={live.partitions} label={t('canvas.summary.partitions')} />}
    </NodeShell>
  );
}

function TopicDetail({ id, data, selected }: NodeProps<KafeFlowNode<'topic'>>) {
  const { t } = useT();
  const { props } = data.node;
  const feed = useLiveFeed();
  // Subscribe to a signature; read the matching view from the store while rendering.
  useLive(id, props.name, (s) => topicSignature(s.frame.view, props.name), Object.is);
  const view = feed.state().frame.view;
  const nodes = useKafe((s) => s.scenario.nodes);
  const ids = useKafe((s) => s.ids);
  const read = useKafe((s) => s.readRecords);
  const leaders = useMemo(() => brokerLabels(ids, nodes), [ids, nodes]);

  const topic = view.topics.find((tv) => tv.name === props.name);
  const groups = groupsReading(view, props.name).map((group, i) => ({ group, color: groupColor(i) }));
  const partitions = topic?.partitions.length ?? props.partitions;
  const compact = partitions > COMPACT_ABOVE;

  return (
    <NodeShell id={id} kind="topic" label={data.node.label} selected={selected} handles={{ in: true, out: true }}>
      <p className="kafe-node__line kafe-node__line--muted">
        <span className="kafe-tag kafe-tag--mono">{props.name}</span>
        <span>
          {t(partitions === 1 ? 'canvas.topic.summaryOne' : 'canvas.topic.summary', {
            n: partitions,
            rf: topic?.replicationFactor ?? props.replicationFactor,
          })}
        </span>
        {props.cleanupPolicy === 'compact' && <span className="kafe-tag">{t('canvas.topic.compacted')}</span>}
      </p>
      {groups.length > 0 && (
        <p className="kafe-node__line kafe-topic__readers">
          <span className="kafe-node__caption">{t('canvas.topic.readBy')}</span>
          {groups.map(({ group, color }) => (
            <span key={group.id} className="kafe-topic__reader" data-group={group.id}>
              <span className="kafe-swatch" style={{ background: color }} aria-hidden="true" />
              {group.id}
            </span>
          ))}
        </p>
      )}
      {!topic ? (
        <p className="kafe-node__note">{t('canvas.topic.notCreated')}</p>
      ) : compact ? (
        <>
          <p className="kafe-node__note">{t('canvas.topic.compactNote', { n: topic.partitions.length })}</p>
          <ul className="kafe-clanes" data-topic={topic.name}>
            {topic.partitions.map((p) => (
              <CompactLane key={p.id} topic={topic.name} partition={p} groups={laneGroups(groups, topic.name, p.id)} />
            ))}
          </ul>
        </>
      ) : (
        <ul className="kafe-lanes" data-topic={topic.name}>
          {topic.partitions.map((p) => {
            const lane = laneGroups(groups, topic.name, p.id);
            return (
              <PartitionLane
                key={p.id}
                topic={topic.name}
                partition={p}
                groups={lane}
                leaderLabel={leaders.get(p.leader) ?? null}
                read={read}
                sig={laneSignature(p, lane)}
              />
            );
          })}
        </ul>
      )}
    </NodeShell>
  );
}

/** Everything the topic node shows from the running engine, as one string. */
function topicSignature(view: EngineView, name: string): string {
  const topic = view.topics.find((tv) => tv.name === name);
  if (!topic) return '-';
  let sig = `${topic.replicationFactor}`;
  for (const p of topic.partitions) sig += `|${p.startOffset}:${p.endOffset}:${p.highWatermark}:${p.leader}:${p.isr.length}:${p.records}`;
  for (const g of groupsReading(view, name)) {
    sig += `|${g.id}`;
    for (const p of topic.partitions) sig += `:${g.committed[topicPartition(name, p.id)] ?? ''}`;
  }
  return sig;
}

export const TopicNode = memoNode(TopicNodeImpl);
