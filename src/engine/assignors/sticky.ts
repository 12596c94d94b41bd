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

import { topicPartition } from '../topicPartition';

/** A partition of a topic. `key` is its "topic-partition" name, unique per partition; `id` its
 * position in the catalog (topics in name order, then partition number). */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
  readonly id: number;
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
        list.push({ topic, partition, key: topicPartition(topic, partition), id: this.all.length + list.length });
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

  // Each member's claims, restricted to partitions that exist, without duplicates. Per partition:
  // the last member (by position in `sorted`) that claimed it, and how many did (up to 2).
  const claimed = new Map<string, TopicPartition[]>();
  const lastClaimant = new Int32Array(catalog.all.length).fill(-1);
  const claimants = new Uint8Array(catalog.all.length);
  sorted.forEach((m, rank) => {
    const mine: TopicPartition[] = [];
    for (const o of m.owned) {
      const tp = catalog.get(o.topic, o.partition);
      if (!tp || lastClaimant[tp.id] === rank) continue;
      lastClaimant[tp.id] = rank;
      if (claimants[tp.id] < 2) claimants[tp.id]++;
      mine.push(tp);
    }
    claimed.set(m.id, mine);
  });

  // Drop partitions claimed by several members from every claimant (Kafka: "claimed by multiple
  // consumers in the same generation, this will be invalidated").
  const multiplyClaimed = new Set<TopicPartition>();
  const owned = new Map<string, TopicPartition[]>();
  for (const [id, tps] of claimed) {
    for (const tp of tps) if (claimants[tp.id] > 1) multiplyClaimed.add(tp);
    owned.set(id, tps.filter((tp) => claimants[tp.id] === 1));
  }

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

/**
 * Records which partitions moved between which members, to avoid moving one topic back and forth.
 * Members are their ranks (positions in id order).
 */
class PartitionMovements {
  private readonly moves = new Map<TopicPartition, { src: number; dst: number }>();
  /** topic -> src * members + dst -> partitions of that topic that moved that way. */
  private readonly byTopic = new Map<string, Map<number, JavaHashSetOfPartitions>>();

  constructor(private readonly members: number) {}

  private pair(src: number, dst: number) {
    return src * this.members + dst;
  }

  private remove(tp: TopicPartition) {
    const move = this.moves.get(tp)!;
    this.moves.delete(tp);
    const topicMoves = this.byTopic.get(tp.topic)!;
    const key = this.pair(move.src, move.dst);
    const set = topicMoves.get(key)!;
    set.delete(tp);
    if (set.size === 0) topicMoves.delete(key);
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
    return move;
  }

  private add(tp: TopicPartition, src: number, dst: number) {
    this.moves.set(tp, { src, dst });
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) this.byTopic.set(tp.topic, (topicMoves = new Map()));
    const key = this.pair(src, dst);
    let set = topicMoves.get(key);
    if (!set) topicMoves.set(key, (set = new JavaHashSetOfPartitions()));
    set.add(tp);
  }

  movePartition(tp: TopicPartition, oldConsumer: number, newConsumer: number) {
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
  partitionToMove(tp: TopicPartition, oldConsumer: number, newConsumer: number): TopicPartition {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const src = this.moves.get(tp)?.src ?? oldConsumer;
    const reverse = topicMoves.get(this.pair(newConsumer, src));
    if (!reverse) return tp;
    return reverse.first();
  }
}

/** Members holding `count` partitions: a bitset of their ranks, and the first word that may be set. */
interface LoadBucket {
  bits: Uint32Array;
  population: number;
  /** Every word before this one is 0 (the scan in `first` starts here). */
  low: number;
}

/**
 * The members taking part in balancing, ordered by (assigned partition count, rank): Kafka's
 * sortedCurrentSubscriptions, a TreeSet re-sorted on every move (remove, change, add). Here one
 * bitset of member ranks per partition count, and the sorted list of counts in use: a move is O(1)
 * plus a binary search over the counts, "least loaded member that subscribes to topic t" scans
 * from the lowest count and stops at the first match. (Sorting every member for every partition
 * took minutes on Kafka's own large test.)
 */
