import { lazyImport } from '../../util/lazyImport';

/**
 * The inspector's node details (settings, live actions, CLI view) are their own chunk: nothing is
 * selected on the first screen, so they stay out of the first load (its 250 kB gzip budget, see
 * test/e2e/firstLoadChunks.test.ts) and are fetched once the page is idle, or on the first
 * selection at the latest (lazyImport: a failed fetch is tried again next time).
 * nodeDetailsNow() is the module once it has arrived, so a later selection renders at once.
 */
const details = lazyImport(
  () => import('./NodeDetails'),
  (m) => m,
);

export const loadNodeDetails = details.load;
export const nodeDetailsNow = details.loaded;
