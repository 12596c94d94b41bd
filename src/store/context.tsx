import { useRef, type ReactNode } from 'react';
import type { KafeState, KafeStore } from './kafeStore';
import { keepIfEqual, sameData, type Kept } from './sameData';
import { storeContext } from './storeContext';

const kafe = storeContext<KafeState>('useKafe');

export const KafeProvider: (props: { store: KafeStore; children: ReactNode }) => ReactNode = kafe.Provider;
export const useKafeStoreApi: () => KafeStore = kafe.useStoreApi;
/** Select the smallest piece of state a component needs (wrap derived arrays in useShallow). */
export const useKafe: <T>(selector: (state: KafeState) => T) => T = kafe.useSelect;

/**
 * For a selector that derives new rows from the engine view (rebuilt every frame): the component
 * re-renders only when `equal` (default: structural equality of plain data) says the rows changed.
 */
export function useKafeData<T>(selector: (state: KafeState) => T, equal: (a: T, b: T) => boolean = sameData): T {
  const kept = useRef<Kept<T>['current']>(null);
  return useKafe((s) => keepIfEqual(kept, selector(s), equal));
}
