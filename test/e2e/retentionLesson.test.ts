import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';
import { inspector, lesson, flowNode, openStepLink, playButton, reached, select, setText, showInspector } from './lessonDriver';

/**
 * Lesson 15 by hand, as its text says: the topic shows Kafka's 7-day retention, the learner
 * shortens it and watches whole segments go; later a tombstone typed in the inspector deletes a
 * key from a compacted topic.
 */
const app = useApp();
const JOURNEY_MS = 240_000;


const openStep = (step: string): Promise<Page> => openStepLink((url) => app.openPage(url), 'retention-compaction', step);

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
