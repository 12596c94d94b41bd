import type { TraceEvent, TraceOf, TraceType } from './trace';

/**
 * The engine's kept trace, stored in columns instead of one object per event.
 *
 * Why: a busy run emits thousands of trace events per frame and keeps the last `limit` of them
 * (20 000 in the app) for about a dozen frames. Kept as objects, every one of them lived long
 * enough to be copied by two scavenges and promoted to the old generation, only to die there: that
 * was ~85% of what reached the old generation in the soak (bench/soakAlloc.ts --promoted), and so
 * the cause of long scavenges and frequent major collections. Here the types a busy run emits by
 * the thousand (HOT) are copied into preallocated typed columns (numbers) and reference columns
 * (strings the engine's state shares anyway), their lists (a batch's keys, an ISR, committed
 * offsets) into one flat ring of values, and the emitted object is left to die young. Other types
 * are rare: they are kept as the objects themselves. Objects are built again on read (`at`).
 *
 * Contract (test/engine/traceRing.property.test.ts): it behaves exactly like the array of event
 * objects the engine kept before — `push(e)` appends e, and when more than 1.5 × `limit` events
 * are held the oldest are dropped until `limit` remain — and `at(i)` / `toArray()` give objects
 * deep-equal to the events pushed, with their keys in the same order (so `JSON.stringify`, which
 * the trace fingerprints hash, gives the same text). The hot codecs below write the keys in the
 * order the engine's emit sites do; `Exactly` makes the compiler check that each codec covers every
 * field of its type.
 *
 * Hand-written per type on purpose: one generic loop over field names made every property access a
 * megamorphic keyed load, which cost more than the garbage collection it saved.
 */

/** Column codes: the hot types, and "kept as the object itself" (in its first reference slot). */
const AS_OBJECT = 0;
const PRODUCED = 1;
const ACKED = 2;
const REPLICATED = 3;
const DELIVERED = 4;
const PROCESSED = 5;
const COMMITTED = 6;

/** Number and reference columns per event: the most any hot type needs. */
const NUMS = 4;
const REFS = 5;
const FIRST_CAPACITY = 1024;

/** The fields of a trace type besides type, t and seq. */
type Fields<K extends TraceType> = Exclude<keyof TraceOf<K>, 'type' | 't' | 'seq'>;
/** Compiles only when `L` lists exactly the fields of K: a codec that misses a field does not build. */
type Exactly<K extends TraceType, L extends readonly string[]> = [Fields<K>] extends [L[number]] ? ([L[number]] extends [Fields<K>] ? L : never) : never;
const fields = <K extends TraceType>() => <const L extends readonly string[]>(list: Exactly<K, L>) => list;
// What each codec writes, in the emit sites' order; checked against the trace types at compile time.
// (transactionalId: an event that has one is kept as an object, see push.)
fields<'produced'>()(['producer', 'topic', 'partition', 'baseOffset', 'count', 'keys', 'transactionalId']);
fields<'acked'>()(['producer', 'topic', 'partition', 'baseOffset', 'count', 'acks']);
fields<'replicated'>()(['topic', 'partition', 'highWatermark', 'isr']);
fields<'delivered'>()(['group', 'consumer', 'topic', 'partition', 'fromOffset', 'toOffset']);
fields<'processed'>()(['group', 'consumer', 'service', 'topic', 'partition', 'offset', 'outcome', 'doneAt']);
fields<'committed'>()(['group', 'consumer', 'offsets']);

