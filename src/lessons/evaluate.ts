import type { GoalSpec } from './format';
import { GOALS, type GoalContext } from './goals';

/**
 * Whether a (validated) goal holds. `{ all: [...] }` holds when every part does. A goal name that
 * is unknown here cannot happen for a lesson that passed validation; it counts as not reached.
 */
export function goalHolds(spec: GoalSpec, ctx: GoalContext): boolean {
  const [name, params] = Object.entries(spec)[0] ?? [];
  if (name === 'all') return (params as GoalSpec[]).every((part) => goalHolds(part, ctx));
  const goal = GOALS[name as keyof typeof GOALS] as { params: { parse(v: unknown): unknown }; check(ctx: GoalContext, p: unknown): boolean } | undefined;
  if (!goal) return false;
  return goal.check(ctx, goal.params.parse(params));
}

/** The single conditions a goal is made of: the parts of nested `all`s, in order, or the goal itself. */
export function goalParts(spec: GoalSpec): GoalSpec[] {
  const [name, params] = Object.entries(spec)[0] ?? [];
  return name === 'all' ? (params as GoalSpec[]).flatMap(goalParts) : [spec];
}
