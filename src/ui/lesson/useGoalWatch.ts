import { useEffect, useState } from 'react';
import { goalContext, goalHolds, goalParts, type GoalSpec } from '../../lessons';
import { useKafeStoreApi } from '../../store';

/** How often (wall ms) a goal is re-checked while the simulation changes. */
const CHECK_EVERY_MS = 250;

export interface GoalState {
  /** Every condition holds. */
  reached: boolean;
  /** Whether each condition of the goal holds, in `goalParts` order (one entry for a simple goal). */
  parts: readonly boolean[];
}

const NOT_YET: GoalState = { reached: false, parts: [] };

/**
 * Whether `goal` holds, condition by condition, re-checked as the simulation publishes frames
 * (throttled: goals scan the trace, and a learner does not notice a quarter second). Outside
 * React's render, like the canvas: the store is read directly, the panel re-renders only when an
 * answer changes.
 */
export function useGoalWatch(goal: GoalSpec | null): GoalState {
  const store = useKafeStoreApi();
  // The answer is tagged with the goal it is for: right after the step changes, the previous
  // step's answer must not count for the new one.
  const [answer, setAnswer] = useState<{ goal: GoalSpec; state: GoalState } | null>(null);
  useEffect(() => {
    if (!goal) return;
    const parts = goalParts(goal);
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      // Mid-replay the canvas shows a moment on the way, not the learner's: the frame that ends
      // the replay checks again.
      if (store.getState().replay) return;
      last = performance.now();
      const ctx = goalContext(store);
      const holds = parts.map((part) => goalHolds(part, ctx));
      setAnswer((prev) =>
        prev?.goal === goal && prev.state.parts.every((h, i) => h === holds[i]) ? prev : { goal, state: { reached: holds.every(Boolean), parts: holds } },
      );
    };
    check();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.frame === prev.frame && s.scenario === prev.scenario) return;
      if (timer !== null) return;
      timer = setTimeout(check, Math.max(0, CHECK_EVERY_MS - (performance.now() - last)));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [goal, store]);
  return goal !== null && answer?.goal === goal ? answer.state : NOT_YET;
}
