/**
 * Kafé's sticky assignor as it was before its general path moved to integer ids and typed arrays
 * (commit f258dfb), kept unchanged as the oracle of test/engine/stickyRewrite.property.test.ts:
 * the faster code must give exactly the same answers. Not used by the app.
 */
/**
 * Kafka's StickyAssignor, i.e. the algorithm of AbstractStickyAssignor
 * (org.apache.kafka.clients.consumer.internals.AbstractStickyAssignor), without rack awareness.
 *
 * Two goals, in this order: (1) balance: partition counts of members differ by at most one when
 * that is possible; (2) stickiness: keep as many previously owned partitions where they are.
 *
 * Like Kafka it has two paths:
 * - all members subscribe to the same topics -> the "constrained" assignment (quota based):
 *   minQuota = floor(P / N), maxQuota = ceil(P / N), and exactly P % N members get maxQuota.
 *   Each member keeps its owned partitions up to its quota (lowest partition numbers first),
 *   then the leftovers are dealt round-robin to the members still under quota;
 * - otherwise -> the "general" assignment: keep every still-valid owned partition, give each
 *   unassigned partition to the least loaded member subscribed to its topic, then move partitions
 *   from over-loaded to under-loaded members until no move improves the balance (reverting when
 *   the moves did not lower the balance score).
 *
 * Conflicting claims: every member here is of the same generation, so a partition claimed as owned
 * by two or more members is invalid input; as in Kafka, every claimant loses it and it is assigned
 * afresh (the cooperative assignor withholds it for one round).
 *
 * Iteration order: two of Kafka's decisions depend on the iteration order of Java hash containers:
 * which members keep maxQuota owned partitions when more of them own that many than the quota
 * allows (a HashMap keyed by member id), and which earlier movement is undone in the general path
 * (a HashSet of TopicPartitions). Kafé reproduces those orders from Java's String.hashCode and
 * TopicPartition.hashCode and HashMap's table layout, so its results match the Java client's,
 * including the exact expectations of Kafka's own tests. Where Java's order would depend on how
 * the map was filled (two keys in one hash bucket), ties break by member id / insertion order.
 * Either way the same input always gives the same output, whatever the order of `members`.
 */

import { topicPartition } from '../../src/engine/topicPartition';

/** A partition of a topic. `key` is its "topic-partition" name, unique per partition. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
}

type PartitionRef = { readonly topic: string; readonly partition: number };

export interface StickyMember {
  readonly id: string;
  /** Subscribed topics that exist (present in partitionsPerTopic). */
  readonly topics: readonly string[];
  /** Partitions this member owned before the rebalance; ones that do not exist are ignored. */
  readonly owned: readonly PartitionRef[];
}

