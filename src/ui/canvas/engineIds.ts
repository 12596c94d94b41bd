import type { EngineIdMap } from '../../scenario';

/**
 * Links between canvas nodes and the engine objects built from them (see scenario/toEngine.ts).
 * One canvas node can stand for several engine objects (a producer connected to two topics is two
 * engine producers; a consumer group node with 3 instances is 3 engine consumers).
 */
export { nodeForConsumer, nodeForProducer } from '../../scenario';

/**
 * Engine broker id -> the label of its broker node (the i-th broker node is engine broker i),
 * for "leader ..." texts.
 */
export function brokerLabels(ids: EngineIdMap, nodes: readonly { id: string; label: string }[]): Map<number, string> {
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const out = new Map<number, string>();
  ids.brokerNode.forEach((nodeId, i) => {
    const label = labelOf.get(nodeId);
    if (label !== undefined) out.set(i, label);
  });
  return out;
}
