import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { dragConnect, pageErrors, screenshot, useApp } from './harness';

/**
 * Lesson 13's tuned services done by hand, as their text says: a Fraud check whose rule flags only
 * payments above 1 000, and an Anomaly detector tuned from "any hot reading" to "3 hot readings
 * of one scooter within 1 s". The inspector's counters show what the rule let through and what
 * it filtered out.
 */
const app = useApp();
const JOURNEY_MS = 240_000;

const lesson = (page: Page) => page.getByTestId('lesson');
const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const reached = (page: Page) => lesson(page).getAttribute('data-reached');
const playButton = (page: Page) => page.locator('button[data-action="togglePlay"]');
const inspector = (page: Page) => page.getByTestId('inspector');
const counter = (page: Page, name: string) => inspector(page).locator(`[data-counter="${name}"] dd`);
const counterValue = async (page: Page, name: string) => Number((await counter(page, name).innerText()).replace(/[^0-9]/g, ''));

async function openStep(step: string): Promise<Page> {
  const page = await app.openPage(`/#lesson=use-cases&step=${step}&lang=en`);
  await lesson(page).waitFor();
  await expect.poll(() => lesson(page).getAttribute('data-step')).toBe(step);
  expect(await reached(page)).toBe('false');
  await page.getByLabel('Speed', { exact: true }).selectOption('5');
  return page;
}

async function playUntilReached(page: Page): Promise<void> {
  await playButton(page).click();
  await expect.poll(() => reached(page), { timeout: 90_000 }).toBe('true');
  await playButton(page).click();
}

async function addFromPalette(page: Page, kind: 'consumer' | 'service' | 'topic', id: string): Promise<void> {
  await page.locator(`button[data-kind="${kind}"]`).focus();
  await page.keyboard.press('Enter');
  await flowNode(page, id).waitFor();
}

async function setText(page: Page, label: string, value: string): Promise<void> {
  const field = inspector(page).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

async function connect(page: Page, from: string, to: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count();
  await dragConnect(page, flowNode(page, from).locator('.react-flow__handle.source'), flowNode(page, to).locator('.react-flow__handle.target'));
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
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

test('lesson 13 by hand: a Fraud check with the rule "amount above 1000" flags only the suspicious payments', async () => {
  const page = await openStep('fraud-detection');

  await addFromPalette(page, 'topic', 'topic-1');
  await setText(page, 'Topic name', 'risk-events');
  await addFromPalette(page, 'service', 'service-1');
  await setText(page, 'Label', 'Fraud check');
  await setText(page, 'Emits event type', 'PaymentFlagged');
  // The threshold field appears only once the rule names a field.
  expect(await inspector(page).getByLabel('is above', { exact: true }).count()).toBe(0);
  await setText(page, 'Rule: react only when field', 'amount');
  await setText(page, 'is above', '1000');
  await connect(page, 'payments', 'service-1');
  await connect(page, 'service-1', 'topic-1');
  await addFromPalette(page, 'consumer', 'consumer-1');
  await setText(page, 'Label', 'Audit trail');
  await setText(page, 'Consumer group', 'audit');
  await connect(page, 'payments', 'consumer-1');
  await playUntilReached(page);

  // The counters the lesson names: most payments filtered out, a few passed on, none dropped.
  await select(page, 'service-1');
  await counter(page, 'filtered').waitFor();
  const processed = await counterValue(page, 'processed');
  const emitted = await counterValue(page, 'emitted');
  expect(emitted).toBeGreaterThanOrEqual(3);
  expect(await counterValue(page, 'filtered')).toBe(processed - emitted);
  expect(emitted).toBeLessThan(processed / 5);
  expect(await counterValue(page, 'dropped')).toBe(0);
  expect(await counterValue(page, 'duplicatesSkipped')).toBe(0);
  for (const [name, viewport] of [
    ['1366x768', { width: 1366, height: 768 }],
    ['390x844', { width: 390, height: 844 }],
    ['1920x1080', { width: 1920, height: 1080 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await showInspector(page);
    // Scrolled by script: the counters change every frame, so the locator never sees them "stable".
    await inspector(page).getByTestId('service-counters').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, `service-rule-counters-${name}`);
  }
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 13 by hand: counting 3 hot readings per scooter within 1 s raises only real anomalies', async () => {
  const page = await openStep('iot-real-anomalies');
  await select(page, 'anomaly-detector');
  expect(await inspector(page).getByLabel('Within', { exact: true }).count()).toBe(0);
  await setText(page, 'Matches needed per key', '3');
  await setText(page, 'Within', '1');
  await playUntilReached(page);
  await select(page, 'anomaly-detector');
  expect(await counterValue(page, 'emitted')).toBeGreaterThan(0);
  expect(await counterValue(page, 'filtered')).toBeGreaterThan(await counterValue(page, 'emitted'));
  await screenshot(page, 'service-rule-window');
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);
