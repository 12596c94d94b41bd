import { newNode, SCENARIO_VERSION, TEMPLATES, validateScenario, type NodeKind, type Scenario, type ScenarioNode } from '../scenario';
import { autoLayout } from '../scenario/layout';
import type { LessonScenario } from './format';
import { recordTimeline } from './timeline';

/**
 * The canvas a lesson opens with. An inline scenario lists only what matters to the lesson; every
 * prop left out takes the palette's default (newNode), and the nodes are laid out automatically.
 *
 * Returns an error sentence (not a throw) when the result is not a valid scenario, e.g. a prop
 * with the wrong type, so the loader can point at the lesson file.
 */
export function lessonStartScenario(spec: LessonScenario): { ok: true; value: Scenario } | { ok: false; error: string } {
  if ('template' in spec) {
    const s = TEMPLATES[spec.template].build();
    return { ok: true, value: spec.seed === undefined ? s : { ...s, seed: spec.seed } };
  }
  const nodes: ScenarioNode[] = [];
  for (const n of spec.nodes) {
    const base = newNode(n.kind as NodeKind, { nodes });
    nodes.push({ ...base, id: n.id, label: n.label ?? (n.kind === 'topic' ? n.id : base.label), props: { ...base.props, ...named(n.kind, n.id), ...n.props } } as ScenarioNode);
  }
  const edges = spec.edges.map(([source, target]) => ({ id: `${source}-to-${target}`.slice(0, 40), source, target }));
  const candidate = {
    version: SCENARIO_VERSION,
    name: spec.name ?? 'Lesson',
    seed: spec.seed ?? 42,
    nodes: autoLayout(nodes, edges),
    edges,
    timeline: [],
    time: 0,
  };
  const checked = validateScenario(candidate);
  if (!checked.ok) return checked;
  const timeline = recordTimeline(checked.value, spec.timeline);
  return timeline.ok ? { ok: true, value: { ...checked.value, timeline: timeline.value } } : timeline;
}

/** A node's own name fields follow its id unless the lesson sets them: topic name, group. */
const named = (kind: NodeKind, id: string) => (kind === 'topic' ? { name: id } : kind === 'service' || kind === 'consumer' ? { group: id } : {});
