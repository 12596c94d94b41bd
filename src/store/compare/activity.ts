import { EDA_ORDER_PRODUCER, ORDERS_TOPIC, RESULT_EVENTS, serviceOfGroup, serviceOfSyncId, type DownstreamId } from '../../compare';
import type { TraceEvent } from '../../engine';

/**
 * How busy each drawn edge (and each failure light) is right now, 0..1, from the trace events of
 * the last frames: each event adds a pulse, and pulses fade over about a third of a second.
 *
 * Keys: "s:user>order", "s:order>payment" (sync requests), "s:payment<order" (answers),
 * "e:order>orders", "e:orders>payment", "e:payment>payments" (EDA hops), and "x:s:email" /
 * "x:e:email" when a side's service fails something ("x:s:user" / "x:e:user": that side's user
 * got an error).
 */
export type Activity = Record<string, number>;

const PULSE = 0.3;
const FADE_MS = 350;

export function decayActivity(a: Activity, dtMs: number): Activity {
  const k = Math.exp(-dtMs / FADE_MS);
  const out: Activity = {};
  for (const key in a) {
    const v = a[key] * k;
    if (v > 0.02) out[key] = v;
  }
  return out;
}

const resultTopicOf = new Map<string, DownstreamId>(Object.entries(RESULT_EVENTS).map(([id, r]) => [r.topic, id as DownstreamId]));

/** The service name behind an EDA producer id ("payment.producer", "payment.v2.producer"). */
function serviceOfProducer(producer: string): string | null {
  const dot = producer.indexOf('.');
  return dot > 0 ? producer.slice(0, dot) : null;
}

/** Adds the pulses of `events` to `a` (mutates and returns it). */
export function activityOf(a: Activity, events: readonly TraceEvent[]): Activity {
  const add = (key: string) => {
    a[key] = Math.min(1, (a[key] ?? 0) + PULSE);
  };
  for (const e of events) {
    switch (e.type) {
      case 'requestSent': {
        const to = serviceOfSyncId(e.to);
        const from = e.from === 'user' ? 'user' : serviceOfSyncId(e.from);
        if (to && from) add(`s:${from}>${to}`);
        break;
      }
      case 'requestAnswered':
      case 'requestFailed': {
        const to = serviceOfSyncId(e.to);
        const from = e.from === 'user' ? 'user' : serviceOfSyncId(e.from);
        if (to && from) add(`s:${to}<${from}`);
        if (e.type === 'requestFailed' && to) add(e.reason === 'downstream' ? (from === 'user' ? 'x:s:user' : '') : `x:s:${to}`);
        break;
      }
      case 'produced':
        if (e.producer === EDA_ORDER_PRODUCER && e.topic === ORDERS_TOPIC) {
          add('e:user>order');
          add('e:order>orders');
        } else if (resultTopicOf.has(e.topic)) {
          const s = serviceOfProducer(e.producer);
          if (s) add(`e:${s}>${e.topic}`);
        }
        break;
      case 'acked':
        if (e.producer === EDA_ORDER_PRODUCER) add('e:order<orders');
        break;
      case 'produceFailed':
        // The order service could not publish the order and gives up: the user sees an error.
        if (e.producer === EDA_ORDER_PRODUCER && !e.willRetry) add('x:e:user');
        break;
      case 'delivered':
        if (e.topic === ORDERS_TOPIC) {
          const s = serviceOfGroup(e.group);
          if (s) add(`e:orders>${s}`);
        }
        break;
      case 'processed':
        if (e.outcome !== 'ok' && e.outcome !== 'duplicateSkipped') {
          const s = serviceOfGroup(e.group);
          if (s) add(`x:e:${s}`);
        }
        break;
    }
  }
  delete a[''];
  return a;
}
