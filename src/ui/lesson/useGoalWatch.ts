import { useEffect, useState } from 'react';
import { goalContext, goalHolds, type GoalSpec } from '../../lessons';
import { useKafeStoreApi } from '../../store';

/** How often (wall ms) a goal is re-checked while the simulation changes. */
const CHECK_EVERY_MS = 250;

/**
 * Whether `goal` holds, re-checked as the simulation publishes frames (throttled: goals scan the
 * trace, and a learner does not notice a quarter second). Outside React's render, like the
 * canvas: the store is read directly, the panel re-renders only when the answer changes.
 */
export function useGoalWatch(goal: GoalSpec | null): boolean {
  const store = useKafeStoreApi();
  // The answer is tagged with the goal it is for: right after the step changes, the previous
  // step's answer must not count for the new one.
  const [answer, setAnswer] = useState<{ goal: GoalSpec; holds: boolean } | null>(null);
  useEffect(() => {
    if (!goal) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      last = performance.now();
      setAnswer({ goal, holds: goalHolds(goal, goalContext(store)) });
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
  return goal !== null && answer?.goal === goal && answer.holds;
}
