/**
 * A module fetched the first time it is wanted, then kept: how Kafé keeps dagre, avsc, zod, uPlot
 * and the inspector's details out of the first load.
 *
 * Contract: load() resolves with pick(module), the same promise on every call once it succeeded;
 * a failed fetch rejects and is forgotten, so the next call tries again. loaded() is that value
 * once it has arrived, else null (for callers that cannot wait: they fall back, then catch up).
 * Write the importer as `() => import('./x')` so the bundler still sees the chunk.
 */
export interface LazyImport<T> {
  load(): Promise<T>;
  loaded(): T | null;
}

export function lazyImport<M, T>(importer: () => Promise<M>, pick: (module: M) => T): LazyImport<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (value = pick(m)),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      )),
    loaded: () => value,
  };
}
