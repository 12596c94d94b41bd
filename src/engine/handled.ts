/**
 * The business events an idempotent service has handled, by origin. An origin is the string
 * "<topic>-<partition>-<offset>" of the record the event first arrived as (or whatever origin
 * header a record carries). Behaves exactly as a Set of those strings, but records are kept as
 * bits per (topic, partition, offset), so the common case — checking the record being processed —
 * builds, hashes and keeps no string: a service that has handled a million records holds a
 * million bits instead of a million strings in a hash set.
 *
 * Strings of the record form (as `originOf` writes them) are stored as the record's bit, so
 * "orders-3-12" given as a header and record (orders, 3, 12) are one and the same entry; any
 * other string is kept as a string.
 */
export class OriginSet {
  /** topic -> partition -> page number -> bits of that page's offsets. */
  private readonly records = new Map<string, Map<number, Uint32Array>[]>();
  private readonly others = new Set<string>();

  /** The page last found or made, and where: a service checks and marks each record of a batch,
   * a partition's records in a row, so most look-ups are of the same page (cheaper than the two
   * map look-ups that find it). Pages are never removed, so a remembered page stays right. */
  private lastTopic: string | null = null;
  private lastPartition = -1;
  private lastPageNo = -1;
  private lastPage: Uint32Array | null = null;

  hasRecord(topic: string, partition: number, offset: number): boolean {
    const page = this.pageOf(topic, partition, Math.floor(offset / PAGE_BITS), false);
    return page !== null && (page[(offset % PAGE_BITS) >>> 5] & (1 << (offset & 31))) !== 0;
  }

  addRecord(topic: string, partition: number, offset: number): void {
    const page = this.pageOf(topic, partition, Math.floor(offset / PAGE_BITS), true)!;
    page[(offset % PAGE_BITS) >>> 5] |= 1 << (offset & 31);
  }

  /** The bits of page `pageNo` of (topic, partition); null if it has none and `make` is false. */
  private pageOf(topic: string, partition: number, pageNo: number, make: boolean): Uint32Array | null {
    if (pageNo === this.lastPageNo && partition === this.lastPartition && topic === this.lastTopic) return this.lastPage;
    let byPartition = this.records.get(topic);
    if (!byPartition) {
      if (!make) return null;
      this.records.set(topic, (byPartition = []));
    }
    let pages = byPartition[partition];
    if (!pages) {
      if (!make) return null;
      pages = byPartition[partition] = new Map();
    }
    let page = pages.get(pageNo);
    if (!page) {
      if (!make) return null;
      pages.set(pageNo, (page = new Uint32Array(PAGE_BITS / 32)));
    }
    this.lastTopic = topic;
    this.lastPartition = partition;
    this.lastPageNo = pageNo;
    this.lastPage = page;
    return page;
  }

  has(origin: string): boolean {
    const r = parseRecordOrigin(origin);
    return r ? this.hasRecord(r.topic, r.partition, r.offset) : this.others.has(origin);
  }

  add(origin: string): void {
    const r = parseRecordOrigin(origin);
    if (r) this.addRecord(r.topic, r.partition, r.offset);
    else this.others.add(origin);
  }
}

/** Offsets per page: small pages keep a stray huge offset from allocating much. */
const PAGE_BITS = 4096;

/** The origin of a record that arrived first as (topic, partition, offset): the identity of its
 * business event, kept in the `origin` header across retry topics. */
export const recordOrigin = (topic: string, partition: number, offset: number): string => `${topic}-${partition}-${offset}`;

/**
 * recordOrigin(topic, partition, offset), built once for all the services that handle the
 * record: in a fan-out every group consuming a topic publishes from the same records at about the
 * same time (the comparison's three services, one event per order each), and the origin each
 * published record keeps in its headers is then one string instead of one per group (less to
 * build, less kept in the logs for the garbage collector to copy). Kept per partition in the
 * engine's World (recentOrigins): its "<topic>-<partition>-" (one concatenation per origin) and
 * the origins of its last few offsets built. Strings are values: sharing one changes nothing a
 * caller can observe.
 */
const RECENT_ORIGINS = 512;

/** A partition's "<topic>-<partition>-" and the origins of its last few offsets built (slot:
 * offset modulo their number). */
interface PartitionOrigins {
  readonly prefix: string;
  readonly offsets: Float64Array;
  readonly origins: string[];
}

/** Recently built origins by topic, then partition (one per engine: World.recentOrigins). */
export type RecentOrigins = Map<string, PartitionOrigins[]>;

export function sharedRecordOrigin(byTopic: RecentOrigins, topic: string, partition: number, offset: number): string {
  let byPartition = byTopic.get(topic);
  if (byPartition === undefined) byTopic.set(topic, (byPartition = []));
  const po = (byPartition[partition] ??= {
    prefix: recordOrigin(topic, partition, 0).slice(0, -1),
    offsets: new Float64Array(RECENT_ORIGINS).fill(-1),
    origins: new Array<string>(RECENT_ORIGINS).fill(''),
  });
  const slot = offset % RECENT_ORIGINS;
  if (po.offsets[slot] === offset) return po.origins[slot];
  const origin = po.prefix + offset;
  po.offsets[slot] = offset;
  po.origins[slot] = origin;
  return origin;
}

/** The record origin `${topic}-${partition}-${offset}` spells, or null if it is not one. Only
 * canonical numbers match (no sign, no leading zero), since those are the only ones that form
 * can produce; topics may contain '-', so the numbers are read from the end. */
export function parseRecordOrigin(origin: string): { topic: string; partition: number; offset: number } | null {
  const j = origin.lastIndexOf('-');
  if (j < 0) return null;
  const i = origin.lastIndexOf('-', j - 1);
  if (i < 0) return null;
  const partition = canonicalInt(origin, i + 1, j);
  const offset = canonicalInt(origin, j + 1, origin.length);
  if (partition < 0 || offset < 0) return null;
  return { topic: origin.slice(0, i), partition, offset };
}

/** The whole number origin[from, to) spells in canonical decimal, or -1. */
function canonicalInt(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1; // empty, or beyond exact doubles' safe digits
  if (s.charCodeAt(from) === 48 && to - from > 1) return -1; // leading zero
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
