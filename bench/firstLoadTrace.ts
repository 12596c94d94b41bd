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
import { writeFile } from 'node:fs/promises';
import { nodesDrawnAt, NOTE_NODES_DRAWN, openApp } from './browser';
import { selfTimes, sourcePositions, startTraceAndProfile } from './chromeTrace';

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
  await page.addInitScript(NOTE_NODES_DRAWN);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const stop = await startTraceAndProfile(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel', 'v8', 'blink']);
  await page.goto(app.url + (hash ? `#${hash}` : ''));
  const ready = await nodesDrawnAt(cdp);
  await page.waitForTimeout(5000);
  const { events, profile } = await stop();
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
  const positionOf = sourcePositions(app.outDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples: { at: number; us: number; file: string; fn: string }[] = [];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber, columnNumber } = byId.get(profile.samples[i])!.callFrame;
    if (functionName === '(idle)') continue;
    let file = url ? url.replace(/^https?:\/\/[^/]+\//, '') : `(${functionName || 'native'})`;
    let fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber}`;
    const pos = url ? await positionOf(url, lineNumber, columnNumber) : null;
    if (pos) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(pos.source);
      file = pkg ? pkg[1] : pos.source.replace(/^(\.\.\/)+/, '');
      fn = `${pos.name ?? functionName} (${pos.source.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${pos.line})`;
    }
    samples.push({ at, us: profile.timeDeltas[i + 1] ?? 0, file, fn });
  }

  console.log(`\n${tasks.length} long tasks (> ${LONG_MS} ms):`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    // Self time per event name inside the task (complete events nest by time).
    const inside = main.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= end);
    const sums = selfTimes(inside).byName;
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
