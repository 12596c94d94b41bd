import type { EngineView, GroupView, MemberView } from '../engine';
import { brokerAddress, javaHashCode, MISSING, padRight, stableUuid } from './format';

/**
 * What `kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group <G>` (and
 * `… --describe --group <G> --state`) print for the simulated cluster. Layout, column widths and
 * messages follow Kafka 4.x
 * tools/src/main/java/org/apache/kafka/tools/consumer/group/ConsumerGroupCommand.java
 * (printOffsets, printOffsetFormat, printStates, shouldPrintMemberState, collectGroupsOffsets).
 * Output on stderr (the "has no active members" and "is rebalancing" lines) is included in place,
 * as a terminal shows it.
 */

/** The group states Kafka's tools print (org.apache.kafka.common.GroupState, classic consumer groups). */
export type KafkaGroupState = 'Stable' | 'PreparingRebalance' | 'CompletingRebalance' | 'Empty' | 'Dead';

/**
 * The simulation moves a group Empty → PreparingRebalance → Stable; its join and sync happen in
 * one step, so it never shows CompletingRebalance (waiting for the leader's SyncGroup). A group
 * that no longer exists is Dead.
 */
export function kafkaGroupState(group: GroupView | undefined): KafkaGroupState {
  return group ? group.state : 'Dead';
}

/** One row of the offsets table; null prints as "-". */
export interface OffsetRow {
  group: string;
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  consumerId: string;
  host: string;
  clientId: string;
}

/**
 * A simulated member's identity as Kafka would show it. Classic consumers get member.id =
 * client.id + "-" + a UUID from the coordinator; the simulation uses the member's own name as its
 * client.id and a stable UUID, and every member runs on this machine.
 */
export function memberIdentity(member: MemberView): { consumerId: string; host: string; clientId: string } {
  return { consumerId: `${member.id}-${uuidLike(member.id)}`, host: '/127.0.0.1', clientId: member.id };
}

