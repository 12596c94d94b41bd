/**
 * Shared harness for browser journeys: a production build of Kafé served by Vite's preview
 * server, driven by Debian's Chromium through playwright-core.
 *
 * Usage, at the top level of a test file:
 *
 *   const app = useApp();
 *   test('...', async () => {
 *     const page = await app.openPage();
 *     ...
 *     expect(pageErrors(page)).toEqual([]);
 *   });
 *
 * `useApp()` registers beforeAll/afterAll hooks: the build happens at most once per source state
 * (see `ensureBuilt`), and each test file gets its own preview server and browser, both closed in
 * afterAll so Vitest can exit.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test/e2e/__screenshots__');

/** Where builds for the browser tests live: under node_modules so they are never committed. */
const BUILD_CACHE = path.join(ROOT, 'node_modules/.cache/kafe-e2e');

/** Everything that can change the built app. The build is reused while these are unchanged. */
// scripts/lesson-index.ts runs in the build (vite.config.ts), with scripts/lessonFiles.ts.
const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'src', 'public', 'lessons', 'scripts'];

const CHROMIUM_PATH = process.env.KAFE_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

export interface AppHarness {
  /** e.g. "http://127.0.0.1:41234/"; valid once beforeAll has run. */
  readonly baseUrl: string;
  readonly browser: Browser;
  /**
   * Opens `urlPath` (relative to the app root) in a fresh browser context, so localStorage and
   * cookies never leak between pages. Every uncaught page error, console error and crash is
   * recorded; read them with `pageErrors(page)`. `prepare` runs before the page loads (init
   * scripts, routes). It returns once the page has loaded, or with `waitUntil: 'commit'` as soon
   * as it has begun to (for a page whose scripts a route holds back: it does not load until then).
   */
  openPage(urlPath?: string, options?: { viewport?: { width: number; height: number }; prepare?: (page: Page) => Promise<unknown>; waitUntil?: 'load' | 'commit' }): Promise<Page>;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Uncaught exceptions, console errors and crashes seen on `page` so far, as readable lines. */
export function pageErrors(page: Page): string[] {
  return [...(errorsByPage.get(page) ?? [])];
}

/** Saves a full-page PNG to test/e2e/__screenshots__/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until the canvas has fitted the loaded scenario's view (ReadableFit marks the canvas
 * `data-view="fitted"`). Before that the canvas shows the view it opened at (an estimate of the
 * fit, or zoom 1 without one) for a frame or two, and the fit then undoes any zoom or pan made
 * meanwhile.
 */
export async function viewFitted(page: Page): Promise<void> {
  await page.locator('.react-flow[data-view="fitted"]').waitFor({ state: 'attached' });
}

/** Drags a connection from one canvas handle to another with real pointer moves. */
export async function dragConnect(page: Page, from: Locator, to: Locator): Promise<void> {
  // A learner grabs a handle once the view has come to rest: a step's focus or a fit glides the
  // view for 300 ms, and a drag begun mid-glide misses the handle it aimed at.
  await panToShow(page, await restingBox(page, from), await restingBox(page, to));
  const a = await restingBox(page, from);
  const b = await restingBox(page, to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * When either box lies outside the canvas pane, drags an empty spot of the pane (as a learner
 * pans) so that their midpoint comes to the pane's centre. The canvas opens at a readable zoom,
 * so two nodes far apart in the flow are not always on screen together.
 */
export async function panToShow(page: Page, a: Box, b: Box): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const inside = (box: Box) => box.x >= pane.x + 20 && box.x + box.width <= pane.x + pane.width - 20 && box.y >= pane.y + 20 && box.y + box.height <= pane.y + pane.height - 20;
  if (inside(a) && inside(b)) return;
  const dx = pane.x + pane.width / 2 - (a.x + a.width / 2 + b.x + b.width / 2) / 2;
  const dy = pane.y + pane.height / 2 - (a.y + a.height / 2 + b.y + b.height / 2) / 2;
  // An empty spot of the pane (no node, edge or panel over it) to grab.
  const spot = await page.evaluate((p) => {
    for (let y = p.y + 30; y < p.y + p.height - 30; y += 20) {
      for (let x = p.x + 30; x < p.x + p.width - 30; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  }, pane);
  if (!spot) throw new Error('no empty spot of the canvas to pan by');
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  await page.mouse.move(spot.x + dx, spot.y + dy, { steps: 10 });
  await page.mouse.up();
}

/** `locator`'s bounding box once it has stayed put for two consecutive checks 100 ms apart. */
export async function restingBox(page: Page, locator: Locator): Promise<Box> {
  const same = (p: { x: number; y: number } | null, q: { x: number; y: number } | null) => !!p && !!q && Math.abs(p.x - q.x) < 0.5 && Math.abs(p.y - q.y) < 0.5;
  let last = await locator.boundingBox();
  for (let tries = 0; tries < 50; tries++) {
    await page.waitForTimeout(100);
    const now = await locator.boundingBox();
    if (same(last, now)) return now!;
    last = now;
  }
  throw new Error('a handle never came to rest (the view kept moving for 5 s)');
}

/** Registers hooks that build, serve and open the app for the tests in the calling file. */
export function useApp(): AppHarness {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let baseUrl: string | undefined;
  const contexts = new Set<BrowserContext>();

  beforeAll(async () => {
    const outDir = await ensureBuilt();
    server = await serve(outDir);
    baseUrl = serverUrl(server);
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Browser first, so no keep-alive connection holds the server open; then the server.
    for (const context of contexts) await context.close().catch(() => {});
    contexts.clear();
    await browser?.close().catch(() => {});
    await server?.close();
    browser = undefined;
    server = undefined;
  });

  return {
    get baseUrl() {
      if (!baseUrl) throw new Error('useApp(): the app is not running yet (use it inside a test)');
      return baseUrl;
    },
    get browser() {
      if (!browser) throw new Error('useApp(): the browser is not running yet (use it inside a test)');
      return browser;
    },
    async openPage(urlPath = '/', options = {}) {
      if (!browser || !baseUrl) throw new Error('useApp(): openPage called before beforeAll finished');
      const context = await browser.newContext({ viewport: options.viewport ?? DEFAULT_VIEWPORT });
      contexts.add(context);
      const page = await context.newPage();
      recordErrors(page);
      await options.prepare?.(page);
      await page.goto(new URL(urlPath.replace(/^\//, ''), baseUrl).href, { waitUntil: options.waitUntil ?? 'load' });
      return page;
    },
  };
}

function recordErrors(page: Page): void {
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('crash', () => errors.push('crash: the page crashed'));
}

/**
 * Builds the app with Vite's JS API into node_modules/.cache/kafe-e2e/<hash of inputs>, unless a
 * complete build for exactly these inputs already exists (from an earlier file in this run, or an
 * earlier run). Builds go to a temporary folder first and are renamed into place, so a run that
 * is interrupted, or a second run in parallel, never sees half a build. KAFE_E2E_REBUILD=1 forces
 * a fresh build.
 */
export async function ensureBuilt(): Promise<string> {
  const hash = await hashInputs();
  const outDir = path.join(BUILD_CACHE, hash);
  if (process.env.KAFE_E2E_REBUILD !== '1' && existsSync(path.join(outDir, 'index.html'))) return outDir;

  const tmpDir = path.join(BUILD_CACHE, `tmp-${hash}-${process.pid}-${Date.now()}`);
  // Vitest sets NODE_ENV=test, and Vite keeps an existing NODE_ENV, which would build React in
  // development mode (slow, and not what learners get). Build exactly what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: path.join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      // The manifest (.vite/manifest.json) lets test/e2e/firstLoadChunks.test.ts read the chunk layout.
      build: { outDir: tmpDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await rm(outDir, { recursive: true, force: true });
  try {
    await rename(tmpDir, outDir);
  } catch (error) {
    // Another run finished the same build first; theirs is identical, so use it.
    if (!existsSync(path.join(outDir, 'index.html'))) throw error;
    await rm(tmpDir, { recursive: true, force: true });
  }
  await pruneOldBuilds(hash);
  return outDir;
}

async function hashInputs(): Promise<string> {
  const hash = createHash('sha256').update('production-build-v3\0');
  for (const input of BUILD_INPUTS) {
    for (const file of await listFiles(path.join(ROOT, input))) {
      hash.update(path.relative(ROOT, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [target];
  const entries = await readdir(target, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((entry) => listFiles(path.join(target, entry.name))),
  );
  return nested.flat();
}

/** Removes builds for other inputs once they are an hour old (a parallel run may still use newer ones). */
async function pruneOldBuilds(keep: string): Promise<void> {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of await readdir(BUILD_CACHE).catch(() => [] as string[])) {
    if (name === keep) continue;
    const dir = path.join(BUILD_CACHE, name);
    const info = await stat(dir).catch(() => undefined);
    if (info && info.mtimeMs < hourAgo) await rm(dir, { recursive: true, force: true });
  }
}

async function serve(outDir: string): Promise<PreviewServer> {
  return preview({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
}

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}/`;
}

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium ` +
        '(sudo apt-get install -y chromium fonts-thai-tlwg) or set KAFE_CHROMIUM to its path.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
