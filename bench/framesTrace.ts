/**
 * Where the frame time of bench (f)'s zoomed-in window goes: a Chrome trace of the 40-node canvas
 * zoomed in to full lanes while the simulation runs, summed by event (self time per thread).
 *
 *   npx tsx bench/framesTrace.ts [seconds] [--summary] [--out=trace.json]
 *
 * `--summary` traces the readable opening zoom instead. Not part of `npm run bench`: a tool for
 * deciding what to change before changing it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { openApp } from './browser';
import { openFortyNodePage } from './frames';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, when the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** JavaScript self time by original source file and function (through the build's source maps). */
async function jsBySource(profile: CpuProfile, outDir: string, wall: number): Promise<void> {
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapFor = async (url: string) => {
    const file = url.replace(/^https?:\/\/[^/]+\//, '');
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMapConsumer(JSON.parse(await readFile(path.join(outDir, `${file}.map`), 'utf8'))));
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file)!;
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byFile = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let file = url ? url.replace(/^https?:\/\/[^/]+\//, '') : `(${functionName || 'native'})`;
    let fn = functionName;
    const map = url ? await mapFor(url) : null;
    if (map) {
      const pos = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (pos.source) {
        file = pos.source.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, 'node_modules/');
        fn = `${pos.name ?? functionName} (${file}:${pos.line})`;
      }
    }
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    byFn.set(fn || file, (byFn.get(fn || file) ?? 0) + us);
  }
  const show = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${((100 * us) / wall).toFixed(1).padStart(5)} %  ${k}`);
  };
  show('JS self time by source file (% of wall time)', byFile, 20);
  show('JS self time by function', byFn, 25);
}

const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 4);
const summaryZoom = process.argv.includes('--summary');
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);

const app = await openApp('frames-trace', { sourceMaps: true });
if (!app) throw new Error('no Chromium');
try {
  const { context, page } = await openFortyNodePage(app.browser, app.url);
  if (!summaryZoom) {
    for (let i = 0; i < 10 && (await page.locator('.kafe-lane').count()) === 0; i++) {
      await page.locator('.react-flow__controls-zoomin').click();
      await page.waitForTimeout(300);
    }
  }
  await page.locator('[data-action="togglePlay"]').click();
  await page.waitForTimeout(1500);

  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'viz', 'toplevel', 'v8'].join(','),
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(seconds * 1000);
  await cdp.send('Tracing.end');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await done;
  if (out) await writeFile(out, JSON.stringify(events));

  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');

  // Self time per (thread, event name): complete events nest by time on their thread.
  const self = new Map<string, Map<string, number>>();
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const busy = new Map<string, number>();
  const cpu = new Map<string, number>();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const sums = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= until) {
        const top = stack.pop()!;
        sums.set(top.e.name, (sums.get(top.e.name) ?? 0) + top.e.dur! - top.child);
        if (stack.length) stack[stack.length - 1].child += top.e.dur!;
        else {
          busy.set(key, (busy.get(key) ?? 0) + top.e.dur!);
          cpu.set(key, (cpu.get(key) ?? 0) + (top.e.tdur ?? 0));
        }
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, child: 0 });
    }
    close(Infinity);
    self.set(key, sums);
  }
  const wall = seconds * 1e6;
  const rows = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`trace of ${seconds} s, ${summaryZoom ? 'readable opening zoom' : 'zoomed in'}; dots: ${await page.locator('canvas.kafe-dots').getAttribute('data-dots')}`);
  for (const [key, total] of rows) {
    console.log(`\n${threadName.get(key) ?? key}: busy ${((100 * total) / wall).toFixed(1)} % of wall time, CPU ${((cpu.get(key) ?? 0) / 1000 / seconds).toFixed(0)} ms/s`);
    const top = [...self.get(key)!].sort((a, b) => b[1] - a[1]).slice(0, 14);
    for (const [name, us] of top) console.log(`  ${((100 * us) / wall).toFixed(1).padStart(5)} %  ${name}`);
  }
  await jsBySource(profile, app.outDir, wall);
} finally {
  await app.close();
}
