/**
 * Where the soak's allocation goes: drives the IoT template at 100× through the store as
 * bench/soak.ts does, under V8's sampling heap profiler counting every allocation (also the objects
 * garbage collection has freed since), and prints the allocation sites with the most bytes, by
 * function and by caller chain. Usage:
 *
 *   npx tsx bench/soakAlloc.ts [frames=600] [rows=25] [--promoted]
 *
 * --promoted leaves out what died young (freed by a scavenge): what remains is what reached the
 * old generation (still alive, or freed by a major GC), the allocation that makes major GCs.
 * The first 120 frames warm up (the log fills) unprofiled.
 */
import { Session } from 'node:inspector/promises';
import { TEMPLATES } from '../src/scenario';
import { createKafeStore } from '../src/store';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const promotedOnly = process.argv.includes('--promoted');
const frames = Number(args[0] ?? 600);
const rows = Number(args[1] ?? 25);
const FRAME_MS = 1000 / 60;

const store = createKafeStore(TEMPLATES.iotStream.build());
store.getState().setSpeed(100);
store.getState().play();
for (let f = 0; f < 120; f++) store.getState().tick(FRAME_MS);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: !promotedOnly,
} as never);
const v0 = store.getState().frame.now;
for (let f = 0; f < frames; f++) store.getState().tick(FRAME_MS);
const virtualS = (store.getState().frame.now - v0) / 1000;
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
console.log(`${frames} frames, ${virtualS.toFixed(0)} virtual s: ${mb(total)} MB ${promotedOnly ? 'reached the old generation' : 'allocated'} (${((total / frames) / 1024).toFixed(0)} KB per frame)`);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${mb(v)} MB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
print('by function', self);
print('by call chain (innermost last)', new Map([...chains].map(([k, v]) => [k.split(' < ').reverse().join(' < '), v])));
