import { groupsReading, partitionNumberOf, topicOfPartition, type KafeState } from '../../../store';

/**
 * What each live panel reads from the store, as named selectors over plain rows. The engine view
 * is rebuilt every frame, so the panels select through useKafeData: a panel re-renders only when
 * its rows change, not when the rest of the simulation moves (test/ui/liveSelectors.test.ts).
 */

export interface ProducerRow {
  id: string;
  topic: string;
  rate: number;
}

/** The engine producers of a producer node (one per topic it writes to). */
export const producersOfNode =
  (nodeId: string) =>
  (s: KafeState): ProducerRow[] =>
    s.frame.view.producers.filter((p) => s.ids.producerNode[p.id] === nodeId).map((p) => ({ id: p.id, topic: p.topic, rate: p.ratePerSec }));

/** A producer node's retry counters, summed over its engine producers. */
export const retriesOfNode =
  (nodeId: string) =>
  (s: KafeState): { notRewritten: number; writtenTwice: number } => {
    let notRewritten = 0;
    let writtenTwice = 0;
    for (const p of s.frame.view.producers)
      if (s.ids.producerNode[p.id] === nodeId) {
        notRewritten += p.retriesNotRewritten ?? 0;
        writtenTwice += p.writtenTwice ?? 0;
      }
    return { notRewritten, writtenTwice };
  };

/** Records of aborted transactions a consumer node's instances read (read_uncommitted) or skipped
 * (read_committed), and whether any topic it reads has seen a transaction. */
export const transactionsReadBy =
  (group: string, instanceIds: readonly string[], topics: readonly string[]) =>
  (s: KafeState): { abortedRead: number; abortedSkipped: number; transactionsSeen: boolean } => {
    let abortedRead = 0;
    let abortedSkipped = 0;
    for (const m of s.frame.view.groups.find((g) => g.id === group)?.members ?? [])
      if (instanceIds.includes(m.id)) {
        abortedRead += m.abortedRead ?? 0;
        abortedSkipped += m.abortedSkipped ?? 0;
      }
    const transactionsSeen = s.frame.view.topics.some((t) => topics.includes(t.name) && t.partitions.some((p) => p.lastStableOffset !== undefined));
    return { abortedRead, abortedSkipped, transactionsSeen };
  };

export interface PartitionRow {
  id: number;
  leader: number;
  end: number;
  hw: number;
  /** Last stable offset, only on partitions transactions wrote to. */
  lso: number | null;
  isr: number;
  rf: number;
}

export const partitionRowsOf =
  (topic: string) =>
  (s: KafeState): PartitionRow[] =>
    (s.frame.view.topics.find((x) => x.name === topic)?.partitions ?? []).map((p) => ({
      id: p.id,
      leader: p.leader,
      end: p.endOffset,
      hw: p.highWatermark,
      lso: p.lastStableOffset ?? null,
      isr: p.isr.length,
      rf: p.replicas.length,
    }));

export interface GroupRow {
  id: string;
  members: number;
}

/** Consumer groups reading `topic`, with how many members each has now. */
export const groupsOnTopic =
  (topic: string) =>
  (s: KafeState): GroupRow[] =>
    groupsReading(s.frame.view, topic).map((g) => ({ id: g.id, members: g.members.length }));

/** Engine consumer ids of a consumer node's instances (running or not). */
export const consumerInstancesOf =
  (nodeId: string) =>
  (s: KafeState): string[] =>
    Object.keys(s.ids.consumerNode).filter((id) => s.ids.consumerNode[id] === nodeId);

/** Topic names a node reads (arrows topic -> node), for bringing back an instance that left. */
export const topicsReadBy =
  (nodeId: string) =>
  (s: KafeState): string[] =>
    s.scenario.edges
      .filter((e) => e.target === nodeId)
      .flatMap((e) => {
        const n = s.scenario.nodes.find((x) => x.id === e.source);
        return n?.kind === 'topic' ? [n.props.name] : [];
      });

export interface ServiceSummary {
  down: boolean;
  instances: number;
  members: string[];
  group: string;
}

/** A service node's state in the engine, or null when it is not running. */
export const serviceOfNode =
  (nodeId: string) =>
  (s: KafeState): ServiceSummary | null => {
    const v = s.ids.serviceNode[nodeId] !== undefined ? s.frame.view.services.find((x) => x.id === nodeId) : undefined;
    return v ? { down: v.down, instances: v.instances, members: v.members, group: v.group } : null;
  };

export type MemberState = 'alive' | 'dead' | 'gone';
export interface MemberRow {
  id: string;
  state: MemberState;
  /** "topic-partition" ids it owns, by topic then partition number. */
  assigned: string[];
}

/** Instance ids with their state in `group`: alive, crashed (still in the group) or gone. */
export const memberRowsOf =
  (group: string | undefined, instanceIds: readonly string[]) =>
  (s: KafeState): MemberRow[] => {
    const members = group === undefined ? [] : (s.frame.view.groups.find((g) => g.id === group)?.members ?? []);
    return instanceIds.map((id) => {
      const m = members.find((x) => x.id === id);
      return { id, state: !m ? 'gone' : m.alive ? 'alive' : 'dead', assigned: m ? [...m.assigned].sort(byPartition) : [] };
    });
  };

function byPartition(a: string, b: string): number {
  const ta = topicOfPartition(a);
  const tb = topicOfPartition(b);
  return ta === tb ? partitionNumberOf(a) - partitionNumberOf(b) : ta < tb ? -1 : 1;
}

/** The engine index of a broker node (its order among broker nodes), or -1. */
export const brokerIndexOf = (nodeId: string) => (s: KafeState) => s.ids.brokerNode.indexOf(nodeId);

/** Whether broker `index` is up, or null when it is not running. */
export const brokerUp = (index: number) => (s: KafeState) => (index >= 0 ? (s.frame.view.brokers[index]?.up ?? null) : null);

/** How many partitions broker `index` leads now. */
export const partitionsLedBy = (index: number) => (s: KafeState) =>
  s.frame.view.topics.reduce((n, topic) => n + topic.partitions.filter((p) => p.leader === index).length, 0);
