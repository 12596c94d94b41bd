/**
 * Import cycles in a module graph. A cycle means no module in it can be read, tested or loaded
 * on its own, and with ES modules one of them sees the others half-initialised; the house keeps
 * its graph one-way (a DAG) so every module has a clear "below" it may use.
 */
import path from 'node:path';

/** Module -> the modules it imports (only modules of the graph; packages are left out). */
export type ModuleGraph = ReadonlyMap<string, readonly string[]>;

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The file a relative (or "src/…") specifier of `importer` names among `files`, the way Vite and
 * TypeScript's bundler resolution find it: the exact path, the path plus an extension, or its
 * index file. Undefined for packages and for paths that are not in `files`.
 */
export function resolveImport(importer: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  else if (specifier.startsWith('src/')) base = specifier;
  else return undefined;
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  // "./x.js" written for a TypeScript file "x.ts".
  const stripped = base.replace(/\.[cm]?jsx?$/, '');
  if (stripped !== base) candidates.push(...EXTENSIONS.map((ext) => stripped + ext));
  return candidates.find((candidate) => files.has(candidate));
}

/**
 * Every cycle of the graph, one per strongly connected component with more than one module (or a
 * module importing itself). Each is a concrete loop `[a, b, …, a]` starting at the component's
 * first module in sorted order, so messages are stable. Tarjan's algorithm, iterative so a deep
 * graph cannot overflow the stack.
 */
export function findCycles(graph: ModuleGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const edgesOf = (m: string) => (graph.get(m) ?? []).filter((to) => graph.has(to));

  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { module: string; next: number }[] = [{ module: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = edgesOf(frame.module);
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ module: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.module, Math.min(low.get(frame.module)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.module, Math.min(low.get(parent.module)!, low.get(frame.module)!));
      if (low.get(frame.module) === index.get(frame.module)) {
        const component: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          component.push(m);
        } while (m !== frame.module);
        const selfLoop = component.length === 1 && edgesOf(m).includes(m);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((component) => loopThrough(graph, new Set(component))).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The shortest loop from the component's first module back to itself, staying inside it. */
function loopThrough(graph: ModuleGraph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i];
    for (const to of graph.get(m) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const loop = [start];
        for (let at: string | undefined = m; at !== start && at !== undefined; at = cameFrom.get(at)) loop.splice(1, 0, at);
        if (m !== start) return [...loop, start];
        return [start, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, m);
        queue.push(to);
      }
    }
  }
  return [start, start]; // unreachable for a strongly connected component
}
