import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PreloadableLazy<P> {
  /** React.lazy's component: renders at once (no Suspense fallback) when `preload` has finished. */
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts fetching the chunk; resolves when it is there, rejects when it cannot be fetched. */
  preload(): Promise<unknown>;
}

/**
 * A lazy component whose chunk can be fetched before it is first rendered. Why: a panel the first
 * screen shows (the course list) would otherwise be fetched only when React first renders it,
 * shown as a placeholder, and laid out and painted again in a frame of its own once it arrives.
 * Fetched ahead, it is part of the first render: one layout, one paint, no placeholder.
 *
 * React.lazy reads a thenable's result synchronously when `then` calls back at once, so a loaded
 * chunk is handed over that way; otherwise the load's own promise (and its failure, which the
 * panel's error boundary shows) is what React waits for, as with a plain React.lazy.
 */
export function preloadableLazy<P>(load: () => Promise<ComponentType<P>>): PreloadableLazy<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // a later render (or preload) tries again
        throw error;
      },
    ));
  const Component = lazy<ComponentType<P>>(() => {
    const ready = loaded;
    if (ready) return { then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as Promise<{ default: ComponentType<P> }>;
    return preload().then((component) => ({ default: component }));
  });
  return { Component, preload };
}
