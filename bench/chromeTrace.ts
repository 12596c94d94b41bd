/**
 * What the trace tools (framesTrace.ts, firstLoadTrace.ts) share: a Chrome trace and the page's
 * CPU profile recorded together over a CDP session, and a lookup from a built file's position to
 * its original source through the build's hidden source maps.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, when the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string; documentLoaderURL?: string; isLoadingMainFrame?: boolean } };
}

export interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts the CPU profiler (0.5 ms samples) and a trace of `categories`; the function returned
 * stops both and hands over what they recorded. */
export async function startTraceAndProfile(cdp: CDPSession, categories: string[]): Promise<() => Promise<{ events: TraceEvent[]; profile: CpuProfile }>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await done;
    return { events, profile };
  };
}

/** The original source (from the project's folder: src/…, node_modules/…), name and line of a
 * position in a built file served from `outDir` (its `.map` read once), or null without a map or
 * a mapping. */
export function sourcePositions(outDir: string): (url: string, lineNumber: number, columnNumber: number) => Promise<{ source: string; name: string | null; line: number } | null> {
  const maps = new Map<string, TraceMap | null>();
  return async (url, lineNumber, columnNumber) => {
    const file = url.replace(/^https?:\/\/[^/]+\//, '');
    if (!maps.has(file)) {
      try {
        maps.set(file, new TraceMap(await readFile(path.join(outDir, `${file}.map`), 'utf8')));
      } catch {
        maps.set(file, null);
      }
    }
    const map = maps.get(file);
    if (!map) return null;
    const pos = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
    if (!pos.source) return null;
    // Sources resolve against the build's folder: keep the path from the project's own folders on.
    const source = pos.source.replace(/^(?:\.\.\/)+/, '').replace(/^(?:[^/]+\/)*?(?=(?:src|lessons|node_modules)\/)/, '');
    return { source, name: pos.name, line: pos.line ?? 0 };
  };
}

/**
 * Self time by event name of one thread's complete events (which nest by time), and the wall and
 * thread time of its top-level events. `events` sorted by start, the longer first at a tie.
 */
export function selfTimes(events: readonly TraceEvent[]): { byName: Map<string, number>; busyUs: number; cpuUs: number } {
  const byName = new Map<string, number>();
  let busyUs = 0;
  let cpuUs = 0;
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= until) {
      const top = stack.pop()!;
      byName.set(top.e.name, (byName.get(top.e.name) ?? 0) + top.e.dur! - top.child);
      if (stack.length) stack[stack.length - 1].child += top.e.dur!;
      else {
        busyUs += top.e.dur!;
        cpuUs += top.e.tdur ?? 0;
      }
    }
  };
  for (const e of events) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  return { byName, busyUs, cpuUs };
}