export interface StickyOutcome {
  /** memberId -> target partitions (every member present). */
  readonly assignment: Map<string, TopicPartition[]>;
  /** Partitions claimed as owned by more than one member (all claims were dropped). */
  readonly multiplyClaimed: ReadonlySet<TopicPartition>;
  /** memberId -> the existing partitions it claimed to own, duplicates removed. */
  readonly claimed: Map<string, TopicPartition[]>;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** java.lang.String#hashCode: s[0]*31^(n-1) + ... + s[n-1], over UTF-16 code units, 32-bit. */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.kafka.common.TopicPartition#hashCode. */
function javaTopicPartitionHash(tp: TopicPartition): number {
  return (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;
}

/** The bucket java.util.HashMap puts a key with this hashCode in, for a table of `capacity`. */
const javaBucket = (hash: number, capacity: number) => (hash ^ (hash >>> 16)) & (capacity - 1);

/** Table size of a java.util.HashMap created with `new HashMap<>()` that has held `size` entries. */
function javaTableCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

/** Member ids in the order a freshly filled java.util.HashMap<String, ?> iterates them. */
function javaHashMapOrder(ids: readonly string[]): string[] {
  const capacity = javaTableCapacity(ids.length);
  const bucket = new Map(ids.map((id) => [id, javaBucket(javaStringHash(id), capacity)]));
  return [...ids].sort((a, b) => bucket.get(a)! - bucket.get(b)! || compareStrings(a, b));
}

/**
 * A set of partitions that also knows which element a java.util.HashSet would iterate first:
 * lowest bucket, then earliest inserted within the bucket. The table only ever grows.
 */
class JavaHashSetOfPartitions {
  /** JS Sets iterate in insertion order, which is Java's order within one bucket. */
  private readonly items = new Set<TopicPartition>();
  private capacity = 16;

  get size() {
    return this.items.size;
  }

  add(tp: TopicPartition) {
    if (this.items.has(tp)) return;
    this.items.add(tp);
    if (this.items.size > this.capacity * 0.75) this.capacity *= 2;
  }

  delete(tp: TopicPartition) {
    this.items.delete(tp);
  }

  first(): TopicPartition {
    let best: TopicPartition | undefined;
    let bestBucket = Infinity;
    for (const tp of this.items) {
      const b = javaBucket(javaTopicPartitionHash(tp), this.capacity);
      if (b < bestBucket) {
        best = tp;
        bestBucket = b;
      }
    }
    return best!;
  }
}

/** Kafka's TopicPartitionComparator: topic name, then partition number. */
export const compareTopicThenPartition = (a: PartitionRef, b: PartitionRef) =>
  compareStrings(a.topic, b.topic) || a.partition - b.partition;

/** The constrained path trims owned lists in this order: partition number, then topic. */
const comparePartitionThenTopic = (a: TopicPartition, b: TopicPartition) =>
  a.partition - b.partition || compareStrings(a.topic, b.topic);

/** One interned object per existing partition, so Sets and Maps can key on identity. */
export class PartitionCatalog {
  private readonly byTopic = new Map<string, TopicPartition[]>();
  /** Every partition, sorted by topic then partition. */
  readonly all: TopicPartition[] = [];

  constructor(partitionsPerTopic: Readonly<Record<string, number>>) {
    for (const topic of Object.keys(partitionsPerTopic).sort(compareStrings)) {
      const list: TopicPartition[] = [];
      for (let partition = 0; partition < partitionsPerTopic[topic]; partition++)
        list.push({ topic, partition, key: topicPartition(topic, partition) });
      this.byTopic.set(topic, list);
      this.all.push(...list);
    }
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  partitionsOf(topic: string): readonly TopicPartition[] {
    return this.byTopic.get(topic) ?? [];
  }

  get(topic: string, partition: number): TopicPartition | undefined {
    return this.byTopic.get(topic)?.[partition];
  }
}

export function stickyAssign(
  members: readonly StickyMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Map<string, TopicPartition[]> {
  return stickyOutcome(members, partitionsPerTopic).assignment;
}

/** The sticky target assignment plus what the cooperative assignor needs to withhold moves. */
export function stickyOutcome(
  members: readonly StickyMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): StickyOutcome {
  const catalog = new PartitionCatalog(partitionsPerTopic);
  const sorted = [...members].sort((a, b) => compareStrings(a.id, b.id));

  // Each member's claims, restricted to partitions that exist, without duplicates.
  const claimed = new Map<string, TopicPartition[]>();
  for (const m of sorted) {
    const mine = new Set<TopicPartition>();
    for (const o of m.owned) {
      const tp = catalog.get(o.topic, o.partition);
      if (tp) mine.add(tp);
    }
    claimed.set(m.id, [...mine]);
  }

  // Drop partitions claimed by several members from every claimant (Kafka: "claimed by multiple
  // consumers in the same generation, this will be invalidated").
  const claimants = new Map<TopicPartition, number>();
  for (const tps of claimed.values()) for (const tp of tps) claimants.set(tp, (claimants.get(tp) ?? 0) + 1);
  const multiplyClaimed = new Set([...claimants].filter(([, n]) => n > 1).map(([tp]) => tp));
  const owned = new Map<string, TopicPartition[]>();
  for (const [id, tps] of claimed) owned.set(id, tps.filter((tp) => !multiplyClaimed.has(tp)));

  const assignment = allSubscriptionsEqual(sorted)
    ? constrainedAssign(sorted, catalog, owned)
    : new GeneralAssignment(sorted, catalog, owned).build();
  return { assignment, multiplyClaimed, claimed };
}

function allSubscriptionsEqual(members: readonly StickyMember[]): boolean {
  if (members.length === 0) return true;
  const first = new Set(members[0].topics);
  return members.every((m) => {
    const topics = new Set(m.topics);
    return topics.size === first.size && [...topics].every((t) => first.has(t));
  });
}

/**
 * Kafka's ConstrainedAssignmentBuilder (identical subscriptions). Produces a fully balanced
 * assignment and keeps every owned partition that fits within its owner's quota.
 */
function constrainedAssign(
  members: readonly StickyMember[],
  catalog: PartitionCatalog,
  owned: Map<string, TopicPartition[]>,
): Map<string, TopicPartition[]> {
  const assignment = new Map<string, TopicPartition[]>(members.map((m) => [m.id, []]));
  if (members.length === 0) return assignment;

  const total = catalog.all.length;
  const minQuota = Math.floor(total / members.length);
  const maxQuota = Math.ceil(total / members.length);
  // How many members end with maxQuota partitions (0 when minQuota === maxQuota).
  const expectedOverMin = total % members.length;
  let currentOverMin = 0;

  const assigned = new Set<TopicPartition>();
  const underMin: string[] = []; // members that may still get partitions to reach minQuota
  let exactlyMin: string[] = []; // members at minQuota that may still get one more

  // 1. Members keep what they owned, up to their quota, visited in Java HashMap order (this
  //    decides who keeps maxQuota when more members own that many than P % N).
  for (const id of javaHashMapOrder(members.map((m) => m.id))) {
    const mine = [...(owned.get(id) ?? [])].sort(comparePartitionThenTopic);
    const target = assignment.get(id)!;
    let keep: TopicPartition[];
    if (mine.length < minQuota) {
      keep = mine;
      underMin.push(id);
    } else if (mine.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep = mine.slice(0, maxQuota);
    } else {
      keep = mine.slice(0, minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(id);
    }
    for (const tp of keep) {
      target.push(tp);
      assigned.add(tp);
    }
  }

  // 2. Deal the rest round-robin: first to the members under minQuota, then (one each) to members
  //    at minQuota until P % N members have maxQuota.
  const unassigned = catalog.all.filter((tp) => !assigned.has(tp));
  underMin.sort(compareStrings);
  exactlyMin.sort(compareStrings);
  let cursor = 0; // position of a Java iterator over underMin
  for (const tp of unassigned) {
    let consumer: string;
    if (cursor < underMin.length) consumer = underMin[cursor++];
    else if (underMin.length === 0 && exactlyMin.length === 0)
      throw new Error('sticky assignor: no member left under quota (internal error)');
    else if (underMin.length === 0) consumer = exactlyMin.shift()!;
    else {
      cursor = 0;
      consumer = underMin[cursor++];
    }
    const target = assignment.get(consumer)!;
    target.push(tp);
    if (target.length === minQuota) {
      underMin.splice(--cursor, 1);
      exactlyMin.push(consumer);
    } else if (target.length === maxQuota) {
      currentOverMin++;
    }
  }
  return assignment;
}

/** Records which partitions moved between which members, to avoid moving one topic back and forth. */
class PartitionMovements {
  private readonly moves = new Map<TopicPartition, { src: string; dst: string }>();
  /** topic -> "src→dst" -> partitions of that topic that moved that way. */
  private readonly byTopic = new Map<string, Map<string, JavaHashSetOfPartitions>>();

  private static pair(src: string, dst: string) {
    return JSON.stringify([src, dst]);
  }

  private remove(tp: TopicPartition) {
    const move = this.moves.get(tp)!;
    this.moves.delete(tp);
    const topicMoves = this.byTopic.get(tp.topic)!;
    const key = PartitionMovements.pair(move.src, move.dst);
    const set = topicMoves.get(key)!;
    set.delete(tp);
    if (set.size === 0) topicMoves.delete(key);
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
    return move;
  }

  private add(tp: TopicPartition, src: string, dst: string) {
    this.moves.set(tp, { src, dst });
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) this.byTopic.set(tp.topic, (topicMoves = new Map()));
    const key = PartitionMovements.pair(src, dst);
    let set = topicMoves.get(key);
    if (!set) topicMoves.set(key, (set = new JavaHashSetOfPartitions()));
    set.add(tp);
  }

  movePartition(tp: TopicPartition, oldConsumer: string, newConsumer: string) {
    if (this.moves.has(tp)) {
      const existing = this.remove(tp);
      // Moving back to where it started cancels the movement.
      if (existing.src !== newConsumer) this.add(tp, existing.src, newConsumer);
    } else {
      this.add(tp, oldConsumer, newConsumer);
    }
  }

  /**
   * When a partition of this topic already moved newConsumer -> oldConsumer in this rebalance, move
   * that one back instead of moving a second partition the other way.
   */
  partitionToMove(tp: TopicPartition, oldConsumer: string, newConsumer: string): TopicPartition {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const src = this.moves.get(tp)?.src ?? oldConsumer;
    const reverse = topicMoves.get(PartitionMovements.pair(newConsumer, src));
    if (!reverse) return tp;
    return reverse.first();
  }
}

/**
 * The members taking part in balancing, ordered by (assigned partition count, id): Kafka's
 * sortedCurrentSubscriptions, a TreeSet re-sorted on every move (remove, change, add). Here one
 * bitset of member ranks (rank = position in id order) per partition count, and the sorted list
 * of counts in use: a move is O(1) plus a binary search over the counts, "least loaded member
 * that subscribes to topic t" scans from the lowest count and stops at the first match.
 * (Sorting every member for every partition, as before, took minutes on Kafka's own large test.)
 */
class MembersByLoad {
  private readonly rank = new Map<string, number>();
  private readonly ids: string[];
  private readonly words: number;
  /** count -> bitset of the ranks of members holding that many partitions. */
  private readonly buckets = new Map<number, Uint32Array>();
  private readonly population = new Map<number, number>();
  /** Counts with at least one member, ascending. */
  private readonly counts: number[] = [];
  /** Each rank's count, or -1 when the member is not in the set. */
  private readonly countOf: Int32Array;

  constructor(idsInOrder: readonly string[]) {
    this.ids = [...idsInOrder];
    this.ids.forEach((id, i) => this.rank.set(id, i));
    this.words = (this.ids.length + 31) >>> 5;
    this.countOf = new Int32Array(this.ids.length).fill(-1);
  }

  get empty(): boolean {
    return this.counts.length === 0;
  }

  has(id: string): boolean {
    return this.countOf[this.rank.get(id)!] >= 0;
  }

  set(id: string, count: number): void {
    const r = this.rank.get(id)!;
    const was = this.countOf[r];
    if (was === count) return;
    if (was >= 0) this.clearBit(was, r);
    this.countOf[r] = count;
    let bits = this.buckets.get(count);
    if (!bits) this.buckets.set(count, (bits = new Uint32Array(this.words)));
    bits[r >>> 5] |= 1 << (r & 31);
    const n = (this.population.get(count) ?? 0) + 1;
    this.population.set(count, n);
    if (n === 1) this.counts.splice(lowerBound(this.counts, count), 0, count);
  }

  delete(id: string): void {
    const r = this.rank.get(id)!;
    const was = this.countOf[r];
    if (was < 0) return;
    this.clearBit(was, r);
    this.countOf[r] = -1;
  }

  private clearBit(count: number, r: number): void {
    this.buckets.get(count)![r >>> 5] &= ~(1 << (r & 31));
    const n = this.population.get(count)! - 1;
    this.population.set(count, n);
    if (n === 0) this.counts.splice(lowerBound(this.counts, count), 1);
  }

  /** Smallest and largest partition counts among the members (0 when empty). */
  get minCount(): number {
    return this.counts.length ? this.counts[0] : 0;
  }
  get maxCount(): number {
    return this.counts.length ? this.counts[this.counts.length - 1] : 0;
  }

  /** The first member in (count, id) order with count <= maxCount that `accept`s, if any. */
  first(accept: (id: string) => boolean, maxCount = Infinity): string | undefined {
    for (const count of this.counts) {
      if (count > maxCount) return undefined;
      const bits = this.buckets.get(count)!;
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w];
        while (word !== 0) {
          const low = word & -word;
          const id = this.ids[(w << 5) + 31 - Math.clz32(low)];
          if (accept(id)) return id;
          word ^= low;
        }
      }
    }
    return undefined;
  }
}

/** Index of the first element >= x in an ascending array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Kafka's GeneralAssignmentBuilder (members with different subscriptions). */
class GeneralAssignment {
  private readonly topicConsumers = new Map<string, string[]>();
  private readonly consumerTopics = new Map<string, string[]>();
  private readonly consumerTopicSet = new Map<string, Set<string>>();
  private readonly maxSize = new Map<string, number>();
  private readonly byLoad: MembersByLoad;
  private readonly current = new Map<string, Set<TopicPartition>>();
  private readonly owner = new Map<TopicPartition, string>();
  private readonly movements = new PartitionMovements();
  /** Every partition, topics with fewer potential consumers first. */
  private sortedAllPartitions: TopicPartition[];
  private revocationRequired = false;

  constructor(
    members: readonly StickyMember[],
    private readonly catalog: PartitionCatalog,
    owned: Map<string, TopicPartition[]>,
  ) {
    for (const topic of catalog.topics) this.topicConsumers.set(topic, []);
    for (const m of members) {
      const topics = [...new Set(m.topics)].filter((t) => this.topicConsumers.has(t));
      this.consumerTopics.set(m.id, topics);
      this.consumerTopicSet.set(m.id, new Set(topics));
      this.maxSize.set(m.id, topics.reduce((n, t) => n + catalog.partitionsOf(t).length, 0));
      for (const t of topics) this.topicConsumers.get(t)!.push(m.id);
      this.current.set(m.id, new Set(owned.get(m.id) ?? []));
    }
    for (const [id, tps] of this.current) for (const tp of tps) this.owner.set(tp, id);
    const topicOrder = catalog.topics.sort(
      (a, b) => this.topicConsumers.get(a)!.length - this.topicConsumers.get(b)!.length || compareStrings(a, b),
    );
    this.sortedAllPartitions = topicOrder.flatMap((t) => [...catalog.partitionsOf(t)]);
    this.byLoad = new MembersByLoad(members.map((m) => m.id)); // members come sorted by id
  }

  build(): Map<string, TopicPartition[]> {
    // Keep owned partitions whose owner still subscribes to their topic.
    for (const [id, tps] of this.current) {
      const topics = this.consumerTopicSet.get(id)!;
      for (const tp of [...tps]) {
        if (!topics.has(tp.topic)) {
          tps.delete(tp);
          this.owner.delete(tp);
          this.revocationRequired = true;
        }
      }
    }
    const unassigned = this.sortedAllPartitions.filter((tp) => !this.owner.has(tp));
    this.balance(unassigned);
    const result = new Map<string, TopicPartition[]>();
    for (const [id, tps] of this.current) result.set(id, [...tps]);
    return result;
  }

  private maxAssignmentSize(consumer: string): number {
    return this.maxSize.get(consumer)!;
  }

  private subscribes(consumer: string, topic: string) {
    return this.consumerTopicSet.get(consumer)!.has(topic);
  }

  /** The least loaded member (by count, then id) subscribed to `topic` holding at most maxCount. */
  private leastLoaded(topic: string, maxCount = Infinity): string | undefined {
    return this.byLoad.first((c) => this.subscribes(c, topic), maxCount);
  }

  /** Puts every member of `current` in the load order afresh. */
  private indexLoads() {
    for (const [id, tps] of this.current) this.byLoad.set(id, tps.size);
  }

  private balance(unassignedPartitions: TopicPartition[]) {
    this.indexLoads();
    const initializing = this.byLoad.empty || this.byLoad.maxCount === 0;

    // Give each unassigned partition to the least loaded member subscribed to its topic.
    for (const tp of unassignedPartitions) {
      const consumer = this.leastLoaded(tp.topic);
      if (consumer === undefined) continue;
      const tps = this.current.get(consumer)!;
      tps.add(tp);
      this.byLoad.set(consumer, tps.size);
      this.owner.set(tp, consumer);
    }

    // Only partitions of topics with two or more potential consumers can move.
    const movable = (tp: TopicPartition) => this.topicConsumers.get(tp.topic)!.length >= 2;
    this.sortedAllPartitions = this.sortedAllPartitions.filter(movable);
    const reassignable = unassignedPartitions.filter(movable);

    // Members that cannot take part sit out the balancing.
    const fixed = new Map<string, Set<TopicPartition>>();
    for (const consumer of [...this.current.keys()]) {
      const tps = this.current.get(consumer)!;
      const canParticipate =
        tps.size < this.maxAssignmentSize(consumer) || [...tps].some((tp) => movable(tp));
      if (!canParticipate) {
        fixed.set(consumer, tps);
        this.current.delete(consumer);
        this.byLoad.delete(consumer);
      }
    }

    const preBalance = this.snapshot();

    // Without forced revocations, first try to balance by moving only newly assigned partitions.
    if (!this.revocationRequired) this.performReassignments(reassignable);
    const reassignmentPerformed = this.performReassignments(this.sortedAllPartitions);

    // Keep the moves only if they made the assignment more balanced.
    if (!initializing && reassignmentPerformed && balanceScore(this.current) >= balanceScore(preBalance.current)) {
      this.current.clear();
      for (const [id, tps] of preBalance.current) this.current.set(id, tps);
      this.owner.clear();
      for (const [tp, id] of preBalance.owner) this.owner.set(tp, id);
    }

    for (const [id, tps] of fixed) this.current.set(id, tps);
  }

  private snapshot() {
    return {
      current: new Map([...this.current].map(([id, tps]) => [id, new Set(tps)] as const)),
      owner: new Map(this.owner),
    };
  }

  private performReassignments(reassignable: readonly TopicPartition[]): boolean {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of reassignable) {
        if (this.isBalanced()) break;
        const consumer = this.owner.get(tp);
        if (consumer === undefined) continue;
        // Does a member subscribed to the topic hold two or more partitions fewer?
        const size = this.current.get(consumer)!.size;
        if (this.leastLoaded(tp.topic, size - 2) !== undefined) {
          this.reassignPartition(tp);
          performed = true;
          modified = true;
        }
      }
    } while (modified);
    return performed;
  }

