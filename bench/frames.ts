/**
 * UI frame-time benchmark (part of `npm run bench`; skipped when Chromium is missing).
 *
 * Builds the app, serves it with Vite's preview server, seeds a 40-node canvas (the OrderPlaced
 * fan-out widened to 17 services, each with its own output topic) whose producer keeps about 500
 * messages animating at once (plus a dashboard consumer group), and records requestAnimationFrame intervals in headless Chromium
 * for a window with the simulation PAUSED (the baseline: same DOM, same canvas) and then
 * RUNNING. Reports p50/p95 frame times and the ratio running/paused (target p95 ≤ 1.3×).
 * Also reports the gzip size of the JavaScript the page loads at start (target ≤ 250 kB).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { autoLayout, scenarioToJson, TEMPLATES, type Scenario, type ScenarioNode } from '../src/scenario';

const CHROMIUM = process.env.KAFE_CHROMIUM ?? '/usr/bin/chromium';
const SERVICES = 17;
const RATE = 40; // orders/s; × (1 + SERVICES) hops × ~0.7 s per animated dot ≈ 500 in flight

/** OrderPlaced fan-out widened to 40 nodes: 3 brokers, producer, orders, 17 × (service + topic), a dashboard group. */
export function fortyNodeScenario(): Scenario {
  const base = TEMPLATES.orderFanOut.build();
  const keep = base.nodes.filter((n) => n.kind === 'broker' || n.kind === 'producer' || (n.kind === 'topic' && n.props.name === 'orders'));
  const producer = keep.find((n) => n.kind === 'producer')! as Extract<ScenarioNode, { kind: 'producer' }>;
  producer.props = { ...producer.props, ratePerSec: RATE };
  const orders = keep.find((n) => n.kind === 'topic')!;
  const nodes: ScenarioNode[] = [...keep];
  const edges = [{ id: 'e-producer', source: producer.id, target: orders.id }];
  for (let i = 0; i < SERVICES; i++) {
    nodes.push({
      id: `svc-${i}`,
      kind: 'service',
      label: `Service ${i + 1}`,
      position: { x: 0, y: 0 },
      props: { group: `service-${i + 1}`, instances: 1, processingMs: 5, failureRate: 0, maxAttempts: 1, idempotent: false, assignor: 'cooperative-sticky', autoOffsetReset: 'latest', emits: `Handled${i + 1}`, retryTopic: null, deadLetterTopic: null, ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000 },
    });
    nodes.push({
      id: `out-${i}`,
      kind: 'topic',
      label: `out-${i}`,
      position: { x: 0, y: 0 },
      props: { name: `out-${i}`, partitions: 3, replicationFactor: 3, minInsyncReplicas: 2, retentionMs: null, cleanupPolicy: 'delete', retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 },
    });
    edges.push({ id: `e-in-${i}`, source: orders.id, target: `svc-${i}` }, { id: `e-out-${i}`, source: `svc-${i}`, target: `out-${i}` });
  }
  nodes.push({
    id: 'dashboard',
    kind: 'consumer',
    label: 'Dashboard',
    position: { x: 0, y: 0 },
    props: { group: 'dashboard', instances: 2, processingMs: 0, assignor: 'range', autoOffsetReset: 'latest', commitMode: 'auto' },
  });
  edges.push({ id: 'e-dashboard', source: orders.id, target: 'dashboard' });
  return { ...base, name: '40-node benchmark', nodes: autoLayout(nodes, edges), edges, timeline: [], time: 0 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export async function runFrameBench(opts: { seconds: number }): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`(f) UI frames: skipped, no Chromium at ${CHROMIUM}`];
  const outDir = path.join(os.tmpdir(), `kafe-bench-${process.pid}`);
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const initialJs = await initialJsGzip(outDir);
  const server = await preview({ logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const forty = fortyNodeScenario();
    const scenario = scenarioToJson(forty);
    await context.addInitScript((json) => {
      if (!sessionStorage.getItem('kafe.bench.seeded')) {
        localStorage.setItem('kafe.scenario', json);
        sessionStorage.setItem('kafe.bench.seeded', '1');
      }
    }, scenario);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.react-flow__node').nth(forty.nodes.length - 1).waitFor({ timeout: 30_000 });
    // Passed as source text: tsx's keepNames would wrap a function literal in a helper the page lacks.
    const record = (ms: number) =>
      page.evaluate<number[]>(`new Promise((resolve) => {
        const gaps = [];
        let last = performance.now();
        const end = last + ${ms};
        const tick = (t) => {
          gaps.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(gaps.slice(1));
        };
        requestAnimationFrame(tick);
      })`);
    const paused = await record(opts.seconds * 1000);
    await page.locator('[data-action="togglePlay"]').click();
    await page.waitForTimeout(1500); // let the pipeline fill before measuring
    const running = await record(opts.seconds * 1000);
    const inFlight = Number(await page.locator('canvas.kafe-dots').getAttribute('data-dots').catch(() => '-1'));
    const p95Ratio = pct(running, 95) / pct(paused, 95);
    return [
      `(f) UI FRAMES — 40-node canvas in headless Chromium, ${opts.seconds} s each; target p95 running ≤ 1.3× paused; initial JS ≤ 250 kB gzip`,
      `    paused : ${paused.length} frames, p50 ${pct(paused, 50).toFixed(1)} ms, p95 ${pct(paused, 95).toFixed(1)} ms`,
      `    running: ${running.length} frames, p50 ${pct(running, 50).toFixed(1)} ms, p95 ${pct(running, 95).toFixed(1)} ms, message dots on screen at the end: ${inFlight}`,
      `    p95 ratio running/paused: ${p95Ratio.toFixed(2)}×  ${p95Ratio <= 1.3 ? 'PASS' : 'MISS'}`,
      `    initial JS: ${(initialJs / 1024).toFixed(1)} kB gzip  ${initialJs <= 250 * 1024 ? 'PASS' : 'MISS'}`,
    ];
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await rm(outDir, { recursive: true, force: true });
  }
}

/** gzip size of the scripts index.html loads eagerly (entry + modulepreloads), not lazy chunks. */
async function initialJsGzip(outDir: string): Promise<number> {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const eager = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  let total = 0;
  for (const file of eager) total += gzipSync(await readFile(path.join(outDir, file))).length;
  if (eager.length === 0) for (const f of await readdir(path.join(outDir, 'assets'))) if (f.endsWith('.js')) total += gzipSync(await readFile(path.join(outDir, 'assets', f))).length;
  return total;
}