class MembersByLoad {
  private readonly words: number;
  private readonly buckets = new Map<number, LoadBucket>();
  /** Counts with at least one member, ascending. */
  private readonly counts: number[] = [];
  /** Each rank's count, or -1 when the member is not in the set. */
  private readonly countOf: Int32Array;

  constructor(members: number) {
    this.words = (members + 31) >>> 5;
    this.countOf = new Int32Array(members).fill(-1);
  }

  get empty(): boolean {
    return this.counts.length === 0;
  }

  set(rank: number, count: number): void {
    const was = this.countOf[rank];
    if (was === count) return;
    if (was >= 0) this.clearBit(was, rank);
    this.countOf[rank] = count;
    let bucket = this.buckets.get(count);
    if (!bucket) this.buckets.set(count, (bucket = { bits: new Uint32Array(this.words), population: 0, low: this.words }));
    const w = rank >>> 5;
    bucket.bits[w] |= 1 << (rank & 31);
    if (w < bucket.low) bucket.low = w;
    if (++bucket.population === 1) this.counts.splice(lowerBound(this.counts, count), 0, count);
  }

  delete(rank: number): void {
    const was = this.countOf[rank];
    if (was < 0) return;
    this.clearBit(was, rank);
    this.countOf[rank] = -1;
  }

  private clearBit(count: number, rank: number): void {
    const bucket = this.buckets.get(count)!;
    bucket.bits[rank >>> 5] &= ~(1 << (rank & 31));
    if (--bucket.population === 0) this.counts.splice(lowerBound(this.counts, count), 1);
  }

  /** Smallest and largest partition counts among the members (0 when empty). */
  get minCount(): number {
    return this.counts.length ? this.counts[0] : 0;
  }
  get maxCount(): number {
    return this.counts.length ? this.counts[this.counts.length - 1] : 0;
  }

