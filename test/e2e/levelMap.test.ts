import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';
import { addFromPalette, connect, lesson, openFromList, playUntilReached, setText } from './lessonDriver';

/**
 * The course as a level map: three parts, each closed by a challenge, each lesson's difficulty,
 * progress per part and the next lesson marked, in English and Thai, readable at 1366×768,
 * 390×844 and 1920×1080. Then part 1's challenge done by hand from its text alone.
 */
const app = useApp();

const panel = (page: Page) => page.getByTestId('lesson-panel');
const parts = (page: Page) => panel(page).locator('.level-part');

async function fresh(viewport: { width: number; height: number }): Promise<Page> {
  const page = await app.openPage('/', { viewport });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  /* On a phone the lessons are a sheet behind their tab. */
  const tab = page.locator('[data-sheet-tab="lesson"]');
  if ((await tab.count()) > 0 && (await tab.isVisible()) && (await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
  await parts(page).first().waitFor();
  return page;
}

test('three parts, each ending with its challenge; difficulty, progress and "Next up" shown; Thai words too', async () => {
  for (const [name, viewport] of [
    ['1366x768', { width: 1366, height: 768 }],
    ['390x844', { width: 390, height: 844 }],
    ['1920x1080', { width: 1920, height: 1080 }],
  ] as const) {
    const page = await fresh(viewport);
    expect(await parts(page).locator('.level-part__title').allInnerTexts()).toEqual(['Thinking in events', 'How Kafka works', 'Running it for real']);
    for (let i = 0; i < 3; i++) {
      const items = parts(page).nth(i).locator('.lesson-list__item');
      expect(await items.last().getAttribute('data-challenge')).toBe('true');
      expect(await items.last().locator('.lesson-list__number').textContent()).toContain(`Challenge ${i + 1}`);
    }
    const first = panel(page).locator('.lesson-list__item').first();
    expect(await first.getAttribute('data-next')).toBe('true');
    expect(await first.innerText()).toContain('Next up');
    expect(await first.locator('.level-difficulty').innerText()).toContain('starter');
    // Text a learner reads is at least 12 px.
    const smallest = await panel(page).evaluate((el) => Math.min(...[...el.querySelectorAll<HTMLElement>('.level-part__title, .lesson-list__title, .level-difficulty, .level-part__progress')].map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `test/e2e/__screenshots__/level-map-${name}.png` });
    await parts(page).first().locator('[data-challenge="true"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test/e2e/__screenshots__/level-map-${name}-challenge.png` });
    expect(pageErrors(page)).toEqual([]);
  }

  // Progress: lesson 1 finished → part 1 counts it and lesson 2 is next up; in Thai the map speaks Thai.
  const page = await fresh({ width: 1366, height: 768 });
  await page.evaluate(() =>
    localStorage.setItem('kafe.lessons.progress', JSON.stringify({ version: 1, current: null, open: true, lessons: { 'cafe-gossip': { step: 0, done: ['overhear', 'start-listening', 'read-the-notebook', 'split-the-work'], predictions: {}, completed: true } } })),
  );
  await page.reload();
  await parts(page).first().waitFor();
  expect(await parts(page).first().locator('.level-part__progress').innerText()).toContain('1 of 8 done');
  expect(await panel(page).locator('[data-next="true"]').getAttribute('data-lesson')).toBe('events-and-eda');
  await page.getByRole('button', { name: 'ไทย' }).click();
  await expect.poll(() => parts(page).locator('.level-part__title').allInnerTexts()).toEqual(['คิดแบบ event', 'Kafka ทำงานอย่างไร', 'ใช้งานจริง']);
  expect(await parts(page).first().locator('.level-part__progress').innerText()).toContain('เสร็จแล้ว 1 จาก 8');
  await screenshot(page, 'level-map-th-1366');
  expect(pageErrors(page)).toEqual([]);
});

test('challenge 1 by hand: a loyalty service and an analytics group added without touching the shop', async () => {
  const page = await fresh({ width: 1366, height: 768 });
  await openFromList(page, 'Two new features, no one else touched');
  expect(await lesson(page).locator('.lesson__kicker').innerText()).toMatch(/challenge 1/i);
  await lesson(page).locator('.lesson__challenge-note').waitFor();
  expect(await page.getByTestId('lesson-checklist').locator('li').count()).toBe(4);

  await addFromPalette(page, 'topic', 'topic-1');
  await setText(page, 'Topic name', 'points');
  await addFromPalette(page, 'service', 'service-1');
  await setText(page, 'Label', 'Loyalty');
  await setText(page, 'Emits event type', 'PointsAwarded');
  await connect(page, 'payments', 'service-1');
  await connect(page, 'service-1', 'topic-1');
  await addFromPalette(page, 'consumer', 'consumer-1');
  await setText(page, 'Consumer group', 'analytics');
  await connect(page, 'orders', 'consumer-1');
  await playUntilReached(page, 90_000);
  await screenshot(page, 'challenge-1-by-hand');
  expect(pageErrors(page)).toEqual([]);
}, 240_000);
