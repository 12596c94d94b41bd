/**
 * First load (part of `npm run bench`; skipped when Chromium is missing): time to interactive of
 * the production build in headless Chromium with the CPU slowed 4× (Chrome DevTools Protocol
 * `Emulation.setCPUThrottlingRate`), and the gzip size of the JavaScript the page loads at start.
 * Targets: TTI ≤ 2.5 s throttled, initial JS ≤ 250 kB gzip.
 *
 * TTI as Lighthouse defines it, without the network half (the server is local): from navigation
 * start, the end of the last long task (> 50 ms on the main thread) before a quiet window of
 * QUIET_MS with no long task, and never before the first contentful paint or before the first
 * screen's canvas has drawn its nodes (the app is usable then). Each load is in a fresh browser
 * context (nothing cached, nothing stored); the median of LOADS loads is reported. Such a first
 * visit is the one whose first screen the build prerenders (src/prerender/): the page paints it
 * from its HTML and hydrates it, and the canvas, which the prerender leaves empty, is drawn by the
 * hydrated app, so "nodes drawn" still means the app is running. Each load says which way it went.
 *
 * Baseline, in the same run: a blank Vite page (one tiny module that draws one element) built,
 * served and loaded the same way, throttled alike. Its TTI is what the browser, the local server
 * and the throttling cost on this machine now; "app / blank" is the figure to compare between runs
 * (a loaded machine slows both). Then one more load of the app under the page's CPU profiler,
 * its main-thread self time up to TTI grouped by package or source folder (through the build's
 * source maps, emitted 'hidden' so the shipped JavaScript is byte-for-byte what is measured).
 *
 *   npx tsx bench/firstLoad.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM, nodesDrawnAt, NOTE_NODES_DRAWN, openApp, pageValue } from './browser';
import { FIRST_SCREEN_ATTR } from '../src/prerender/firstVisit';
import { sourcePositions, type CpuProfile } from './chromeTrace';

const THROTTLE = 4;
const QUIET_MS = 5000;
const LOADS = 3;
const TARGET_TTI_MS = 2500;
const TARGET_JS_BYTES = 250 * 1024;

/** Registered before any page script runs (with NOTE_NODES_DRAWN): keeps every long task. */
const OBSERVE = `
  window.__kafeLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__kafeLongTasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

interface Load {
  tti: number;
  fcp: number;
  ready: number;
  longTasks: number;
  longTaskMs: number;
  /** What the page noted on <html> (FIRST_SCREEN_ATTR): 'prerendered' when it hydrated the
   * build's prerender as it should; 'recovered' when hydration found a difference. */
  firstScreen: string | null;
}

export async function runFirstLoadBench(): Promise<string[]> {
  const app = await openApp('first-load', { sourceMaps: true });
  if (!app) return [`(i) FIRST LOAD: skipped, no Chromium at ${CHROMIUM}`];
  const { browser, url, outDir, initialJs } = app;
  const blank = await blankPage();
  try {
    const loads: Load[] = [];
    const blankLoads: Load[] = [];
    // Interleaved, so a burst of load on the machine hits both alike.
    for (let i = 0; i < LOADS; i++) {
      loads.push(await oneLoad(browser, url));
      blankLoads.push(await oneLoad(browser, blank.url));
    }
    loads.sort((a, b) => a.tti - b.tti);
    blankLoads.sort((a, b) => a.tti - b.tti);
    const m = loads[Math.floor(loads.length / 2)];
    const b = blankLoads[Math.floor(blankLoads.length / 2)];
    const profiled = await oneLoad(browser, url, true);
    const breakdown = await mainThreadBreakdown(profiled.profile!, profiled.tti, outDir);
    return [
      `(i) FIRST LOAD — production build, headless Chromium at 1366×768, CPU throttled ${THROTTLE}× (CDP Emulation.setCPUThrottlingRate), fresh context, median of ${LOADS}; targets TTI ≤ ${TARGET_TTI_MS / 1000} s, initial JS ≤ ${TARGET_JS_BYTES / 1024} kB gzip`,
      `    first contentful paint ${m.fcp.toFixed(0)} ms, canvas nodes drawn ${m.ready.toFixed(0)} ms, ${m.longTasks} long tasks (${m.longTaskMs.toFixed(0)} ms in all)`,
      `    prerendered first screen hydrated in ${loads.filter((l) => l.firstScreen === 'prerendered').length} of ${LOADS} loads (${loads.map((l) => l.firstScreen ?? 'none').join(', ')})`,
      `    all loads' TTI: ${loads.map((l) => l.tti.toFixed(0)).join(', ')} ms`,
      `    time to interactive (throttled ${THROTTLE}×): ${m.tti.toFixed(0)} ms  ${m.tti <= TARGET_TTI_MS ? 'PASS' : 'MISS'}`,
      `    baseline, a blank Vite page loaded alike: TTI ${b.tti.toFixed(0)} ms (loads: ${blankLoads.map((l) => l.tti.toFixed(0)).join(', ')}); app / blank = ${(m.tti / b.tti).toFixed(1)}×`,
      `    main thread up to TTI in one profiled load (${profiled.tti.toFixed(0)} ms, throttled), self time by package / source folder:`,
      ...breakdown.map(([name, msSelf]) => `      ${name.padEnd(34)} ${msSelf.toFixed(0).padStart(6)} ms`),
      `    initial JS: ${(initialJs / 1024).toFixed(1)} kB gzip  ${initialJs <= TARGET_JS_BYTES ? 'PASS' : 'MISS'}`,
    ];
  } finally {
    await app.close();
    await blank.close();
  }
}

