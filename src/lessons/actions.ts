import type { Command, TraceEvent, EngineView, KafkaRecord } from '../engine';
import type { NodeKind, Registry, Scenario } from '../scenario';
import type { LessonAction } from './format';
import type { GoalContext } from './goals';

/**
 * The part of the app's store that lessons drive. The store satisfies it as it is (lessons sit
 * below the store and never import it): a reference solution goes through exactly the methods the
 * canvas, inspector and time controls call.
 */
export interface LessonDriver {
  getState(): {
    scenario: Scenario;
    frame: { now: number; view: EngineView };
    /** The simulated schema registry of the setup (schema goals). */
    registry: Registry;
    addNode(kind: NodeKind, position?: { x: number; y: number }, init?: { id?: string; label?: string; props?: Record<string, unknown> }): string | null;
    updateNode(id: string, patch: { label?: string; props?: Record<string, unknown> }): void;
    removeNodes(ids: string[]): void;
    connect(source: string, target: string): boolean;
    autoArrange(): void;
    removeEdges(ids: string[]): void;
    run(command: Command): boolean;
    seek(t: number): void;
    loadScenario(s: Scenario): void;
    trace(): readonly TraceEvent[];
    readRecords(topic: string, partition: number, from: number, max: number): KafkaRecord[];
    /** Resolves once a replay the last call started has finished (false if it was stopped). */
    settled(): Promise<boolean>;
  };
}

/** What a goal sees of the app right now. */
export function goalContext(driver: LessonDriver): GoalContext {
  const s = driver.getState();
  return { view: s.frame.view, scenario: s.scenario, trace: s.trace(), read: s.readRecords, registry: s.registry };
}

/**
 * Applies one action and waits until the app stands at its result: an edit or an advance may
 * start a replay that runs over frames, and the next action or goal check must see where it ends.
 * Resolves with an error sentence when the app refuses the action (lessons must not), or when the
 * replay it started was stopped before it got there.
 */
export async function applyAction(driver: LessonDriver, action: LessonAction): Promise<string | null> {
  const error = startAction(driver, action);
  if (error) return error;
  return (await driver.getState().settled()) ? null : `${actionName(action)}: stopped before it finished`;
}

function actionName(action: LessonAction): string {
  return Object.keys(action)[0];
}

function startAction(driver: LessonDriver, action: LessonAction): string | null {
  const s = driver.getState();
  if ('addNode' in action) {
    const { kind, id, label, props } = action.addNode;
    return s.addNode(kind, undefined, { id, label, props }) === null ? `addNode: the id "${id}" is taken` : null;
  }
  if ('updateNode' in action) {
    const { id, label, props } = action.updateNode;
    if (!s.scenario.nodes.some((n) => n.id === id)) return `updateNode: no node "${id}"`;
    s.updateNode(id, { ...(label !== undefined ? { label } : {}), ...(props ? { props } : {}) });
    return null;
  }
  if ('removeNode' in action) {
    if (!s.scenario.nodes.some((n) => n.id === action.removeNode)) return `removeNode: no node "${action.removeNode}"`;
    s.removeNodes([action.removeNode]);
    return null;
  }
  if ('connect' in action) {
    if (!s.connect(...action.connect)) return `connect: ${action.connect.join(' -> ')} was refused`;
    // A node the lesson dropped in sits wherever there was room: now that it is wired, tidy up.
    driver.getState().autoArrange();
    return null;
  }
  if ('disconnect' in action) {
    const [from, to] = action.disconnect;
    const edges = s.scenario.edges.filter((e) => e.source === from && e.target === to).map((e) => e.id);
    if (edges.length === 0) return `disconnect: no arrow ${from} -> ${to}`;
    s.removeEdges(edges);
    return null;
  }
  if ('run' in action) return s.run(action.run) ? null : `run: the engine refused ${action.run.type}`;
  s.seek(s.frame.now + action.advance);
  return null;
}
