/**
 * The browser half of the benchmark, shared by (f) UI frames and (i) first load: a production
 * build of the app in a temporary folder, served by Vite's preview server, and headless Chromium.
 * `openApp` returns null when Chromium is missing (those sections are then skipped).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { build, preview, type InlineConfig } from 'vite';

export const CHROMIUM = process.env.KAFE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A script to register before any page script runs (page.addInitScript): it notes, in the page's
 * clock, the animation frame in which the canvas first shows a node (React Flow keeps a node's
 * inline style at `visibility: hidden` until it has measured it; read from the style attribute,
 * the look forces no style recalculation). Noted by the page itself: the harness's own look,
 * through a throttled page, came 100–500 ms late. Read it with nodesDrawnAt.
 */
export const NOTE_NODES_DRAWN = `
  window.__kafeNodesDrawn = null;
  (function look() {
    const node = document.querySelector('.react-flow__node');
    if (node && node.style.visibility !== 'hidden') window.__kafeNodesDrawn = performance.now();
    else requestAnimationFrame(look);
  })();
`;

/**
 * The value of a JavaScript expression in the page, read through the DevTools protocol. Not
 * page.evaluate or waitForFunction: their first use installs Playwright's utility script in the
 * page, a task of about 100 ms on a throttled page, which the first-load bench counted as one of
 * the app's long tasks.
 */
export async function pageValue<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

/** When (page clock, ms) the page with NOTE_NODES_DRAWN first showed a canvas node; waits for it
 * (looking every 100 ms, from Node: see pageValue). */
export async function nodesDrawnAt(cdp: CDPSession, timeout = 60_000): Promise<number> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const at = await pageValue<number | null>(cdp, 'window.__kafeNodesDrawn ?? null');
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`no canvas node drawn within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

export interface BenchApp {
  /** The preview server's address, e.g. "http://127.0.0.1:41234/". */
  url: string;
  browser: Browser;
  /** gzip size of the JavaScript index.html loads at start (entry + modulepreloads), bytes. */
  initialJs: number;
  /** The build's folder (with its source maps when asked for). */
  outDir: string;
  /** Closes the browser, then the server, and deletes the build. */
  close(): Promise<void>;
}

/**
 * Runs a Vite build in production mode, as learners get it: Vite keeps an existing NODE_ENV
 * (vitest and some shells set one), so it is set to production for the build and put back after.
 */
export async function buildForProduction(config: InlineConfig): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'error', mode: 'production', ...config });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds what ships (production mode), serves it and launches Chromium; null without Chromium.
 * `sourceMaps` emits 'hidden' maps: the shipped JavaScript stays byte-for-byte what is measured,
 * and a profile can still be mapped back to sources.
 */
export async function openApp(name: string, options: { sourceMaps?: boolean } = {}): Promise<BenchApp | null> {
  if (!existsSync(CHROMIUM)) return null;
  const outDir = path.join(os.tmpdir(), `kafe-${name}-${process.pid}`);
  await buildForProduction({ build: { outDir, emptyOutDir: true, sourcemap: options.sourceMaps ? 'hidden' : false } });
  const initialJs = await initialJsGzip(outDir);
  const server = await preview({ logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    initialJs,
    outDir,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** gzip size of the scripts index.html loads eagerly (entry + modulepreloads), not lazy chunks. */
export async function initialJsGzip(outDir: string): Promise<number> {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const eager = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  let total = 0;
  for (const file of eager) total += gzipSync(await readFile(path.join(outDir, file))).length;
  if (eager.length === 0) for (const f of await readdir(path.join(outDir, 'assets'))) if (f.endsWith('.js')) total += gzipSync(await readFile(path.join(outDir, 'assets', f))).length;
  return total;
}
