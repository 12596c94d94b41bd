/**
 * Structural sharing between two engine views: `next` with every part that equals the same part
 * of `prev` replaced by `prev`'s object. The engine builds a fresh view each time; after sharing,
 * a part that did not change keeps its identity, so the canvas's selectors compare by identity
 * (`Object.is`) and a node whose topic, group or service did not move does not re-render.
 *
 * Contract: the result is deep-equal to `next`; an object or array of the result is `prev`'s
 * exactly when it is deep-equal to it (same keys, same order of array items); `prev` itself comes
 * back when nothing changed. Views are plain data (objects, arrays, strings, numbers, booleans,
 * null), which is all this handles. Cost: one walk over `next`.
 */
export function reuseUnchanged<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    const out = new Array<unknown>(next.length);
    for (let i = 0; i < next.length; i++) {
      // Items are matched by position: views list topics, partitions, groups in a stable order.
      const item = i < prev.length ? share(prev[i], next[i]) : next[i];
      out[i] = item;
      if (item !== prev[i]) same = false;
    }
    return same ? prev : out;
  }
  if (Array.isArray(prev)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = key in p ? share(p[key], n[key]) : n[key];
    out[key] = value;
    if (same && (value !== p[key] || !(key in p))) same = false;
  }
  return same ? prev : out;
}
