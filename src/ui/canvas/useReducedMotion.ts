import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
/** One MediaQueryList for the page (matchMedia is not free, and every edge asks on every render). */
const mq: MediaQueryList | null = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : null;

function subscribe(cb: () => void): () => void {
  if (!mq) return () => {};
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

/** True when the learner asked the system for less motion. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => mq?.matches ?? false,
    () => false,
  );
}
