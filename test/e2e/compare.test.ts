import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';

/**
 * The comparison journey: open "Compare", take Email down, run, and watch orders fail on the
 * synchronous side only; then draw the sequence diagrams generated from the run's trace and
 * download the run's summary as Markdown.
 */
const app = useApp();

async function openCompare(): Promise<{ page: Page; view: Locator }> {
  const page = await app.openPage('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const tab = page.getByRole('tab', { name: /compare/i }).or(page.getByRole('button', { name: /compare/i }));
  await tab.first().click();
  const view = page.getByTestId('compare-view');
  await view.waitFor();
  return { page, view };
}

const count = async (view: Locator, id: string) => Number(await view.getByTestId(id).getAttribute('data-value'));

/**
 * How the two architecture pictures sit on screen: whether each frame scrolls sideways, each
 * picture's orientation, its smallest label in screen px (font size times the SVG's scale), and
 * every box text that spills out of its box (title and detail, in the SVG's own units; a title
 * must also leave room for the status light at the box's top right).
 */
async function pictures(view: Locator) {
  return view.evaluate((root) =>
    [...root.querySelectorAll<SVGSVGElement>('svg.cmp-arch')].map((svg) => {
      const frame = svg.parentElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const spills: string[] = [];
      for (const node of svg.querySelectorAll<SVGGElement>('g.cmp-node')) {
        const box = node.querySelector('rect')!.getBBox();
        const lightRoom = node.querySelector('.cmp-light') ? 14 : 0;
        for (const text of node.querySelectorAll<SVGTextElement>('.cmp-node__title, .cmp-node__detail')) {
          const room = text.classList.contains('cmp-node__title') ? lightRoom : 0;
          const b = text.getBBox();
          if (b.x < box.x || b.x + b.width > box.x + box.width - room) spills.push(`${node.dataset.node}: ${text.textContent}`);
        }
      }
      return {
        side: svg.dataset.testid,
        orientation: svg.dataset.orientation,
        scrolls: frame.scrollWidth > frame.clientWidth,
        smallest: Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
        spills,
      };
    }),
  );
}

/**
 * Scrolls the page (only vertically: no sideways scrolling of any frame) to bring `box` to the
 * middle of the screen, and returns whether all of it is then inside the screen.
 */
async function onScreenAfterVerticalScroll(box: Locator): Promise<boolean> {
  return box.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const dy = r.top + r.height / 2 - window.innerHeight / 2;
    let scroller = node.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    if (scroller) scroller.scrollTop += dy;
    else window.scrollBy(0, dy);
    const s = node.getBoundingClientRect();
    return s.left >= 0 && s.right <= window.innerWidth && s.top >= 0 && s.bottom <= window.innerHeight;
  });
}

/** Each picture: no sideways scrolling, labels >= 11 px inside their boxes; returns them. */
async function expectPicturesFit(view: Locator) {
  const both = await pictures(view);
  for (const p of both) {
    expect(p.scrolls, `${p.side} scrolls sideways`).toBe(false);
    expect(p.smallest, p.side).toBeGreaterThanOrEqual(11);
    expect(p.spills, p.side).toEqual([]);
  }
  return both;
}

/** Both pictures on a phone: top to bottom, no sideways scrolling, labels >= 11 px inside their boxes. */
async function expectPhonePictures(view: Locator) {
  const both = await expectPicturesFit(view);
  expect(both.map((p) => p.side)).toEqual(['arch-sync', 'arch-eda']);
  for (const p of both) expect(p.orientation, p.side).toBe('tall');
  // Email, the last service on the right of the wide picture, is reached by scrolling down the page.
  for (const side of ['arch-sync', 'arch-eda']) {
    expect(await onScreenAfterVerticalScroll(view.getByTestId(side).locator('[data-node="email"]')), side).toBe(true);
  }
  expect(await onScreenAfterVerticalScroll(view.getByTestId('arch-eda').locator('[data-node="topic:emails"]'))).toBe(true);
}

