/**
 * What a partition leader remembers of one idempotent producer (Kafka's producer state): the
 * highest producer epoch it has seen, and the last few batches it appended for it, each as (last
 * sequence number, end offset), so a retried batch is recognised and a truncation can forget the
 * batches it cut.
 *
 * One object per partition and producer, written in place: the batches are two numeric columns in
 * a ring of HISTORY entries, not an object per appended batch (that was an allocation per produce
 * request, stored into a long-lived array, which the garbage collector then had to trace).
 */
export interface ProducerSequences {
  /** The highest producer epoch seen (see ProducerState.epochs); 0 until a bump. */
  epoch: number;
  /** Ring of the last `size` batches, oldest at `start`. */
  start: number;
  size: number;
  readonly lastSeqs: number[];
  readonly endOffsets: number[];
}

/** Batches remembered per producer, as Kafka's ProducerStateEntry keeps the last 5 batches (the
 * most an idempotent producer has in flight per partition, max.in.flight.requests.per.connection). */
export const HISTORY = 5;

export function newProducerSequences(epoch: number): ProducerSequences {
  return { epoch, start: 0, size: 0, lastSeqs: new Array<number>(HISTORY).fill(0), endOffsets: new Array<number>(HISTORY).fill(0) };
}

/** The last sequence number of the newest batch remembered, or `none` if none is. */
export function lastSequence(s: ProducerSequences, none: number): number {
  return s.size === 0 ? none : s.lastSeqs[(s.start + s.size - 1) % HISTORY];
}

/** A batch was appended: remember it, forgetting the oldest beyond HISTORY. */
export function rememberBatch(s: ProducerSequences, lastSeq: number, endOffset: number): void {
  const i = (s.start + s.size) % HISTORY;
  s.lastSeqs[i] = lastSeq;
  s.endOffsets[i] = endOffset;
  if (s.size < HISTORY) s.size++;
  else s.start = (s.start + 1) % HISTORY;
}

/** The log was truncated to `endOffset`: forget the batches that ended above it (keeping the
 * others in their order). Returns how many are left. */
export function keepBatchesUpTo(s: ProducerSequences, endOffset: number): number {
  let kept = 0;
  for (let k = 0; k < s.size; k++) {
    const i = (s.start + k) % HISTORY;
    if (s.endOffsets[i] > endOffset) continue;
    const to = (s.start + kept++) % HISTORY;
    s.lastSeqs[to] = s.lastSeqs[i];
    s.endOffsets[to] = s.endOffsets[i];
  }
  s.size = kept;
  return kept;
}
