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
 * context (nothing cached, nothing stored); the median of LOADS loads is reported.
 *
 *   npx tsx bench/firstLoad.ts
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, openApp } from './browser';

const THROTTLE = 4;
const QUIET_MS = 5000;
const LOADS = 3;
const TARGET_TTI_MS = 2500;
const TARGET_JS_BYTES = 250 * 1024;

/** Registered before any page script runs: keeps every long task and paint entry. */
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
}

export async function runFirstLoadBench(): Promise<string[]> {
  const app = await openApp('first-load');
  if (!app) return [`(i) FIRST LOAD: skipped, no Chromium at ${CHROMIUM}`];
  const { url, browser, initialJs } = app;
  try {
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await oneLoad(browser, url));
    loads.sort((a, b) => a.tti - b.tti);
    const m = loads[Math.floor(loads.length / 2)];
    return [
      `(i) FIRST LOAD — production build, headless Chromium at 1366×768, CPU throttled ${THROTTLE}× (CDP Emulation.setCPUThrottlingRate), fresh context, median of ${LOADS}; targets TTI ≤ ${TARGET_TTI_MS / 1000} s, initial JS ≤ ${TARGET_JS_BYTES / 1024} kB gzip`,
      `    first contentful paint ${m.fcp.toFixed(0)} ms, canvas nodes drawn ${m.ready.toFixed(0)} ms, ${m.longTasks} long tasks (${m.longTaskMs.toFixed(0)} ms in all)`,
      `    all loads' TTI: ${loads.map((l) => l.tti.toFixed(0)).join(', ')} ms`,
      `    time to interactive (throttled ${THROTTLE}×): ${m.tti.toFixed(0)} ms  ${m.tti <= TARGET_TTI_MS ? 'PASS' : 'MISS'}`,
      `    initial JS: ${(initialJs / 1024).toFixed(1)} kB gzip  ${initialJs <= TARGET_JS_BYTES ? 'PASS' : 'MISS'}`,
    ];
  } finally {
    await app.close();
  }
}

async function oneLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(url);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    const ready = (await page.evaluate('performance.now()')) as number;
    // Wait until the main thread has been free of long tasks for QUIET_MS.
    const deadline = Date.now() + 60_000;
    let tasks: [number, number][] = [];
    for (;;) {
      tasks = (await page.evaluate('window.__kafeLongTasks')) as [number, number][];
      const now = (await page.evaluate('performance.now()')) as number;
      const lastEnd = tasks.length ? tasks[tasks.length - 1][1] : 0;
      if (now - Math.max(lastEnd, ready) >= QUIET_MS || Date.now() > deadline) break;
      await page.waitForTimeout(500);
    }
    const fcp = (await page.evaluate(
      "performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? 0",
    )) as number;
    const lastLongTaskEnd = tasks.length ? tasks[tasks.length - 1][1] : 0;
    return {
      tti: Math.max(fcp, ready, lastLongTaskEnd),
      fcp,
      ready,
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((n, [a, b]) => n + b - a, 0),
    };
  } finally {
    await context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await runFirstLoadBench()) console.log(line);
}
