import type { KafeState } from '../../../store';
import { nodeForConsumer, nodeForProducer } from '../engineIds';
import { keyHue } from '../keyColor';
import { MAX_DOTS_PER_EDGE, type MessageBus } from './messageBus';

/** Keys looked up per `delivered` event (they carry offsets, not keys). */
const KEYS_PER_DELIVERY = MAX_DOTS_PER_EDGE;

/**
 * Turns one frame's trace into dots: `produced` runs producer -> topic, `delivered` runs
 * topic -> the consumer group or service that received it. Each dot is coloured by its record's
 * key. Events whose nodes are not connected on the canvas are skipped.
 */
export function feedMessages(bus: MessageBus, state: Pick<KafeState, 'frame' | 'ids' | 'scenario' | 'readRecords'>): void {
  const { events } = state.frame;
  if (events.length === 0) return;
  const edgeOf = new Map<string, string>();
  for (const e of state.scenario.edges) edgeOf.set(`${e.source}>${e.target}`, e.id);
  const topicNode = state.ids.topicNode;
  const perEdge = new Map<string, (number | null)[]>();
  const push = (edgeId: string | undefined, hues: (number | null)[]) => {
    if (!edgeId || hues.length === 0) return;
    const list = perEdge.get(edgeId);
    if (list) {
      // Beyond a few times the cap, more hues per frame cannot show anyway.
      if (list.length < MAX_DOTS_PER_EDGE * 4) list.push(...hues.slice(0, MAX_DOTS_PER_EDGE * 4 - list.length));
    } else perEdge.set(edgeId, hues.slice(0, MAX_DOTS_PER_EDGE * 4));
  };

  for (const ev of events) {
    if (ev.type === 'produced') {
      const from = nodeForProducer(state.ids, ev.producer);
      const to = topicNode[ev.topic];
      if (!from || !to) continue;
      const keys = ev.keys.length > 0 ? ev.keys : [null];
      push(edgeOf.get(`${from}>${to}`), keys.slice(0, MAX_DOTS_PER_EDGE).map(keyHue));
    } else if (ev.type === 'delivered') {
      const from = topicNode[ev.topic];
      const to = nodeForConsumer(state.ids, ev.consumer);
      if (!from || !to) continue;
      const edgeId = edgeOf.get(`${from}>${to}`);
      if (!edgeId) continue;
      const count = Math.min(ev.toOffset - ev.fromOffset, KEYS_PER_DELIVERY);
      if (count <= 0) continue;
      const records = state.readRecords(ev.topic, ev.partition, ev.fromOffset, count);
      push(edgeId, records.length > 0 ? records.map((r) => keyHue(r.key)) : [null]);
    }
  }
  for (const [edgeId, hues] of perEdge) bus.launch(edgeId, hues);
}
