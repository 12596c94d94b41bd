import { useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { EngineView } from '../../../engine';
import { useT } from '../../../i18n';
import { FULL_LANES_MAX_PARTITIONS } from '../../../scenario';
import { groupsReading, topicPartition, useKafe, useKafeStoreApi } from '../../../store';
import { brokerLabels } from '../engineIds';
import { NodeShell } from './NodeShell';
import { CompactLane, groupColor, laneGroups, laneSignature, PartitionLane } from './PartitionLane';
import type { KafeFlowNode } from './types';

/** Above this many partitions, lanes show counts and lag only, so the node stays readable
 * (auto-layout sizes topics by the same threshold). */
export const COMPACT_ABOVE = FULL_LANES_MAX_PARTITIONS;

/** Below this zoom the canvas draws lanes without text (a level of detail, as maps do). */
export const FAR_ZOOM = 0.45;

/**
 * A topic: one lane per partition with its latest records, committed offsets and lag per
 * consumer group. It re-renders only when something it shows changed (see `topicSignature`),
 * and each lane only when its own partition changed.
 */
function TopicNodeImpl({ id, data, selected }: NodeProps<KafeFlowNode<'topic'>>) {
  const { t } = useT();
  const { props } = data.node;
  const api = useKafeStoreApi();
  // Subscribe to a signature; read the matching view from the store while rendering.
  useKafe((s) => topicSignature(s.frame.view, props.name));
  const view = api.getState().frame.view;
  const nodes = useKafe((s) => s.scenario.nodes);
  const ids = useKafe((s) => s.ids);
  const read = useKafe((s) => s.readRecords);
  // Zoomed far out, chip text is unreadable: lanes keep their shape but skip text and tooltips.
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
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
        <ul className={`kafe-lanes${far ? ' kafe-lanes--far' : ''}`} data-topic={topic.name}>
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
                far={far}
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

export const TopicNode = memo(TopicNodeImpl);
