import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is on screen (or within `marginPx` of it), tracked with an
 * IntersectionObserver. Lets costly drawing (a chart) wait until a learner can see it: below the
 * fold, in a closed sheet (display: none never intersects) or behind another tab. Where the browser
 * has no IntersectionObserver the element counts as on screen, so nothing is ever left undrawn.
 */
export function useOnScreen(ref: RefObject<Element | null>, marginPx = 200): boolean {
  const [onScreen, setOnScreen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries[entries.length - 1].isIntersecting), {
      rootMargin: `${marginPx}px`,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, marginPx]);
  return onScreen;
}