  /** The first member in (count, rank) order with count <= maxCount that `accept`s, or -1. */
  first(accept: (rank: number) => boolean, maxCount = Infinity): number {
    for (const count of this.counts) {
      if (count > maxCount) return -1;
      const bucket = this.buckets.get(count)!;
      const bits = bucket.bits;
      for (let w = bucket.low; w < bits.length; w++) {
        let word = bits[w];
        if (word === 0 && w === bucket.low) {
          bucket.low++;
          continue;
        }
        while (word !== 0) {
          const low = word & -word;
          const rank = (w << 5) + 31 - Math.clz32(low);
          if (accept(rank)) return rank;
          word ^= low;
        }
      }
    }
    return -1;
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

/**
 * Kafka's GeneralAssignmentBuilder (members with different subscriptions).
 *
 * Partitions are their catalog ids (topic order, then partition number: the partitions of topic
 * index t are ids topicStart[t] .. topicStart[t+1]-1) and members their ranks (id order), so the
 * state is a few typed arrays: who owns each partition, how many each member holds, who subscribes
 * to what. Kafka's test input of a million partitions and 2 000 members then costs seconds, not
 * minutes (string-keyed maps and sets of partition objects spent most of it hashing and in GC).
 */
class GeneralAssignment {
  private readonly ids: string[];
  private readonly topicNames: string[];
  /** First partition id of each topic index, plus the total at the end. */
  private readonly topicStart: Int32Array;
  /** Topic index of each partition id. */
  private readonly topicOf: Int32Array;
  /** Members subscribed to each topic index. */
  private readonly topicConsumers: Int32Array;
  /** Each member's subscribed topic indexes, and the same as a bitset (topicWords words each). */
  private readonly memberTopics: Int32Array[];
  private readonly topicWords: number;
  private readonly subscribed: Uint32Array;
  /** Partitions each member could hold at most (every partition of its topics). */
  private readonly maxSize: Int32Array;
  /** The member holding each partition, or -1. */
  private readonly owner: Int32Array;
  /** Partitions each member holds. */
  private readonly count: Int32Array;
  /** 1 while a member takes part in balancing (Kafka's currentAssignment minus the fixed ones). */
  private readonly participating: Uint8Array;
  private readonly byLoad: MembersByLoad;
  private readonly movements: PartitionMovements;
  /** Topic indexes, fewer potential consumers first (then by name): Kafka's sortedAllPartitions. */
  private readonly topicOrder: number[];
  private revocationRequired = false;

  constructor(
    members: readonly StickyMember[],
    private readonly catalog: PartitionCatalog,
    owned: Map<string, TopicPartition[]>,
  ) {
    this.ids = members.map((m) => m.id); // members come sorted by id
    const M = this.ids.length;
    this.topicNames = catalog.topics;
    const T = this.topicNames.length;
    const topicIndex = new Map(this.topicNames.map((t, i) => [t, i]));
    this.topicStart = new Int32Array(T + 1);
    for (let t = 0; t < T; t++) this.topicStart[t + 1] = this.topicStart[t] + catalog.partitionsOf(this.topicNames[t]).length;
    const P = this.topicStart[T];
    this.topicOf = new Int32Array(P);
    for (let t = 0; t < T; t++) this.topicOf.fill(t, this.topicStart[t], this.topicStart[t + 1]);

    this.topicWords = (T + 31) >>> 5;
    this.subscribed = new Uint32Array(M * this.topicWords);
    this.topicConsumers = new Int32Array(T);
    this.maxSize = new Int32Array(M);
    this.memberTopics = members.map((m, rank) => {
      const topics = [...new Set(m.topics)].filter((t) => topicIndex.has(t)).map((t) => topicIndex.get(t)!);
      for (const t of topics) {
        this.subscribed[rank * this.topicWords + (t >>> 5)] |= 1 << (t & 31);
        this.topicConsumers[t]++;
        this.maxSize[rank] += this.topicStart[t + 1] - this.topicStart[t];
      }
      return Int32Array.from(topics);
    });

    this.owner = new Int32Array(P).fill(-1);
    this.count = new Int32Array(M);
    this.participating = new Uint8Array(M).fill(1);
    members.forEach((m, rank) => {
      for (const tp of owned.get(m.id) ?? []) {
        this.owner[tp.id] = rank;
        this.count[rank]++;
      }
    });
    this.topicOrder = this.topicNames
      .map((_, t) => t)
      .sort((a, b) => this.topicConsumers[a] - this.topicConsumers[b] || compareStrings(this.topicNames[a], this.topicNames[b]));
    this.byLoad = new MembersByLoad(M);
    this.movements = new PartitionMovements(M);
  }

  private subscribes(rank: number, topic: number): boolean {
    return (this.subscribed[rank * this.topicWords + (topic >>> 5)] & (1 << (topic & 31))) !== 0;
  }

  private movable(topic: number): boolean {
    return this.topicConsumers[topic] >= 2;
  }

  /** Partition ids of the topics in `topicOrder` that `keep` accepts, in that order. */
  private partitionsInOrder(keep: (p: number) => boolean): Int32Array {
    const out = new Int32Array(this.owner.length);
    let n = 0;
    for (const t of this.topicOrder) for (let p = this.topicStart[t]; p < this.topicStart[t + 1]; p++) if (keep(p)) out[n++] = p;
    return out.subarray(0, n);
  }

  build(): Map<string, TopicPartition[]> {
    // Keep owned partitions whose owner still subscribes to their topic.
    for (let p = 0; p < this.owner.length; p++) {
      const rank = this.owner[p];
      if (rank >= 0 && !this.subscribes(rank, this.topicOf[p])) {
        this.owner[p] = -1;
        this.count[rank]--;
        this.revocationRequired = true;
      }
    }
    this.balance(this.partitionsInOrder((p) => this.owner[p] < 0));
    const result = new Map<string, TopicPartition[]>(this.ids.map((id) => [id, []]));
    const lists = this.ids.map((id) => result.get(id)!);
    for (let p = 0; p < this.owner.length; p++) if (this.owner[p] >= 0) lists[this.owner[p]].push(this.catalog.all[p]);
    return result;
  }

  /** The least loaded member (by count, then id) subscribed to `topic` holding at most maxCount, or -1. */
  private leastLoaded(topic: number, maxCount = Infinity): number {
    return this.byLoad.first((rank) => this.subscribes(rank, topic), maxCount);
  }

  private give(p: number, rank: number): void {
    this.owner[p] = rank;
    this.byLoad.set(rank, ++this.count[rank]);
  }

  private balance(unassignedPartitions: Int32Array) {
    for (let rank = 0; rank < this.ids.length; rank++) this.byLoad.set(rank, this.count[rank]);
    const initializing = this.byLoad.empty || this.byLoad.maxCount === 0;

    // Give each unassigned partition to the least loaded member subscribed to its topic.
    for (const p of unassignedPartitions) {
      const rank = this.leastLoaded(this.topicOf[p]);
      if (rank >= 0) this.give(p, rank);
    }

    // Only partitions of topics with two or more potential consumers can move.
    const sortedAllPartitions = this.partitionsInOrder((p) => this.movable(this.topicOf[p]));
    const reassignable = unassignedPartitions.filter((p) => this.movable(this.topicOf[p]));

    // Members that cannot take part (full, and holding nothing that can move) sit out the balancing.
    const holdsMovable = new Uint8Array(this.ids.length);
    for (let p = 0; p < this.owner.length; p++) if (this.owner[p] >= 0 && this.movable(this.topicOf[p])) holdsMovable[this.owner[p]] = 1;
    for (let rank = 0; rank < this.ids.length; rank++) {
      if (this.count[rank] < this.maxSize[rank] || holdsMovable[rank]) continue;
      this.participating[rank] = 0;
      this.byLoad.delete(rank);
    }

    // What to go back to (moves change owners and counts only; who takes part stays the same).
    const ownerBefore = this.owner.slice();
    const countBefore = this.count.slice();

    // Without forced revocations, first try to balance by moving only newly assigned partitions.
    if (!this.revocationRequired) this.performReassignments(reassignable);
    const reassignmentPerformed = this.performReassignments(sortedAllPartitions);

    // Keep the moves only if they made the assignment more balanced.
    if (!initializing && reassignmentPerformed && this.balanceScore(this.count) >= this.balanceScore(countBefore)) {
      this.owner.set(ownerBefore);
      this.count.set(countBefore);
    }
  }

  private performReassignments(reassignable: Int32Array): boolean {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const p of reassignable) {
        if (this.isBalanced()) break;
        const rank = this.owner[p];
        if (rank < 0) continue;
        // Does a member subscribed to the topic hold two or more partitions fewer?
        if (this.leastLoaded(this.topicOf[p], this.count[rank] - 2) >= 0) {
          this.reassignPartition(p);
          performed = true;
          modified = true;
        }
      }
    } while (modified);
    return performed;
  }

