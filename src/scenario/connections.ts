import type { NodeKind, Scenario } from './schema';

/**
 * Which arrows a learner may draw on the canvas. Records only ever flow through topics:
 *
 *   producer → topic, service → topic, topic → service, topic → consumer.
 *
 * Every other pair is refused with a code; the UI shows the translation `connection.<code>`.
 * The codes (and what the UI should say):
 */
export const CONNECTION_REFUSALS = [
  /** One end is not on the canvas (stale selection). */
  'unknownNode',
  /** An arrow from a node to itself. */
  'selfLoop',
  /** The same arrow already exists. */
  'duplicate',
  /** Brokers are the cluster, not a step in the flow: they are not connected by hand. */
  'brokerNotConnectable',
  /** "Put a service between two topics." */
  'topicToTopic',
  /** Producers are where records start; a topic cannot feed a producer. */
  'topicToProducer',
  /** Nothing feeds a producer (service/producer → producer). */
  'intoProducer',
  /** Producer → consumer/service directly: "producers write to topics; readers read from topics". */
  'producerToReader',
  /** Consumer → anything: a consumer only reads. */
  'readerNeedsTopic',
  /** Service → service: "services talk through topics". */
  'serviceToService',
  /** Service → consumer: the service should write to a topic the consumer reads. */
  'serviceToConsumer',
  /** The arrow would close a loop (events would go round forever and multiply). */
  'cycle',
] as const;

export type ConnectionRefusal = (typeof CONNECTION_REFUSALS)[number];
export type ConnectionVerdict = { ok: true } | { ok: false; reason: ConnectionRefusal };

const ALLOWED: ReadonlySet<string> = new Set(['producer>topic', 'service>topic', 'topic>service', 'topic>consumer']);

/** Whether an arrow source → target may be added to `scenario` (the arrow is not added here). */
export function canConnect(scenario: Pick<Scenario, 'nodes' | 'edges'>, sourceId: string, targetId: string): ConnectionVerdict {
  const source = scenario.nodes.find((n) => n.id === sourceId);
  const target = scenario.nodes.find((n) => n.id === targetId);
  if (!source || !target) return refuse('unknownNode');
  if (sourceId === targetId) return refuse('selfLoop');
  if (source.kind === 'broker' || target.kind === 'broker') return refuse('brokerNotConnectable');
  if (scenario.edges.some((e) => e.source === sourceId && e.target === targetId)) return refuse('duplicate');
  if (!ALLOWED.has(`${source.kind}>${target.kind}`)) return refuse(kindRefusal(source.kind, target.kind));
  if (reaches(scenario.edges, targetId, sourceId)) return refuse('cycle');
  return { ok: true };
}

function refuse(reason: ConnectionRefusal): ConnectionVerdict {
  return { ok: false, reason };
}

function kindRefusal(source: NodeKind, target: NodeKind): ConnectionRefusal {
  if (source === 'consumer') return 'readerNeedsTopic';
  if (source === 'topic') return target === 'topic' ? 'topicToTopic' : 'topicToProducer';
  if (target === 'producer') return 'intoProducer';
  if (source === 'producer') return 'producerToReader';
  // source is a service; target is a service or a consumer
  return target === 'service' ? 'serviceToService' : 'serviceToConsumer';
}

/** Whether `to` can be reached from `from` by following existing arrows. */
function reaches(edges: Scenario['edges'], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}
