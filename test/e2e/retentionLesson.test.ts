import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';

/**
 * Lesson 15 by hand, as its text says: the topic shows Kafka's 7-day retention, the learner
 * shortens it and watches whole segments go; later a tombstone typed in the inspector deletes a
 * key from a compacted topic.
 */
const app = useApp();
const JOURNEY_MS = 240_000;

const lesson = (page: Page) => page.getByTestId('lesson');
const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const reached = (page: Page) => lesson(page).getAttribute('data-reached');
const playButton = (page: Page) => page.locator('button[data-action="togglePlay"]');
const inspector = (page: Page) => page.getByTestId('inspector');

async function openStep(step: string): Promise<Page> {
  const page = await app.openPage(`/#lesson=retention-compaction&step=${step}&lang=en`);
  await lesson(page).waitFor();
  await expect.poll(() => lesson(page).getAttribute('data-step')).toBe(step);
  expect(await reached(page)).toBe('false');
  await page.getByLabel('Speed', { exact: true }).selectOption('5');
  return page;
}

/** On a phone the inspector is a sheet behind its tab: open it (a learner taps "Inspector"). */
async function showInspector(page: Page): Promise<void> {
  const tab = page.locator('[data-sheet-tab="inspector"]');
  if ((await tab.count()) > 0 && (await tab.isVisible()) && (await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
}

async function select(page: Page, id: string): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  await flowNode(page, id).click();
}

async function setText(page: Page, label: string, value: string): Promise<void> {
  const field = inspector(page).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

async function play(page: Page, ms: number): Promise<void> {
  await playButton(page).click();
  await page.waitForTimeout(ms);
  await playButton(page).click();
}

test('lesson 15 by hand: the topic shows 7 days of retention; 10 s and 100-record segments delete whole segments', async () => {
  const page = await openStep('time-retention');
  await select(page, 'clicks');
  expect(await inspector(page).getByLabel('Retention (retention.ms)', { exact: true }).inputValue()).toBe('604800');
  await setText(page, 'Retention (retention.ms)', '10');
  await setText(page, 'Records per segment', '100');
  await playButton(page).click();
  await expect.poll(() => reached(page), { timeout: 90_000 }).toBe('true');
  await playButton(page).click();
  for (const [name, viewport] of [
    ['1366x768', { width: 1366, height: 768 }],
    ['390x844', { width: 390, height: 844 }],
    ['1920x1080', { width: 1920, height: 1080 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await showInspector(page);
    await inspector(page).getByLabel('Records per segment', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, `retention-topic-${name}`);
  }
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 15 by hand: a tombstone typed in the inspector deletes alice from the compacted topic', async () => {
  const page = await openStep('tombstone');
  await select(page, 'profiles');
  await setText(page, 'delete.retention.ms (tombstones)', '5');
  await select(page, 'profile-updates');
  await inspector(page).getByLabel('Key (optional)').fill('alice');
  await inspector(page).getByRole('button', { name: 'Produce one event' }).click();
  await play(page, 600);
  await inspector(page).getByLabel('Tombstone (no value)').check();
  await inspector(page).getByRole('button', { name: 'Produce one event' }).click();
  await inspector(page).getByLabel('Tombstone (no value)').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'retention-tombstone');
  await playButton(page).click();
  await expect.poll(() => reached(page), { timeout: 90_000 }).toBe('true');
  await playButton(page).click();
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);
