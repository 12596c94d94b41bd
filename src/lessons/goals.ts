import { z } from 'zod';
import {
  aboveThreshold,
  isPartitionOf,
  KeyWindows,
  recordOrigin,
  partitionNumberOf,
  serviceProducerId,
  topicProducerId,
  type EngineView,
  type GroupView,
  type KafkaRecord,
  type TraceEvent,
  type TraceOf,
} from '../engine';
import type { Registry, Scenario } from '../scenario';
import { nodeKind } from '../scenario/validate';

/**
 * Named predicates over the simulation, which lesson steps use as goals. A goal looks only at
 * engine state, the trace and the canvas setup — never at translated text — so the same lesson is
 * graded the same way in every language.
 *
 * Contract: `check` is pure and cheap enough to run ten times a second; params are validated with
 * `params` when the lesson is loaded, so `check` may trust them.
 */
export interface GoalContext {
  view: EngineView;
  scenario: Scenario;
  /** What happened so far (the engine keeps the most recent events; lessons stay well inside). */
  trace: readonly TraceEvent[];
  /** Reads records of a partition (the store's readRecords): goals about what records hold. */
  read?: (topic: string, partition: number, from: number, max: number) => KafkaRecord[];
  /** The simulated schema registry of the setup (the store's registry): schema goals. */
  registry?: Registry;
}

interface Goal<P extends z.ZodType> {
  params: P;
  check(ctx: GoalContext, params: z.infer<P>): boolean;
}

const define = <P extends z.ZodType>(params: P, check: (ctx: GoalContext, p: z.infer<P>) => boolean): Goal<P> => ({ params, check });

const name = z.string().min(1);
const groupName = name.optional();
const count = z.number().int().min(0);
export const SERVICE_STATS = ['processed', 'failed', 'duplicatesSkipped', 'deadLettered', 'dropped', 'emitted', 'filtered'] as const;
/** retriesNotRewritten / writtenTwice: retries an idempotent leader recognised, and records a
 * retry wrote again without idempotence (engine ProducerView). */
export const PRODUCER_STATS = ['sent', 'acked', 'failed', 'retriesNotRewritten', 'writtenTwice'] as const;
/** Counters of a service's database (engine DatabaseView, lesson 18's outbox pattern). */
export const DATABASE_STATS = ['rows', 'published', 'lost', 'pending', 'republished', 'crashes', 'alreadySaved'] as const;
/** A counter a serviceStat, producerStat or databaseStat goal may name. */
export type GoalStat = (typeof SERVICE_STATS)[number] | (typeof PRODUCER_STATS)[number] | (typeof DATABASE_STATS)[number];

/** Groups a goal is about: the named one, or (no name given) every group, any of which may pass.
 * Leaving the name out lets a learner use whatever group name they typed. */
const groupsFor = (ctx: GoalContext, id: string | undefined): GroupView[] => ctx.view.groups.filter((g) => id === undefined || g.id === id);
const anyGroup = (ctx: GoalContext, id: string | undefined, test: (g: GroupView) => boolean) => groupsFor(ctx, id).some(test);
const ofType = <K extends TraceEvent['type']>(ctx: GoalContext, type: K) => ctx.trace.filter((e): e is TraceOf<K> => e.type === type);
const topicOf = (ctx: GoalContext, topic: string) => ctx.view.topics.find((t) => t.name === topic);
const recordsIn = (ctx: GoalContext, topic: string) => topicOf(ctx, topic)?.partitions.reduce((n, p) => n + p.endOffset, 0) ?? 0;
const deliveries = (ctx: GoalContext, g: string, topic: string) => ofType(ctx, 'delivered').filter((e) => e.group === g && e.topic === topic);
const delivered = (ctx: GoalContext, g: string, topic: string) => deliveries(ctx, g, topic).reduce((n, e) => n + e.toOffset - e.fromOffset, 0);
/** The lowest offset each partition of `topic` first handed to `g` (partitions never read are absent). */
function firstOffsets(ctx: GoalContext, g: string, topic: string): Map<number, number> {
  const first = new Map<number, number>();
  for (const e of deliveries(ctx, g, topic)) if (!first.has(e.partition)) first.set(e.partition, e.fromOffset);
  return first;
}
const lagOn = (g: GroupView, topic: string) =>
  Object.entries(g.lag)
    .filter(([tp]) => isPartitionOf(tp, topic))
    .map(([, lag]) => lag);
