import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';
import { addFromPalette, connect, inspector, lesson, flowNode, openStepLink, playButton, playUntilReached, reached, select, setText, showInspector } from './lessonDriver';

/**
 * Lesson 13's tuned services done by hand, as their text says: a Fraud check whose rule flags only
 * payments above 1 000, and an Anomaly detector tuned from "any hot reading" to "3 hot readings
 * of one scooter within 1 s". The inspector's counters show what the rule let through and what
 * it filtered out.
 */
const app = useApp();
const JOURNEY_MS = 240_000;

const counter = (page: Page, name: string) => inspector(page).locator(`[data-counter="${name}"] dd`);
const counterValue = async (page: Page, name: string) => Number((await counter(page, name).innerText()).replace(/[^0-9]/g, ''));

const openStep = (step: string): Promise<Page> => openStepLink((url) => app.openPage(url), 'use-cases', step);

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
