/**
 * Small helpers for the benchmark: a wall clock, repeated timing with a warm-up and a median,
 * forcing garbage collection when the runtime allows it, and number formatting.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

export const now = (): number => performance.now();

/**
 * A way to force a full GC, or null. Uses `globalThis.gc` when node runs with --expose-gc;
 * otherwise turns the flag on at run time (node allows this) and borrows `gc` from a fresh context.
 * Without either, timings skip the pre-run GC and memory numbers are approximate.
 */
export const forceGc: (() => void) | null = (() => {
  if (process.env.BENCH_NO_GC) return null; // to try the no-GC path
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // fall through: no way to force a collection
  }
  return null;
})();

/** Collects garbage if possible (twice: the second pass catches what finalisation freed). */
export function collect(): void {
  if (!forceGc) return;
  forceGc();
  forceGc();
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Timed<R> {
  /** Median wall time, ms. */
  ms: number;
  /** Every repetition's wall time, ms (warm-up excluded). */
  all: number[];
  /** The result of the median repetition. */
  result: R;
  /** Minor page faults during the median repetition (first touches of fresh memory). */
  faults: number;
  /**
   * Median CPU time of this process per repetition (user + system), ms. On a shared machine wall
   * time also counts the time other processes held the CPU; CPU time does not (it does count V8's
   * helper threads, e.g. concurrent GC, so it can exceed wall time on an idle machine).
   */
  cpuMs: number;
  /**
   * Median CPU time of the main thread alone per repetition, ms (NaN where the system does not
   * tell, see mainThreadCpuMs): the work that would hold a browser tab's thread, without V8's
   * helper threads (parallel and concurrent GC, background compilation) running beside it.
   */
  mainCpuMs: number;
}

/** Linux reports a thread's CPU time in clock ticks of 10 ms (USER_HZ 100 on every Linux we run). */
const TICK_MS = 10;

/**
 * CPU time (user + system) the main thread has used so far, ms, to 10 ms; NaN off Linux. Read from
 * /proc/self/task/<pid>/stat (the main thread's id is the process id): fields 14 and 15, counted
 * after the command name in parentheses, which may itself hold spaces.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/**
 * Runs `fn` `warmup` times untimed, then `reps` times timed (a GC before each, outside the
 * timing, so one run's garbage is not billed to the next). Returns the median.
 *
 * A workload that builds its own engine should keep one engine alive between runs (see
 * `residents` in workloads.ts): a forced GC that finds none makes V8 throw the engine's
 * optimised code away, and the next run would pay for optimising it again.
 */
export function timeIt<R>(fn: () => R, reps: number, warmup = 1): Timed<R> {
  for (let i = 0; i < warmup; i++) fn();
  const runs: { ms: number; result: R; faults: number; cpuMs: number; mainCpuMs: number }[] = [];
  for (let i = 0; i < reps; i++) {
    collect();
    const f0 = process.resourceUsage().minorPageFault;
    const c0 = process.cpuUsage();
    const m0 = mainThreadCpuMs();
    const t0 = now();
    const result = fn();
    const ms = now() - t0;
    const mainCpuMs = mainThreadCpuMs() - m0;
    const cpu = process.cpuUsage(c0);
    runs.push({ ms, result, faults: process.resourceUsage().minorPageFault - f0, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs });
  }
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const mid = sorted[(sorted.length - 1) >> 1];
  return { ms: mid.ms, all: runs.map((r) => r.ms), result: mid.result, faults: mid.faults, cpuMs: median(runs.map((r) => r.cpuMs)), mainCpuMs: median(runs.map((r) => r.mainCpuMs)) };
}

/**
 * What first-touching fresh memory costs on this machine: allocate 64 MB, touch one word per
 * 4 KB page, median of 3. Virtual machines that hand memory back to the host can make this
 * expensive, and a workload that keeps what it produces (the engine) pays it; a ring buffer
 * does not. Returns milliseconds per MB and microseconds per page fault.
 */
export function freshMemoryCost(): { msPerMb: number; usPerFault: number } {
  const samples: { ms: number; faults: number }[] = [];
  for (let r = 0; r < 3; r++) {
    collect();
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = now();
    const a = new Float64Array(8 * 1024 * 1024);
    for (let i = 0; i < a.length; i += 512) a[i] = i;
    samples.push({ ms: now() - t0, faults: process.resourceUsage().minorPageFault - f0 });
  }
  samples.sort((x, y) => x.ms - y.ms);
  const m = samples[1];
  return { msPerMb: m.ms / 64, usPerFault: m.faults > 0 ? (m.ms * 1000) / m.faults : 0 };
}

/** 12345678 -> "12.35 M" (SI prefixes, 2 decimals). */
export function si(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(2)} k`;
  return `${n.toFixed(2)} `;
}

/** Counts: exact below 10 000, SI above. */
export const count = (n: number): string => (Math.abs(n) < 10_000 ? String(Math.round(n)) : si(n));

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A plain aligned text table; numbers-ish columns are right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = header.map((_, i) => rows.every((r) => /^[-+]?[\d.,]+\s?[kMG%x]?\S*$|^$|^n\/a$/.test((r[i] ?? '').trim())));
  const line = (cells: string[]) =>
    cells.map((c, i) => (right[i] ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
