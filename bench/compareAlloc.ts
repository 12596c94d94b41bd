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
import { runCompare } from './compare';
import { mb, printHeapSamples, sampleHeap } from './heapSampling';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const promotedOnly = process.argv.includes('--promoted');
const side = (args[0] ?? 'eda') as 'eda' | 'sync' | 'both';
const orders = Number(args[1] ?? 100_000);
const rows = Number(args[2] ?? 25);

runCompare(10_000, side === 'both' ? null : side);
const { result: run, samples } = await sampleHeap(promotedOnly, () => runCompare(orders, side === 'both' ? null : side));
const total = samples.total;

console.log(`${side}, ${orders} orders, ${run.agendaEvents} agenda events: ${mb(total)} MB ${promotedOnly ? 'reached the old generation' : 'allocated'} (${(total / orders).toFixed(0)} B per order)`);
printHeapSamples(samples, rows);
