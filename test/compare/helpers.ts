import type { Engine, TraceEvent, TraceOf, TraceType } from '../../src/engine';

export function eventsOf<K extends TraceType>(events: readonly TraceEvent[], type: K): TraceOf<K>[] {
  return events.filter((e): e is TraceOf<K> => e.type === type);
}

/** Every record of a topic, all partitions, in partition then offset order. */
export function topicRecords(engine: Engine, topic: string) {
  const t = engine.view().topics.find((x) => x.name === topic);
  if (!t) return [];
  return t.partitions.flatMap((p) => engine.readRecords(topic, p.id, p.startOffset, Number.MAX_SAFE_INTEGER));
}
