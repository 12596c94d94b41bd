import type { ScenarioNode } from '../../scenario';

/**
 * "Show these nodes": a lesson step asks the canvas to bring the nodes it names into view
 * (ReadableFit pans, or zooms out down to the readable minimum, as little as needed). The player
 * lives outside the <ReactFlow> tree, so the request goes through this small mailbox; a request
 * made before the canvas has fitted a newly loaded scenario is applied right after that fit.
 */
export interface FocusRequest {
  names: readonly string[];
  seq: number;
}

let current: FocusRequest | null = null;
const listeners = new Set<() => void>();

export function requestFocus(names: readonly string[]): void {
  current = { names, seq: (current?.seq ?? 0) + 1 };
  for (const listener of listeners) listener();
}

export function focusRequest(): FocusRequest | null {
  return current;
}

export function onFocusRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The nodes `names` refer to: by id, label, topic name or group. */
export function nodesNamed(nodes: readonly ScenarioNode[], names: readonly string[]): ScenarioNode[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return nodes.filter((n) => {
    const own = [n.id, n.label, 'name' in n.props ? n.props.name : undefined, 'group' in n.props ? n.props.group : undefined];
    return own.some((x) => typeof x === 'string' && wanted.has(x.toLowerCase()));
  });
}

/**
 * Names a lesson step mentions: every string in its goal and reference solution (topics, groups,
 * node ids) and what its text puts in `code` or **bold** (the words a learner looks for).
 */
export function namesInStep(goalAndSolution: unknown, text: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(goalAndSolution);
  for (const m of text.matchAll(/`([^`\n]+)`|\*\*([^*\n]+)\*\*/g)) out.add((m[1] ?? m[2]).trim());
  return [...out];
}