/** A v4-looking UUID string derived from `text`. */
function uuidLike(text: string): string {
  const hex = [...stableUuid(text)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The rows `--describe --group` prints, in its order: first each member that has partitions
 * (members with the most partitions first; a classic group reports assignments only while
 * Stable), its partitions sorted by topic then partition; then every partition the group has
 * committed an offset for that no member holds, with "-" for the member columns.
 *
 * CURRENT-OFFSET is the committed offset ("-" before the first commit, even when the group
 * starts from earliest: the tool reads committed offsets only). LOG-END-OFFSET is what
 * ListOffsets(latest) returns to the tool, the high watermark ("-" while the partition has no
 * leader). LAG = LOG-END-OFFSET − CURRENT-OFFSET when both are known.
 */
export function groupOffsetRows(view: EngineView, group: GroupView): OffsetRow[] {
  const partitionOf = (tp: string) => {
    const cut = tp.lastIndexOf('-');
    const topic = view.topics.find((t) => t.name === tp.slice(0, cut));
    const partition = Number(tp.slice(cut + 1));
    return { topic: tp.slice(0, cut), partition, info: topic?.partitions.find((p) => p.id === partition) };
  };
  const row = (tp: string, who: { consumerId: string; host: string; clientId: string }): OffsetRow => {
    const { topic, partition, info } = partitionOf(tp);
    const committed = Object.hasOwn(group.committed, tp) ? group.committed[tp] : null;
    const logEndOffset = info && info.leader >= 0 ? info.highWatermark : null;
    return {
      group: group.id,
      topic,
      partition,
      currentOffset: committed,
      logEndOffset,
      lag: committed !== null && logEndOffset !== null ? logEndOffset - committed : null,
      ...who,
    };
  };
  const byTopicPartition = (a: OffsetRow, b: OffsetRow) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);

  const withMembers = group.state === 'Stable' ? group.members.filter((m) => m.assigned.length > 0) : [];
  const rows: OffsetRow[] = [];
  const held = new Set<string>();
  for (const member of [...withMembers].sort((a, b) => b.assigned.length - a.assigned.length)) {
    const who = memberIdentity(member);
    for (const tp of member.assigned) held.add(tp);
    rows.push(...member.assigned.map((tp) => row(tp, who)).sort(byTopicPartition));
  }
  const nobody = { consumerId: MISSING, host: MISSING, clientId: MISSING };
  rows.push(...Object.keys(group.committed).filter((tp) => !held.has(tp)).map((tp) => row(tp, nobody)).sort(byTopicPartition));
  return rows;
}

/**
 * The broker coordinating the group: Kafka hashes the group id onto one of the 50
 * __consumer_offsets partitions (Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions),
 * whose leader is the coordinator. The simulation has no __consumer_offsets topic; it spreads
 * those partitions over the live brokers in order. Null when no broker is up.
 */
export function coordinatorOf(view: EngineView, groupId: string): number | null {
  const live = view.brokers.filter((b) => b.up).map((b) => b.id);
  if (live.length === 0) return null;
  const partition = (javaHashCode(groupId) & 0x7fffffff) % 50;
  return live[partition % live.length];
}

const COORDINATOR_NOT_AVAILABLE =
  '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.CoordinatorNotAvailableException: The coordinator is not available.\n';

/** `kafka-consumer-groups.sh --describe --group <id>`: the offsets table. */
export function describeGroupOffsets(view: EngineView, groupId: string): string {
  if (coordinatorOf(view, groupId) === null) return COORDINATOR_NOT_AVAILABLE;
  const group = view.groups.find((g) => g.id === groupId);
  const state = kafkaGroupState(group);
  const rows = group ? groupOffsetRows(view, group) : [];
  let out = stateNote(groupId, state);
  if (state === 'Dead' || rows.length === 0) return out;

  const width = (pick: (r: OffsetRow) => string) => Math.max(15, ...rows.map((r) => pick(r).length));
  const w = { group: width((r) => r.group), topic: width((r) => r.topic), consumer: width((r) => r.consumerId), host: width((r) => r.host) };
  // printOffsetFormat: "\n%-Gs %-Ts %-10s %-15s %-15s %-15s %-Cs %-Hs %s"
  const line = (c: string[]) =>
    '\n' +
    [padRight(c[0], w.group), padRight(c[1], w.topic), padRight(c[2], 10), padRight(c[3], 15), padRight(c[4], 15), padRight(c[5], 15), padRight(c[6], w.consumer), padRight(c[7], w.host), c[8]].join(' ');
  const show = (n: number | null) => (n === null ? MISSING : String(n));
  out += line(['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']);
  for (const r of rows) out += line([r.group, r.topic, String(r.partition), show(r.currentOffset), show(r.logEndOffset), show(r.lag), r.consumerId, r.host, r.clientId]);
  return out + '\n';
}

/** `kafka-consumer-groups.sh --describe --group <id> --state`: coordinator, strategy, state, members. */
export function describeGroupState(view: EngineView, groupId: string): string {
  const coordinator = coordinatorOf(view, groupId);
  if (coordinator === null) return COORDINATOR_NOT_AVAILABLE;
  const group = view.groups.find((g) => g.id === groupId);
  const state = kafkaGroupState(group);
  if (!group || state === 'Dead') return stateNote(groupId, 'Dead');
  // printStates passes shouldPrintMemberState one row, so the state's note comes first here too.
  let out = stateNote(groupId, state);
  const coordinatorText = `${brokerAddress(coordinator)}  (${coordinator})`;
  const groupWidth = Math.max(15, groupId.length);
  const coordinatorWidth = Math.max(25, coordinatorText.length);
  // An Empty classic group has no protocol chosen, so no strategy.
  const strategy = group.members.length > 0 ? group.assignor : MISSING;
  // printStates: "\n%-Gs %-Cs %-20s %-20s %s"
  const line = (c: string[]) => '\n' + [padRight(c[0], groupWidth), padRight(c[1], coordinatorWidth), padRight(c[2], 20), padRight(c[3], 20), c[4]].join(' ');
  out += line(['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS']);
  out += line([groupId, coordinatorText, strategy, state, String(group.members.length)]);
  return out + '\n';
}

/** shouldPrintMemberState's messages (the Dead one on stdout, the others on stderr). */
function stateNote(groupId: string, state: KafkaGroupState): string {
  switch (state) {
    case 'Dead':
      return `\nError: Consumer group '${groupId}' does not exist.\n`;
    case 'Empty':
      return `\nConsumer group '${groupId}' has no active members.\n`;
    case 'PreparingRebalance':
    case 'CompletingRebalance':
      return `\nWarning: Consumer group '${groupId}' is rebalancing.\n`;
    case 'Stable':
      return '';
  }
}
