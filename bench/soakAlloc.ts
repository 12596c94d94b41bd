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
import { TEMPLATES } from '../src/scenario';
import { mb, printHeapSamples, sampleHeap } from './heapSampling';
import { createKafeStore } from '../src/store';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const promotedOnly = process.argv.includes('--promoted');
const frames = Number(args[0] ?? 600);
const rows = Number(args[1] ?? 25);
const FRAME_MS = 1000 / 60;

const store = createKafeStore(TEMPLATES.iotStream.build());
store.getState().setSpeed(100);
store.getState().play();
for (let f = 0; f < 120; f++) store.getState().tick(FRAME_MS);

const v0 = store.getState().frame.now;
const { samples } = await sampleHeap(promotedOnly, () => {
  for (let f = 0; f < frames; f++) store.getState().tick(FRAME_MS);
});
const virtualS = (store.getState().frame.now - v0) / 1000;
const total = samples.total;

console.log(`${frames} frames, ${virtualS.toFixed(0)} virtual s: ${mb(total)} MB ${promotedOnly ? 'reached the old generation' : 'allocated'} (${((total / frames) / 1024).toFixed(0)} KB per frame)`);
printHeapSamples(samples, rows);
