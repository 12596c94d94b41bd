/**
 * The inspector's node details (settings, live actions, CLI view) are their own chunk: nothing is
 * selected on the first screen, so they stay out of the first load (its 250 kB gzip budget, see
 * test/e2e/firstLoadChunks.test.ts) and are fetched once the page is idle, or on the first
 * selection at the latest. A failed fetch is forgotten, so the next try fetches again.
 */
type Module = typeof import('./NodeDetails');

let loading: Promise<Module> | null = null;
let loaded: Module | null = null;

export function loadNodeDetails(): Promise<Module> {
  loading ??= import('./NodeDetails').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The module if it has arrived (so a selection after that renders at once, with no flash). */
export const nodeDetailsNow = (): Module | null => loaded;
