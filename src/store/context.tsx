import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { KafeState, KafeStore } from './kafeStore';

const KafeStoreContext = createContext<KafeStore | null>(null);

export function KafeProvider({ store, children }: { store: KafeStore; children: ReactNode }) {
  return <KafeStoreContext.Provider value={store}>{children}</KafeStoreContext.Provider>;
}

export function useKafeStoreApi(): KafeStore {
  const store = useContext(KafeStoreContext);
  if (!store) throw new Error('useKafe must be used inside <KafeProvider>');
  return store;
}

/** Select the smallest piece of state a component needs (wrap derived arrays in useShallow). */
export function useKafe<T>(selector: (state: KafeState) => T): T {
  return useStore(useKafeStoreApi(), selector);
}
