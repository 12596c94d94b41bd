import type { TraceEvent } from '../engine';
import {
  EDA_ORDER_PRODUCER,
  NETWORK_LATENCY_MS,
  ORDER_EVENT,
  ORDERS_TOPIC,
  orderKey,
  RESULT_EVENTS,
  serviceOfGroup,
  serviceOfSyncId,
  type Side,
} from './model';

/**
 * Mermaid sequence diagrams of what actually happened, built from the engine trace (never drawn
 * by hand): one order's story on either side, or the first N events of a side. Participant ids
 * are reduced to [A-Za-z0-9_] and every label to a small safe alphabet, so trace content can
 * never inject Mermaid syntax (or markup) into the rendered SVG.
 */

export interface Diagram {
  /** What the diagram shows (kept out of the source: a Mermaid title needs a DOM to parse). */
  title: string;
  /** The Mermaid source. */
  text: string;
  /** Participants in order of appearance (their labels). */
  participants: string[];
  /** Messages and notes, in order, as "from->to: label" / "note over x: label". */
  steps: string[];
}

const LABELS: Record<string, string> = {
  user: 'User',
  order: 'Order',
  payment: 'Payment',
  inventory: 'Inventory',
  email: 'Email',
  analytics: 'Analytics',
  fraud: 'Fraud',
};

/** Keeps letters, digits, spaces and a few punctuation marks; everything else becomes a space. */
export function safeLabel(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} ._,()+=@/-]/gu, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** A Mermaid participant id: ASCII letters, digits and underscores, starting with a letter. */
export function safeId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(id) ? id : `p_${id}`;
}

type Arrow = '->>' | '-->>' | '-x' | '--x';

/**
 * Where a participant sits, left to right: the user, the Order service, the orders topic, then
 * each service followed by the topic it publishes to; anything else after them, as first seen.
 */
const RANK: string[] = ['user', 'order', `topic_${ORDERS_TOPIC}`, ...Object.entries(RESULT_EVENTS).flatMap(([id, r]) => [id, `topic_${r.topic}`])];
const rankOf = (key: string) => {
  const i = RANK.indexOf(key);
  return i < 0 ? RANK.length : i;
};

class Builder {
  private readonly ids = new Map<string, { id: string; label: string; seen: number }>();
  private readonly lines: string[] = [];
  readonly steps: string[] = [];

  /** Declares a participant (once) by its key; returns its Mermaid id. */
  participant(key: string, label: string): string {
    const known = this.ids.get(key);
    if (known) return known.id;
    let id = safeId(key);
    const taken = new Set([...this.ids.values()].map((p) => p.id));
    while (taken.has(id)) id += '_';
    this.ids.set(key, { id, label: safeLabel(label) || id, seen: this.ids.size });
    return id;
  }

  private ordered() {
    return [...this.ids.entries()]
      .sort(([a, pa], [b, pb]) => rankOf(a) - rankOf(b) || pa.seen - pb.seen)
      .map(([, p]) => p);
  }

  message(from: [string, string], to: [string, string], arrow: Arrow, label: string): void {
    const a = this.participant(...from);
    const b = this.participant(...to);
    const text = safeLabel(label);
    this.lines.push(`  ${a}${arrow}${b}: ${text}`);
    this.steps.push(`${safeLabel(from[1])}->${safeLabel(to[1])}: ${text}`);
  }

  note(over: [string, string], label: string): void {
    const a = this.participant(...over);
    const text = safeLabel(label);
    this.lines.push(`  Note over ${a}: ${text}`);
    this.steps.push(`note over ${safeLabel(over[1])}: ${text}`);
  }

  build(title: string): Diagram {
    if (!this.lines.length) this.note(['nobody', 'Kafé'], 'nothing traced yet');
    const participants = this.ordered();
    return {
      title: safeLabel(title),
      text: ['sequenceDiagram', ...participants.map((p) => `  participant ${p.id} as ${p.label}`), ...this.lines].join('\n') + '\n',
      participants: participants.map((p) => p.label),
      steps: [...this.steps],
    };
  }
}

// ------------------------------------------------------------------ naming trace parties

const syncParty = (engineId: string): [string, string] => {
  if (engineId === 'user') return ['user', LABELS.user];
  const s = serviceOfSyncId(engineId);
  return s ? [s, LABELS[s]] : [engineId, engineId];
};

const topicParty = (topic: string): [string, string] => [`topic_${topic}`, `${topic} topic`];

/** The service behind an EDA producer id ("order", "payment.producer", "payment.v2.producer"). */
function producerParty(producer: string): [string, string] {
  if (producer === EDA_ORDER_PRODUCER) return ['order', LABELS.order];
  const name = producer.replace(/\.producer$/, '').replace(/\.v\d+$/, '');
  return [name, LABELS[name] ?? name];
}

