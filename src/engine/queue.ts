/**
 * The simulation's agenda, ordered by (time, seq). `seq` increases with every push, so events
 * scheduled for the same millisecond run in the order they were scheduled — the tie-break that
 * makes a run repeatable.
 *
 * Why lanes instead of one heap: the engine schedules everything as "now + delay" with a handful
 * of distinct delays (network latency, processing time, request timeouts, ...), and the clock
 * never goes back. Events pushed with the same delay therefore arrive already sorted, so each
 * delay gets a FIFO lane (a ring buffer: O(1) push and pop, no object per event) and only the
 * lanes' heads are kept in a small heap. One heap of every event was O(log n) per operation with
 * n in the hundreds of thousands (mostly request timeouts that will be ignored when they fire).
 * Popping the smallest head across lanes gives exactly the order one big heap would.
 */
class Lane<E> {
  times = new Float64Array(16);
  seqs = new Float64Array(16);
  events: (E | undefined)[] = new Array(16);
  /** Index of the oldest entry in the ring; `size` entries follow it. */
  head = 0;
  size = 0;
  /**
   * The head entry's time and seq, kept as fields (meaningless while empty): the heap compares
   * lanes by them on every push and pop, and a field is one load where the ring is three.
   */
  headTime = 0;
  headSeq = 0;

  get tailTime(): number {
    return this.times[(this.head + this.size - 1) & (this.times.length - 1)];
  }
  get tailSeq(): number {
    return this.seqs[(this.head + this.size - 1) & (this.times.length - 1)];
  }

  push(time: number, seq: number, event: E): void {
    if (this.size === this.times.length) this.grow();
    const i = (this.head + this.size) & (this.times.length - 1);
    this.times[i] = time;
    this.seqs[i] = seq;
    this.events[i] = event;
    if (this.size++ === 0) {
      this.headTime = time;
      this.headSeq = seq;
    }
  }

  shift(): E {
    const i = this.head;
    const event = this.events[i] as E;
    this.events[i] = undefined; // let the event be collected
    const next = (i + 1) & (this.times.length - 1);
    this.head = next;
    if (--this.size > 0) {
      this.headTime = this.times[next];
      this.headSeq = this.seqs[next];
    }
    return event;
  }

  /** Doubles the ring (capacity stays a power of two), unrolling it to start at index 0. */
  private grow(): void {
    const n = this.times.length;
    const times = new Float64Array(n * 2);
    const seqs = new Float64Array(n * 2);
    const events: (E | undefined)[] = new Array(n * 2);
    for (let k = 0; k < n; k++) {
      const i = (this.head + k) & (n - 1);
      times[k] = this.times[i];
      seqs[k] = this.seqs[i];
      events[k] = this.events[i];
    }
    this.times = times;
    this.seqs = seqs;
    this.events = events;
    this.head = 0;
  }
}

export class EventQueue<E> {
  private readonly lanes = new Map<number, Lane<E>>();
  /** Non-empty lanes, a binary min-heap by their head's (time, seq). */
  private readonly heap: Lane<E>[] = [];
  private nextSeq = 0;
  private count = 0;
  /** Time of the earliest event (the heap top's head), Infinity when empty: peekTime() is asked
   * before every event the engine runs, so it is kept rather than looked up. */
  private top = Infinity;

  get size(): number {
    return this.count;
  }

  /**
   * Schedules `event` at `time`. `lane` groups pushes whose times never decrease — the engine
   * passes the delay, since now + delay only grows as the clock moves forward. Throws if a push
   * would break that order (it would silently reorder the agenda otherwise).
   */
  push(time: number, event: E, lane: number): void {
    this.pushAt(time, this.nextSeq++, event, lane);
  }

  /**
   * Takes the next sequence number without scheduling anything. An event pushed later with
   * pushReserved(time, seq) runs exactly where it would have run had it been pushed now (seq is
   * the tie-break among events of one millisecond), as long as it is pushed before its turn.
   */
  reserveSeq(): number {
    return this.nextSeq++;
  }

  /** Schedules `event` at `time` with a sequence number from reserveSeq(). Within `lane`, (time,
   * seq) must not decrease. */
  pushReserved(time: number, seq: number, event: E, lane: number): void {
    if (!(seq < this.nextSeq)) throw new Error(`EventQueue: seq ${seq} was never reserved`);
    this.pushAt(time, seq, event, lane);
  }

  private pushAt(time: number, seq: number, event: E, lane: number): void {
    let l = this.lanes.get(lane);
    if (!l) this.lanes.set(lane, (l = new Lane<E>()));
    if (l.size > 0 && (time < l.tailTime || (time === l.tailTime && seq < l.tailSeq)))
      throw new Error(`EventQueue: time ${time} pushed after ${l.tailTime} in lane ${lane}`);
    l.push(time, seq, event);
    this.count++;
    if (time < this.top) this.top = time;
    if (l.size === 1) {
      // The lane was empty, so it was not in the heap.
      this.heap.push(l);
      this.siftUp(this.heap.length - 1);
    }
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.top;
  }

  /** Removes and returns the earliest event (read its time with peekTime() first). */
  pop(): E | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const event = top.shift();
    this.count--;
    if (top.size > 0) this.siftDown(0); // its new head is later
    else {
      const last = heap.pop()!;
      if (last !== top) {
        heap[0] = last;
        this.siftDown(0);
      }
    }
    this.top = heap.length ? heap[0].headTime : Infinity;
    return event;
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const lane = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(lane, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = lane;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const lane = heap[i];
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[child], lane)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = lane;
  }
}

function before<E>(a: Lane<E>, b: Lane<E>): boolean {
  const ta = a.headTime;
  const tb = b.headTime;
  return ta < tb || (ta === tb && a.headSeq < b.headSeq);
}
