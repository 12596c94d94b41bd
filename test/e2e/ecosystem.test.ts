import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';

/**
 * Links into the course, embeds, the CLI view and offline use (issue 13): a teacher's deep link
 * opens a lesson step in English and in Thai without losing the visitor's canvas; an embed in
 * another page's iframe never touches the visitor's storage, stays within its locked steps and
 * opens the full app; the inspector prints what Kafka's tools would; after one visit the app
 * reloads with the network off.
 */
const app = useApp();

const LESSON = 'consumer-groups-scaling';
const lesson = (page: Page | Frame) => page.getByTestId('lesson');
const toast = (page: Page) => page.locator('.toast');

/** Gives the visitor a canvas of their own (an extra topic on the template) and waits for the autosave. */
async function ownCanvas(page: Page): Promise<string> {
  const before = await page.locator('.react-flow__node').count();
  await page.locator('button[data-kind="topic"]').focus();
  await page.keyboard.press('Enter');
  const saved = () => page.evaluate(() => (JSON.parse(localStorage.getItem('kafe.scenario') ?? '{"nodes":[]}') as { nodes: unknown[] }).nodes.length);
  await expect.poll(saved).toBe(before + 1);
  return (await page.evaluate(() => localStorage.getItem('kafe.scenario')))!;
}

/** What the learner built (nodes and arrows) in a saved scenario's JSON; the saved moment may differ. */
const canvasOf = (json: string | null) => {
  const s = JSON.parse(json ?? 'null') as { nodes: unknown[]; edges: unknown[] } | null;
  return s && { nodes: s.nodes, edges: s.edges };
};

test('a deep link opens a lesson at a step, keeps the visitor\'s own canvas aside, and tidies the address', async () => {
  const page = await app.openPage('/', { viewport: { width: 1366, height: 768 } });
  await page.getByTestId('lesson-panel').waitFor();
  await page.getByRole('button', { name: 'Lessons' }).click(); // close the course: the visitor's own canvas
  const own = await ownCanvas(page);
  const ownNodes = JSON.parse(own).nodes.length;

  await page.goto(new URL(`#lesson=${LESSON}&step=2`, app.baseUrl).href);
  await page.reload();
  await expect.poll(() => lesson(page).getAttribute('data-step')).toBe('one-too-many');
  expect(await lesson(page).getAttribute('data-lesson')).toBe(LESSON);
  expect(await page.evaluate(() => location.hash)).toBe('');
  await lesson(page).getByText('Step 2 of 3').waitFor();
  await screenshot(page, 'ecosystem-deeplink-1366');
  // The visitor's canvas is kept aside exactly as it was autosaved.
  expect(canvasOf(await page.evaluate(() => localStorage.getItem('kafe.lessons.stash')))).toEqual(canvasOf(own));

  // The lesson player copies a link to this step.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.baseUrl).origin });
  await page.getByTestId('copy-step-link').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`#lesson=${LESSON}&step=2&lang=en`, app.baseUrl).href);

  // Back to the list, then back to their own canvas: every node is there again.
  await lesson(page).getByRole('button', { name: /All lessons/ }).click();
  await page.getByRole('button', { name: 'Back to my canvas' }).click();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(ownNodes);
  expect(pageErrors(page)).toEqual([]);
});

test('a deep link in Thai, by step id, at a phone\'s width', async () => {
  const page = await app.openPage(`/#lesson=${LESSON}&step=kill-owner&lang=th`, { viewport: { width: 390, height: 844 } });
  await expect.poll(() => lesson(page).getAttribute('data-step')).toBe('kill-owner');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
  await lesson(page).getByText('Consumer group: แบ่งงานกันทำ').waitFor();
  // The language is for this visit: the visitor's saved choice is not changed.
  expect(await page.evaluate(() => localStorage.getItem('kafe.lang'))).toBeNull();
  await lesson(page).scrollIntoViewIfNeeded();
  await screenshot(page, 'ecosystem-deeplink-th-390');
  expect(pageErrors(page)).toEqual([]);
});

test('a link to a lesson or step that does not exist says so and leaves the canvas alone', async () => {
  const page = await app.openPage('/');
  await page.getByRole('button', { name: 'Lessons' }).click();
  const own = await ownCanvas(page);
  for (const [hash, key] of [
    ['#lesson=no-such-lesson&step=1', 'link.problem.unknownLesson'],
    [`#lesson=${LESSON}&step=9`, 'link.problem.unknownStep'],
    [`#lesson=${LESSON}&step=0`, 'link.problem.badStep'],
  ] as const) {
    await page.goto(new URL(hash, app.baseUrl).href);
    await page.reload();
    await expect.poll(() => toast(page).getAttribute('data-key')).toBe(key);
    expect(await toast(page).innerText()).toMatch(/canvas is unchanged/);
    expect(canvasOf(await page.evaluate(() => localStorage.getItem('kafe.scenario')))).toEqual(canvasOf(own));
    expect(await page.getByTestId('lesson').count()).toBe(0);
  }
  await screenshot(page, 'ecosystem-deeplink-unknown');
  expect(pageErrors(page)).toEqual([]);
});

