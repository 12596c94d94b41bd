import { newNode, SCENARIO_VERSION, type NodeKind, type Scenario, type ScenarioNode } from '../../src/scenario';

/** A scenario holding `nodes` (built with newNode defaults) and edges given as [source, target]. */
export function scenarioOf(kinds: NodeKind[], edges: [string, string][] = []): Scenario {
  const s: Scenario = { version: SCENARIO_VERSION, name: 'test', seed: 1, nodes: [], edges: [], timeline: [], time: 0 };
  for (const kind of kinds) s.nodes.push(newNode(kind, s));
  s.edges = edges.map(([source, target], i) => ({ id: `e${i}`, source, target }));
  return s;
}

export function withNode(s: Scenario, node: ScenarioNode): Scenario {
  return { ...s, nodes: [...s.nodes, node] };
}
