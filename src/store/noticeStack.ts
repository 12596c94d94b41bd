/** What stacking looks at in a notice (the store's Notice has these fields). */
interface Stackable {
  kind: string;
  key: string;
  detail?: string;
  params?: unknown;
  refusal?: unknown;
  reason?: unknown;
  sticky?: boolean;
}

/**
 * How many notices show at once. A burst (a refused action, a skipped recording, a record limit)
 * stays readable; more would push the canvas away. Sticky notices (what the learner must read,
 * e.g. why a canvas opened at 0 s) are kept beyond this; only ordinary ones give way.
 */
export const MAX_NOTICES = 3;

/** The same message, said again: it replaces the earlier one instead of stacking a copy. */
const sameMessage = (a: Stackable, b: Stackable) =>
  a.kind === b.kind && a.key === b.key && a.detail === b.detail && JSON.stringify([a.params, a.refusal, a.reason]) === JSON.stringify([b.params, b.refusal, b.reason]);

/**
 * The notices shown once `next` is added, oldest first: `next` goes last (a repeat of a message
 * already shown moves it there), and while more than MAX_NOTICES show, the oldest ordinary
 * (not sticky) one gives way.
 */
export function stackNotice<N extends Stackable>(shown: readonly N[], next: N): N[] {
  const out = [...shown.filter((n) => !sameMessage(n, next)), next];
  while (out.length > MAX_NOTICES) {
    const oldest = out.findIndex((n) => !n.sticky);
    if (oldest === -1 || oldest === out.length - 1) break;
    out.splice(oldest, 1);
  }
  return out;
}
