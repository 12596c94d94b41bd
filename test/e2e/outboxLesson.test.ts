import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, SCREENSHOT_DIR, useApp } from './harness';
import { flowNode, inspector, lesson, openStepLink, playUntilReached, reached, screenshotsAtSizes, select, setText, showInspector } from './lessonDriver';

/**
 * Lesson 18 by hand, as its text says: with "Crash right after the database write" at 10 %, dual
 * write leaves orders saved but never published; switched to the outbox, the same crashes lose
 * nothing; a relay crash publishes some events again, which an idempotent Warehouse skips. The
 * labels the lesson names are on screen, in English and in Thai.
 */
const app = useApp();
const JOURNEY_MS = 240_000;
const openStep = (step: string): Promise<Page> => openStepLink((url) => app.openPage(url), 'outbox', step);

const dbCounter = (page: Page, name: string) => inspector(page).getByTestId('database-counters').locator(`[data-counter="${name}"] dd`);
const serviceCounter = (page: Page, name: string) => inspector(page).getByTestId('service-counters').locator(`[data-counter="${name}"] dd`);
const count = async (page: Page, name: string) => Number((await dbCounter(page, name).textContent())!.replace(/,/g, ''));

const showDatabase = async (page: Page) => {
  await showInspector(page);
  // On a phone the lesson's sheet can come up over it when the goal is reached: tap Inspector again.
  const tab = page.locator('[data-sheet-tab="inspector"]');
  if ((await tab.isVisible()) && !(await inspector(page).isVisible())) await tab.click();
  await inspector(page).getByTestId('database-counters').evaluate((el) => el.scrollIntoView({ block: 'center' }));
};

test('lesson 18 by hand: dual write with crashes after the commit leaves orders saved but never published; the outbox loses none', async () => {
  const page = await openStep('dual-write');
  await select(page, 'order-service');
  expect(await inspector(page).getByLabel('Database and publishing', { exact: true }).inputValue()).toBe('dualWrite');
  await setText(page, 'Crash right after the database write', '10');
  await playUntilReached(page);
  await select(page, 'order-service');
  const lost = await count(page, 'lost');
  expect(lost).toBeGreaterThan(0);
  expect(await count(page, 'rows')).toBe((await count(page, 'published')) + lost);
  expect(await inspector(page).getByTestId('database-counters').textContent()).toContain('saved but never published');
  // Zoomed out, the node's figure counts them too.
  expect(Number(await flowNode(page, 'order-service').locator('[data-lost]').first().getAttribute('data-lost'))).toBe(lost);
  expect(await flowNode(page, 'order-service').textContent()).toContain(`${lost} never published`);
  await screenshotsAtSizes(page, 'outbox-dual-write', () => showDatabase(page));
  // The node says it too, zoomed in far enough for its details: saved, published, never published.
  const stats = flowNode(page, 'order-service').getByTestId('database-stats');
  for (let i = 0; i < 10 && (await stats.count()) === 0; i++) await page.locator('.react-flow__controls-zoomin').click();
  expect(Number(await stats.getAttribute('data-lost'))).toBe(lost);
  expect(await stats.textContent()).toContain('never published');
  await flowNode(page, 'order-service').screenshot({ path: `${SCREENSHOT_DIR}/outbox-node-dual-write.png` });

  const next = await openStep('outbox');
  await select(next, 'order-service');
  await inspector(next).getByLabel('Database and publishing', { exact: true }).selectOption('outbox');
  await playUntilReached(next);
  await select(next, 'order-service');
  expect(await dbCounter(next, 'lost').count()).toBe(0);
  expect(await count(next, 'crashes')).toBeGreaterThan(1);
  expect((await count(next, 'published')) + (await count(next, 'pending'))).toBeGreaterThanOrEqual(await count(next, 'rows'));
  expect(await inspector(next).getByTestId('database-counters').textContent()).toContain('in the outbox, not sent yet');
  await screenshotsAtSizes(next, 'outbox-outbox', () => showDatabase(next));
  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(next)).toEqual([]);
}, JOURNEY_MS);

test('lesson 18 by hand: a relay crash publishes events again, and the Warehouse skips the copies once it is idempotent', async () => {
  const page = await openStep('duplicates');
  const checks = lesson(page).getByTestId('lesson-checklist').locator('li');
  expect(await checks.count()).toBe(2);
  expect(await checks.nth(0).textContent()).toContain('published again after a relay crash');
  await select(page, 'warehouse');
  await inspector(page).getByLabel('Skip duplicates (idempotent)').check();
  await playUntilReached(page);
  await select(page, 'warehouse');
  expect(Number(await serviceCounter(page, 'duplicatesSkipped').textContent())).toBeGreaterThan(0);
  await select(page, 'order-service');
  expect(await count(page, 'republished')).toBeGreaterThan(0);
  await screenshotsAtSizes(page, 'outbox-duplicates', () => showDatabase(page));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await showDatabase(page);
  await screenshot(page, 'outbox-duplicates-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 18 in Thai: the settings and counters the lesson names are on screen in Thai', async () => {
  const page = await app.openPage('/#lesson=outbox&step=dual-write&lang=th');
  await lesson(page).waitFor();
  expect(await reached(page)).toBe('false');
  await page.getByLabel('ความเร็ว', { exact: true }).selectOption('5');
  await select(page, 'order-service');
  expect(await inspector(page).getByLabel('ฐานข้อมูลและการ publish', { exact: true }).inputValue()).toBe('dualWrite');
  await setText(page, 'พังทันทีหลังเขียนฐานข้อมูล', '10');
  await playUntilReached(page);
  await select(page, 'order-service');
  const text = await inspector(page).getByTestId('database-counters').textContent();
  for (const label of ['แถวที่บันทึกแล้ว', 'อีเวนต์ที่ publish แล้ว', 'บันทึกแล้วแต่ไม่เคย publish']) expect(text).toContain(label);
  expect(await lesson(page).textContent()).toContain('บันทึกแล้วแต่ไม่เคย publish');
  await screenshotsAtSizes(page, 'outbox-thai', () => showDatabase(page));
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