const groupParty = (group: string): [string, string] => {
  const s = serviceOfGroup(group);
  return s ? [s, LABELS[s]] : [`group_${group}`, `${group} group`];
};

const ms = (x: number) => `${Math.round(x)} ms`;
const at = (t: number) => `t=${(t / 1000).toFixed(3)}s`;

// ------------------------------------------------------------------ one order

/** Which side an event belongs to, or null for cluster housekeeping on neither. */
export function sideOf(e: TraceEvent): Side | null {
  switch (e.type) {
    case 'requestSent':
    case 'requestAnswered':
    case 'requestFailed':
      return 'sync';
    case 'serviceDown':
    case 'serviceUp':
      return serviceOfSyncId(e.service) ? 'sync' : 'eda';
    case 'produced':
    case 'acked':
    case 'produceFailed':
    case 'delivered':
    case 'processed':
    case 'committed':
    case 'rebalanced':
    case 'consumerJoined':
    case 'consumerLeft':
    case 'consumerCrashed':
      return 'eda';
    default:
      return null;
  }
}

/** Order n's calls on the sync side, in order: each call sent, then answered or failed. */
export function syncOrderDiagram(trace: readonly TraceEvent[], n: number): Diagram {
  const key = orderKey(n);
  const b = new Builder();
  b.participant('user', LABELS.user);
  let placedAt = NaN;
  for (const e of trace) {
    if (e.type !== 'requestSent' && e.type !== 'requestAnswered' && e.type !== 'requestFailed') continue;
    if (e.requestId !== key) continue;
    if (Number.isNaN(placedAt)) placedAt = e.t;
    const rel = `+${ms(e.t - placedAt)}`;
    if (e.type === 'requestSent') b.message(syncParty(e.from), syncParty(e.to), '->>', `${e.from === 'user' ? `place ${key}` : `call for ${key}`} (${rel})`);
    else if (e.type === 'requestAnswered') b.message(syncParty(e.to), syncParty(e.from), '-->>', `ok after ${ms(e.latencyMs)} (${rel})`);
    else b.message(syncParty(e.to), syncParty(e.from), '--x', `failed, ${e.reason}, after ${ms(e.latencyMs)} (${rel})`);
  }
  return b.build(`Synchronous calls for ${key}`);
}

/**
 * Order n on the event-driven side: the Order service publishes OrderPlaced and answers the user
 * when the publish is acknowledged; each service's group receives it, handles it (notes), and
 * publishes its own result event keyed by the order.
 */
export function edaOrderDiagram(trace: readonly TraceEvent[], n: number, orderWorkMs = 0): Diagram {
  const key = orderKey(n);
  const b = new Builder();
  b.participant('user', LABELS.user);
  let where: { partition: number; offset: number } | null = null;
  let placedAt = NaN;
  const rel = (t: number) => `+${ms(t - placedAt)}`;
  const resultTopics = new Set(Object.values(RESULT_EVENTS).map((r) => r.topic));
  for (const e of trace) {
    if (!where) {
      if (e.type !== 'produced' || e.topic !== ORDERS_TOPIC || e.producer !== EDA_ORDER_PRODUCER) continue;
      const i = e.keys.indexOf(key);
      if (i < 0) continue;
      where = { partition: e.partition, offset: e.baseOffset + i };
      placedAt = e.t - NETWORK_LATENCY_MS;
      b.message(['user', LABELS.user], ['order', LABELS.order], '->>', `place ${key}`);
      b.message(['order', LABELS.order], topicParty(ORDERS_TOPIC), '->>', `OrderPlaced ${key}, p${where.partition} offset ${where.offset} (${rel(e.t)})`);
      continue;
    }
    const { partition, offset } = where;
    switch (e.type) {
      case 'acked':
        if (e.producer === EDA_ORDER_PRODUCER && e.topic === ORDERS_TOPIC && e.partition === partition && offset >= e.baseOffset && offset < e.baseOffset + e.count) {
          b.message(topicParty(ORDERS_TOPIC), ['order', LABELS.order], '-->>', `ack, acks=${e.acks} (${rel(e.t)})`);
          b.message(['order', LABELS.order], ['user', LABELS.user], '-->>', `accepted after ${ms(e.t - placedAt + orderWorkMs)}`);
        }
        break;
      case 'delivered':
        if (e.topic === ORDERS_TOPIC && e.partition === partition && offset >= e.fromOffset && offset < e.toOffset)
          b.message(topicParty(ORDERS_TOPIC), groupParty(e.group), '->>', `${key} to ${e.consumer} (${rel(e.t)})`);
        break;
      case 'processed':
        if (e.topic === ORDERS_TOPIC && e.partition === partition && e.offset === offset)
          b.note(groupParty(e.group), `${e.outcome === 'ok' ? 'handled' : e.outcome} ${key} (${rel(e.t)})`);
        break;
      case 'produced':
        if (resultTopics.has(e.topic) && e.keys.includes(key)) b.message(producerParty(e.producer), topicParty(e.topic), '->>', `${eventTypeOf(e.topic)} ${key} (${rel(e.t)})`);
        break;
    }
  }
  return b.build(`Event-driven flow for ${key}`);
}

