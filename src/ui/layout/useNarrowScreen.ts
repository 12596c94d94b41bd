import { useSyncExternalStore } from 'react';

/** Screens this wide or narrower (phones, a narrow tablet) get the canvas-first layout (app.css). */
export const NARROW_MAX_PX = 700;
export const NARROW_QUERY = `(max-width: ${NARROW_MAX_PX}px)`;
const QUERY = NARROW_QUERY;

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** True on a narrow screen; follows rotation and window resizes. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}