const aliveMembers = (g: GroupView) => g.members.filter((m) => m.alive);
const ownsPartitionOf = (assigned: readonly string[], topic: string) => assigned.some((tp) => isPartitionOf(tp, topic));

/**
 * Whether at least `min` records of `topic` were made from records of `source`, and every one of
 * them from a source record that passes the rule: its `field` above `above`, and (matches > 1)
 * its key having `matches` such records within `windowMs`, counted over each source partition in
 * offset order exactly as a service's rule counts them (engine serviceRule.ts).
 *
 * A record's business origin is its `origin` header (services keep it along a chain), or for a
 * record that has none, the record itself ("topic-partition-offset"); an output record comes from
 * the source record with the same origin.
 */
function flaggedOnly(ctx: GoalContext, p: { topic: string; source: string; field: string; above: number; matches: number; windowMs: number; min: number }): boolean {
  const read = ctx.read;
  const out = topicOf(ctx, p.topic);
  const src = topicOf(ctx, p.source);
  if (!read || !out || !src) return false;
  const passes = new Map<string, boolean>();
  const rule = { field: p.field, above: p.above };
  for (const part of src.partitions) {
    const windows = new KeyWindows(p.matches, p.windowMs);
    for (const r of read(p.source, part.id, part.startOffset, part.endOffset - part.startOffset)) {
      const ok = aboveThreshold(rule, r.value) && windows.add(r.key, r.timestamp);
      passes.set(r.headers.origin ?? recordOrigin(p.source, part.id, r.offset), ok);
    }
  }
  let n = 0;
  for (const part of out.partitions) {
    for (const r of read(p.topic, part.id, part.startOffset, part.endOffset - part.startOffset)) {
      const verdict = r.headers.origin === undefined ? undefined : passes.get(r.headers.origin);
      if (verdict === undefined) continue;
      if (!verdict) return false;
      n++;
    }
  }
  return n >= p.min;
}

/** Records of `topic` whose event type (their `type` header) is `eventType`. */
function recordsOfType(ctx: GoalContext, topic: string, eventType: string): KafkaRecord[] {
  const t = topicOf(ctx, topic);
  if (!ctx.read || !t) return [];
  return t.partitions.flatMap((x) => ctx.read!(topic, x.id, x.startOffset, x.endOffset - x.startOffset).filter((r) => r.headers.type === eventType));
}

/**
 * A saga's compensation (lesson 17): at least `min` business events (orders) that got a `failed`
 * event in `failedTopic` also got a `compensation` event in `topic`, and no `compensation` event
 * is about a business event that did not fail. Business events are matched by their `origin`
 * header, which services keep along a chain (the order's first record), so a key used by several
 * orders cannot fool it.
 */
function compensated(ctx: GoalContext, p: { failedTopic: string; failed: string; topic: string; compensation: string; min: number }): boolean {
  const failedOrigins = new Set(recordsOfType(ctx, p.failedTopic, p.failed).map((r) => r.headers.origin));
  const undone = new Set<string>();
  for (const r of recordsOfType(ctx, p.topic, p.compensation)) {
    if (r.headers.origin === undefined || !failedOrigins.has(r.headers.origin)) return false;
    undone.add(r.headers.origin);
  }
  return undone.size >= p.min;
}