export function orderDiagram(trace: readonly TraceEvent[], side: Side, n: number, orderWorkMs = 0): Diagram {
  return side === 'sync' ? syncOrderDiagram(trace, n) : edaOrderDiagram(trace, n, orderWorkMs);
}

// ------------------------------------------------------------------ first N events

/**
 * The first `count` events of a side that a learner can read as messages (replication, commits
 * and group bookkeeping are left out), in trace order, each stamped with its virtual time.
 */
export function firstEventsDiagram(trace: readonly TraceEvent[], side: Side, count: number): Diagram {
  const b = new Builder();
  let shown = 0;
  for (const e of trace) {
    if (shown >= count) break;
    if (sideOf(e) !== side) continue;
    if (side === 'sync' ? addSyncEvent(b, e) : addEdaEvent(b, e)) shown++;
  }
  return b.build(side === 'sync' ? `First ${shown} synchronous events` : `First ${shown} event-driven events`);
}

function addSyncEvent(b: Builder, e: TraceEvent): boolean {
  switch (e.type) {
    case 'requestSent':
      b.message(syncParty(e.from), syncParty(e.to), '->>', `${e.requestId} (${at(e.t)})`);
      return true;
    case 'requestAnswered':
      b.message(syncParty(e.to), syncParty(e.from), '-->>', `${e.requestId} ok after ${ms(e.latencyMs)} (${at(e.t)})`);
      return true;
    case 'requestFailed':
      b.message(syncParty(e.to), syncParty(e.from), '--x', `${e.requestId} failed, ${e.reason} (${at(e.t)})`);
      return true;
    case 'serviceDown':
    case 'serviceUp':
      b.note(syncParty(e.service), `${e.type === 'serviceDown' ? 'down' : 'up'} (${at(e.t)})`);
      return true;
    default:
      return false;
  }
}

const offsets = (from: number, to: number) => (to - from === 1 ? `offset ${from}` : `offsets ${from} to ${to - 1}`);

/** The event type a topic carries in this comparison ("" for a topic it does not know). */
function eventTypeOf(topic: string): string {
  if (topic === ORDERS_TOPIC) return ORDER_EVENT;
  return Object.values(RESULT_EVENTS).find((r) => r.topic === topic)?.eventType ?? '';
}

function keysLabel(keys: readonly (string | null)[]): string {
  const named = keys.filter((k): k is string => k !== null);
  if (named.length === 0) return `${keys.length} records`;
  if (named.length <= 3) return named.join(', ');
  return `${named[0]} to ${named[named.length - 1]} (${keys.length} records)`;
}

function addEdaEvent(b: Builder, e: TraceEvent): boolean {
  switch (e.type) {
    case 'produced':
      b.message(producerParty(e.producer), topicParty(e.topic), '->>', `${eventTypeOf(e.topic)} ${keysLabel(e.keys)}, p${e.partition} (${at(e.t)})`);
      return true;
    case 'acked':
      if (e.producer !== EDA_ORDER_PRODUCER) return false;
      b.message(topicParty(e.topic), producerParty(e.producer), '-->>', `ack ${e.count}, p${e.partition} (${at(e.t)})`);
      return true;
    case 'produceFailed':
      b.message(topicParty(e.topic), producerParty(e.producer), '--x', `${e.error} (${at(e.t)})`);
      return true;
    case 'delivered':
      b.message(topicParty(e.topic), groupParty(e.group), '->>', `${offsets(e.fromOffset, e.toOffset)}, p${e.partition} to ${e.consumer} (${at(e.t)})`);
      return true;
    case 'processed':
      b.note(groupParty(e.group), `${e.outcome === 'ok' ? 'handled' : e.outcome} p${e.partition} offset ${e.offset} (${at(e.t)})`);
      return true;
    case 'serviceDown':
    case 'serviceUp':
      b.note(groupParty(e.service.replace(/\.v\d+$/, '')), `${e.type === 'serviceDown' ? 'down' : 'up'} (${at(e.t)})`);
      return true;
    case 'consumerCrashed':
      b.note(groupParty(e.group), `${e.consumer} crashed (${at(e.t)})`);
      return true;
    case 'rebalanced':
      if (!serviceOfGroup(e.group)) return false;
      b.note(groupParty(e.group), `rebalanced, generation ${e.generation} (${at(e.t)})`);
      return true;
    default:
      return false;
  }
}

