import type { autoLayout } from './layout';

/**
 * autoLayout without putting dagre in the app's first load: the layout module is fetched the
 * first time a canvas is arranged (or when the Arrange button is pointed at), then kept.
 *
 * Contract: loadLayout() resolves with autoLayout, the same promise on every call once it
 * succeeded; a failed fetch rejects and is forgotten, so the next call tries again.
 * loadedLayout() is autoLayout once it has loaded, else null (callers that can wait use
 * loadLayout; callers that cannot fall back to it and apply the layout when it arrives).
 */
export type AutoLayout = typeof autoLayout;

let loaded: AutoLayout | null = null;
let loading: Promise<AutoLayout> | null = null;

export function loadLayout(): Promise<AutoLayout> {
  loading ??= import('./layout').then(
    (m) => (loaded = m.autoLayout),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

export const loadedLayout = (): AutoLayout | null => loaded;
