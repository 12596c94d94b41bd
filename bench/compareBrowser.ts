/**
 * The comparison bench's workload in headless Chromium: the engine and metrics bundled on their
 * own (production build, no UI), run in a blank page as the comparison page's engine runs, a
 * 10 k-order warm-up and then 100 k-order runs one after the other. Times each run on the page's
 * own clock and in CPU time (DevTools Performance.getMetrics in thread ticks): the renderer's main
 * thread alone (ThreadTime) and the whole renderer process (ProcessTime, which adds V8's helper
 * threads: background compilation, concurrent GC). Returns null without Chromium.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildForProduction, CHROMIUM, CHROMIUM_ARGS } from './browser';
import type { CompareBenchRun } from './compareWorkload';

export interface BrowserCompareRun {
  /** On the page's clock, ms. */
  wallMs: number;
  /** CPU time of the renderer's main thread, ms. */
  threadMs: number;
  /** CPU time of the renderer process, all threads, ms. */
  processMs: number;
  result: CompareBenchRun;
}

/** Runs the workload `runs` times in Chromium after a warm-up; each run's figures in order. */
export async function runCompareInBrowser(runs: number): Promise<BrowserCompareRun[] | null> {
  if (!existsSync(CHROMIUM)) return null;
  const outDir = path.join(os.tmpdir(), `kafe-compare-${process.pid}`);
  await buildForProduction({
    configFile: false,
    build: { outDir, emptyOutDir: true, lib: { entry: path.resolve(import.meta.dirname, 'compareBrowserEntry.ts'), formats: ['iife'], name: 'kafeCompareBench', fileName: () => 'compare.js' } },
  });
  const script = await readFile(path.join(outDir, 'compare.js'), 'utf8');
  await rm(outDir, { recursive: true, force: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuSeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)!.value;
      return { thread: metric('ThreadTime'), process: metric('ProcessTime') };
    };
    await page.evaluate(() => (globalThis as unknown as { kafeRunCompare: (orders: number) => unknown }).kafeRunCompare(10_000));
    const out: BrowserCompareRun[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = await cpuSeconds();
      const { wallMs, result } = await page.evaluate(() => {
        const t0 = performance.now();
        const result = (globalThis as unknown as { kafeRunCompare: () => CompareBenchRun }).kafeRunCompare();
        return { wallMs: performance.now() - t0, result };
      });
      const c1 = await cpuSeconds();
      out.push({ wallMs, threadMs: (c1.thread - c0.thread) * 1000, processMs: (c1.process - c0.process) * 1000, result });
    }
    return out;
  } finally {
    await browser.close();
  }
}