  private reassignPartition(p: number) {
    const newConsumer = this.leastLoaded(this.topicOf[p]);
    const toMove = this.movements.partitionToMove(this.catalog.all[p], this.owner[p], newConsumer).id;
    const from = this.owner[toMove];
    this.movements.movePartition(this.catalog.all[toMove], from, newConsumer);
    this.byLoad.set(from, --this.count[from]);
    this.give(toMove, newConsumer);
  }

  /**
   * Balanced when counts differ by at most one, or when no member could take any partition it
   * subscribes to from a member holding two or more partitions more than it.
   */
  private isBalanced(): boolean {
    if (this.byLoad.empty) return true;
    if (this.byLoad.minCount >= this.byLoad.maxCount - 1) return true;
    // The answer does not depend on the order members are looked at.
    for (let rank = 0; rank < this.ids.length; rank++) {
      if (!this.participating[rank]) continue;
      const mine = this.count[rank];
      if (mine === this.maxSize[rank]) continue;
      for (const t of this.memberTopics[rank]) {
        for (let p = this.topicStart[t]; p < this.topicStart[t + 1]; p++) {
          const other = this.owner[p];
          if (other < 0 || other === rank || !this.participating[other]) continue;
          if (mine + 1 < this.count[other]) return false;
        }
      }
    }
    return true;
  }

  /** Sum over all pairs of participating members of the difference in partition counts (0 when
   * perfectly balanced): over the counts sorted ascending, the i-th of n adds (2i - n + 1) times itself. */
  private balanceScore(counts: Int32Array): number {
    const sizes = Float64Array.from(counts.filter((_, rank) => this.participating[rank] === 1)).sort();
    let score = 0;
    for (let i = 0; i < sizes.length; i++) score += (2 * i - sizes.length + 1) * sizes[i];
    return score;
  }
}
