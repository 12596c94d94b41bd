import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';
import { flowNode, inspector, lesson, openStepLink, panClearOfLesson, playUntilReached, screenshotsAtSizes, setText, showInspector } from './lessonDriver';

/**
 * Lesson 17 by hand, as its text says: Payment drops the orders whose payment fails for good
 * (they stay accepted); typed into "Failure event type", PaymentFailed takes their place; arrows
 * from payments into Order service and Stock release, each set to react only to PaymentFailed,
 * compensate exactly those orders (the goal's checklist ticks both).
 */
const app = useApp();
const JOURNEY_MS = 240_000;
const openStep = (step: string): Promise<Page> => openStepLink((url) => app.openPage(url), 'sagas', step);

const counter = (page: Page, name: string) => inspector(page).getByTestId('service-counters').locator(`[data-counter="${name}"] dd`);

async function select(page: Page, id: string): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  await panClearOfLesson(page, [id]);
  await flowNode(page, id).click();
}

/**
 * Draws an arrow from a service to a topic, as a learner does: with both clear of the lesson
 * panel, straight onto it; a topic far to its left by dragging from the service's handle to the
 * canvas's left edge, where the canvas scrolls along (React Flow's autoPanOnConnect), until the
 * topic comes into view, then dropping on it.
 */
async function connect(page: Page, from: string, to: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count();
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  await panClearOfLesson(page, [from, to]);
  await page.waitForTimeout(300);
  const source = (await flowNode(page, from).locator('.react-flow__handle.source').boundingBox())!;
  const target = flowNode(page, to).locator('.react-flow__handle.target');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const panelLeft = (await page.locator('.workbench__side').boundingBox())?.x ?? pane.x + pane.width;
  const visible = async () => {
    const b = await target.boundingBox();
    return b !== null && b.x > pane.x + 60 && b.x < Math.min(pane.x + pane.width, panelLeft) - 40;
  };
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  if (!(await visible())) {
    const y = source.y + source.height / 2;
    await page.mouse.move(pane.x + 8, y, { steps: 10 });
    for (let i = 0; i < 100 && !(await visible()); i++) {
      await page.mouse.move(pane.x + 8 + (i % 2), y);
      await page.waitForTimeout(50);
    }
    // Away from the edge the scrolling stops; aim once the view is at rest.
    await page.mouse.move(pane.x + pane.width / 3, y, { steps: 4 });
    await page.waitForTimeout(400);
  }
  const b = (await target.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2 + 20, b.y + b.height / 2, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
}

const shoot = screenshotsAtSizes;

const showCounters = async (page: Page) => {
  await showInspector(page);
  await inspector(page).getByTestId('service-counters').evaluate((el) => el.scrollIntoView({ block: 'center' }));
};

test('lesson 17 by hand: a payment that fails for good is dropped; with a failure event it becomes PaymentFailed', async () => {
  const page = await openStep('accepted');
  await playUntilReached(page);
  await select(page, 'payment');
  expect(Number(await counter(page, 'dropped').textContent())).toBeGreaterThan(0);
  await shoot(page, 'sagas-dropped', () => showCounters(page));

  const next = await openStep('failure-event');
  await select(next, 'payment');
  await setText(next, 'Failure event type', 'PaymentFailed');
  await playUntilReached(next);
  await select(next, 'payment');
  expect(Number(await counter(next, 'failureEvents').textContent())).toBeGreaterThan(0);
  expect(await counter(next, 'dropped').textContent()).toBe('0');
  expect(await inspector(next).getByTestId('service-counters').textContent()).toContain('PaymentFailed events sent (failed for good)');
  await shoot(next, 'sagas-failure-event', () => showCounters(next));
  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(next)).toEqual([]);
}, JOURNEY_MS);

test('lesson 17 by hand: Order service and Stock release compensate only the failed payments (choreography)', async () => {
  const page = await openStep('choreography');
  // The goal's checklist names both compensations, unmet.
  const checks = lesson(page).getByTestId('lesson-checklist').locator('li');
  expect(await checks.count()).toBe(2);
  expect(await checks.nth(0).textContent()).toContain('got a OrderCancelled in order-status, and only those');
  expect(await checks.nth(1).getAttribute('data-met')).toBe('false');
  await connect(page, 'order-service', 'order-status');
  await connect(page, 'stock-release', 'stock');
  for (const id of ['order-service', 'stock-release']) {
    // Both are in view after the arrows: the learner clicks them where they are.
    await panClearOfLesson(page, [id]);
    await flowNode(page, id).click();
    await setText(page, 'Reacts only to event type', 'PaymentFailed');
  }
  await playUntilReached(page);
  await select(page, 'stock-release');
  expect(Number(await counter(page, 'emitted').textContent())).toBeGreaterThan(1);
  await shoot(page, 'sagas-choreography', () => showCounters(page));
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 17 opens left to right: order-status waits to the right of Order service for its arrow', async () => {
  const page = await openStep('accepted');
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  const x = async (id: string) => (await flowNode(page, id).boundingBox())!.x;
  expect(await x('shop')).toBeLessThan(await x('orders'));
  expect(await x('order-service')).toBeLessThan(await x('order-status'));
  expect(await x('shop')).toBeLessThan(await x('order-status'));
  // On a phone the lesson sheet covers the controls: the canvas keeps the fit it opened with.
  await shoot(page, 'sagas-opening', async () => {
    if ((page.viewportSize()?.width ?? 0) < 600) return;
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  await screenshot(page, 'sagas-opening-1920x1080');
  // The author's source comment at the top of the lesson is not shown.
  expect(await lesson(page).textContent()).not.toContain('<!--');
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);

test('lesson 17: the choreography step lists both compensations in its checklist, on a laptop and a phone', async () => {
  const page = await openStep('choreography');
  const checks = lesson(page).getByTestId('lesson-checklist').locator('li');
  expect(await checks.nth(1).textContent()).toContain('got a StockReleased in stock, and only those');
  await shoot(page, 'sagas-checklist', () => checks.nth(0).evaluate((el) => el.scrollIntoView({ block: 'center' })));
  expect(pageErrors(page)).toEqual([]);
}, JOURNEY_MS);
