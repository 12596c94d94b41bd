import { lazyImport } from '../util/lazyImport';
import type { autoLayout } from './layout';

/**
 * autoLayout without putting dagre in the app's first load: the layout module is fetched the
 * first time a canvas is arranged (or when the Arrange button is pointed at), then kept.
 * loadLayout() and loadedLayout() keep lazyImport's contract: callers that can wait use
 * loadLayout; callers that cannot fall back to loadedLayout() and apply the layout when it arrives.
 */
export type AutoLayout = typeof autoLayout;

const layout = lazyImport(
  () => import('./layout'),
  (m): AutoLayout => m.autoLayout,
);

export const loadLayout = layout.load;
export const loadedLayout = layout.loaded;
