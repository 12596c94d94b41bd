import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { dragConnect, pageErrors, screenshot, useApp } from './harness';

/**
 * The guided-lesson journey: a first-time learner opens lesson 1 (the café), solves steps by
 * hand and with "Show me", sees goals complete on the live simulation, reloads and finds their
 * progress, and switches to Thai.
 */
const app = useApp();

const lesson = (page: Page) => page.getByTestId('lesson');
const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const reached = (page: Page) => lesson(page).getAttribute('data-reached');
const playButton = (page: Page) => page.locator('button[data-action="togglePlay"]');


test('a learner follows the café lesson: goals complete on the live engine, progress survives a reload, and the lesson reads in Thai', async () => {
  const page = await app.openPage('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  // First visit: the course is open beside the canvas.
  const panel = page.getByTestId('lesson-panel');
  await panel.waitFor();
  await screenshot(page, 'lessons-course-list');
  await panel.getByRole('button', { name: 'Start: Kafka is a digital post office' }).click();
  await flowNode(page, 'gossip').waitFor();
  await flowNode(page, 'nok').waitFor();
  expect(await lesson(page).getAttribute('data-step')).toBe('overhear');
  expect(await reached(page)).toBe('false');

  // Step 1 by hand: press play and let the gossip pile up in the topic.
  await page.getByLabel('Speed', { exact: true }).selectOption('5');
  await playButton(page).click();
  await expect.poll(() => reached(page), { timeout: 20_000 }).toBe('true');
  await screenshot(page, 'lessons-step1-reached');
  await playButton(page).click(); // pause
  await lesson(page).getByRole('button', { name: 'Next' }).click();
  expect(await lesson(page).getAttribute('data-step')).toBe('start-listening');

  // Step 2: predict first, then subscribe a consumer that starts from "latest", by hand.
  const predict = page.getByTestId('predict');
  await predict.getByLabel('Only what they say from now on').check();
  await predict.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.locator('button[data-kind="consumer"]').focus();
  await page.keyboard.press('Enter');
  await flowNode(page, 'consumer-1').waitFor();
  await page.getByLabel('auto.offset.reset').selectOption('latest');
  await dragConnect(page, flowNode(page, 'gossip').locator('.react-flow__handle.source'), flowNode(page, 'consumer-1').locator('.react-flow__handle.target'));
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
  // The simulation kept its clock: the consumer joined mid-conversation.
  expect(Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(4000);
  await expect.poll(() => page.getByTestId('joined-late').innerText()).toMatch(/joins at \d+\.\d s/);
  await playButton(page).click();
  await expect.poll(() => reached(page), { timeout: 20_000 }).toBe('true');
  await expect.poll(() => predict.innerText()).toContain('You predicted right.');
  await lesson(page).getByText('What happened').waitFor();
  await playButton(page).click();
  await screenshot(page, 'lessons-step2-reached');

  // Progress and the canvas survive a reload.
  await page.reload();
  await lesson(page).waitFor();
  expect(await lesson(page).getAttribute('data-step')).toBe('start-listening');
  expect(await reached(page)).toBe('true');
  await flowNode(page, 'consumer-1').waitFor();

  // Step 3 with "Show me": the reference solution plays on the canvas.
  await lesson(page).getByRole('button', { name: 'Next' }).click();
  expect(await reached(page)).toBe('false');
  await page.getByTestId('lesson-show-me').click();
  // The canvas holds the learner's own step-2 work (restored from the autosave): asked first.
  await page.getByTestId('replace-dialog').getByRole('button', { name: 'Replace the canvas' }).click();
  await expect.poll(() => reached(page), { timeout: 30_000 }).toBe('true');
  await flowNode(page, 'friend').waitFor();
  await page.getByTestId('lesson-diagram').first().waitFor({ state: 'detached', timeout: 1000 }).catch(() => undefined);

  // Thai.
  await page.locator('button[data-lang="th"]').click();
  await expect.poll(() => lesson(page).innerText()).toContain('Kafka คือที่ทำการไปรษณีย์ดิจิทัล');
  await expect.poll(() => lesson(page).innerText()).toContain('ทำสำเร็จแล้ว');
  await screenshot(page, 'lessons-thai');

  expect(pageErrors(page)).toEqual([]);
  // A long journey (three goals reached on the live engine): on a busy 2-core machine it needs
  // more than the default minute.
}, 150_000);

test('the first step of the café lesson draws its diagram', async () => {
  const page = await app.openPage('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Kafka is a digital post office' }).click();
  await expect.poll(() => page.getByTestId('lesson-diagram').getAttribute('data-state'), { timeout: 20_000 }).toBe('drawn');
  await page.getByTestId('lesson-diagram').screenshot({ path: 'test/e2e/__screenshots__/lessons-diagram.png' });
  expect(pageErrors(page)).toEqual([]);
});
