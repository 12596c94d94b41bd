/**
 * Where the comparison bench's allocation goes: runs bench/compare.ts's workload (one side or
 * both) under V8's sampling heap profiler counting every allocation (also what garbage collection
 * has freed since), and prints the allocation sites with the most bytes, by function and by caller
 * chain. Usage:
 *
 *   npx tsx bench/compareAlloc.ts [eda|sync|both] [orders=100000] [rows=25] [--promoted]
 *
 * --promoted leaves out what died young (freed by a scavenge): what remains reached the old
 * generation. A 10 k-order run warms the JIT up unprofiled first.
 */
import { Session } from 'node:inspector/promises';
import { runCompare } from './compare';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const promotedOnly = process.argv.includes('--promoted');
const side = (args[0] ?? 'eda') as 'eda' | 'sync' | 'both';
const orders = Number(args[1] ?? 100_000);
const rows = Number(args[2] ?? 25);

runCompare(10_000, side === 'both' ? null : side);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: !promotedOnly,
} as never);
const run = runCompare(orders, side === 'both' ? null : side);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
session.disconnect();

const where = (n: SamplingNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const chains = new Map<string, number>();
let total = 0;
const walk = (n: SamplingNode, stack: string[]) => {
  const here = [...stack, where(n)];
  if (n.selfSize > 0) {
    total += n.selfSize;
    self.set(where(n), (self.get(where(n)) ?? 0) + n.selfSize);
    const chain = here.slice(-4).join(' < ');
    chains.set(chain, (chains.get(chain) ?? 0) + n.selfSize);
  }
  for (const c of n.children) walk(c, here);
};
walk(profile.head, []);

const mb = (b: number) => (b / 2 ** 20).toFixed(1).padStart(8);
console.log(`${side}, ${orders} orders, ${run.agendaEvents} agenda events: ${mb(total)} MB ${promotedOnly ? 'reached the old generation' : 'allocated'} (${(total / orders).toFixed(0)} B per order)`);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${mb(v)} MB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
print('by function', self);
print('by call chain (innermost last)', new Map([...chains].map(([k, v]) => [k.split(' < ').reverse().join(' < '), v])));