export class TraceRing {
  /** Most events held: past this, the oldest are dropped until `limit` remain. */
  readonly max: number;
  private cap: number;
  /** Physical index of the oldest event, how many are held, how many were ever pushed. */
  private head = 0;
  private len = 0;
  private total = 0;
  private codes: Uint8Array;
  private times: Float64Array;
  private seqs: Float64Array;
  private nums: Float64Array;
  private refs: unknown[];
  /** Where in the value ring each event's list starts (an absolute position). */
  private marks: Float64Array;
  /** The value ring: list and record contents of the held events, in event order. */
  private values: unknown[];
  /** Absolute positions: the oldest value still needed, and one past the newest. */
  private valueHead = 0;
  private valueEnd = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`TraceRing needs a limit >= 1, got ${limit}`);
    this.max = Math.floor(limit * 1.5);
    this.cap = Math.min(this.max, FIRST_CAPACITY);
    this.codes = new Uint8Array(this.cap);
    this.times = new Float64Array(this.cap);
    this.seqs = new Float64Array(this.cap);
    this.nums = new Float64Array(this.cap * NUMS);
    this.refs = new Array<unknown>(this.cap * REFS).fill(undefined);
    this.marks = new Float64Array(this.cap);
    this.values = new Array<unknown>(FIRST_CAPACITY).fill(undefined);
  }

  get length(): number {
    return this.len;
  }

  /** Events ever pushed: the held ones are the last `length` of them. */
  get pushed(): number {
    return this.total;
  }

  /** Appends an event (its t and seq set), first dropping the oldest when the ring is at `max`. */
  push(e: TraceEvent): void {
    if (this.len === this.max) this.dropOldest(this.len - (this.limit - 1));
    if (this.len === this.cap) this.grow();
    const p = (this.head + this.len) % this.cap;
    this.times[p] = e.t;
    this.seqs[p] = e.seq;
    this.marks[p] = this.valueEnd;
    const n = p * NUMS;
    const r = p * REFS;
    const nums = this.nums;
    const refs = this.refs;
    let code = AS_OBJECT;
    switch (e.type) {
      case 'processed':
        code = PROCESSED;
        refs[r] = e.group;
        refs[r + 1] = e.consumer;
        refs[r + 2] = e.service;
        refs[r + 3] = e.topic;
        refs[r + 4] = e.outcome;
        nums[n] = e.partition;
        nums[n + 1] = e.offset;
        nums[n + 2] = e.doneAt;
        break;
      case 'delivered':
        code = DELIVERED;
        refs[r] = e.group;
        refs[r + 1] = e.consumer;
        refs[r + 2] = e.topic;
        nums[n] = e.partition;
        nums[n + 1] = e.fromOffset;
        nums[n + 2] = e.toOffset;
        break;
      case 'produced':
        // Records written inside a transaction (rare) keep their transactionalId: as objects.
        if (e.transactionalId !== undefined || !this.pushList(e.keys)) break;
        code = PRODUCED;
        refs[r] = e.producer;
        refs[r + 1] = e.topic;
        nums[n] = e.partition;
        nums[n + 1] = e.baseOffset;
        nums[n + 2] = e.count;
        nums[n + 3] = e.keys.length;
        break;
      case 'acked':
        code = ACKED;
        refs[r] = e.producer;
        refs[r + 1] = e.topic;
        refs[r + 2] = e.acks;
        nums[n] = e.partition;
        nums[n + 1] = e.baseOffset;
        nums[n + 2] = e.count;
        break;
      case 'replicated':
        if (!this.pushList(e.isr)) break;
        code = REPLICATED;
        refs[r] = e.topic;
        nums[n] = e.partition;
        nums[n + 1] = e.highWatermark;
        nums[n + 2] = e.isr.length;
        break;
      case 'committed': {
        const count = this.pushRecord(e.offsets);
        if (count < 0) break;
        code = COMMITTED;
        refs[r] = e.group;
        refs[r + 1] = e.consumer;
        nums[n] = count;
        break;
      }
    }
    if (code === AS_OBJECT) {
      this.valueEnd = this.marks[p];
      refs[r] = e;
    }
    this.codes[p] = code;
    this.len++;
    this.total++;
  }

  /** The i-th held event (0 = oldest) as an object: a fresh one for a columnar event. */
  at(i: number): TraceEvent {
    if (!(i >= 0 && i < this.len)) throw new RangeError(`TraceRing.at(${i}): ${this.len} events held`);
    return this.decode((this.head + i) % this.cap);
  }

  /** The held events as objects, oldest first. */
  toArray(): TraceEvent[] {
    const out = new Array<TraceEvent>(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.decode((this.head + i) % this.cap);
    return out;
  }

  private decode(p: number): TraceEvent {
    const n = p * NUMS;
    const r = p * REFS;
    const nums = this.nums;
    const refs = this.refs;
    const t = this.times[p];
    const seq = this.seqs[p];
    switch (this.codes[p]) {
      case PROCESSED:
        return {
          type: 'processed',
          group: refs[r] as string,
          consumer: refs[r + 1] as string,
          service: refs[r + 2] as string | null,
          topic: refs[r + 3] as string,
          partition: nums[n],
          offset: nums[n + 1],
          outcome: refs[r + 4] as TraceOf<'processed'>['outcome'],
          doneAt: nums[n + 2],
          t,
          seq,
        };
      case DELIVERED:
        return { type: 'delivered', group: refs[r] as string, consumer: refs[r + 1] as string, topic: refs[r + 2] as string, partition: nums[n], fromOffset: nums[n + 1], toOffset: nums[n + 2], t, seq };
      case PRODUCED:
        return {
          type: 'produced',
          producer: refs[r] as string,
          topic: refs[r + 1] as string,
          partition: nums[n],
          baseOffset: nums[n + 1],
          count: nums[n + 2],
          keys: this.readList(this.marks[p], nums[n + 3]) as (string | null)[],
          t,
          seq,
        };
      case ACKED:
        return {
          type: 'acked',
          producer: refs[r] as string,
          topic: refs[r + 1] as string,
          partition: nums[n],
          baseOffset: nums[n + 1],
          count: nums[n + 2],
          acks: refs[r + 2] as TraceOf<'acked'>['acks'],
          t,
          seq,
        };
      case REPLICATED:
        return { type: 'replicated', topic: refs[r] as string, partition: nums[n], highWatermark: nums[n + 1], isr: this.readList(this.marks[p], nums[n + 2]) as number[], t, seq };
      case COMMITTED:
        return { type: 'committed', group: refs[r] as string, consumer: refs[r + 1] as string, offsets: this.readRecord(this.marks[p], nums[n]), t, seq };
      default:
        return refs[r] as TraceEvent;
    }
  }

  /** Appends a list's items to the value ring; false (nothing kept) if one is an object, whose identity a copy would lose. */
  private pushList(list: readonly unknown[]): boolean {
    const start = this.valueEnd;
    for (let i = 0; i < list.length; i++) {
      if (!this.pushValue(list[i])) {
        this.valueEnd = start;
        return false;
      }
    }
    return true;
  }

  /** Appends a plain record's keys and values; returns how many entries, or -1 (nothing kept) if it cannot be copied exactly. */
  private pushRecord(record: Record<string, unknown>): number {
    if (Object.getPrototypeOf(record) !== Object.prototype) return -1;
    const start = this.valueEnd;
    let count = 0;
    for (const key in record) {
      if (!this.pushValue(key) || !this.pushValue(record[key])) {
        this.valueEnd = start;
        return -1;
      }
      count++;
    }
    return count;
  }

  private pushValue(value: unknown): boolean {
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) return false;
    if (this.valueEnd - this.valueHead === this.values.length) this.growValues();
    this.values[this.valueEnd % this.values.length] = value;
    this.valueEnd++;
    return true;
  }

  private readList(at: number, length: number): unknown[] {
    const ring = this.values;
    const list = new Array<unknown>(length);
    for (let i = 0; i < length; i++) list[i] = ring[(at + i) % ring.length];
    return list;
  }

  /** A record rebuilt in its keys' order, which is the order its keys are iterated in, so the same. */
  private readRecord(at: number, count: number): Record<string, number> {
    const ring = this.values;
    const record: Record<string, number> = {};
    for (let i = 0; i < count; i++) record[ring[(at + 2 * i) % ring.length] as string] = ring[(at + 2 * i + 1) % ring.length] as number;
    return record;
  }

  /**
   * Forgets the `n` oldest events. Their slots are not cleared: a slot is overwritten when reused,
   * and until then holds only what the ring's capacity (1.5 × limit) bounds anyway.
   */
  private dropOldest(n: number): void {
    this.head = (this.head + n) % this.cap;
    this.len -= n;
    this.valueHead = this.len > 0 ? this.marks[this.head] : this.valueEnd;
  }

  /** Doubles the event columns (up to `max`), laying the held events out from index 0. */
  private grow(): void {
    const cap = Math.min(this.max, this.cap * 2);
    const codes = new Uint8Array(cap);
    const times = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    const marks = new Float64Array(cap);
    const nums = new Float64Array(cap * NUMS);
    const refs = new Array<unknown>(cap * REFS).fill(undefined);
    for (let i = 0; i < this.len; i++) {
      const p = (this.head + i) % this.cap;
      codes[i] = this.codes[p];
      times[i] = this.times[p];
      seqs[i] = this.seqs[p];
      marks[i] = this.marks[p];
      nums.set(this.nums.subarray(p * NUMS, p * NUMS + NUMS), i * NUMS);
      for (let k = 0; k < REFS; k++) refs[i * REFS + k] = this.refs[p * REFS + k];
    }
    this.codes = codes;
    this.times = times;
    this.seqs = seqs;
    this.marks = marks;
    this.nums = nums;
    this.refs = refs;
    this.head = 0;
    this.cap = cap;
  }

  /** Doubles the value ring, keeping every value at its absolute position modulo the new size. */
  private growValues(): void {
    const old = this.values;
    const values = new Array<unknown>(old.length * 2).fill(undefined);
    for (let a = this.valueHead; a < this.valueEnd; a++) values[a % values.length] = old[a % old.length];
    this.values = values;
  }
}
