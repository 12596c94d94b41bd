/**
 * Where the frame time of bench (f)'s zoomed-in window goes: a Chrome trace of the 40-node canvas
 * zoomed in to full lanes while the simulation runs, summed by event (self time per thread).
 *
 *   npx tsx bench/framesTrace.ts [seconds] [--summary] [--out=trace.json]
 *
 * `--summary` traces the readable opening zoom instead. Not part of `npm run bench`: a tool for
 * deciding what to change before changing it.
 */
import { writeFile } from 'node:fs/promises';
import { openApp } from './browser';
import { selfTimes, sourcePositions, startTraceAndProfile, type CpuProfile, type TraceEvent } from './chromeTrace';
import { openFortyNodePage } from './frames';

/** JavaScript self time by original source file and function (through the build's source maps). */
async function jsBySource(profile: CpuProfile, outDir: string, wall: number): Promise<void> {
  const positionOf = sourcePositions(outDir);
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
    const pos = url ? await positionOf(url, lineNumber, columnNumber) : null;
    if (pos) {
      file = pos.source.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, 'node_modules/');
      fn = `${pos.name ?? functionName} (${file}:${pos.line})`;
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
  const stop = await startTraceAndProfile(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'viz', 'toplevel', 'v8']);
  await page.waitForTimeout(seconds * 1000);
  const { events, profile } = await stop();
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
    const { byName, busyUs, cpuUs } = selfTimes(list);
    self.set(key, byName);
    busy.set(key, busyUs);
    cpu.set(key, cpuUs);
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
