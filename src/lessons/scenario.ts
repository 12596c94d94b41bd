import { newNode, nodeSize, SCENARIO_VERSION, TEMPLATES, type NodeKind, type Scenario, type ScenarioNode } from '../scenario';
import { validateScenario } from '../scenario/validate';
import { autoLayout } from '../scenario/layout';
import type { LessonScenario } from './format';
import { recordTimeline } from './timeline';

/**
 * The canvas a lesson opens with. An inline scenario lists only what matters to the lesson; every
 * prop left out takes the palette's default (newNode), and the nodes are laid out automatically,
 * except those the lesson pins with `position` (which must not overlap another node).
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
  const pins = new Map(spec.nodes.flatMap((n) => (n.position ? [[n.id, n.position] as const] : [])));
  const brokerPin = spec.nodes.find((n) => n.position && n.kind === 'broker');
  if (brokerPin) return { ok: false, error: `node "${brokerPin.id}": brokers always sit in their row under the flow; remove its position` };
  const laid = autoLayout(nodes, edges, pins);
  const overlap = pinOverlap(laid, pins);
  if (overlap) return { ok: false, error: overlap };
  const candidate = {
    version: SCENARIO_VERSION,
    name: spec.name ?? 'Lesson',
    seed: spec.seed ?? 42,
    nodes: laid,
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

/** A sentence naming the first pinned node whose box overlaps another node's, or null. */
function pinOverlap(nodes: readonly ScenarioNode[], pins: ReadonlyMap<string, unknown>): string | null {
  for (const p of nodes) {
    if (!pins.has(p.id)) continue;
    const a = nodeSize(p);
    for (const q of nodes) {
      if (q === p) continue;
      const b = nodeSize(q);
      const apart = p.position.x + a.width <= q.position.x || q.position.x + b.width <= p.position.x || p.position.y + a.height <= q.position.y || q.position.y + b.height <= p.position.y;
      if (!apart)
        return `node "${p.id}" at position (${p.position.x}, ${p.position.y}) overlaps "${q.id}" at (${q.position.x}, ${q.position.y}); move it (a ${p.kind} is ${a.width} wide and ${a.height} high)`;
    }
  }
  return null;
}
