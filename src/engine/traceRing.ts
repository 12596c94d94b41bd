import type { TraceEvent, TraceOf, TraceType } from './trace';

/**
 * The engine's kept trace, stored in columns instead of one object per event.
 *
 * Why: a busy run emits thousands of trace events per frame and keeps the last `limit` of them
 * (20 000 in the app) for about a dozen frames. Kept as objects, every one of them lived long
 * enough to be copied by two scavenges and promoted to the old generation, only to die there: that
 * was ~85% of what reached the old generation in the soak, and so the cause of long scavenges and
 * frequent major collections. Here an event is copied into preallocated typed columns (numbers) and
 * reference columns (strings shared with the engine's state), and its lists (a batch's keys, an
 * ISR) into one flat ring of values; the emitted object itself is left to die young. Objects are
 * built again only when someone reads the trace (`toArray`).
 *
 * Contract (test/engine/traceRing.property.test.ts): it behaves exactly like the array of event
 * objects the engine kept before — `push(e)` appends e, and when more than 1.5 × `limit` events
 * are held the oldest are dropped until `limit` remain — and `toArray()` returns objects that are
 * deep-equal to the events pushed with their keys in the same order (so `JSON.stringify`, which
 * the trace fingerprints hash, gives the same text). An event whose shape is not the one its type's
 * columns describe (keys in another order, a number field that is not a number, a list holding
 * objects) is kept as the object itself, so nothing is ever lost or reordered.
 */

type Kind = 'num' | 'ref' | 'list' | 'record';
/** A field of a trace type: its name and how it is stored (`ref`: a primitive kept as is). */
type FieldSpec<K extends TraceType> = readonly [Exclude<keyof TraceOf<K>, 'type' | 't' | 'seq'>, Kind];

/**
 * The column layout of the types a busy run emits by the thousand, in the order their emit sites
 * write the fields (the order is checked on every push: a mismatch keeps the object). Rare types
 * are kept as objects.
 */
const LAYOUTS: { readonly [K in TraceType]?: readonly FieldSpec<K>[] } = {
  produced: [
    ['producer', 'ref'],
    ['topic', 'ref'],
    ['partition', 'num'],
    ['baseOffset', 'num'],
    ['count', 'num'],
    ['keys', 'list'],
  ],
  acked: [
    ['producer', 'ref'],
    ['topic', 'ref'],
    ['partition', 'num'],
    ['baseOffset', 'num'],
    ['count', 'num'],
    ['acks', 'ref'],
  ],
  replicated: [
    ['topic', 'ref'],
    ['partition', 'num'],
    ['highWatermark', 'num'],
    ['isr', 'list'],
  ],
  delivered: [
    ['group', 'ref'],
    ['consumer', 'ref'],
    ['topic', 'ref'],
    ['partition', 'num'],
    ['fromOffset', 'num'],
    ['toOffset', 'num'],
  ],
  processed: [
    ['group', 'ref'],
    ['consumer', 'ref'],
    ['service', 'ref'],
    ['topic', 'ref'],
    ['partition', 'num'],
    ['offset', 'num'],
    ['outcome', 'ref'],
    ['doneAt', 'num'],
  ],
  committed: [
    ['group', 'ref'],
    ['consumer', 'ref'],
    ['offsets', 'record'],
  ],
  produceFailed: [
    ['producer', 'ref'],
    ['topic', 'ref'],
    ['partition', 'num'],
    ['count', 'num'],
    ['error', 'ref'],
    ['willRetry', 'ref'],
  ],
  recordsDeleted: [
    ['topic', 'ref'],
    ['partition', 'num'],
    ['count', 'num'],
    ['startOffset', 'num'],
    ['reason', 'ref'],
  ],
  requestSent: [
    ['requestId', 'ref'],
    ['callId', 'ref'],
    ['from', 'ref'],
    ['to', 'ref'],
  ],
  requestAnswered: [
    ['requestId', 'ref'],
    ['callId', 'ref'],
    ['from', 'ref'],
    ['to', 'ref'],
    ['latencyMs', 'num'],
  ],
  requestFailed: [
    ['requestId', 'ref'],
    ['callId', 'ref'],
    ['from', 'ref'],
    ['to', 'ref'],
    ['reason', 'ref'],
    ['latencyMs', 'num'],
  ],
};

/** A layout compiled for the hot path: per field its name, kind and column slot. */
interface Layout {
  type: TraceType;
  /** Every key of a matching event, in order: 'type', the fields, 't', 'seq'. */
  keys: string[];
  names: string[];
  kinds: Kind[];
  slots: number[];
}

const COMPILED: Layout[] = [];
const CODE = new Map<string, number>();
let NUMS = 1;
let REFS = 1;
for (const [type, fields] of Object.entries(LAYOUTS) as [TraceType, readonly (readonly [string, Kind])[]][]) {
  let nums = 0;
  let refs = 0;
  const names = fields.map(([name]) => name);
  const kinds = fields.map(([, kind]) => kind);
  // A list or record keeps its length in a number column; its values go to the value ring.
  const slots = kinds.map((kind) => (kind === 'ref' ? refs++ : nums++));
  NUMS = Math.max(NUMS, nums);
  REFS = Math.max(REFS, refs);
  CODE.set(type, COMPILED.length);
  COMPILED.push({ type, keys: ['type', ...names, 't', 'seq'], names, kinds, slots });
}

/** Code of an event kept as the object itself (in its first reference slot). */
const AS_OBJECT = -1;
const FIRST_CAPACITY = 1024;

