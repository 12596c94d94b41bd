import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { scenarioToJson, TEMPLATES } from '../../src/scenario';
import path from 'node:path';
import { pageErrors, screenshot, SCREENSHOT_DIR, useApp } from './harness';

/**
 * Issue 10: no input blanks the app, and nothing replaces the learner's canvas without consent.
 * Each journey starts with the learner's own canvas saved ("My own canvas", the IoT template),
 * feeds the app something hostile or replaces the canvas, and checks that the page renders, a
 * message names the problem, and the canvas is what it was (or the learner was asked first).
 */
const app = useApp();
const SMALL = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

const OWN = scenarioToJson({ ...TEMPLATES.iotStream.build(), name: 'My own canvas' });
const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);
const BOMB = readFileSync(new URL('../fixtures/share-link-bomb.txt', import.meta.url), 'utf8').trim();
const canvasText = (page: Page) => page.locator('.workbench__canvas').innerText();
const alertWith = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });
const dialog = (page: Page) => page.getByTestId('replace-dialog');
/** What the learner sees without scrolling (full-page shots of a phone layout are scaled down). */
const viewShot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

/**
 * Opens the app with exactly `storage` in localStorage, put there before any app script runs (once
 * per page: later reloads keep what the app saved), at an address ending in `hash`, and waits
 * until the canvas shows its nodes.
 */
async function openWith(storage: Record<string, string>, hash = '', viewport = LAPTOP): Promise<Page> {
  const page = await app.openPage('/', { viewport });
  await page.context().addInitScript((items) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, storage);
  await page.goto(`${app.baseUrl}?journey${hash}`);
  await page.locator('.react-flow__pane').waitFor();
  // Every canvas these journeys open has nodes; React Flow shows them once measured.
  await page.locator('.react-flow__node').first().waitFor();
  return page;
}

/** Renames the first node in the inspector's picker: an edit kept nowhere else. */
async function editCanvas(page: Page, label: string) {
  const picker = page.getByTestId('node-picker');
  const value = await picker.locator('option').evaluateAll((options) => (options as HTMLOptionElement[]).map((o) => o.value).find((v) => v !== ''));
  await picker.selectOption(value!);
  const field = page.getByLabel('Label', { exact: true });
  await field.fill(label);
  await field.press('Enter');
  await expect.poll(() => canvasText(page)).toContain(label);
}

