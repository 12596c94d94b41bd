import type { World } from './world';
import type { AssignorName, CleanupPolicy, DatabaseMode, IsolationLevel } from './types';
import { lastStableOffset } from './transactions';
import { isPartitionOf, topicOfPartition, topicPartition } from './topicPartition';

/** Plain, JSON-safe snapshot of the simulation: what UIs draw, lessons grade and tests assert. */
export interface EngineView {
  now: number;
  brokers: { id: number; up: boolean; fenced: boolean }[];
  topics: TopicView[];
  groups: GroupView[];
  producers: ProducerView[];
  services: ServiceView[];
  syncServices: SyncServiceView[];
}

export interface TopicView {
  name: string;
  replicationFactor: number;
  minInsyncReplicas: number;
  retentionMs: number | null;
  retentionBytes: number | null;
  cleanupPolicy: CleanupPolicy;
  partitions: PartitionView[];
}

export interface PartitionView {
  id: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  /** Log start offset: the lowest offset still readable. */
  startOffset: number;
  /** Log end offset (LEO): the offset the next record will get. */
  endOffset: number;
  /** Consumers read only below this. */
  highWatermark: number;
  records: number;
  bytes: number;
  /** Only on partitions transactions wrote to (fields absent elsewhere keep older views as they
   * were): the last stable offset, where read_committed readers stop (<= highWatermark), how many
   * control records (markers) and records of aborted transactions the log holds. */
  lastStableOffset?: number;
  markers?: number;
  abortedRecords?: number;
}

export interface GroupView {
  id: string;
  state: 'Empty' | 'PreparingRebalance' | 'Stable';
  generation: number;
  assignor: AssignorName;
  members: MemberView[];
  committed: Record<string, number>;
  /** Per "topic-partition": log end offset − committed offset. Before its first commit a group
   * that starts from `earliest` counts from the log start; one that starts from `latest` has no
   * defined lag yet (null), as Kafka's tools show "-". */
  lag: Record<string, number | null>;
  totalLag: number;
}

export interface MemberView {
  id: string;
  alive: boolean;
  service: string | null;
  topics: string[];
  assigned: string[];
  positions: Record<string, number>;
  backlog: number;
  /** Only for read_committed members: isolation.level and records of aborted transactions skipped. */
  isolationLevel?: IsolationLevel;
  abortedSkipped?: number;
  /** Only once it happened: records of aborted transactions a read_uncommitted member was handed. */
  abortedRead?: number;
  /** Only for instances of a transactional service. */
  transactionalId?: string;
}

export interface ProducerView {
  id: string;
  topic: string;
  acks: 0 | 1 | 'all';
  idempotent: boolean;
  ratePerSec: number;
  sent: number;
  acked: number;
  failed: number;
  /** Only once a retry was resent (lesson counters): retries the leader recognised by PID and
   * sequence number and did not write again, and records a retry wrote a second time. */
  retriesNotRewritten?: number;
  writtenTwice?: number;
}

export interface ServiceView {
  id: string;
  group: string;
  down: boolean;
  instances: number;
  members: string[];
  processingMs: number;
  failureRate: number;
  stats: { processed: number; failed: number; duplicatesSkipped: number; deadLettered: number; dropped: number; emitted: number; filtered: number };
  /** Only for services with failure events (AddService.failureEmits): records that failed for
   * good and were published as a failure event. */
  failureEvents?: number;
  /** Only for services with a reader schema (AddService.readableSchemaIds): records they could
   * not deserialize (dead-lettered, or dropped without a dead-letter topic). */
  undeserialisable?: number;
  /** Only for transactional services. */
  transactions?: { committed: number; aborted: number; isolationLevel: IsolationLevel };
  /** Only for services with a database (database.ts, lesson 18). */
  database?: DatabaseView;
}

/** A service's database as the inspector and lesson goals see it. */
export interface DatabaseView {
  mode: DatabaseMode;
  crashChance: number;
  /** Rows committed. */
  rows: number;
  /** Rows with events to publish, and how many of those have had at least one event published. */
  rowsWithEvents: number;
  rowsPublished: number;
  /** Events sent to Kafka, copies sent again included. */
  published: number;
  /** Dual write: rows saved whose events were never published. */
  lost: number;
  /** Outbox: events waiting in the outbox, and events the relay sent a second time. */
  pending: number;
  republished: number;
  alreadySaved: number;
  crashes: number;
  /** Outbox: whether the relay is running (false while it restarts after a crash). */
  relayUp: boolean;
}

export interface SyncServiceView {
  id: string;
  down: boolean;
  latencyMs: number;
  timeoutMs: number;
  failureRate: number;
  calls: string[];
  concurrency: number;
  active: number;
  queued: number;
  stats: { handled: number; failed: number };
}

