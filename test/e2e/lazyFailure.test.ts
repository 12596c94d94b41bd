import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './harness';

/**
 * Code and text the first screen does not need arrive in lazy chunks (see firstLoadChunks.test.ts).
 * When one cannot be fetched (offline before the service worker has everything, a deploy that
 * removed an old chunk) the learner is told what failed and nothing is lost; trying again works.
 */
const app = useApp();

const LESSON_CHUNK = /\/assets\/01-cafe-gossip-[^/]*\.js$/;
const LAPTOP = { width: 1366, height: 768 };

/** A fresh page with no service worker, so every request passes through page.route. */
async function open(viewport = LAPTOP, storage: Record<string, string> = {}): Promise<Page> {
  const context = await app.browser.newContext({ viewport, serviceWorkers: 'block' });
  await context.addInitScript((items) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, storage);
  const page = await context.newPage();
  await page.goto(app.baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  return page;
}

const nodeLabels = (page: Page) => page.locator('.react-flow__node').allTextContents();

describe('a lazy chunk that cannot be loaded', () => {
  test('a lesson: a notice says so, the canvas and the course list stay, and Start works once it can load', async () => {
    const page = await open();
    await page.route(LESSON_CHUNK, (route) => route.abort());
    const panel = page.getByTestId('lesson-panel');
    const before = await nodeLabels(page);
    await panel.getByRole('button', { name: 'Start: Kafka is a digital post office' }).click();
    await page.getByTestId('notices').getByText('This lesson could not be loaded. Check your connection and try again.').waitFor();
    expect(await nodeLabels(page)).toEqual(before);
    expect(await panel.locator('[data-lesson="cafe-gossip"]').count()).toBe(1); // still the list

    await page.unroute(LESSON_CHUNK);
    await panel.getByRole('button', { name: 'Start: Kafka is a digital post office' }).click();
    await page.getByTestId('lesson').waitFor();
    expect(await page.getByTestId('lesson').getAttribute('data-lesson')).toBe('cafe-gossip');
    await page.context().close();
  });

  test('the lesson open since the last visit: the panel says so in place, with Try again and the way back', async () => {
    for (const [name, viewport] of [
      ['laptop', LAPTOP],
      ['phone', { width: 390, height: 844 }],
      ['wide', { width: 1920, height: 1080 }],
    ] as const) {
      const page = await open(viewport, { 'kafe.lessons.progress': JSON.stringify({ version: 1, current: 'cafe-gossip', open: true, lessons: {} }) });
      await page.getByTestId('lesson').waitFor();
      await page.route(LESSON_CHUNK, (route) => route.abort());
      await page.reload();
      const opening = page.getByTestId('lesson-opening');
      await opening.getByRole('alert').getByText('This lesson could not be loaded. Check your connection and try again.').waitFor();
      expect(await opening.getByRole('heading', { level: 2 }).textContent()).toBe('Kafka is a digital post office');
      expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(0);
      await screenshot(page, `lazy-lesson-failed-${name}`);

      await page.unroute(LESSON_CHUNK);
      await opening.getByRole('button', { name: 'Try again' }).click();
      await page.getByTestId('lesson').waitFor();
      await page.context().close();
    }
  });

  /** A fresh page whose course panel chunk answers only when released (a stalled connection until then). */
  async function stalledCourse(storage?: Record<string, string>) {
    const context = await app.browser.newContext({ viewport: LAPTOP, serviceWorkers: 'block' });
    if (storage) await context.addInitScript((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), storage);
    const page = await context.newPage();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/LessonPanel-[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(app.baseUrl);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 15_000 });
    return { page, release, close: () => context.close() };
  }

  test('the course panel fetched with the first screen: a stalled chunk does not hold the canvas back', async () => {
    // A returning visitor's screen is drawn from scratch: the course's place is kept meanwhile.
    const visit = await stalledCourse({ 'kafe.lang': 'en' });
    expect(await visit.page.locator('.lesson-loading').count()).toBe(1);
    visit.release();
    await visit.page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Kafka is a digital post office' }).waitFor();
    await visit.close();
  });

  test('a first visit shows the prerendered course while its chunk is stalled, and Start works once it has arrived', async () => {
    const visit = await stalledCourse();
    const start = visit.page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Kafka is a digital post office' });
    expect(await visit.page.locator('.lesson-loading').count()).toBe(0);
    expect(await start.isVisible()).toBe(true);
    visit.release();
    // Hydrated once React has adopted the button (its fiber is on the element).
    await start.evaluate((button) => new Promise<void>((resolve) => {
      const look = () => (Object.keys(button).some((key) => key.startsWith('__reactFiber')) ? resolve() : requestAnimationFrame(look));
      look();
    }));
    await start.click();
    await visit.page.getByTestId('lesson').waitFor();
    await visit.close();
  });

  test('Thai strings at start: the app starts in English and says why', async () => {
    const context = await app.browser.newContext({ viewport: LAPTOP, serviceWorkers: 'block' });
    await context.addInitScript(() => localStorage.setItem('kafe.lang', 'th'));
    const page = await context.newPage();
    // The Thai first-paint strings are the chunk src/i18n/th/core.ts builds into (core-*.js).
    await page.route(/\/assets\/core-[^/]*\.js$/, (route) => route.abort());
    await page.goto(app.baseUrl);
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.locator('.brand__tagline').textContent()).toBe('Learn Kafka and event-driven architecture by playing');
    await page.getByTestId('notices').getByText('The Thai text could not be loaded, so Kafé is shown in English.', { exact: false }).waitFor();

    await page.unroute(/\/assets\/core-[^/]*\.js$/);
    await page.getByRole('button', { name: 'ไทย' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('th');
    expect(await page.locator('.brand__tagline').textContent()).not.toBe('Learn Kafka and event-driven architecture by playing');
    await context.close();
  });

  test('the layout code on Arrange: a notice says so and nothing moves', async () => {
    const page = await open();
    await page.route(/\/assets\/layout-[^/]*\.js$/, (route) => route.abort());
    const positions = () => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform));
    const before = await positions();
    await page.getByRole('button', { name: 'Arrange', exact: true }).click();
    await page.getByTestId('notices').getByText('The canvas could not be arranged', { exact: false }).waitFor();
    expect(await positions()).toEqual(before);
    await page.context().close();
  });
});