  private reassignPartition(tp: TopicPartition) {
    const newConsumer = this.leastLoaded(tp.topic)!;
    const oldConsumer = this.owner.get(tp)!;
    const toMove = this.movements.partitionToMove(tp, oldConsumer, newConsumer);
    const from = this.owner.get(toMove)!;
    this.movements.movePartition(toMove, from, newConsumer);
    const fromTps = this.current.get(from)!;
    const toTps = this.current.get(newConsumer)!;
    fromTps.delete(toMove);
    toTps.add(toMove);
    this.byLoad.set(from, fromTps.size);
    this.byLoad.set(newConsumer, toTps.size);
    this.owner.set(toMove, newConsumer);
  }

  /**
   * Balanced when counts differ by at most one, or when no member could take any partition it
   * subscribes to from a member holding two or more partitions more than it.
   */
  private isBalanced(): boolean {
    if (this.byLoad.empty) return true;
    if (this.byLoad.minCount >= this.byLoad.maxCount - 1) return true;
    // The answer does not depend on the order members are looked at.
    for (const consumer of this.current.keys()) {
      const mine = this.current.get(consumer)!;
      if (mine.size === this.maxAssignmentSize(consumer)) continue;
      for (const topic of this.consumerTopics.get(consumer)!) {
        for (const tp of this.catalog.partitionsOf(topic)) {
          if (mine.has(tp)) continue;
          const other = this.owner.get(tp);
          const otherTps = other === undefined ? undefined : this.current.get(other);
          if (otherTps && mine.size + 1 < otherTps.size) return false;
        }
      }
    }
    return true;
  }
}

/** Sum over all member pairs of the difference in partition counts; 0 when perfectly balanced. */
function balanceScore(assignment: Map<string, Set<TopicPartition>>): number {
  const sizes = [...assignment.values()].map((s) => s.size);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i] - sizes[j]);
  return score;
}