export function buildView(sim: { now: number; world: World }): EngineView {
  const w = sim.world;
  return {
    now: sim.now,
    brokers: w.brokers.map((b) => ({ id: b.id, up: b.up, fenced: b.fenced })),
    topics: [...w.topics.values()].map((t) => ({
      name: t.name,
      replicationFactor: t.replicationFactor,
      minInsyncReplicas: t.minInsyncReplicas,
      retentionMs: t.retentionMs,
      retentionBytes: t.retentionBytes,
      cleanupPolicy: t.cleanupPolicy,
      partitions: t.partitions.map((p) => ({
        id: p.id,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        replicas: [...p.replicas],
        isr: [...p.isr],
        startOffset: p.log.startOffset,
        endOffset: p.log.endOffset,
        highWatermark: p.highWatermark,
        records: p.log.size,
        bytes: p.log.bytes,
        ...(p.txn ? { lastStableOffset: lastStableOffset(p), markers: p.txn.controls.size, abortedRecords: p.txn.aborted.size } : {}),
      })),
    })),
    groups: [...w.groups.values()].map((g) => {
      const members = g.members.map((id) => w.consumers.get(id)).filter((m) => m !== undefined);
      const topics = new Set<string>(members.flatMap((m) => m.topics));
      for (const tp of g.committed.keys()) topics.add(topicOfPartition(tp));
      const lag: Record<string, number | null> = {};
      let totalLag = 0;
      for (const name of topics) {
        const topic = w.topics.get(name);
        if (!topic) continue;
        for (const p of topic.partitions) {
          const tp = topicPartition(name, p.id);
          const committed = g.committed.get(tp) ?? (g.autoOffsetReset === 'earliest' ? p.log.startOffset : undefined);
          const value = committed === undefined ? null : Math.max(0, p.log.endOffset - committed);
          lag[tp] = value;
          totalLag += value ?? 0;
        }
      }
      return {
        id: g.id,
        state: g.state,
        generation: g.generation,
        assignor: g.assignor,
        members: members.map((m) => ({
          id: m.id,
          alive: m.alive,
          service: m.service,
          topics: [...m.topics],
          assigned: [...m.assigned],
          positions: Object.fromEntries(m.positions),
          backlog: m.backlog.length,
          ...(m.isolationLevel === 'read_committed' ? { isolationLevel: m.isolationLevel, abortedSkipped: m.abortedSkipped } : {}),
          ...(m.abortedRead > 0 ? { abortedRead: m.abortedRead } : {}),
          ...(m.transactionalId !== null ? { transactionalId: m.transactionalId } : {}),
        })),
        committed: Object.fromEntries(g.committed),
        lag,
        totalLag,
      };
    }),
    producers: [...w.producers.values()]
      .filter((p) => !p.removed)
      .map((p) => ({
        id: p.id,
        topic: p.topic,
        acks: p.acks,
        idempotent: p.idempotent,
        ratePerSec: p.ratePerSec,
        ...p.stats,
        ...(p.resends.notRewritten || p.resends.writtenTwice ? { retriesNotRewritten: p.resends.notRewritten, writtenTwice: p.resends.writtenTwice } : {}),
      })),
    services: [...w.services.values()].map((s) => ({
      id: s.id,
      group: s.group,
      down: s.down,
      instances: s.instances,
      members: [...s.members],
      processingMs: s.processingMs,
      failureRate: s.failureRate,
      stats: { ...s.stats },
      ...(s.failureEmits.length > 0 ? { failureEvents: s.failureEvents } : {}),
      ...(s.readableSchemaIds !== null ? { undeserialisable: s.undeserialisable } : {}),
      ...(s.transactional ? { transactions: { ...s.txnStats, isolationLevel: s.isolationLevel } } : {}),
      ...(s.db !== null ? { database: { mode: s.db.mode, crashChance: s.db.crashChance, ...s.db.stats, pending: s.db.outbox.length, relayUp: s.db.relay.up } } : {}),
    })),
    syncServices: [...w.syncServices.values()].map((s) => ({
      id: s.id,
      down: s.down,
      latencyMs: s.latencyMs,
      timeoutMs: s.timeoutMs,
      failureRate: s.failureRate,
      calls: [...s.calls],
      concurrency: s.concurrency,
      active: s.active,
      queued: s.queue.length,
      stats: { ...s.stats },
    })),
  };
}

/**
 * Groups reading `topic`: a member subscribes to it, or the group has committed offsets for it
 * (a group whose members all left still owns its offsets). Exact on topic names that share a
 * prefix: the groups of "a" are not the groups of "a-1".
 */
export function groupsReading(view: Pick<EngineView, 'groups'>, topic: string): GroupView[] {
  return view.groups.filter((g) => g.members.some((m) => m.topics.includes(topic)) || Object.keys(g.committed).some((tp) => isPartitionOf(tp, topic)));
}