describe('sync vs event-driven', () => {
  for (const lang of ['th', 'en'] as const) {
    test(`on a 390×844 phone, in ${lang === 'th' ? 'Thai' : 'English'}, every panel fits the screen and the pictures run top to bottom with legible labels`, async () => {
      const page = await app.openPage(`/#lang=${lang}`, { viewport: { width: 390, height: 844 } });
      await page.getByRole('tab', { name: /เทียบ|compare/i }).or(page.getByRole('button', { name: /เทียบ|compare/i })).first().click();
      const view = page.getByTestId('compare-view');
      await view.waitFor();
      const layout = await view.evaluate((root) => {
        const widest = Math.max(...[...root.querySelectorAll('.cmp-pane, .cmp-panel')].map((el) => el.getBoundingClientRect().right));
        const latency = root.querySelector('[data-testid="sync-latency"]')!;
        return { widest, viewport: window.innerWidth, latencyClipped: latency.scrollWidth > latency.clientWidth };
      });
      expect(layout.widest).toBeLessThanOrEqual(layout.viewport);
      expect(layout.latencyClipped).toBe(false);
      // The services' controls: no sideways scroll hides a column; every service's last control
      // (Instances) is reached by scrolling down, with its heading above it.
      const controls = view.locator('.cmp-table-frame');
      expect(await controls.evaluate((frame) => frame.scrollWidth > frame.clientWidth)).toBe(false);
      for (const service of ['order', 'payment', 'inventory', 'email']) {
        const instances = view.locator(`tr[data-service="${service}"] td:last-child`);
        expect(await onScreenAfterVerticalScroll(instances), service).toBe(true);
        expect(await instances.evaluate((cell) => getComputedStyle(cell, '::before').content), service).toMatch(/Instances|instance/);
      }
      await controls.scrollIntoViewIfNeeded();
      await screenshot(page, `compare-phone-${lang}-controls`);
      await expectPhonePictures(view);
      await screenshot(page, `compare-phone-${lang}`);

      // Running with Email knocked out: the sync side fails, the EDA side's Email lags; the
      // pictures' figures grow and stay inside their boxes.
      await view.locator('tr[data-service="email"] input[type="checkbox"]').first().uncheck();
      await view.locator('#cmp-speed').selectOption('10');
      await view.locator('[data-action="compare-play"]').click();
      await expect.poll(() => count(view, 'sync-failed'), { timeout: 20_000 }).toBeGreaterThan(20);
      expect(await view.getByTestId('arch-sync').locator('[data-node="email"]').getAttribute('data-status')).toBe('down');
      await expect.poll(async () => Number(await view.getByTestId('arch-eda').locator('[data-node="email"]').getAttribute('data-backlog')), { timeout: 20_000 }).toBeGreaterThan(20);
      await expectPhonePictures(view);
      await view.getByTestId('arch-sync').scrollIntoViewIfNeeded();
      await screenshot(page, `compare-phone-${lang}-email-down`);
      expect(pageErrors(page)).toEqual([]);
    });
  }

  test('on a 360-wide phone, in Thai, features added during the run get rows of their own, still without sideways scrolling', async () => {
    const page = await app.openPage('/#lang=th', { viewport: { width: 360, height: 740 } });
    await page.getByRole('tab', { name: /เทียบ/ }).or(page.getByRole('button', { name: /เทียบ/ })).first().click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    await view.locator('#cmp-speed').selectOption('10');
    await view.locator('[data-action="compare-play"]').click();
    await expect.poll(() => count(view, 'eda-accepted'), { timeout: 20_000 }).toBeGreaterThan(20);
    for (const button of await view.locator('.cmp-features__buttons button').all()) await button.click();
    for (const node of ['analytics', 'fraud', 'topic:order-stats', 'topic:fraud-checks']) {
      await view.getByTestId('arch-eda').locator(`[data-node="${node}"]`).waitFor();
    }
    expect(await view.getByTestId('arch-sync').locator('[data-node="fraud"]').getAttribute('class')).toContain('cmp-node--new');
    await expectPicturesFit(view);
    await view.getByTestId('arch-eda').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-phone-360-th-features');
    expect(pageErrors(page)).toEqual([]);
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`at ${viewport.width}×${viewport.height} the pictures stay left to right, fitting their panes`, async () => {
      const page = await app.openPage('/', { viewport });
      await page.getByRole('tab', { name: /compare/i }).or(page.getByRole('button', { name: /compare/i })).first().click();
      const view = page.getByTestId('compare-view');
      await view.waitFor();
      await view.getByLabel('Speed', { exact: true }).selectOption('10');
      await view.locator('[data-action="compare-play"]').click();
      await expect.poll(() => count(view, 'eda-accepted'), { timeout: 20_000 }).toBeGreaterThan(20);
      for (const p of await pictures(view)) {
        expect(p, p.side).toMatchObject({ orientation: 'wide', scrolls: false });
        expect(p.smallest, p.side).toBeGreaterThanOrEqual(11);
      }
      await screenshot(page, `compare-${viewport.width}`);
      expect(pageErrors(page)).toEqual([]);
    });
  }

  test('with Email down, orders fail on the synchronous side only, and the generated diagrams show why', async () => {
    const { page, view } = await openCompare();
    await view.getByLabel('Email is up').uncheck();
    await view.getByLabel('Speed', { exact: true }).selectOption('10');
    await view.locator('[data-action="compare-play"]').click();

    await expect.poll(() => count(view, 'sync-failed'), { timeout: 20_000 }).toBeGreaterThan(50);
    await expect.poll(() => count(view, 'eda-accepted'), { timeout: 20_000 }).toBeGreaterThan(50);
    expect(await count(view, 'eda-failed')).toBe(0);
    expect(await count(view, 'sync-accepted')).toBe(0);
    // The picture agrees: Email's light is red on both sides.
    expect(await view.getByTestId('arch-sync').locator('[data-node="email"]').getAttribute('data-status')).toBe('down');
    expect(await view.getByTestId('arch-eda').locator('[data-node="email"]').getAttribute('data-status')).toBe('down');
    // ...and on the event-driven side the orders wait for Email in its lag instead of failing.
    expect(Number(await view.getByTestId('arch-eda').locator('[data-node="email"]').getAttribute('data-backlog'))).toBeGreaterThan(50);
    await screenshot(page, 'compare-email-down');

    await view.locator('[data-action="compare-play"]').click(); // pause, so the diagram's order is stable
    const panel = view.getByTestId('diagram-panel');
    await panel.getByRole('button', { name: 'Draw diagram' }).click();
    await panel.getByTestId('diagram-svg').locator('svg').waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('diagram-svg').getAttribute('data-status')).toBe('done');
    const syncText = await panel.getByTestId('diagram-text').inputValue();
    expect(syncText.startsWith('sequenceDiagram\n')).toBe(true);
    expect(syncText).toMatch(/email--xorder: failed, unavailable/);
    expect(syncText).toMatch(/order--xuser: failed, downstream/);
    expect(await panel.getByTestId('diagram-svg').locator('svg').textContent()).toContain('failed, unavailable');

    await panel.getByText('Event-driven', { exact: true }).click();
    await expect.poll(async () => (await panel.getByTestId('diagram-text').inputValue()).includes('topic_orders')).toBe(true);
    await expect.poll(() => panel.getByTestId('diagram-svg').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    const edaText = await panel.getByTestId('diagram-text').inputValue();
    expect(edaText).toMatch(/order-->>user: accepted after \d+ ms/);
    expect(edaText).not.toMatch(/Note over email: handled/); // Email is still down
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-diagram-eda');

    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download Markdown' }).click()]);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Kafé: sync vs event-driven/);
    expect(markdown).toContain('| Metric | Synchronous | Event-driven |');
    expect(markdown.match(/```mermaid\nsequenceDiagram/g)).toHaveLength(4);

    expect(pageErrors(page)).toEqual([]);
  });

  test('a scripted scenario plays to its end and shows the summary table and what adding a feature changed', async () => {
    const { page, view } = await openCompare();
    await view.getByLabel('Speed', { exact: true }).selectOption('10');
    await view.locator('[data-scenario="addAnalytics"]').click();
    await view.getByTestId('compare-lesson').waitFor();
    await view.getByTestId('compare-summary').locator('table').waitFor({ timeout: 30_000 });
    const changes = view.getByTestId('feature-changes');
    expect(await changes.locator('[data-side="sync"] dd').innerText()).toMatch(/^1 existing service\(s\) changed, 1 added$/);
    expect(await changes.locator('[data-side="eda"] dd').innerText()).toMatch(/^0 existing service\(s\) changed, 1 added$/);
    expect(await view.getByTestId('arch-sync').locator('[data-node="order"]').getAttribute('class')).toContain('cmp-node--changed');
    await screenshot(page, 'compare-add-analytics-summary');
    expect(pageErrors(page)).toEqual([]);
  });
});