/**
 * Opens a blog post holding `body`, served by this test from another port: another origin than
 * Kafé's, but the same site, so the embed's localStorage is the very one the visitor's full app
 * uses (what the embed must leave alone).
 */
let blog: Server | undefined;
let blogBody = '';
afterAll(() => new Promise<void>((done) => (blog ? blog.close(() => done()) : done())));
async function openBlogPost(page: Page, body: string): Promise<void> {
  blogBody = body;
  if (!blog) {
    blog = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Blog</title></head><body style="margin:16px;font-family:sans-serif">${blogBody}</body></html>`);
    });
    await new Promise<void>((ready) => blog!.listen(0, '127.0.0.1', ready));
  }
  const { port } = blog.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/post.html`);
}

/** Records every localStorage call in every frame, before any page script runs. */
const RECORD_STORAGE = `
  window.__storageCalls = [];
  for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      if (this === window.localStorage) window.__storageCalls.push(name + ' ' + String(args[0]));
      return original.apply(this, args);
    };
  }
`;

test('an embed in another page\'s iframe: no storage, locked steps, and "Open in Kafé" opens the full app', async () => {
  const page = await app.openPage('/');
  // The visitor already uses Kafé on this origin: their autosave must come through untouched.
  await page.getByRole('button', { name: 'Lessons' }).click();
  const own = await ownCanvas(page);
  await page.context().addInitScript(RECORD_STORAGE);

  const src = new URL(`#lesson=${LESSON}&step=2&embed=1&steps=1-2`, app.baseUrl).href;
  await page.setViewportSize({ width: 1366, height: 900 });
  await openBlogPost(
    page,
    `<h1>A blog post about consumer groups</h1><iframe id="kafe" src="${src}" title="Kafé" width="100%" height="640" style="border:1px solid #ccc"></iframe>`,
  );
  const frame = (await (await page.$('#kafe'))!.contentFrame())!;
  await expect.poll(() => lesson(frame).getAttribute('data-step').catch(() => null), { timeout: 20_000 }).toBe('one-too-many');
  await screenshot(page, 'ecosystem-embed-iframe');

  // Reduced chrome: no toolbar, tabs or charts; a small link to the full app.
  expect(await frame.locator('.toolbar').count()).toBe(0);
  expect(await frame.getByRole('tab').count()).toBe(0);
  const open = frame.getByTestId('open-in-kafe');
  expect(await open.getAttribute('target')).toBe('_blank');

  // Locked to steps 1-2 of 3: step 3 cannot be reached, and the excerpt ends at step 2.
  const dots = frame.locator('.lesson__dot button');
  expect(await dots.nth(2).isDisabled()).toBe(true);
  await frame.getByTestId('lesson-locked-end').waitFor();
  expect(await lesson(frame).getByRole('button', { name: 'Next' }).count()).toBe(0);
  expect(await lesson(frame).getByRole('button', { name: 'Finish' }).count()).toBe(0);
  await lesson(frame).getByRole('button', { name: 'Previous' }).click();
  await expect.poll(() => lesson(frame).getAttribute('data-step')).toBe('add-members');
  expect(await lesson(frame).getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

  // Play a little: the embed changes its canvas, yet never reads or writes the visitor's storage.
  await frame.locator('button[data-action="togglePlay"]').click();
  await frame.waitForTimeout(800);
  await frame.locator('button[data-action="togglePlay"]').click();
  await frame.waitForTimeout(600); // longer than the autosave's debounce
  expect(await frame.evaluate(() => (window as unknown as { __storageCalls: string[] }).__storageCalls)).toEqual([]);

  // "Open in Kafé": the full app in a new tab, at the step the embed shows, without embed or lock.
  expect(await open.getAttribute('href')).toBe(new URL(`#lesson=${LESSON}&step=1&lang=en`, app.baseUrl).href);
  const [full] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
  await expect.poll(() => full.getByTestId('lesson').getAttribute('data-step').catch(() => null), { timeout: 20_000 }).toBe('add-members');
  expect(await full.locator('.toolbar').count()).toBe(1);
  // The full app, on the visitor's own storage, kept their canvas aside before the lesson took over.
  expect(canvasOf(await full.evaluate(() => localStorage.getItem('kafe.lessons.stash')))).toEqual(canvasOf(own));
  expect(pageErrors(page)).toEqual([]);
}, 120_000);

test('an embed of a fixed scenario from a share link, at a phone\'s width', async () => {
  const page = await app.openPage('/');
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /Share/ }).click();
  await page.getByTestId('share-embed-copy').click();
  const snippet = await page.getByTestId('share-embed-code').inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]+#c=[^"]*&amp;s=[^"]+&amp;lang=en&amp;embed=1" title="Kafé: [^"]+"/);
  await screenshot(page, 'ecosystem-share-embed');

  await page.context().addInitScript(RECORD_STORAGE);
  await page.setViewportSize({ width: 390, height: 844 });
  await openBlogPost(page, snippet.replace('height="640"', 'height="800"'));
  const frame = (await (await page.$('iframe'))!.contentFrame())!;
  await frame.locator('.react-flow__node[data-id="orders"]').waitFor({ timeout: 20_000 });
  expect(await frame.getByTestId('lesson-panel').count()).toBe(0);
  await screenshot(page, 'ecosystem-embed-scenario-390');
  expect(await frame.evaluate(() => (window as unknown as { __storageCalls: string[] }).__storageCalls)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
});

