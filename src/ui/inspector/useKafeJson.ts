import { useMemo } from 'react';
import { useKafe } from '../../store';
import type { KafeState } from '../../store';

/**
 * Selects a small derived value from the store and re-renders only when it changes in content.
 * The engine view is rebuilt every frame, so selecting its objects directly would re-render on
 * every frame; comparing their JSON keeps live panels quiet while nothing they show changes.
 * Keep the selected value small (a few members or partitions).
 */
export function useKafeJson<T>(selector: (state: KafeState) => T): T {
  const json = useKafe((s) => JSON.stringify(selector(s)) ?? 'null');
  return useMemo(() => JSON.parse(json) as T, [json]);
}
