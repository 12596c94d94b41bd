import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';
import { flowNode, inspector, lesson, openStepLink, playUntilReached, reached, screenshotsAtSizes, select, showInspector } from './lessonDriver';

/**
 * Lesson 19 by hand, as its text says, in headless Chromium, which also proves that avsc (the
 * schema judge, a lazy chunk with the browser's `buffer`) loads and answers in a browser: a field
 * with a default becomes version 2 of orders-value; one without a default is refused with avsc's
 * reason; under NONE Billing on the newest reader schema dead-letters the kiosk's old orders;
 * defaults and BACKWARD fix it.
 */
const app = useApp();
const JOURNEY_MS = 240_000;
const openStep = (step: string): Promise<Page> => openStepLink((url) => app.openPage(url), 'schema-evolution', step);

const registry = (page: Page) => inspector(page).getByTestId('schema-registry');
const counter = (page: Page, name: string) => inspector(page).getByTestId('service-counters').locator(`[data-counter="${name}"] dd`);

/** Schema editor → add a field, as a learner fills the little form. */
async function addField(page: Page, name: string, type: string, withDefault: boolean): Promise<void> {
  const form = inspector(page).getByTestId('schema-add');
  await form.getByLabel('Field name', { exact: true }).fill(name);
  await form.getByLabel('Type', { exact: true }).selectOption(type);
  await form.getByLabel('with a default', { exact: true }).setChecked(withDefault);
  await form.getByRole('button', { name: 'Add field' }).click();
  await inspector(page).locator(`[data-schema-field="${name}"]`).waitFor();
}

const scrollTo = (page: Page, testId: string) => async () => {
  await showInspector(page);
  await inspector(page).getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'center' }));
};

test('lesson 19 by hand: a field with a default is registered as version 2; one without is refused with avsc\'s reason', async () => {
  const page = await openStep('with-default');
  await select(page, 'shop');
  await addField(page, 'coupon', 'string', true);
  // The schema editor on a wide screen, as the learner just used it.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await inspector(page).getByTestId('schema-editor').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'schema-editor-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  await playUntilReached(page);
  await select(page, 'orders');
  await expect.poll(() => registry(page).locator('[data-version]').count()).toBe(2);
  expect(await registry(page).locator('[data-version="2"]').textContent()).toContain('registered by Web shop at start');
  expect(await registry(page).locator('[data-version="2"]').textContent()).toContain('coupon: string = ""');
  await screenshotsAtSizes(page, 'schema-registry', scrollTo(page, 'schema-registry'));

  const next = await openStep('without-default');
  await select(next, 'shop');
  await addField(next, 'giftWrap', 'boolean', false);
  // The goal needs no time: the registry answers when the setup is built.
  await expect.poll(() => reached(next)).toBe('true');
  await select(next, 'orders');
  const refusal = registry(next).locator('[data-refused="shop"]');
  expect(await refusal.textContent()).toContain("Web shop's schema (BACKWARD, checked against version 2)");
  expect(await refusal.textContent()).toContain('no matching field for default-less Order.giftWrap');
  expect(await flowNode(next, 'shop').textContent()).toBeTruthy();
  await screenshotsAtSizes(next, 'schema-refused', scrollTo(next, 'schema-registry'));
  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(next)).toEqual([]);
}, JOURNEY_MS);

test('lesson 19 by hand: under NONE, Billing on the newest schema sends the kiosk\'s orders to the DLT; defaults and BACKWARD fix it', async () => {
  const page = await openStep('none');
  await select(page, 'orders');
  await registry(page).getByLabel('Compatibility', { exact: true }).selectOption('NONE');
  await expect.poll(() => registry(page).locator('[data-version]').count()).toBe(3);
  await select(page, 'billing');
  await inspector(page).getByTestId('reader-schema').getByLabel('Reader schema', { exact: true }).selectOption({ label: 'orders-value version 3' });
  await playUntilReached(page);
  await select(page, 'billing');
  expect(Number(await counter(page, 'undeserialisable').textContent())).toBeGreaterThanOrEqual(5);
  await screenshotsAtSizes(page, 'schema-dead-letters', scrollTo(page, 'service-counters'));

  const fix = await openStep('fix');
  // The goal's checklist: compatibility, the shop's schema accepted, nothing undeserialisable, invoices.
  expect(await lesson(fix).getByTestId('lesson-checklist').locator('li').count()).toBe(4);
  await select(fix, 'shop');
  await inspector(fix).locator('[data-schema-field="giftWrap"]').getByLabel('with a default').check();
  await select(fix, 'orders');
  const newest = await registry(fix).locator('[data-version]').count();
  await select(fix, 'billing');
  await inspector(fix).getByTestId('reader-schema').getByLabel('Reader schema', { exact: true }).selectOption({ label: `orders-value version ${newest}` });
  await select(fix, 'orders');
  await registry(fix).getByLabel('Compatibility', { exact: true }).selectOption('BACKWARD');
  await playUntilReached(fix);
  await select(fix, 'billing');
  expect(await counter(fix, 'undeserialisable').textContent()).toBe('0');
  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(fix)).toEqual([]);
}, JOURNEY_MS);
