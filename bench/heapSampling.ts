/**
 * What the allocation tools (soakAlloc.ts, compareAlloc.ts) share: V8's sampling heap profiler
 * around a piece of work in this process, and its report of the allocation sites with the most
 * bytes, by function and by caller chain.
 */
import { Session } from 'node:inspector/promises';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

export interface HeapSamples {
  /** Bytes sampled in all. */
  total: number;
  bySite: Map<string, number>;
  /** By the innermost four frames, the innermost first. */
  byChain: Map<string, number>;
}

/**
 * Runs `work` under the sampling heap profiler counting every allocation, also the objects garbage
 * collection has freed since; `promotedOnly` leaves out what died young (freed by a scavenge):
 * what remains reached the old generation, the allocation that makes major GCs.
 */
export async function sampleHeap<T>(promotedOnly: boolean, work: () => T): Promise<{ result: T; samples: HeapSamples }> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: !promotedOnly,
  } as never);
  const result = work();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
  session.disconnect();

  const where = (n: SamplingNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  const samples: HeapSamples = { total: 0, bySite: new Map(), byChain: new Map() };
  const walk = (n: SamplingNode, stack: string[]) => {
    const here = [...stack, where(n)];
    if (n.selfSize > 0) {
      samples.total += n.selfSize;
      samples.bySite.set(here[here.length - 1], (samples.bySite.get(here[here.length - 1]) ?? 0) + n.selfSize);
      const chain = here.slice(-4).reverse().join(' < ');
      samples.byChain.set(chain, (samples.byChain.get(chain) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, here);
  };
  walk(profile.head, []);
  return { result, samples };
}

/** Megabytes, right-aligned for the report. */
export const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1).padStart(8);

/** Prints the `rows` sites and chains with the most bytes. */
export function printHeapSamples(samples: HeapSamples, rows: number): void {
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${mb(v)} MB ${((100 * v) / samples.total).toFixed(1).padStart(5)}%  ${k}`);
  };
  print('by function', samples.bySite);
  print('by call chain (innermost first, then its callers)', samples.byChain);
}