export class TraceRing {
  /** Most events held: past this, the oldest are dropped until `limit` remain. */
  readonly max: number;
  private cap: number;
  /** Physical index of the oldest event, and how many are held. */
  private head = 0;
  private len = 0;
  private total = 0;
  private codes: Int16Array;
  private times: Float64Array;
  private seqs: Float64Array;
  private nums: Float64Array;
  private refs: unknown[];
  /** Where in the value ring each event's lists start (an absolute position). */
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
    this.codes = new Int16Array(this.cap);
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

  /** The i-th held event (0 = oldest) as an object: a fresh one for a columnar event. */
  at(i: number): TraceEvent {
    if (!(i >= 0 && i < this.len)) throw new RangeError(`TraceRing.at(${i}): ${this.len} events held`);
    return this.decode((this.head + i) % this.cap);
  }

  /** Appends an event (its t and seq set), first dropping the oldest when the ring is at `max`. */
  push(event: TraceEvent): void {
    if (this.len === this.max) this.dropOldest(this.len - (this.limit - 1));
    if (this.len === this.cap) this.grow();
    const p = (this.head + this.len) % this.cap;
    this.times[p] = event.t;
    this.seqs[p] = event.seq;
    this.marks[p] = this.valueEnd;
    const code = CODE.get(event.type);
    if (code === undefined || !this.encode(p, COMPILED[code], event as unknown as Record<string, unknown>)) {
      this.valueEnd = this.marks[p];
      this.codes[p] = AS_OBJECT;
      this.refs.fill(undefined, p * REFS + 1, p * REFS + REFS);
      this.refs[p * REFS] = event;
    } else this.codes[p] = code;
    this.len++;
    this.total++;
  }

  /** The held events as objects, oldest first: fresh objects for columnar events. */
  toArray(): TraceEvent[] {
    const out = new Array<TraceEvent>(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.decode((this.head + i) % this.cap);
    return out;
  }

  /** Copies `event` into slot p's columns; false (values written so far abandoned) if it does not fit the layout. */
  private encode(p: number, layout: Layout, event: Record<string, unknown>): boolean {
    const keys = layout.keys;
    let k = 0;
    for (const key in event) {
      if (key !== keys[k++]) return false;
    }
    if (k !== keys.length) return false;
    const { names, kinds, slots } = layout;
    for (let f = 0; f < names.length; f++) {
      const value = event[names[f]];
      switch (kinds[f]) {
        case 'ref':
          this.refs[p * REFS + slots[f]] = value;
          break;
        case 'num':
          if (typeof value !== 'number') return false;
          this.nums[p * NUMS + slots[f]] = value;
          break;
        case 'list': {
          if (!Array.isArray(value)) return false;
          for (let i = 0; i < value.length; i++) if (!this.pushValue(value[i])) return false;
          this.nums[p * NUMS + slots[f]] = value.length;
          break;
        }
        case 'record': {
          if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
          let n = 0;
          for (const key in value) {
            if (!this.pushValue(key) || !this.pushValue((value as Record<string, unknown>)[key])) return false;
            n++;
          }
          this.nums[p * NUMS + slots[f]] = n;
          break;
        }
      }
    }
    return true;
  }

  /** Appends a primitive to the value ring; false for an object (its identity could not be kept). */
  private pushValue(value: unknown): boolean {
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) return false;
    if (this.valueEnd - this.valueHead === this.values.length) this.growValues();
    this.values[this.valueEnd % this.values.length] = value;
    this.valueEnd++;
    return true;
  }

  private decode(p: number): TraceEvent {
    const code = this.codes[p];
    if (code === AS_OBJECT) return this.refs[p * REFS] as TraceEvent;
    const { type, names, kinds, slots } = COMPILED[code];
    const out: Record<string, unknown> = { type };
    let at = this.marks[p];
    const ring = this.values;
    for (let f = 0; f < names.length; f++) {
      const kind = kinds[f];
      if (kind === 'ref') out[names[f]] = this.refs[p * REFS + slots[f]];
      else if (kind === 'num') out[names[f]] = this.nums[p * NUMS + slots[f]];
      else if (kind === 'list') {
        const list = new Array<unknown>(this.nums[p * NUMS + slots[f]]);
        for (let i = 0; i < list.length; i++) list[i] = ring[at++ % ring.length];
        out[names[f]] = list;
      } else {
        const record: Record<string, unknown> = {};
        for (let n = this.nums[p * NUMS + slots[f]]; n > 0; n--) {
          const key = ring[at++ % ring.length] as string;
          record[key] = ring[at++ % ring.length];
        }
        out[names[f]] = record;
      }
    }
    out.t = this.times[p];
    out.seq = this.seqs[p];
    return out as unknown as TraceEvent;
  }

  /** Forgets the `n` oldest events (and their values), releasing what they referenced. */
  private dropOldest(n: number): void {
    for (let i = 0; i < n; i++) {
      const p = (this.head + i) % this.cap;
      this.refs.fill(undefined, p * REFS, p * REFS + REFS);
    }
    this.head = (this.head + n) % this.cap;
    this.len -= n;
    const nextHead = this.len > 0 ? this.marks[this.head] : this.valueEnd;
    for (let a = this.valueHead; a < nextHead; a++) this.values[a % this.values.length] = undefined;
    this.valueHead = nextHead;
  }

  /** Doubles the event columns (up to `max`), laying the held events out from index 0. */
  private grow(): void {
    const cap = Math.min(this.max, this.cap * 2);
    const codes = new Int16Array(cap);
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
      for (let r = 0; r < REFS; r++) refs[i * REFS + r] = this.refs[p * REFS + r];
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
