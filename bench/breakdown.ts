/**
 * Where the engine workload's time goes (part of `npm run bench`): one run of the (b) workload
 * under V8's sampling CPU profiler (node:inspector, in process), its self time grouped by what
 * the engine was doing. Reported as a share of the run and as nanoseconds per event (events as
 * in (b): records produced + records delivered per group), so it can be read against the ring
 * buffer's cost per event.
 */
import { Session } from 'node:inspector/promises';
import { runEngineLoad, type EngineLoad } from './workloads';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First match wins: [label, file pattern, function pattern]. */
const CATEGORIES: [string, RegExp, RegExp][] = [
  ['garbage collection', /^$/, /^\(garbage collector\)$/],
  ['agenda (queue push/pop, dispatch)', /engine\/(queue|engine|dispatch)\.ts$/, /./],
  ['log append / read (partition log)', /engine\/log\.ts$/, /./],
  ['producer (generate, partition, batch, send, ack)', /engine\/(producers|murmur2)\.ts$/, /./],
  ['replication / high watermark', /engine\/cluster\.ts$/, /^(onReplicaFetch|advanceHighWatermark|scheduleReplication|replicate.*)$/],
  ['partitioner (key -> partition)', /engine\/cluster\.ts$/, /./],
  ['consumer poll / fetch / commit', /engine\/(consumers|groups|offsets|processing)\.ts$/, /./],
  ['trace events (emit, listeners)', /engine\/trace\.ts$/, /./],
  ['bench driver (advance loop, trace counting)', /bench\//, /./],
];

export async function runBreakdown(load: EngineLoad): Promise<string[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  runEngineLoad({ ...load, records: Math.min(load.records, 100_000) }); // warm-up, unprofiled
  await session.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const run = runEngineLoad(load);
  const cpu = process.cpuUsage(cpu0);
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  session.disconnect();

  // Shares come from sample COUNTS, not the samples' time deltas: on a busy machine the sampler
  // or the main thread is descheduled now and then, and the whole gap (milliseconds, against a
  // 0.1 ms interval) landed on whichever frame came next, so one area could show 50% in one run
  // and 0.3% in the next. Counts are unbiased by such gaps; ns/event then spreads the run's CPU
  // time (process.cpuUsage, profiler overhead included) over those shares.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let total = 0;
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    // Not the engine's: idle time, V8's own bookkeeping, and this in-process inspector session's
    // dispatch (Profiler.start/stop themselves).
    if (functionName === '(idle)' || functionName === '(program)' || (functionName === 'dispatch' && url === '')) continue;
    total++;
    const category = CATEGORIES.find(([, file, fn]) => (file.test(url) || (file.source === '^$' && url === '')) && fn.test(functionName))?.[0] ?? 'other (runtime, builtins)';
    totals.set(category, (totals.get(category) ?? 0) + 1);
  }
  const cpuNs = (cpu.user + cpu.system) * 1000;
  const events = run.produced + run.delivered;
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const nsPerEvent = (samples: number) => ((cpuNs * samples) / total / events).toFixed(1).padStart(7);
  return [
    `(b') ENGINE BREAKDOWN — one profiled run of "engine 1 broker, pooled keys" (${events.toLocaleString('en')} events, ${total} samples, ${(cpuNs / 1e6).toFixed(0)} ms CPU); self time by what the engine was doing (share of samples; ns/event = share × the run's CPU time)`,
    ...rows.map(([name, n]) => `    ${name.padEnd(50)} ${((100 * n) / total).toFixed(1).padStart(5)}%  ${nsPerEvent(n)} ns/event`),
    `    ${'all'.padEnd(50)} 100.0%  ${nsPerEvent(total)} ns/event`,
  ];
}
