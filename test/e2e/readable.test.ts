import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp, viewFitted } from './harness';

/**
 * Readable at first sight, on any screen: canvas text is measured as a learner sees it (computed
 * font size x React Flow's zoom), on the first screen, in lesson 2, zoomed in, and on a phone,
 * where the canvas stays the main view and a lesson is followed from a sheet below it.
 */
const app = useApp();

const READABLE_PX = 11;

async function openFresh(viewport: { width: number; height: number }): Promise<Page> {
  const page = await app.openPage('/', { viewport });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await viewFitted(page);
  await settled(page);
  return page;
}

/** Waits until the canvas stops moving (the first fit runs two frames after nodes are measured). */
async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 250, timeout: 10_000 },
    )
    .toBe(true);
}

/** The smallest on-screen size of any text drawn in a canvas node, and the zoom it was read at. */
function smallestText(page: Page): Promise<{ px: number; zoom: number; where: string; texts: number }> {
  return page.evaluate(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    let px = Infinity;
    let where = '';
    let texts = 0;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      texts++;
      const size = parseFloat(style.fontSize) * zoom;
      if (size < px) {
        px = size;
        where = `${el.className}: ${el.textContent!.trim().slice(0, 40)}`;
      }
    }
    return { px, zoom, where, texts };
  });
}

/**
 * Counts every canvas node drawn in full detail (`data-level="detail"`) from the page's first
 * byte on, in `window.kafeDetailDrawn`: inserted so, or switched to it.
 */
const DETAIL_COUNTER = `
  window.kafeDetailDrawn = 0;
  const isDetail = (n) => n instanceof Element && (n.matches('[data-level="detail"]') || n.querySelector('[data-level="detail"]') !== null);
  window.kafeDetailObserver = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && isDetail(r.target)) window.kafeDetailDrawn++;
      for (const n of r.addedNodes) if (isDetail(n)) window.kafeDetailDrawn++;
    }
  });
  window.kafeDetailObserver.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-level'] });
`;

