import { memo, useRef } from 'react';
import type { GroupView, KafkaRecord, PartitionView } from '../../../engine';
import { useT, type Translate } from '../../../i18n';
import { topicPartition, type KafeState } from '../../../store';
import { LaneStrip } from './LaneStrip';
import type { LaneLineText } from './laneLinePaint';
import type { StripChip, StripContent, StripMarker } from './laneStripPaint';

/** Records shown per lane; older ones collapse into "+N earlier". */
export const CHIPS_PER_LANE = 4;

/** Colours telling consumer groups apart (markers and the swatch before each lag). */
const GROUP_COLORS = ['#1f6f8b', '#8a3b96', '#b4531c', '#2e7d32', '#9c2f4a', '#5a5a9e'];
export const groupColor = (i: number) => GROUP_COLORS[i % GROUP_COLORS.length];

export interface LaneGroup {
  id: string;
  color: string;
  committed: number | undefined;
  lag: number | null;
}

interface LaneProps {
  topic: string;
  partition: PartitionView;
  groups: readonly LaneGroup[];
  leaderLabel: string | null;
  /** The store's readRecords (records are read while rendering the lane). */
  read: KafeState['readRecords'];
  /** Changes whenever anything this lane shows changes (see laneSignature); equal = skip render. */
  sig: string;
}

/**
 * One partition as a lane: its newest records as key-coloured chips (records above the high
 * watermark look pending), each group's committed-offset marker among them, and a line with the
 * log end offset, high watermark, leader, ISR and per-group lag, all drawn on one canvas
 * (LaneStrip). The lane element carries `data-under-replicated` / `data-offline` for tests.
 */
