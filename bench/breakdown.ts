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
  const run = runEngineLoad(load);
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  session.disconnect();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    // Not the engine's: idle time, V8's own bookkeeping, and this in-process inspector session's
    // dispatch (the first sample after Profiler.start lands there, carrying the whole time since
    // the profiler started: tens of ms that were reported as 'other' before).
    if (functionName === '(idle)' || functionName === '(program)' || (functionName === 'dispatch' && url === '')) return;
    total += dt;
    const category = CATEGORIES.find(([, file, fn]) => (file.test(url) || (file.source === '^$' && url === '')) && fn.test(functionName))?.[0] ?? 'other (runtime, builtins)';
    totals.set(category, (totals.get(category) ?? 0) + dt);
  });
  const events = run.produced + run.delivered;
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  return [
    `(b') ENGINE BREAKDOWN — one profiled run of "engine 1 broker, pooled keys" (${events.toLocaleString('en')} events, ${(total / 1000).toFixed(0)} ms sampled); self time by what the engine was doing`,
    ...rows.map(([name, us]) => `    ${name.padEnd(50)} ${((100 * us) / total).toFixed(1).padStart(5)}%  ${((us * 1000) / events).toFixed(1).padStart(7)} ns/event`),
    `    ${'all'.padEnd(50)} 100.0%  ${((total * 1000) / events).toFixed(1).padStart(7)} ns/event`,
  ];
}
