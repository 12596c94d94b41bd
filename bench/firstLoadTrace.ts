/**
 * What the long tasks of the first load are: one load of the production build, throttled like
 * bench/firstLoad.ts (1366×768, CPU 4×), under a Chrome trace and the page's CPU profiler. Prints
 * each task of the page's main thread longer than 50 ms (from navigation start): its self time by
 * trace event (parse, compile, style, layout, paint…) and its JavaScript self time by source file
 * (through the build's hidden source maps).
 *
 *   npx tsx bench/firstLoadTrace.ts [--functions] [--lang=th] [--hash=lesson=…] [--out=trace.json] [--profile=load.cpuprofile]
 *
 * `--functions` adds each task's JavaScript self time by function.
 *
 * Not part of `npm run bench`: a tool for deciding what to change before changing it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { openApp } from './browser';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string; documentLoaderURL?: string; isLoadingMainFrame?: boolean } };
}

interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const LONG_MS = 50;
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
const lang = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
const hash = process.argv.find((a) => a.startsWith('--hash='))?.slice(7);
const functions = process.argv.includes('--functions');

const app = await openApp('first-load-trace', { sourceMaps: true });
if (!app) throw new Error('no Chromium');
try {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  if (lang) await context.addInitScript(`localStorage.setItem('kafe.lang', ${JSON.stringify(lang)})`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel', 'v8', 'blink'].join(','),
    transferMode: 'ReportEvents',
  });
  await page.goto(app.url + (hash ? `#${hash}` : ''));
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  const ready = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(5000);
  await cdp.send('Tracing.end');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await done;
  if (out) await writeFile(out, JSON.stringify(events));
  const profileOut = process.argv.find((a) => a.startsWith('--profile='))?.slice(10);
  if (profileOut) await writeFile(profileOut, JSON.stringify(profile));

  // The page's main thread: the renderer thread that saw the navigation to the app.
  const nav = events.filter((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').startsWith(app.url)).pop();
  if (!nav) throw new Error('no navigationStart in the trace');
  const t0 = nav.ts;
  const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const marks = events.filter((e) => e.pid === nav.pid && ['firstContentfulPaint', 'firstPaint', 'largestContentfulPaint::Candidate'].includes(e.name));
  console.log(`canvas nodes drawn at ${ready.toFixed(0)} ms (page clock)`);
  for (const m of marks) console.log(`${m.name} at ${((m.ts - t0) / 1000).toFixed(0)} ms`);

  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur! > LONG_MS * 1000 && e.ts >= t0);
  // JavaScript samples by source file (absolute times in µs, same clock as the trace).
  const maps = new Map<string, TraceMap | null>();
  const mapFor = async (url: string) => {
    const file = url.replace(/^https?:\/\/[^/]+\//, '');
    if (!maps.has(file)) {
      try {
        maps.set(file, new TraceMap(await readFile(path.join(app.outDir, `${file}.map`), 'utf8')));
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file)!;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples: { at: number; us: number; file: string; fn: string }[] = [];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber, columnNumber } = byId.get(profile.samples[i])!.callFrame;
    if (functionName === '(idle)') continue;
    let file = url ? url.replace(/^https?:\/\/[^/]+\//, '') : `(${functionName || 'native'})`;
    let fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber}`;
    const map = url ? await mapFor(url) : null;
    if (map) {
      const pos = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
      if (pos.source) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(pos.source);
        file = pkg ? pkg[1] : pos.source.replace(/^(\.\.\/)+/, '');
        fn = `${pos.name ?? functionName} (${pos.source.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${pos.line})`;
      }
    }
    samples.push({ at, us: profile.timeDeltas[i + 1] ?? 0, file, fn });
  }

  console.log(`\n${tasks.length} long tasks (> ${LONG_MS} ms):`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    // Self time per event name inside the task (complete events nest by time).
    const inside = main.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= end);
    const sums = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= until) {
        const top = stack.pop()!;
        sums.set(top.e.name, (sums.get(top.e.name) ?? 0) + top.e.dur! - top.child);
        if (stack.length) stack[stack.length - 1].child += top.e.dur!;
      }
    };
    for (const e of inside) {
      close(e.ts);
      stack.push({ e, child: 0 });
    }
    close(Infinity);
    const scripts = inside.filter((e) => e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule' || e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame');
    const what = [...new Set(scripts.map((e) => `${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.replace(/^https?:\/\/[^/]+\//, '') : ''}`))].slice(0, 6);
    console.log(`\n  ${((task.ts - t0) / 1000).toFixed(0)}–${((end - t0) / 1000).toFixed(0)} ms (${(task.dur! / 1000).toFixed(0)} ms): ${what.join('; ')}${functions ? ` [${task.ts}, ${end}]` : ''}`);
    for (const [name, us] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 10)) if (us > 2000) console.log(`    ${(us / 1000).toFixed(0).padStart(5)} ms  ${name}`);
    const js = new Map<string, number>();
    for (const s of samples) if (s.at >= task.ts && s.at <= end) js.set(s.file, (js.get(s.file) ?? 0) + s.us);
    console.log('    JS by source:');
    for (const [file, us] of [...js].sort((a, b) => b[1] - a[1]).slice(0, 12)) if (us > 2000) console.log(`    ${(us / 1000).toFixed(0).padStart(5)} ms  ${file}`);
    if (!functions) continue;
    const fns = new Map<string, number>();
    for (const s of samples) if (s.at >= task.ts && s.at <= end) fns.set(s.fn, (fns.get(s.fn) ?? 0) + s.us);
    console.log('    JS by function:');
    for (const [fn, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15)) if (us > 2000) console.log(`    ${(us / 1000).toFixed(0).padStart(5)} ms  ${fn}`);
  }
  await context.close();
} finally {
  await app.close();
}
