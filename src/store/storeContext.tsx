import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

/**
 * The store convention, once: a store is made by a `createXStore()` function (plain zustand, usable
 * in Node tests), handed to React by a provider, and read by components through a selector hook.
 * `name` is the hook's name, for the error when a component is rendered outside its provider.
 */
export function storeContext<S>(name: string) {
  const Context = createContext<StoreApi<S> | null>(null);

  function Provider({ store, children }: { store: StoreApi<S>; children: ReactNode }) {
    return <Context.Provider value={store}>{children}</Context.Provider>;
  }

  /** The store itself, for actions and reads outside render (event handlers, loops). */
  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (!store) throw new Error(`${name} must be used inside its provider`);
    return store;
  }

  /** Select the smallest piece of state a component needs (wrap derived objects in useShallow). */
  function useSelect<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider, useStoreApi, useSelect };
}