/** Builds and serves a blank Vite page: one module that draws the element oneLoad waits for. */
async function blankPage(): Promise<{ url: string; close(): Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kafe-blank-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>blank</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>');
  await writeFile(path.join(root, 'main.js'), "document.getElementById('root').innerHTML = '<div class=\"react-flow__node\">blank</div>';\n");
  const outDir = path.join(root, 'dist');
  await build({ root, configFile: false, logLevel: 'error', mode: 'production', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ root, configFile: false, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  return {
    url: server.resolvedUrls!.local[0],
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Self time of the page's main thread from navigation to `untilMs`, grouped: node_modules
 * packages by name, the app's own code by src/ folder, and V8's own buckets ((program) is the
 * browser's work outside JavaScript: parsing, style, layout, paint). Idle time is left out.
 */
async function mainThreadBreakdown(profile: CpuProfile, untilMs: number, outDir: string): Promise<[string, number][]> {
  const positionOf = sourcePositions(outDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    elapsed += (profile.timeDeltas[i] ?? 0) / 1000;
    if (elapsed > untilMs) break;
    const { functionName, url, lineNumber, columnNumber } = byId.get(profile.samples[i])!.callFrame;
    if (functionName === '(idle)') continue;
    let group = url ? `other script` : functionName || '(native)';
    if (url.startsWith('http')) {
      const source = (await positionOf(url, lineNumber, columnNumber))?.source;
      if (source) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
        const own = /(?:^|\/)(src\/[^/]+|lessons)\//.exec(source);
        group = pkg ? pkg[1] : own ? own[1] : source;
      }
    }
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 12);
}

export async function oneLoad(browser: import('playwright-core').Browser, url: string, profile = false): Promise<Load & { profile?: CpuProfile }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(NOTE_NODES_DRAWN + OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url);
    const ready = await nodesDrawnAt(cdp);
    // Wait until the main thread has been free of long tasks for QUIET_MS.
    const deadline = Date.now() + 60_000;
    let tasks: [number, number][] = [];
    for (;;) {
      tasks = await pageValue<[number, number][]>(cdp, 'window.__kafeLongTasks');
      const now = await pageValue<number>(cdp, 'performance.now()');
      const lastEnd = tasks.length ? tasks[tasks.length - 1][1] : 0;
      if (now - Math.max(lastEnd, ready) >= QUIET_MS || Date.now() > deadline) break;
      await page.waitForTimeout(500);
    }
    const fcp = await pageValue<number>(cdp, "performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? 0");
    const lastLongTaskEnd = tasks.length ? tasks[tasks.length - 1][1] : 0;
    const firstScreen = await pageValue<string | null>(cdp, `document.documentElement.getAttribute(${JSON.stringify(FIRST_SCREEN_ATTR)})`);
    const cpu = profile ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : undefined;
    return {
      profile: cpu,
      tti: Math.max(fcp, ready, lastLongTaskEnd),
      fcp,
      ready,
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((n, [a, b]) => n + b - a, 0),
      firstScreen,
    };
  } finally {
    await context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await runFirstLoadBench()) console.log(line);
}
