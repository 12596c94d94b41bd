import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';
import { addFromPalette, connect, inspector, lesson, flowNode, openFromList as open, playButton, playUntilReached, reached, setText } from './lessonDriver';

/**
 * Lessons 1-3 done the way their text says, with the palette, the inspector, arrows and Play, and
 * never "Show me": every step must be finishable by a learner who only reads it. Each step is
 * checked to start unreached and to be reached by exactly what its text asks for (the labels
 * used here are the words the lesson names).
 */
const app = useApp();
/** Each journey plays a lesson at 5x for tens of simulated seconds; a busy CI machine needs room. */
const JOURNEY_MS = 180_000;


async function nextStep(page: Page, id: string): Promise<void> {
  await lesson(page).getByRole('button', { name: 'Next' }).click();
  expect(await lesson(page).getAttribute('data-step')).toBe(id);
  expect(await reached(page)).toBe('false');
}

async function freshStart(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('lesson-panel').waitFor();
}

test('lesson 1 by hand: the palette says "Consumer group", the inspector says auto.offset.reset, and the helper joins the group `friend`', async () => {
  const page = await app.openPage('/');
  await freshStart(page);
  await open(page, 'Kafka is a digital post office');
  expect(await page.locator('button[data-kind="consumer"]').innerText()).toContain('Consumer group');

  // overhear: press Play.
  await playUntilReached(page);

  // start-listening: a Consumer group with auto.offset.reset = latest, connected to gossip.
  await nextStep(page, 'start-listening');
  await addFromPalette(page, 'consumer', 'consumer-1');
  await inspector(page).getByLabel('auto.offset.reset').selectOption({ label: 'latest (only new events)' });
  await connect(page, 'gossip', 'consumer-1');
  await playUntilReached(page);

  // read-the-notebook: keep earliest, type `friend` as its Consumer group, connect.
  await nextStep(page, 'read-the-notebook');
  await addFromPalette(page, 'consumer', 'consumer-2');
  expect(await inspector(page).getByLabel('auto.offset.reset').inputValue()).toBe('earliest');
  await setText(page, 'Consumer group', 'friend');
  await connect(page, 'gossip', 'consumer-2');
  await playUntilReached(page);

  // split-the-work: a third Consumer group node whose Consumer group is `friend`.
  await nextStep(page, 'split-the-work');
  await addFromPalette(page, 'consumer', 'consumer-3');
  await setText(page, 'Consumer group', 'friend');
  await connect(page, 'gossip', 'consumer-3');
  await playUntilReached(page);
  await screenshot(page, 'lesson1-by-hand-done');
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 2 by hand: one order from the Order Service, followed through a live checklist, then a Shipping service', async () => {
  const page = await app.openPage('/');
  await freshStart(page);
  await open(page, 'Events and event-driven architecture');

  await playUntilReached(page);

  // place-your-order: a goal of four conditions shows each one, unmet, then met.
  await nextStep(page, 'place-your-order');
  const checks = page.getByTestId('lesson-checklist').locator('li');
  await expect.poll(() => checks.count()).toBe(4);
  expect(await checks.evaluateAll((items) => items.map((li) => li.getAttribute('data-met')))).toEqual(['false', 'false', 'false', 'false']);
  expect(await checks.first().innerText()).toContain('alice');
  await flowNode(page, 'order-service').click();
  await inspector(page).getByLabel('Key (optional)').fill('alice');
  await inspector(page).getByRole('button', { name: 'Produce one event' }).click();
  await playButton(page).click();
  // The conditions turn met one by one (the order first, then what each service publishes); once
  // all hold, the step is reached and the checklist makes way for the explanation.
  const progress = async () => (await reached(page)) === 'true' || (await checks.evaluateAll((items) => items.some((li) => li.getAttribute('data-met') === 'true')));
  await expect.poll(progress, { timeout: 30_000 }).toBe(true);
  await page.getByTestId('lesson').screenshot({ path: 'test/e2e/__screenshots__/lesson2-checklist.png' });
  await expect.poll(() => reached(page), { timeout: 30_000 }).toBe('true');
  await playButton(page).click();

  // events-cause-events: Palette → Service, Label Shipping, connect payments to it.
  await nextStep(page, 'events-cause-events');
  await addFromPalette(page, 'service', 'service-1');
  await setText(page, 'Label', 'Shipping');
  await connect(page, 'payments', 'service-1');
  await playUntilReached(page);
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 3 by hand: a Fraud check replays history, a Loyalty service set to latest does not', async () => {
  const page = await app.openPage('/');
  await freshStart(page);
  await open(page, 'Loose coupling: add a service without touching the others');

  await playUntilReached(page);

  await nextStep(page, 'add-fraud-check');
  await addFromPalette(page, 'service', 'service-1');
  await setText(page, 'Label', 'Fraud check');
  await setText(page, 'Emits event type', 'OrderScreened');
  expect(await inspector(page).getByLabel('auto.offset.reset').inputValue()).toBe('earliest');
  await connect(page, 'orders', 'service-1');
  await playUntilReached(page);

  await nextStep(page, 'loyalty-from-now-on');
  await addFromPalette(page, 'service', 'service-2');
  await setText(page, 'Label', 'Loyalty');
  await setText(page, 'Emits event type', 'PointsAwarded');
  await inspector(page).getByLabel('auto.offset.reset').selectOption({ label: 'latest (only new events)' });
  await connect(page, 'orders', 'service-2');
  await playUntilReached(page);
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);
