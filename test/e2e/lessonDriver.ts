/**
 * What a learner does in a lesson, for browser journeys: open it, play until its goal is reached,
 * add from the palette, type into the inspector, connect two nodes. One home for these steps, so
 * every by-hand journey drives the UI the same way a lesson's text asks.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { dragConnect, panToShow, restingBox, screenshot } from './harness';

export const lesson = (page: Page) => page.getByTestId('lesson');
export const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const reached = (page: Page) => lesson(page).getAttribute('data-reached');
export const playButton = (page: Page) => page.locator('button[data-action="togglePlay"]');
export const inspector = (page: Page) => page.getByTestId('inspector');

/** Starts (or continues) a lesson from the course list by its title, at 5× speed. */
export async function openFromList(page: Page, title: string, action: 'Start' | 'Continue' | 'Review' = 'Start'): Promise<void> {
  await page.getByTestId('lesson-panel').getByRole('button', { name: `${action}: ${title}` }).click();
  await lesson(page).waitFor();
  await page.getByLabel('Speed', { exact: true }).selectOption('5');
}

/** Plays until the step's goal is reached, then pauses. */
export async function playUntilReached(page: Page, timeout = 90_000): Promise<void> {
  await playButton(page).click();
  await expect.poll(() => reached(page), { timeout }).toBe('true');
  await playButton(page).click();
}

/** "Palette → <item>" by keyboard (focus it, press Enter); waits for the node `id` it adds. */
export async function addFromPalette(page: Page, kind: 'producer' | 'topic' | 'service' | 'consumer', id: string): Promise<void> {
  await page.locator(`button[data-kind="${kind}"]`).focus();
  await page.keyboard.press('Enter');
  await flowNode(page, id).waitFor();
}

/** Types into an inspector text field and commits it with Enter, as a learner does. */
export async function setText(page: Page, label: string, value: string): Promise<void> {
  const field = inspector(page).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Drags an arrow from `from`'s output handle to `to`'s input handle (panning when needed). */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count();
  await dragConnect(page, flowNode(page, from).locator('.react-flow__handle.source'), flowNode(page, to).locator('.react-flow__handle.target'));
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
}

/** Opens a lesson step by link (`#lesson=…&step=…`), unreached, at 5× speed. */
export async function openStepLink(openPage: (url: string) => Promise<Page>, lessonId: string, step: string): Promise<Page> {
  const page = await openPage(`/#lesson=${lessonId}&step=${step}&lang=en`);
  await lesson(page).waitFor();
  await expect.poll(() => lesson(page).getAttribute('data-step')).toBe(step);
  expect(await reached(page)).toBe('false');
  await page.getByLabel('Speed', { exact: true }).selectOption('5');
  return page;
}

/** On a phone the inspector is a sheet behind its tab: open it (a learner taps "Inspector"). */
export async function showInspector(page: Page): Promise<void> {
  const tab = page.locator('[data-sheet-tab="inspector"]');
  if ((await tab.count()) > 0 && (await tab.isVisible()) && (await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
}

/** Fits the view, pans to node `id` if it is still off the pane (as a learner does), and clicks it. */
export async function select(page: Page, id: string): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  const box = await restingBox(page, flowNode(page, id));
  await panToShow(page, box, box);
  await restingBox(page, flowNode(page, id));
  await flowNode(page, id).click();
  // A click that lands while the canvas redraws the node can miss it; a learner clicks again.
  const picker = page.getByTestId('node-picker');
  await expect
    .poll(async () => {
      if ((await picker.inputValue()) !== id) await flowNode(page, id).click();
      return picker.inputValue();
    }, { timeout: 10_000 })
    .toBe(id);
}

/** Screenshots at a laptop's and a phone's size (`<name>-1366x768`, `<name>-390x844`), running
 * `show` at each size first (to open a sheet or scroll something into view); back to 1366 after. */
export async function screenshotsAtSizes(page: Page, name: string, show: () => Promise<void>): Promise<void> {
  for (const [size, viewport] of [
    ['1366x768', { width: 1366, height: 768 }],
    ['390x844', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await show();
    await screenshot(page, `${name}-${size}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/**
 * The lesson panel lies over the right of the canvas; when a node sits under it, drag an empty
 * spot of the canvas to the left, as a learner pans to see it.
 */
export async function panClearOfLesson(page: Page, ids: string[]): Promise<void> {
  const panel = await page.locator('.workbench__side').boundingBox();
  if (!panel) return;
  let right = 0;
  for (const id of ids) {
    const box = (await flowNode(page, id).boundingBox())!;
    right = Math.max(right, box.x + box.width + 30);
  }
  if (right <= panel.x - 40) return;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const spot = await page.evaluate((p) => {
    for (let y = p.y + 30; y < p.y + p.height - 30; y += 20)
      for (let x = p.x + p.width / 2; x > p.x + 30; x -= 20) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  }, pane);
  if (!spot) throw new Error('no empty spot of the canvas to pan by');
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  await page.mouse.move(spot.x - (right - panel.x + 40), spot.y, { steps: 10 });
  await page.mouse.up();
}