describe('no input blanks the app', () => {
  test('a share link nested 100 000 levels deep: the app renders, says why, and keeps the canvas', async () => {
    for (const [viewport, name] of [
      [LAPTOP, '1366'],
      [SMALL, '390'],
    ] as const) {
      const page = await openWith({ 'kafe.scenario': OWN }, `#s=${LZString.compressToEncodedURIComponent(DEEP)}`, viewport);
      const alert = alertWith(page, 'Could not open that share link');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('nested far deeper than in any Kafé scenario');
      expect(await canvasText(page)).toContain('Anomaly Detector');
      await viewShot(page, `robust-deep-link-${name}`);
      expect(pageErrors(page)).toEqual([]);
    }
  });

  test('an 8 kB share link that would unpack to 10 million characters is refused at once', async () => {
    const page = await openWith({ 'kafe.scenario': OWN }, `#s=${BOMB}`);
    await alertWith(page, 'Could not open that share link').getByText('bigger than any Kafé scenario').waitFor();
    expect(await canvasText(page)).toContain('Anomaly Detector');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a corrupted kafe.scenario: the app starts from a template, names the problem, keeps the save aside', async () => {
    const page = await openWith({ 'kafe.scenario': DEEP });
    const alert = alertWith(page, 'Your saved canvas could not be read');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('nested far deeper');
    expect(await alert.innerText()).toContain('kafe.scenario.unreadable');
    expect(await canvasText(page)).toContain('Order Service');
    expect(await page.evaluate(() => localStorage.getItem('kafe.scenario.unreadable'))).toBe(DEEP);
    await screenshot(page, 'robust-corrupt-save-1366');
    // In Thai too.
    await page.locator('button[data-lang="th"]').click();
    await expect.poll(() => page.locator('[data-key="notice.restoreFailed"]').innerText()).toContain('ซ้อนกันลึกเกิน');
    await screenshot(page, 'robust-corrupt-save-th-1366');
    expect(pageErrors(page)).toEqual([]);
  });

  test('corrupted lesson progress: the course starts fresh, says why, keeps it aside, and the canvas is intact', async () => {
    const bad = `{"version":1,"current":${DEEP}}`;
    const page = await openWith({ 'kafe.scenario': OWN, 'kafe.lessons.progress': bad });
    const alert = alertWith(page, 'lesson progress could not be read');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('nested far deeper');
    expect(await canvasText(page)).toContain('Anomaly Detector');
    expect(await page.evaluate(() => localStorage.getItem('kafe.lessons.progress.unreadable'))).toBe(bad);
    expect(pageErrors(page)).toEqual([]);
  });

  test('a corrupted lesson stash: "Back to my canvas" says why, keeps the canvas, and moves the stash aside', async () => {
    const progress = JSON.stringify({ version: 1, current: null, open: true, lessons: {} });
    const page = await openWith({ 'kafe.scenario': OWN, 'kafe.lessons.progress': progress, 'kafe.lessons.stash': '{"version": 1, "nodes": [' });
    await page.getByRole('button', { name: 'Back to my canvas' }).click();
    // The canvas on screen is kept only by the autosave: asked first.
    await dialog(page).getByRole('button', { name: 'Replace the canvas' }).click();
    const alert = alertWith(page, 'kept aside during the lessons, could not be read');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('It is not JSON text.');
    expect(await canvasText(page)).toContain('Anomaly Detector');
    expect(await page.evaluate(() => localStorage.getItem('kafe.lessons.stash.unreadable'))).toBe('{"version": 1, "nodes": [');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a corrupted language choice: the app renders in English', async () => {
    const page = await openWith({ 'kafe.scenario': OWN, 'kafe.lang': DEEP });
    expect(await page.getByRole('heading', { name: 'Kafé' }).count()).toBe(1);
    expect(await canvasText(page)).toContain('Anomaly Detector');
    expect(pageErrors(page)).toEqual([]);
  });

  test('Import and Share → Open of a hostile payload keep the canvas and say why', async () => {
    const page = await openWith({ 'kafe.scenario': OWN });
    await page.getByTestId('import-file').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(DEEP) });
    const imported = alertWith(page, 'Could not import that file');
    await imported.getByText('nested far deeper').waitFor();
    expect(await canvasText(page)).toContain('Anomaly Detector');
    await imported.getByRole('button', { name: 'Dismiss' }).click();

    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByLabel('Paste a Kafé share link').fill(`${app.baseUrl}#s=${LZString.compressToEncodedURIComponent('{"version":99}')}`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await alertWith(page, 'Could not open that share link').getByText('made by a newer version of Kafé').first().waitFor();
    expect(await canvasText(page)).toContain('Anomaly Detector');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('nothing replaces unsaved work without asking', () => {
  test('"Back to my canvas" with unsaved lesson work asks first; Escape keeps the work; Replace brings the own canvas back', async () => {
    const page = await openWith({});
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Kafka is a digital post office' }).click();
    await page.getByTestId('lesson').waitFor();
    await editCanvas(page, 'My lesson edit');
    await page.getByRole('button', { name: /All lessons/ }).click();
    const back = page.getByRole('button', { name: 'Back to my canvas' });
    await back.click();
    const asking = dialog(page);
    await asking.getByRole('heading', { name: 'Go back to your own canvas?' }).waitFor();
    // Focus starts on the safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'robust-confirm-back-1366');
    await page.keyboard.press('Escape');
    await expect.poll(() => asking.isVisible()).toBe(false);
    expect(await canvasText(page)).toContain('My lesson edit');
    // Focus goes back to the button that asked.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back to my canvas');

    await back.click();
    await asking.getByRole('button', { name: 'Replace the canvas' }).click();
    await expect.poll(() => canvasText(page)).toContain('Order Service');
    expect(await canvasText(page)).not.toContain('My lesson edit');
    expect(pageErrors(page)).toEqual([]);
  });

  test('Import, Share → Open, a template and a lesson each ask before replacing unsaved work', async () => {
    const page = await openWith({});
    await editCanvas(page, 'My unsaved edit');
    const cancel = async () => {
      await dialog(page).getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(false);
      expect(await canvasText(page)).toContain('My unsaved edit');
    };

    await page.getByTestId('import-file').setInputFiles({ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(OWN) });
    await dialog(page).getByRole('heading', { name: 'Import “My own canvas”?' }).waitFor();
    await cancel();

    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByLabel('Paste a Kafé share link').fill(`${app.baseUrl}#s=${LZString.compressToEncodedURIComponent(OWN)}`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await dialog(page).getByRole('heading', { name: 'Open the shared scenario “My own canvas”?' }).waitFor();
    await cancel();

    await page.getByRole('button', { name: 'Templates' }).click();
    await page.locator('[data-template="empty"]').click();
    await dialog(page).getByRole('heading', { name: /Load the template/ }).waitFor();
    await cancel();

    // Lessons keep the own canvas in the stash the first time, so they open without asking...
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Kafka is a digital post office' }).click();
    await page.getByTestId('lesson').waitFor();
    expect(await dialog(page).isVisible()).toBe(false);
    // ...but another lesson over unsaved lesson work asks.
    await editCanvas(page, 'Lesson work');
    await page.getByRole('button', { name: /All lessons/ }).click();
    await page.getByTestId('lesson-panel').locator('.lesson-list__item').nth(1).getByRole('button').click();
    await dialog(page).getByRole('heading', { name: /Open the lesson/ }).waitFor();
    await screenshot(page, 'robust-confirm-lesson-1366');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    expect(await canvasText(page)).toContain('Lesson work');

    // Download first, then nothing is lost: the dialog says so and Replace goes ahead.
    await page.getByTestId('lesson-panel').locator('.lesson-list__item').nth(1).getByRole('button').click();
    const download = page.waitForEvent('download');
    await dialog(page).getByRole('button', { name: 'Download the canvas' }).click();
    expect((await download).suggestedFilename()).toBe('kafe-scenario.json');
    await dialog(page).getByText('Downloaded as kafe-scenario.json').waitFor();
    await dialog(page).getByRole('button', { name: 'Replace the canvas' }).click();
    await expect.poll(() => canvasText(page)).not.toContain('Lesson work');
    expect(pageErrors(page)).toEqual([]);
  });

  test('the question reads well on a phone, in English and Thai', async () => {
    const page = await openWith({ 'kafe.scenario': OWN }, '', SMALL);
    await page.getByTestId('import-file').setInputFiles({ name: 'iot.json', mimeType: 'application/json', buffer: Buffer.from(scenarioToJson(TEMPLATES.orderFanOut.build())) });
    await dialog(page).getByRole('heading', { name: /Import/ }).waitFor();
    await viewShot(page, 'robust-confirm-import-390');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await page.evaluate(() => localStorage.setItem('kafe.lang', 'th'));
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: 'iot.json', mimeType: 'application/json', buffer: Buffer.from(scenarioToJson(TEMPLATES.orderFanOut.build())) });
    await dialog(page).getByRole('button', { name: 'แทนที่แคนวาส' }).waitFor();
    await viewShot(page, 'robust-confirm-import-th-390');
    const box = await dialog(page).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(SMALL.width);
    expect(pageErrors(page)).toEqual([]);
  });
});
