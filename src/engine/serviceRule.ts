import { fail } from './errors';
import { numberField } from './values';

/**
 * A service's decision rule: which records it reacts to (publishes its events for). Without a
 * rule a service reacts to every record. With one, a record "matches" when the number in its
 * value's `field` is above `above`; with `count` > 1 the service reacts only once the record's key
 * has `count` matching records whose timestamps lie within `windowMs` of each other (this one
 * included): a windowed count, as a stream processor keeps per key (Kafka Streams' sliding
 * windows, for instance). Records that do not pass are processed and committed like the others;
 * they just emit nothing (the `filtered` counter).
 */
export interface ServiceRule {
  /** Field of the record value (an object), e.g. "amount" or "temperature". */
  field: string;
  /** Matches when the field's number is strictly above this. */
  above: number;
  /** Matching records of one key needed within `windowMs` (default 1: every match counts). */
  count?: number;
  /** The window, ms (default 1000; only used when count > 1). */
  windowMs?: number;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,29}$/;

export function validateRule(rule: ServiceRule): void {
  if (typeof rule !== 'object' || rule === null) fail('INVALID_ARGUMENT', { field: 'rule' }, 'a rule must be an object');
  if (typeof rule.field !== 'string' || !FIELD.test(rule.field)) fail('INVALID_ARGUMENT', { field: 'rule.field' }, `a rule's field must be a name like "amount", got ${String(rule.field)}`);
  if (typeof rule.above !== 'number' || !Number.isFinite(rule.above)) fail('INVALID_ARGUMENT', { field: 'rule.above' }, 'a rule needs a finite number to compare with');
  if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 1 && rule.count <= 1000))
    fail('INVALID_ARGUMENT', { field: 'rule.count' }, `rule.count must be an integer from 1 to 1000, got ${rule.count}`);
  if (rule.windowMs !== undefined && !(rule.windowMs >= 1 && Number.isFinite(rule.windowMs)))
    fail('INVALID_ARGUMENT', { field: 'rule.windowMs' }, `rule.windowMs must be a number >= 1, got ${rule.windowMs}`);
}

/**
 * Per-key sliding windows of matching records' timestamps. `add` is called with one key's
 * records in timestamp order (a key lives in one partition, read in offset order).
 */
export class KeyWindows {
  private readonly times = new Map<string, number[]>();
  constructor(
    private readonly count: number,
    private readonly windowMs: number,
  ) {}

  /** Records a match of `key` at `timestamp`; true when the key now has `count` matches within the window. */
  add(key: string | null, timestamp: number): boolean {
    if (this.count <= 1) return true;
    const k = key ?? '';
    let list = this.times.get(k);
    if (!list) this.times.set(k, (list = []));
    list.push(timestamp);
    let drop = 0;
    while (drop < list.length && timestamp - list[drop] >= this.windowMs) drop++;
    if (drop > 0) list.splice(0, drop);
    // Only the last `count` matter for the answer.
    if (list.length > this.count) list.splice(0, list.length - this.count);
    return list.length >= this.count;
  }
}

/** Whether one record passes the rule's threshold (before any window). */
export function aboveThreshold(rule: ServiceRule, value: unknown): boolean {
  const v = numberField(value, rule.field);
  return v !== undefined && v > rule.above;
}

export function newKeyWindows(rule: ServiceRule): KeyWindows {
  return new KeyWindows(rule.count ?? 1, rule.windowMs ?? 1000);
}
