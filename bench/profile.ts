/**
 * Runs the engine throughput workload of `npm run bench` several times, for a CPU profile:
 *
 *   node --cpu-prof --cpu-prof-dir=bench/.prof --import tsx bench/profile.ts [records] [cycle|random] [runs]
 *   npx tsx bench/cpuprofile-top.ts bench/.prof/<file>.cpuprofile
 *
 * (bench/.prof is scratch output; do not commit it.)
 */
import { keyPool, runEngineLoad } from './workloads';

const records = Number(process.argv[2] ?? 1_000_000);
const kind = process.argv[3] ?? 'cycle';
const runs = Number(process.argv[4] ?? 4);
const keys =
  kind === 'random' ? { kind: 'random' as const, prefix: 'customer-', count: 10_000 } : { kind: 'cycle' as const, keys: keyPool(10_000) };

for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = runEngineLoad({ records, brokers: 1, replicationFactor: 1, keys, ratePerSec: 1_000_000, maxPollRecords: 5000, pollIntervalMs: 10 });
  console.log(`run ${i + 1}: ${(performance.now() - t0).toFixed(1)} ms, ${r.produced} produced, ${r.delivered} delivered`);
}