export const GOALS = {
  /** Virtual time has reached `ms` (a "press play and watch" step). */
  timePassed: define(z.strictObject({ ms: z.number().min(1) }), (ctx, p) => ctx.view.now >= p.ms),

  /** The canvas has at least `min` nodes of a kind (e.g. a second consumer was added). */
  nodeCount: define(
    z.strictObject({ kind: nodeKind, min: count }),
    (ctx, p) => ctx.scenario.nodes.filter((n) => n.kind === p.kind).length >= p.min,
  ),

  /** An arrow joins the two nodes (by node id). */
  connected: define(z.strictObject({ from: name, to: name }), (ctx, p) => ctx.scenario.edges.some((e) => e.source === p.from && e.target === p.to)),

  /** A setting of a node has this value (e.g. a consumer switched to `earliest`). */
  nodeSetting: define(z.strictObject({ node: name, setting: name, equals: z.union([z.string(), z.number(), z.boolean(), z.null()]) }), (ctx, p) => {
    const n = ctx.scenario.nodes.find((x) => x.id === p.node);
    return n !== undefined && (n.props as Record<string, unknown>)[p.setting] === p.equals;
  }),

  /** The topic has had at least `min` records appended (over all partitions). */
  topicRecords: define(z.strictObject({ topic: name, min: count }), (ctx, p) => recordsIn(ctx, p.topic) >= p.min),

  /** The topic has at least `min` partitions. */
  partitions: define(z.strictObject({ topic: name, min: count }), (ctx, p) => (topicOf(ctx, p.topic)?.partitions.length ?? 0) >= p.min),

  /** The group (or any group, if none is named) has been handed at least `min` records of the
   * topic (re-deliveries count again). */
  groupReceived: define(z.strictObject({ group: groupName, topic: name, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => delivered(ctx, g.id, p.topic) >= p.min),
  ),

  /** The group has committed its way to the end of every partition of a non-empty topic. */
  groupCaughtUp: define(z.strictObject({ group: groupName, topic: name }), (ctx, p) =>
    recordsIn(ctx, p.topic) > 0 &&
    anyGroup(ctx, p.group, (g) => {
      const lags = lagOn(g, p.topic);
      return lags.length > 0 && lags.every((l) => l === 0);
    }),
  ),

  /** The group is at least `min` records behind on the topic. */
  groupLagging: define(z.strictObject({ group: groupName, topic: name, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => lagOn(g, p.topic).reduce<number>((n, l) => n + (l ?? 0), 0) >= p.min),
  ),

  /** The group read every partition of the topic from its first offset: it heard the whole story. */
  groupReadFromStart: define(z.strictObject({ group: groupName, topic: name }), (ctx, p) => {
    const parts = (topicOf(ctx, p.topic)?.partitions ?? []).filter((x) => x.endOffset > 0);
    return (
      parts.length > 0 &&
      anyGroup(ctx, p.group, (g) => {
        const first = firstOffsets(ctx, g.id, p.topic);
        return parts.every((x) => first.get(x.id) === 0);
      })
    );
  }),

  /** The group started reading after records already existed: what was said before was missed. */
  groupMissedHistory: define(z.strictObject({ group: groupName, topic: name }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => [...firstOffsets(ctx, g.id, p.topic).values()].some((offset) => offset > 0)),
  ),

  /** At least `min` different groups have each received records of the topic (fan-out). */
  groupsReading: define(z.strictObject({ topic: name, min: count }), (ctx, p) => {
    const groups = new Set(ofType(ctx, 'delivered').filter((e) => e.topic === p.topic).map((e) => e.group));
    return groups.size >= p.min;
  }),

  /** At least `min` live members of the group each own partitions of the topic (work is split). */
  membersSharing: define(z.strictObject({ group: groupName, topic: name, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => aliveMembers(g).filter((m) => ownsPartitionOf(m.assigned, p.topic)).length >= p.min),
  ),

  /** At least `min` live members of the group own no partition at all (more members than partitions). */
  idleMembers: define(z.strictObject({ group: groupName, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => aliveMembers(g).filter((m) => m.assigned.length === 0).length >= p.min),
  ),

  /** The group has completed at least `min` rebalances. */
  rebalances: define(z.strictObject({ group: groupName, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => ofType(ctx, 'rebalanced').filter((e) => e.group === g.id).length >= p.min),
  ),

  /** A member of the group has crashed at least once. */
  memberCrashed: define(z.strictObject({ group: groupName }), (ctx, p) => ofType(ctx, 'consumerCrashed').some((e) => p.group === undefined || e.group === p.group)),

  /** At least `min` records were handed to the group more than once (at-least-once at work). */
  redelivered: define(z.strictObject({ group: groupName, topic: name, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => {
      const seen = new Map<number, number>(); // partition -> end of what was delivered so far
      let again = 0;
      for (const e of deliveries(ctx, g.id, p.topic)) {
        const end = seen.get(e.partition) ?? 0;
        again += Math.max(0, Math.min(e.toOffset, end) - e.fromOffset);
        seen.set(e.partition, Math.max(end, e.toOffset));
      }
      return again >= p.min;
    }),
  ),

  /** Records of the topic the group committed past without ever finishing them (at-most-once). */
  recordsSkipped: define(z.strictObject({ group: groupName, topic: name, min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => {
      const done = new Set(ofType(ctx, 'processed').filter((e) => e.group === g.id && e.topic === p.topic && e.outcome === 'ok').map((e) => `${e.partition}:${e.offset}`));
      let skipped = 0;
      for (const [tp, committed] of Object.entries(g.committed)) {
        if (!isPartitionOf(tp, p.topic)) continue;
        const partition = partitionNumberOf(tp);
        for (let o = 0; o < committed; o++) if (!done.has(`${partition}:${o}`)) skipped++;
      }
      return skipped >= p.min;
    }),
  ),

  /** Every record produced with `key` went to one partition, and there are at least `min` of them. */
  keyInOnePartition: define(z.strictObject({ topic: name, key: z.string(), min: count }), (ctx, p) => {
    const parts = new Set<number>();
    let n = 0;
    for (const e of ofType(ctx, 'produced'))
      if (e.topic === p.topic)
        for (const k of e.keys)
          if (k === p.key) {
            n++;
            parts.add(e.partition);
          }
    return n >= p.min && parts.size === 1;
  }),

  /** Keyed records of the topic landed in at least `min` different partitions. */
  keysSpread: define(z.strictObject({ topic: name, min: count }), (ctx, p) => {
    const parts = new Set(ofType(ctx, 'produced').filter((e) => e.topic === p.topic && e.keys.some((k) => k !== null)).map((e) => e.partition));
    return parts.size >= p.min;
  }),

  /** A service's counter has reached `min`. */
  serviceStat: define(z.strictObject({ service: name, stat: z.enum(SERVICE_STATS), min: count }), (ctx, p) => {
    const s = ctx.view.services.find((x) => x.id === p.service);
    return s !== undefined && s.stats[p.stat] >= p.min;
  }),

  /**
   * A service flags only what its rule is meant to catch: at least `min` records of `topic` came
   * from `source`, and each came from a record whose `field` is above `above` (and, with
   * `matches` > 1, whose key had that many such records within `windowMs`).
   */
  flaggedOnly: define(
    z.strictObject({
      topic: name,
      source: name,
      field: name,
      above: z.number(),
      matches: z.number().int().min(1).default(1),
      windowMs: z.number().min(1).default(1000),
      min: count,
    }),
    flaggedOnly,
  ),

  /**
   * Records with `key` were written to the topic, and none is left in its log: a tombstone deleted
   * the key and compaction has since removed the tombstone too (after delete.retention.ms).
   */
  keyCompactedAway: define(z.strictObject({ topic: name, key: z.string() }), (ctx, p) => {
    const topic = topicOf(ctx, p.topic);
    if (!ctx.read || !topic || !ofType(ctx, 'produced').some((e) => e.topic === p.topic && e.keys.includes(p.key))) return false;
    return topic.partitions.every((x) => ctx.read!(p.topic, x.id, x.startOffset, x.endOffset - x.startOffset).every((r) => r.key !== p.key));
  }),

  /** A member of the group found its position gone (deleted by retention) and jumped per auto.offset.reset. */
  offsetOutOfRange: define(z.strictObject({ group: groupName, topic: name }), (ctx, p) =>
    ofType(ctx, 'offsetOutOfRange').some((e) => (p.group === undefined || e.group === p.group) && e.topic === p.topic),
  ),

  /** The service is down (or up, with `down: false`). */
  serviceDown: define(z.strictObject({ service: name, down: z.boolean().default(true) }), (ctx, p) => ctx.view.services.find((x) => x.id === p.service)?.down === p.down),

  /** A producer's counter (records sent, acknowledged, failed) has reached `min`. */
  producerStat: define(z.strictObject({ producer: name, stat: z.enum(PRODUCER_STATS), min: count }), (ctx, p) => {
    const prod = ctx.view.producers.find((x) => x.id === p.producer);
    return prod !== undefined && (prod[p.stat] ?? 0) >= p.min;
  }),

  /** A service's transactions: at least `min` committed (or aborted). */
  serviceTransactions: define(z.strictObject({ service: name, result: z.enum(['committed', 'aborted']), min: count }), (ctx, p) => {
    const txn = ctx.view.services.find((x) => x.id === p.service)?.transactions;
    return txn !== undefined && txn[p.result] >= p.min;
  }),

  /** An open transaction holds a partition of the topic back: its last stable offset is below its
   * high watermark, so read_committed readers wait there. */
  lastStableHeld: define(z.strictObject({ topic: name }), (ctx, p) =>
    (topicOf(ctx, p.topic)?.partitions ?? []).some((x) => x.lastStableOffset !== undefined && x.lastStableOffset < x.highWatermark),
  ),

  /** The group's members read (read_uncommitted) or skipped (read_committed) at least `min`
   * records of aborted transactions. */
  abortedRecords: define(z.strictObject({ group: groupName, seen: z.enum(['read', 'skipped']), min: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => g.members.reduce((n, m) => n + ((p.seen === 'read' ? m.abortedRead : m.abortedSkipped) ?? 0), 0) >= p.min),
  ),

  /** The subject of `topic` ("<topic>-value") holds at least `min` versions (registered ones included). */
  schemaVersions: define(z.strictObject({ topic: name, min: count }), (ctx, p) =>
    (ctx.registry?.subjects.find((s) => s.topic === p.topic)?.versions.length ?? 0) >= p.min,
  ),

  /** The registry refused the producer's schema (or, with `refused: false`, refused none of it).
   * Never holds while the schema judge is still loading. */
  schemaRefused: define(z.strictObject({ producer: name, refused: z.boolean().default(true) }), (ctx, p) =>
    ctx.registry !== undefined && !ctx.registry.pending && ctx.registry.refusals.some((r) => r.producerNode === p.producer) === p.refused,
  ),

  /** At least `min` records the service could not deserialize (its reader schema cannot read their writer schema). */
  undeserialisable: define(z.strictObject({ service: name, min: count }), (ctx, p) => (ctx.view.services.find((x) => x.id === p.service)?.undeserialisable ?? 0) >= p.min),

  /** The service reads with a reader schema and could not deserialize at most `max` records. */
  undeserialisableAtMost: define(z.strictObject({ service: name, max: count }), (ctx, p) => {
    const n = ctx.view.services.find((x) => x.id === p.service)?.undeserialisable;
    return n !== undefined && n <= p.max;
  }),

  /** The producer's counter is at most `max` (e.g. no record failed for good). */
  producerStatAtMost: define(z.strictObject({ producer: name, stat: z.enum(PRODUCER_STATS), max: count }), (ctx, p) => {
    const prod = ctx.view.producers.find((x) => x.id === p.producer);
    return prod !== undefined && (prod[p.stat] ?? 0) <= p.max;
  }),

  /** The broker (engine index, 0-based) is down (or up, with `down: false`); no broker named: any one is. */
  brokerDown: define(z.strictObject({ broker: z.number().int().min(0).optional(), down: z.boolean().default(true) }), (ctx, p) =>
    ctx.view.brokers.some((b) => (p.broker === undefined || b.id === p.broker) && b.up === !p.down),
  ),

  /** A new leader was elected for a partition of the topic (after a broker failed). */
  leaderElected: define(z.strictObject({ topic: name }), (ctx, p) => ofType(ctx, 'leaderElected').some((e) => e.topic === p.topic)),

  /** At least `min` acknowledged records of the topic were cut from a log by an unclean election. */
  recordsTruncated: define(z.strictObject({ topic: name, min: count }), (ctx, p) =>
    ofType(ctx, 'leaderElected').filter((e) => e.topic === p.topic).reduce((n, e) => n + e.truncated, 0) >= p.min,
  ),

  /** No acknowledged record of the topic was cut from a log by a leader election (so far). */
  noAcknowledgedLoss: define(z.strictObject({ topic: name }), (ctx, p) => ofType(ctx, 'leaderElected').every((e) => e.topic !== p.topic || e.truncated === 0)),

  /** Retention or compaction removed at least `min` records of the topic. */
  recordsDeleted: define(z.strictObject({ topic: name, reason: z.enum(['retention', 'compaction']), min: count }), (ctx, p) =>
    ofType(ctx, 'recordsDeleted').filter((e) => e.topic === p.topic && e.reason === p.reason).reduce((n, e) => n + e.count, 0) >= p.min,
  ),

  /** The group's offsets for the topic were reset (a replay was started). */
  offsetsReset: define(z.strictObject({ group: groupName, topic: name }), (ctx, p) =>
    ofType(ctx, 'offsetsReset').some((e) => (p.group === undefined || e.group === p.group) && e.topic === p.topic),
  ),

  /** Every partition of the topic has at least `min` replicas in its ISR (e.g. a recovered broker caught up). */
  inSyncReplicas: define(z.strictObject({ topic: name, min: count }), (ctx, p) => {
    const parts = topicOf(ctx, p.topic)?.partitions ?? [];
    return parts.length > 0 && parts.every((x) => x.isr.length >= p.min);
  }),

  /** Brokers refused at least `min` records sent to the topic with this error (retried or not). */
  produceErrors: define(
    z.strictObject({ topic: name, error: z.enum(['LEADER_NOT_AVAILABLE', 'NOT_ENOUGH_REPLICAS', 'REQUEST_TIMED_OUT', 'OUT_OF_ORDER_SEQUENCE', 'INVALID_RECORD']), min: count }),
    (ctx, p) => ofType(ctx, 'produceFailed').filter((e) => e.topic === p.topic && e.error === p.error).reduce((n, e) => n + e.count, 0) >= p.min,
  ),

  /** The group reads the topic and is at most `max` records behind on it in total (it keeps up). */
  groupLagAtMost: define(z.strictObject({ group: groupName, topic: name, max: count }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => {
      const lags = lagOn(g, p.topic);
      return lags.length > 0 && lags.every((l) => l !== null) && lags.reduce<number>((n, l) => n + (l ?? 0), 0) <= p.max;
    }),
  ),

  /** Records one producer (engine id) sent to the topic landed in at least `min` different partitions. */
  producerSpread: define(z.strictObject({ producer: name, topic: name, min: count }), (ctx, p) =>
    new Set(ofType(ctx, 'produced').filter((e) => e.producer === p.producer && e.topic === p.topic).map((e) => e.partition)).size >= p.min,
  ),

  /** Records produced with `key` landed in more than one partition of the topic (e.g. after partitions were added). */
  keyMoved: define(z.strictObject({ topic: name, key: z.string() }), (ctx, p) =>
    new Set(ofType(ctx, 'produced').filter((e) => e.topic === p.topic && e.keys.includes(p.key)).map((e) => e.partition)).size >= 2,
  ),

  /** A member crashed while owning partitions; a rebalance followed and live members own all of those partitions now. */
  partitionsTakenOver: define(z.strictObject({ group: groupName }), (ctx, p) =>
    anyGroup(ctx, p.group, (g) => {
      let owned: Record<string, string[]> = {};
      const crashes: { partitions: string[]; rebalanced: boolean }[] = [];
      for (const e of ctx.trace) {
        if (e.type === 'rebalanced' && e.group === g.id) {
          owned = e.assignment;
          for (const c of crashes) c.rebalanced = true;
        } else if (e.type === 'consumerCrashed' && e.group === g.id && (owned[e.consumer]?.length ?? 0) > 0) {
          crashes.push({ partitions: owned[e.consumer], rebalanced: false });
        }
      }
      const live = new Set(aliveMembers(g).flatMap((m) => m.assigned));
      return crashes.some((c) => c.rebalanced && c.partitions.every((tp) => live.has(tp)));
    }),
  ),

  /** A group that first joined after the topic already held records still read every partition from offset 0 (a newcomer replayed history). */
  lateGroupReadFromStart: define(z.strictObject({ group: groupName, topic: name }), (ctx, p) => {
    const parts = (topicOf(ctx, p.topic)?.partitions ?? []).filter((x) => x.endOffset > 0);
    return (
      parts.length > 0 &&
      anyGroup(ctx, p.group, (g) => {
        const joined = ofType(ctx, 'consumerJoined').find((e) => e.group === g.id);
        if (!joined || !ofType(ctx, 'produced').some((e) => e.topic === p.topic && e.t < joined.t)) return false;
        const first = firstOffsets(ctx, g.id, p.topic);
        return parts.every((x) => first.get(x.id) === 0);
      })
    );
  }),

  /** A counter of the service's database (dual write or outbox) has reached `min`. */
  databaseStat: define(z.strictObject({ service: name, stat: z.enum(DATABASE_STATS), min: count }), (ctx, p) => {
    const d = ctx.view.services.find((x) => x.id === p.service)?.database;
    return d !== undefined && d[p.stat] >= p.min;
  }),

  /**
   * The service saved at least `rows` rows through at least `crashes` crashes at the risky moment,
   * and lost no event: none is "saved but never published", and every row with events has them
   * published or waiting in its outbox.
   */
  noEventLost: define(z.strictObject({ service: name, rows: count, crashes: count }), (ctx, p) => {
    const d = ctx.view.services.find((x) => x.id === p.service)?.database;
    return d !== undefined && d.rows >= p.rows && d.crashes >= p.crashes && d.lost === 0 && d.rowsPublished + d.pending >= d.rowsWithEvents;
  }),

  /** At least `min` records of the topic are of this event type (e.g. PaymentFailed among payments). */
  eventRecords: define(z.strictObject({ topic: name, eventType: name, min: count }), (ctx, p) => recordsOfType(ctx, p.topic, p.eventType).length >= p.min),

  /** A saga undid failed business events: see compensated() above. */
  compensated: define(z.strictObject({ failedTopic: name, failed: name, topic: name, compensation: name, min: count }), compensated),

  /** A record with `key` reached the topic from a producer or service node whose event type is `eventType` (e.g. an OrderCancelled for alice). */
  keyEventProduced: define(z.strictObject({ topic: name, key: z.string(), eventType: name }), (ctx, p) => {
    const typeOf = (engineId: string, topic: string) => {
      for (const n of ctx.scenario.nodes) {
        if (n.kind === 'producer' && (engineId === n.id || engineId === topicProducerId(n.id, topic))) return n.props.eventType;
        if (n.kind === 'service' && engineId === serviceProducerId(n.id)) return n.props.emits;
      }
      return undefined;
    };
    return ofType(ctx, 'produced').some((e) => e.topic === p.topic && e.keys.includes(p.key) && typeOf(e.producer, e.topic) === p.eventType);
  }),
} satisfies Record<string, Goal<z.ZodType>>;

export type GoalName = keyof typeof GOALS;
