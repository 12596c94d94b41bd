import { createEngine, type Engine, type EngineConfig, type TraceEvent, type TraceOf, type TraceType } from '../../src/engine';

/** A fresh engine with a topic, for tests that only care about one topic. */
export function engineWithTopic(topic: { name?: string; partitions?: number; replicationFactor?: number; minInsyncReplicas?: number } = {}, config: EngineConfig = {}): Engine {
  const engine = createEngine(config);
  engine.apply({
    type: 'createTopic',
    name: topic.name ?? 'orders',
    partitions: topic.partitions ?? 3,
    replicationFactor: topic.replicationFactor ?? 1,
    minInsyncReplicas: topic.minInsyncReplicas,
  });
  return engine;
}

export function eventsOf<K extends TraceType>(events: readonly TraceEvent[], type: K): TraceOf<K>[] {
  return events.filter((e): e is TraceOf<K> => e.type === type);
}

/** Every record of a partition, in offset order. */
export function allRecords(engine: Engine, topic: string, partition: number) {
  const p = engine.view().topics.find((t) => t.name === topic)!.partitions[partition];
  return engine.readRecords(topic, partition, p.startOffset, Number.MAX_SAFE_INTEGER);
}
