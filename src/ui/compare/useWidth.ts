import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The content width of `ref`'s element in whole CSS px, kept current by a ResizeObserver; null
 * until measured (first render, or on the server). Measured in a layout effect, so a picture that
 * depends on it is re-laid out before the browser first paints it.
 */
export function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
