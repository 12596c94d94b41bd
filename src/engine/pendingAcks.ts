/**
 * The acks=all produce requests a partition leader holds until the high watermark passes their
 * last offset, in the order they were appended: four numbers each (request id, send number, base
 * offset, end offset), no object per request.
 *
 * What a `number[]` of four numbers per request did, with a count beside the array: that array
 * was emptied (`length = 0`) every time the high watermark answered everything waiting, which is
 * most of the time, and V8 then drops an emptied array's storage, so the next push allocated it
 * again (about 150 bytes per produce request for the garbage collector). Here the array keeps its
 * storage (entries past the count are stale) and only the count goes back to 0. A plain array, not
 * a Float64Array: the numbers come out as small integers, and the events built from them stay
 * free of boxed doubles.
 *
 * Invariants: entries [0, size) are the waiting requests in append order; `release` answers those
 * it covers in that order and keeps the others in that order.
 */
export class PendingAcks {
  private readonly data: number[] = [];
  private count = 0;

  /** Requests waiting. */
  get size(): number {
    return this.count;
  }

  push(requestId: number, sendNo: number, baseOffset: number, endOffset: number): void {
    const data = this.data;
    const at = this.count * 4;
    // Written in order from `at` (at most data.length): the array stays dense.
    data[at] = requestId;
    data[at + 1] = sendNo;
    data[at + 2] = baseOffset;
    data[at + 3] = endOffset;
    this.count++;
  }

  /**
   * Answers every request whose end offset is at most `highWatermark`, in append order, by calling
   * `answer(context, requestId, sendNo, baseOffset)`, and keeps the others, in order. A function and
   * its context rather than a closure, so a release allocates nothing. `answer` must not touch
   * this list.
   */
  release<C>(highWatermark: number, context: C, answer: (context: C, requestId: number, sendNo: number, baseOffset: number) => void): void {
    const data = this.data;
    const end = this.count * 4;
    let kept = 0;
    for (let i = 0; i < end; i += 4) {
      if (data[i + 3] <= highWatermark) answer(context, data[i], data[i + 1], data[i + 2]);
      else {
        if (kept !== i) {
          data[kept] = data[i];
          data[kept + 1] = data[i + 1];
          data[kept + 2] = data[i + 2];
          data[kept + 3] = data[i + 3];
        }
        kept += 4;
      }
    }
    this.count = kept / 4;
  }

  /** Forgets every waiting request (a leader change: they are never answered by this leader). */
  clear(): void {
    this.count = 0;
  }
}