test('the CLI view prints kafka-topics and kafka-consumer-groups output for the running cluster', async () => {
  const page = await app.openPage('/', { viewport: { width: 1366, height: 768 } });
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByLabel('Speed', { exact: true }).selectOption('5');
  await page.locator('button[data-action="togglePlay"]').click();
  await page.waitForTimeout(2500);
  await page.locator('button[data-action="togglePlay"]').click();

  await page.getByTestId('node-picker').selectOption('orders');
  await page.getByTestId('cli-view').locator('summary').click();
  const topic = await page.getByTestId('cli-output').first().innerText();
  expect(topic).toContain('$ kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders');
  expect(topic).toMatch(/Topic: orders\tTopicId: [A-Za-z0-9_-]{22}\tPartitionCount: 6\tReplicationFactor: 3\tConfigs: min\.insync\.replicas=2/);
  expect(topic.match(/\tTopic: orders\tPartition: \d\tLeader: \d\tReplicas: \d,\d,\d\tIsr: [\d,]+/g)).toHaveLength(6);
  await page.getByTestId('cli-view').scrollIntoViewIfNeeded();
  await screenshot(page, 'ecosystem-cli-topic');

  await page.getByTestId('node-picker').selectOption('payment');
  await page.getByTestId('cli-view').locator('summary').click();
  const outputs = page.getByTestId('cli-output');
  await expect.poll(() => outputs.count()).toBe(2);
  const offsets = await outputs.nth(0).innerText();
  expect(offsets).toMatch(/GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG\s+CONSUMER-ID\s+HOST\s+CLIENT-ID/);
  const rows = offsets.split('\n').filter((l) => l.startsWith('payment-service '));
  expect(rows).toHaveLength(6);
  for (const row of rows) {
    const [, topicName, , current, end, lag] = row.split(/\s+/);
    expect(topicName).toBe('orders');
    if (current !== '-') expect(Number(lag)).toBe(Number(end) - Number(current));
  }
  const state = await outputs.nth(1).innerText();
  expect(state).toMatch(/GROUP\s+COORDINATOR \(ID\)\s+ASSIGNMENT-STRATEGY\s+STATE\s+#MEMBERS/);
  expect(state).toMatch(/payment-service\s+localhost:\d+ {2}\(\d\)\s+cooperative-sticky\s+Stable\s+1/);
  await page.getByTestId('cli-view').scrollIntoViewIfNeeded();
  await screenshot(page, 'ecosystem-cli-group');
  expect(pageErrors(page)).toEqual([]);
});

/** Notes (in the page) when the app asked for its service worker and when a canvas node first showed. */
const NOTE_REGISTER = `
  window.__kafeTimes = { register: null, nodes: null };
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    window.__kafeTimes.register ??= performance.now();
    return register.apply(this, args);
  };
  (function look() {
    const node = document.querySelector('.react-flow__node');
    if (node && node.style.visibility !== 'hidden') window.__kafeTimes.nodes = performance.now();
    else requestAnimationFrame(look);
  })();
`;

test('after one visit, the app, a lesson and the comparison load with the network off', async () => {
  const page = await app.openPage('/', { prepare: (p) => p.addInitScript(NOTE_REGISTER) });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The offline copy is asked for once the first screen is drawn, not alongside it
  // (src/ui/common/offlineCache.ts): installing it fetches the whole build.
  const times = await page.evaluate(() => (window as unknown as { __kafeTimes: { register: number | null; nodes: number | null } }).__kafeTimes);
  expect(times.nodes).not.toBeNull();
  expect(times.register).toBeGreaterThan(times.nodes!);
  // The service worker takes control (clientsClaim) once it has precached the build.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);

  await page.context().setOffline(true);
  await page.reload();
  await page.getByTestId('lesson-panel').waitFor();
  await page.getByRole('button', { name: /Start: / }).first().click();
  await page.getByTestId('lesson').waitFor();
  await page.getByRole('tab', { name: 'Compare sync vs events' }).click();
  await page.locator('#panel-compare').waitFor();
  await page.waitForTimeout(1500);
  await screenshot(page, 'ecosystem-offline-compare');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(pageErrors(page)).toEqual([]);
}, 120_000);
