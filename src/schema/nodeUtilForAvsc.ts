/**
 * The four functions avsc takes from Node's `util` (inherits, format, deprecate, debuglog), for the
 * browser build only: vite.config.ts resolves avsc's `require('util')` here. The npm `util`
 * package reads `process.env` when loaded, which a browser does not have; avsc's `require('buffer')`
 * resolves to the npm `buffer` package instead. Node (tests) keeps its own util.
 */
type Ctor = { prototype: object; super_?: unknown };

export function inherits(ctor: Ctor, superCtor: Ctor): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

/** printf-like, as avsc uses it: %s, %d, %j and %% (anything else is left as it is). */
export function format(template: unknown, ...args: unknown[]): string {
  if (typeof template !== 'string') return [template, ...args].map(String).join(' ');
  let i = 0;
  const text = template.replace(/%[sdj%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    return m === '%d' ? String(Number(a)) : m === '%j' ? JSON.stringify(a) : String(a);
  });
  return [text, ...args.slice(i).map(String)].join(' ');
}

export function deprecate<F extends (...a: never[]) => unknown>(fn: F): F {
  return fn;
}

export function debuglog(): (...args: unknown[]) => void {
  return () => {};
}

export default { inherits, format, deprecate, debuglog };