const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('canvas text is readable where a learner starts', () => {
  test('the first screen opens at a readable zoom: zoomed out, nodes show big summaries; zoomed in, full lanes, still readable', async () => {
    const page = await openFresh({ width: 1366, height: 768 });
    const first = await smallestText(page);
    expect(first.texts).toBeGreaterThan(10);
    expect(first.px, first.where).toBeGreaterThanOrEqual(READABLE_PX);
    // The whole fan-out does not fit 1366 x 768 at a readable size: the view starts where the flow
    // starts (the producer is on screen) and the learner pans for the rest.
    expect(first.zoom).toBeLessThan(1);
    expect(await page.locator('[data-level="summary"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.kafe-lane').count()).toBe(0);
    const producer = (await flowNode(page, 'order-service').boundingBox())!;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    expect(producer.x).toBeGreaterThanOrEqual(pane.x);
    expect(producer.x + producer.width).toBeLessThanOrEqual(pane.x + pane.width);
    await screenshot(page, 'readable-first-screen-1366');

    // Zooming in brings the full lanes, whose smallest text is readable too.
    for (let i = 0; i < 8 && (await page.locator('.kafe-lane').count()) === 0; i++) await page.locator('.react-flow__controls-zoomin').click();
    await settled(page);
    expect(await page.locator('.kafe-lane').count()).toBeGreaterThan(0);
    const close = await smallestText(page);
    expect(close.px, close.where).toBeGreaterThanOrEqual(READABLE_PX);
    await screenshot(page, 'readable-zoomed-in-1366');
    expect(pageErrors(page)).toEqual([]);
  });

  test('the first screen draws its nodes in summary form from the start, and on a large screen fits the whole flow as drawn', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await app.openPage('/', { viewport });
      // Counts every node drawn in full detail from the first byte of the page on: the canvas opens
      // at the zoom it will be fitted to (openingView.ts), so no detail is drawn and thrown away.
      // A string, not a function: the test runner's transform may add helpers the page lacks.
      await page.addInitScript(DETAIL_COUNTER);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor();
      await viewFitted(page);
      await settled(page);
      expect(await page.locator('.react-flow__node').count()).toBe(await page.locator('[data-level="summary"]').count());
      expect(await page.evaluate('window.kafeDetailDrawn')).toBe(0);
      if (viewport.width === 1920) {
        // The fan-out fits 1920 x 1080 at a readable zoom: fitted on the summaries' own sizes,
        // every node is inside the canvas, the brokers underneath included.
        const pane = (await page.locator('.react-flow__pane').boundingBox())!;
        for (const box of await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
          expect(box.top).toBeGreaterThanOrEqual(pane.y);
          expect(box.bottom).toBeLessThanOrEqual(pane.y + pane.height);
          expect(box.left).toBeGreaterThanOrEqual(pane.x);
          expect(box.right).toBeLessThanOrEqual(pane.x + pane.width);
        }
        await screenshot(page, 'readable-first-screen-1920');
      }
      expect(pageErrors(page)).toEqual([]);
    }
  });

  test('lesson 2 opens its canvas readable at 1366 x 768', async () => {
    const page = await openFresh({ width: 1366, height: 768 });
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Events and event-driven architecture' }).click();
    await page.getByTestId('lesson').waitFor();
    await settled(page);
    const text = await smallestText(page);
    expect(text.texts).toBeGreaterThan(5);
    expect(text.px, text.where).toBeGreaterThanOrEqual(READABLE_PX);
    await screenshot(page, 'readable-lesson2-1366');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('on a phone (390 x 844)', () => {
  test('the canvas is the main view; a lesson is read in a sheet below it and followed on the canvas', async () => {
    const page = await openFresh({ width: 390, height: 844 });
    // No horizontal scrolling: the page is as wide as the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    expect(pane.width).toBeGreaterThanOrEqual(380);
    expect(pane.height).toBeGreaterThan(350);
    expect(pane.y + pane.height).toBeLessThanOrEqual(844);

    // The course opens as a sheet over the lower part; the canvas above it stays in view.
    const tabs = page.getByRole('navigation', { name: 'Panels' });
    const lessonTab = tabs.getByRole('button', { name: 'Lesson' });
    expect(await lessonTab.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByTestId('lesson-panel');
    await panel.getByRole('button', { name: 'Start: Events and event-driven architecture' }).click();
    const lesson = page.getByTestId('lesson');
    await lesson.waitFor();
    await settled(page);
    const sheet = (await page.locator('#sheet-lesson').boundingBox())!;
    const visibleCanvas = sheet.y - pane.y;
    expect(visibleCanvas).toBeGreaterThan(200);
    // The flow's first node (the producer) is on screen above the sheet, readable.
    const producer = (await flowNode(page, 'order-service').boundingBox())!;
    expect(producer.y).toBeGreaterThanOrEqual(pane.y);
    expect(producer.y + producer.height).toBeLessThanOrEqual(sheet.y + 1);
    expect(producer.x).toBeGreaterThanOrEqual(0);
    expect(producer.x + producer.width).toBeLessThanOrEqual(390);
    const text = await smallestText(page);
    expect(text.px, text.where).toBeGreaterThanOrEqual(READABLE_PX);

    // Read the step: its heading is in view inside the sheet.
    const step = lesson.getByRole('heading', { name: /Step 1 of/ });
    await step.scrollIntoViewIfNeeded();
    const stepBox = (await step.boundingBox())!;
    expect(stepBox.y).toBeGreaterThanOrEqual(sheet.y);
    expect(stepBox.y + stepBox.height).toBeLessThanOrEqual(844);
    await screenshot(page, 'readable-phone-lesson2');

    // Act: the step asks to press Play; the time controls are on screen under the tabs.
    await page.getByLabel('Speed', { exact: true }).selectOption('5');
    const play = page.locator('button[data-action="togglePlay"]');
    const playBox = (await play.boundingBox())!;
    expect(playBox.y + playBox.height).toBeLessThanOrEqual(844);
    await play.click();
    // See the goal: the lesson marks the step reached from the live simulation.
    await expect.poll(() => lesson.getAttribute('data-reached'), { timeout: 30_000 }).toBe('true');
    await play.click();
    await screenshot(page, 'readable-phone-lesson2-reached');

    // The other panels are sheets too: the palette, then closing it gives the whole canvas back.
    await tabs.getByRole('button', { name: 'Add' }).click();
    await page.locator('button[data-kind="producer"]').waitFor({ state: 'visible' });
    await tabs.getByRole('button', { name: 'Add' }).click();
    await page.locator('button[data-kind="producer"]').waitFor({ state: 'hidden' });
    expect(await page.locator('#sheet-lesson').isVisible()).toBe(false);
    await screenshot(page, 'readable-phone-canvas');
    expect(pageErrors(page)).toEqual([]);
  });
});

/** The on-screen box of node `id`, and whether all of it lies inside the canvas pane. */
async function inPane(page: Page, id: string): Promise<boolean> {
  const node = (await flowNode(page, id).boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  return node.x >= pane.x && node.y >= pane.y && node.x + node.width <= pane.x + pane.width && node.y + node.height <= pane.y + pane.height;
}

const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

describe('the canvas shows what a learner needs, readable', () => {
  test('a lesson step opens with the nodes it names on screen: lesson 2 step 3 shows `payments`, readable', async () => {
    const page = await openFresh({ width: 1366, height: 768 });
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Events and event-driven architecture' }).click();
    await page.getByTestId('lesson').waitFor();
    await settled(page);
    // Step 1 names `orders`: it is on screen from the start.
    expect(await inPane(page, 'orders')).toBe(true);
    await page.getByTestId('lesson').getByRole('button', { name: 'Step 3 of 3' }).click();
    await settled(page);
    expect(await inPane(page, 'payments')).toBe(true);
    const text = await smallestText(page);
    expect(text.px, text.where).toBeGreaterThanOrEqual(READABLE_PX);
    await screenshot(page, 'readable-lesson2-step3-1366');
    expect(pageErrors(page)).toEqual([]);
  });

  test('fit view and zooming out stop at a readable zoom; the overview map can be hidden', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
      { width: 820, height: 1180 },
    ]) {
      const page = await openFresh(viewport);
      // Zoom out until the control refuses (React Flow disables it at the canvas's minimum zoom).
      const zoomOut = page.locator('.react-flow__controls-zoomout');
      for (let i = 0; i < 8 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
      expect(await zoomOut.isEnabled()).toBe(false);
      await settled(page);
      expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.5 - 1e-3);
      await page.locator('.react-flow__controls-zoomin').click();
      await page.locator('.react-flow__controls-fitview').click();
      await settled(page);
      expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.5 - 1e-3);
      const text = await smallestText(page);
      expect(text.px, text.where).toBeGreaterThanOrEqual(READABLE_PX);
      expect(await inPane(page, 'order-service')).toBe(true);

      // The overview map starts hidden on a short or narrow screen (it would cover nodes: a broker
      // on a tablet), shown on a tall wide one; it is small, and shows or hides at a click.
      if (viewport.height < 900 || viewport.width <= 1100) {
        expect(await page.locator('.react-flow__minimap').count()).toBe(0);
        await page.getByRole('button', { name: 'Show overview' }).click();
      }
      const map = (await page.locator('.react-flow__minimap').boundingBox())!;
      expect(map.width * map.height).toBeLessThanOrEqual(160 * 110);
      // Its toggle is one of the canvas controls, covering no node (at 1024 x 768 it once lay over a topic).
      expect(await page.locator('.react-flow__controls').getByRole('button', { name: 'Hide overview' }).getAttribute('aria-pressed')).toBe('true');
      await screenshot(page, `readable-fit-view-${viewport.width}`);
      await page.getByRole('button', { name: 'Hide overview' }).click();
      expect(await page.locator('.react-flow__minimap').count()).toBe(0);
      await page.getByRole('button', { name: 'Show overview' }).click();
      expect(await page.locator('.react-flow__minimap').count()).toBe(1);
      expect(pageErrors(page)).toEqual([]);
    }
  });

  test('fit view on a flow wider than the screen shows where it starts (React Flow\'s own centring fit does not run after ours)', async () => {
    const page = await app.openPage('/#lesson=use-cases&step=fraud-detection&lang=en', { viewport: { width: 1280, height: 800 } });
    await page.getByTestId('lesson').waitFor();
    await settled(page);
    for (let i = 0; i < 2; i++) {
      await page.locator('.react-flow__controls-fitview').click();
      await settled(page);
      expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.5 - 1e-3);
      expect(await inPane(page, 'checkout')).toBe(true);
    }
    expect(pageErrors(page)).toEqual([]);
  });

  test('on a phone the time row shows play, the clock and the speed without a swipe, in English and in Thai', async () => {
    for (const lang of ['en', 'th']) {
      const page = await app.openPage('/', { viewport: { width: 390, height: 844 } });
      await page.evaluate((l) => {
        localStorage.clear();
        localStorage.setItem('kafe.lang', l);
      }, lang);
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor();
      const row = page.locator('.workbench__time .time-controls');
      expect(await row.evaluate((el) => el.scrollLeft)).toBe(0);
      for (const part of [page.locator('[data-action="togglePlay"]'), page.getByTestId('sim-time'), row.locator('select')]) {
        const box = (await part.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      // The clock reads as a learner sees it, and the speed list still names itself.
      expect(await page.getByTestId('sim-time').innerText()).toMatch(lang === 'en' ? /^0\.0 s$/ : /^0\.0 วินาที$/);
      expect(await row.locator('select').evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent)).toBe(lang === 'en' ? 'Speed' : 'ความเร็ว');
      // The scrubber and the seed are still there, further along the row.
      await row.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const apply = (await row.locator('.time-controls__seed button[type="submit"]').boundingBox())!;
      expect(apply.x + apply.width).toBeLessThanOrEqual(390);
      expect(await row.locator('.scrubber').count()).toBe(1);
      await screenshot(page, `readable-phone-time-${lang}`);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    }
  });

  test('on a phone the toolbar is one Menu button in the header row; its items open under it', async () => {
    const page = await openFresh({ width: 390, height: 844 });
    const header = (await page.locator('.app-header').boundingBox())!;
    const menu = page.getByRole('navigation', { name: 'Scenario' }).getByRole('button', { name: 'Menu' });
    const box = (await menu.boundingBox())!;
    await screenshot(page, 'readable-phone-toolbar');
    // The toolbar is one button, beside the language switch; the header keeps the view tabs above.
    const toolbar = (await page.getByRole('navigation', { name: 'Scenario' }).boundingBox())!;
    expect(toolbar.height).toBeLessThanOrEqual(box.height + 2);
    expect(header.height).toBeLessThan(box.height * 3 + 12); // two rows of controls and the padding
    expect(await page.getByRole('button', { name: 'Arrange' }).isVisible()).toBe(false);
    await menu.click();
    await page.getByRole('button', { name: 'Arrange' }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'readable-phone-toolbar-menu');
    // Every menu item is as wide as the column, those in a wrapper of their own too.
    const widths = await page.locator('#toolbar-items .toolbar__button').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)));
    expect(new Set(widths).size).toBe(1);
    // Share's panel, opened from the folded menu, lies wholly on the screen.
    await page.getByRole('button', { name: 'Share' }).click();
    const panel = (await page.getByTestId('share-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    expect(panel.y + panel.height).toBeLessThanOrEqual(844);
    await screenshot(page, 'readable-phone-share');
    await page.keyboard.press('Escape');
    if (!(await page.getByRole('button', { name: 'Arrange' }).isVisible())) await menu.click();
    await page.getByRole('button', { name: 'Arrange' }).click();
    expect(pageErrors(page)).toEqual([]);
  });
});
