/**
 * Structural equality for plain data: primitives (Object.is), arrays and plain objects, compared
 * member by member. It stops at the first difference and allocates nothing, so comparing a panel's
 * few rows every frame costs far less than serializing them. Not for class instances, Maps or
 * cycles (selectors return plain rows).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Where a selector keeps the value it returned last. */
export interface Kept<T> {
  current: { value: T } | null;
}

/**
 * `next`, unless it equals what was returned last: then that same value, so a component whose
 * selector builds fresh rows every frame re-renders only when a row really changed
 * (useSyncExternalStore re-renders when the selected value is not Object.is the last one).
 */
export function keepIfEqual<T>(kept: Kept<T>, next: T, equal: (a: T, b: T) => boolean = sameData): T {
  const last = kept.current;
  if (last && equal(last.value, next)) return last.value;
  kept.current = { value: next };
  return next;
}