function PartitionLaneImpl({ topic, partition: p, groups, leaderLabel, read }: LaneProps) {
  const { t } = useT();
  const titles = useTitles(t);
  const records = readTail(read, topic, p);
  const earlier = Math.max(0, p.records - records.length);
  const rf = p.replicas.length;
  const under = p.isr.length < rf;
  const offline = p.leader < 0;

  // A group's marker sits just before the first shown record it has not committed yet (its
  // committed offset is the next offset it will read), or after the last chip when caught up.
  const markers: StripMarker[][] = records.map(() => []);
  markers.push([]);
  for (const g of groups) {
    if (g.committed === undefined) continue;
    let at = records.findIndex((r) => r.offset >= g.committed!);
    if (at === -1) at = records.length;
    const title = titles(`m|${g.id}|${g.committed}`, () => t('canvas.topic.committed', { group: g.id, offset: g.committed! }));
    markers[at].push({ group: g.id, committed: g.committed, color: g.color, title });
  }
  const chips: StripChip[] = records.map((r) => {
    const pending = r.offset >= p.highWatermark;
    const value = shortValue(r.value);
    // Offsets can be reused after an unclean leader election truncates the log: the key and the
    // shown value are part of the cache key too.
    const title = titles(`c|${r.offset}|${pending}|${r.key}|${value}`, () => {
      const text = t('canvas.topic.chip', { offset: r.offset, key: r.key ?? t('canvas.topic.noKey'), value: fullValue(r.value) });
      return pending ? `${text}\n${t('canvas.topic.pending')}` : text;
    });
    return { offset: r.offset, partition: r.partition, key: r.key, value, pending, title };
  });
  const content: StripContent = {
    earlier,
    earlierWord: titles('ew', () => t('canvas.topic.earlierWord')),
    earlierTitle: titles(`E|${earlier}`, () => t('canvas.topic.earlier', { n: earlier })),
    emptyText: titles('empty', () => t('canvas.topic.empty')),
    chips,
    markers,
  };
  const line: LaneLineText = {
    end: { text: titles(`en|${p.endOffset}`, () => t('canvas.topic.end', { n: p.endOffset })), tone: 'muted', title: titles(`e|${p.endOffset}`, () => t('canvas.topic.endTitle', { n: p.endOffset })) },
    hw: { text: titles(`hw|${p.highWatermark}`, () => t('canvas.topic.hw', { n: p.highWatermark })), tone: 'muted', title: titles(`h|${p.highWatermark}`, () => t('canvas.topic.hwTitle', { n: p.highWatermark })) },
    // What rarely changes is looked up, not translated again, on each of the ten renders a second.
    leader: offline
      ? { text: `⚠ ${t('canvas.topic.offline')}`, tone: 'warn', title: t('canvas.topic.offlineTitle') }
      : { text: titles(`L|${leaderLabel ?? `#${p.leader}`}`, () => t('canvas.topic.leader', { broker: leaderLabel ?? `#${p.leader}` })), tone: 'muted' },
    isr: under
      ? { text: `⚠ ${t('canvas.topic.isr', { isr: p.isr.length, rf })}`, tone: 'warn', title: t('canvas.topic.underReplicated', { isr: p.isr.length, rf }) }
      : { text: titles(`I|${p.isr.length}/${rf}`, () => t('canvas.topic.isr', { isr: p.isr.length, rf })), tone: 'muted' },
    lagLabel: titles('lag', () => t('canvas.consumer.lagLabel')),
    lags: groups.map((g) => ({
      text: g.lag === null ? '–' : String(g.lag),
      tone: g.lag ? 'behind' : 'lag',
      swatch: g.color,
      title: titles(`l|${g.id}|${g.lag}`, () => (g.lag === null ? t('canvas.topic.lagNone', { group: g.id }) : t('canvas.topic.lag', { group: g.id, lag: g.lag }))),
    })),
  };
  const name = titles(`name|${p.id}`, () => t('canvas.topic.partitionName', { p: p.id }));
  const label = [
    name,
    ...(earlier > 0 ? [content.earlierTitle] : []),
    ...(chips.length === 0 ? [content.emptyText] : []),
    ...markers.flatMap((at, i) => [...at.map((m) => m.title), ...(chips[i] ? [chips[i].title] : [])]),
    // The lane line as it reads, with the warnings' and lags' fuller wording.
    line.end.text,
    line.hw.text,
    line.leader.title ?? line.leader.text,
    line.isr.title ?? line.isr.text,
    ...line.lags.map((l) => l.title!),
  ].join('; ');

  return (
    <li
      className={`kafe-lane${under ? ' kafe-lane--under' : ''}${offline ? ' kafe-lane--offline' : ''}`}
      data-topic={topic}
      data-partition={p.id}
      data-under-replicated={under || undefined}
      data-offline={offline || undefined}
    >
      <span className="kafe-lane__id" title={name}>
        {titles(`id|${p.id}`, () => t('canvas.topic.partition', { p: p.id }))}
      </span>
      <LaneStrip content={content} line={line} label={label} />
    </li>
  );
}

/** A few characters that stand for the value: a string itself, or an object's first plain field. */
function shortValue(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    for (const field of Object.values(v as Record<string, unknown>)) {
      if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') return String(field);
    }
    return '{…}';
  }
  return '?';
}

function fullValue(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 119)}…` : s;
  } catch {
    return String(v);
  }
}

/**
 * A lane's texts (tooltips, its line, its name) by what they describe, kept from one render to
 * the next: a lane re-renders ten times a second while the simulation runs, mostly with the same
 * records, and an interpolated translation costs far more than a map lookup. Forgets everything
 * when the language changes, and what the last render did not use.
 */
function useTitles(t: Translate): (key: string, make: () => string) => string {
  const ref = useRef<{ t: Translate; used: Map<string, string>; previous: Map<string, string> } | null>(null);
  if (ref.current === null || ref.current.t !== t) ref.current = { t, used: new Map(), previous: new Map() };
  const cache = ref.current;
  // A new render: what the last one used is what may be reused.
  cache.previous = cache.used;
  cache.used = new Map();
  return (key, make) => {
    let text = cache.used.get(key) ?? cache.previous.get(key);
    if (text === undefined) text = make();
    cache.used.set(key, text);
    return text;
  };
}

/** Compact lane for topics with many partitions: counts and lag only. */
export function CompactLane({ topic, partition: p, groups }: { topic: string; partition: PartitionView; groups: readonly LaneGroup[] }) {
  const { t } = useT();
  const under = p.isr.length < p.replicas.length || p.leader < 0;
  const lag = groups.reduce((max, g) => Math.max(max, g.lag ?? 0), 0);
  return (
    <li className={`kafe-clane${under ? ' kafe-clane--under' : ''}`} data-topic={topic} data-partition={p.id} data-end={p.endOffset}>
      <span className="kafe-clane__id">{t('canvas.topic.partition', { p: p.id })}</span>
      <span className="kafe-clane__n">{t('canvas.topic.records', { n: p.records })}</span>
      {groups.length > 0 && <span className={`kafe-clane__lag${lag > 0 ? ' kafe-clane__lag--behind' : ''}`}>{t('canvas.consumer.lag', { n: lag })}</span>}
      {under && <span className="kafe-warn" aria-label={t('canvas.topic.underReplicated', { isr: p.isr.length, rf: p.replicas.length })}>⚠</span>}
    </li>
  );
}

/** Per-group lane info for partition `p` of `topic`. */
export function laneGroups(groups: readonly { group: GroupView; color: string }[], topic: string, p: number): LaneGroup[] {
  const tp = topicPartition(topic, p);
  return groups.map(({ group, color }) => ({ id: group.id, color, committed: group.committed[tp], lag: group.lag[tp] ?? null }));
}

export const PartitionLane = memo(
  PartitionLaneImpl,
  (a, b) => a.sig === b.sig && a.leaderLabel === b.leaderLabel && a.read === b.read && a.topic === b.topic,
);

/** Everything a lane shows, as a string: equal signatures render identically. */
export function laneSignature(p: PartitionView, groups: readonly LaneGroup[]): string {
  let sig = `${p.startOffset}|${p.endOffset}|${p.highWatermark}|${p.leader}|${p.isr.join(',')}|${p.replicas.length}|${p.records}`;
  for (const g of groups) sig += `|${g.id}:${g.color}:${g.committed ?? ''}:${g.lag ?? ''}`;
  return sig;
}

/**
 * The last CHIPS_PER_LANE records. Compacted logs have gaps, so when the tail window comes back
 * short, read again from further back (bounded: a few tries, then whatever was found).
 */
function readTail(read: KafeState['readRecords'], topic: string, p: PartitionView): KafkaRecord[] {
  const { startOffset: start, endOffset: end } = p;
  let span = CHIPS_PER_LANE;
  let out = read(topic, p.id, Math.max(start, end - span), span);
  for (let tries = 0; out.length < CHIPS_PER_LANE && end - span > start && tries < 4; tries++) {
    span *= 4;
    out = read(topic, p.id, Math.max(start, end - span), span).slice(-CHIPS_PER_LANE);
  }
  return out;
}
