/**
 * Soak (part of `npm run bench`; `--no-soak` skips it): the IoT template at 100× for 5 minutes of
 * wall time (`--quick`: 30 s), driven headless through the real store exactly as the browser's
 * frame loop drives it: one tick per 1/60 s frame, with the store's own per-frame engine budget and
 * the wall clock. There is no renderer, so the run takes about as long as the engine work needs.
 *
 * Reports heap after GC (heapUsed + external) at the start and the end, the growth (target
 * ≤ 50 MB), the longest single tick in wall time and in CPU time (target: no frame's engine work
 * over 100 ms; judged on CPU time, since on a shared machine a tick's wall time also counts the
 * time other processes held the CPU and is shown for reference), the virtual time
 * reached and the speed really reached, and how much of the worst tick was garbage collection (with
 * the longest GC pause inside any tick), (below 100× when this machine cannot simulate the template
 * that fast: the store then runs slower, as the UI's "Running at" badge says, instead of freezing).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { TEMPLATES } from '../src/scenario';
import { createKafeStore } from '../src/store';
import { collect, forceGc, now, table } from './harness';

const FRAME_MS = 1000 / 60;
const TARGET_GROWTH_MB = 50;
const TARGET_FRAME_MS = 100;

const heapMb = () => {
  collect();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 2 ** 20;
};

export async function runSoakBench(opts: { seconds: number }): Promise<string[]> {
  const store = createKafeStore(TEMPLATES.iotStream.build());
  const startMb = heapMb();
  store.getState().setSpeed(100);
  store.getState().play();
  const frames = Math.round((opts.seconds * 1000) / FRAME_MS);
  const ticks: number[] = [];
  const cpuTicks: number[] = [];
  // Garbage-collection pauses (wall ms, start and duration), to tell a tick's own work from GC's.
  const pauses: { start: number; duration: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let worstTick = { wall: 0, cpu: 0, from: 0, to: 0 };
  /** Start and end (wall ms) of every tick, in order: GC pauses between ticks (the bench's own forced GCs) do not count. */
  const spans: number[] = [];
  const started = now();
  const heapAt: string[] = [];
  for (let f = 1; f <= frames; f++) {
    const t0 = now();
    const c0 = process.cpuUsage();
    store.getState().tick(FRAME_MS);
    const t1 = now();
    ticks.push(t1 - t0);
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000;
    cpuTicks.push(cpu);
    if (cpu > worstTick.cpu) worstTick = { wall: t1 - t0, cpu, from: t0, to: t1 };
    spans.push(t0, t1);
    if (f % Math.round(frames / 5) === 0) heapAt.push(heapMb().toFixed(0));
    // Let timers and I/O run between frames, as a browser would.
    if (f % 60 === 0) await new Promise((r) => setImmediate(r));
  }
  const wallMs = now() - started;
  await new Promise((r) => setImmediate(r)); // let the last GC entries arrive
  gcObserver.disconnect();
  const gcInWorst = pauses.filter((p) => p.start < worstTick.to && p.start + p.duration > worstTick.from).reduce((ms, p) => ms + p.duration, 0);
  const inSomeTick = (p: { start: number }) => {
    let lo = 0;
    let hi = spans.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[2 * mid + 1] < p.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length / 2 && spans[2 * lo] <= p.start;
  };
  const longestGc = Math.max(0, ...pauses.filter(inSomeTick).map((p) => p.duration));
  const endMb = heapMb();
  const virtualS = store.getState().frame.now / 1000;
  ticks.sort((a, b) => a - b);
  const worst = ticks[ticks.length - 1];
  const p99 = ticks[Math.floor(ticks.length * 0.99)];
  cpuTicks.sort((a, b) => a - b);
  const worstCpu = cpuTicks[cpuTicks.length - 1];
  const growth = endMb - startMb;
  const verdict = (ok: boolean) => (forceGc ? (ok ? 'PASS' : 'MISS') : 'n/a (no GC)');
  return [
    `(j) SOAK — IoT template at 100×, ${opts.seconds} s of frames (${frames} ticks of ${FRAME_MS.toFixed(1)} ms) through the store; ` +
      `targets: heap growth ≤ ${TARGET_GROWTH_MB} MB, no tick over ${TARGET_FRAME_MS} ms`,
    table(
      ['start MB', 'end MB', 'growth MB', `≤${TARGET_GROWTH_MB} MB`, 'heap every 1/5', 'p99 tick ms', 'worst tick ms', 'worst tick CPU ms', `≤${TARGET_FRAME_MS} ms`, 'GC in it ms', 'longest GC ms', 'virtual s', 'speed reached', 'run s'],
      [
        [
          startMb.toFixed(1),
          endMb.toFixed(1),
          growth.toFixed(1),
          verdict(growth <= TARGET_GROWTH_MB),
          heapAt.join('/'),
          p99.toFixed(1),
          worst.toFixed(1),
          worstCpu.toFixed(1),
          worstCpu <= TARGET_FRAME_MS ? 'PASS' : 'MISS',
          gcInWorst.toFixed(1),
          longestGc.toFixed(1),
          virtualS.toFixed(0),
          `${(virtualS / opts.seconds).toFixed(1)}x`,
          (wallMs / 1000).toFixed(0),
        ],
      ],
    ),
  ];
}
