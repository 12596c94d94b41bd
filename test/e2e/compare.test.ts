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

describe('sync vs event-driven', () => {
  test('on a 390×844 phone, in Thai, every panel fits the screen and the pictures keep their labels legible', async () => {
    const page = await app.openPage('/#lang=th', { viewport: { width: 390, height: 844 } });
    await page.getByRole('tab', { name: /เทียบ/ }).or(page.getByRole('button', { name: /เทียบ/ })).first().click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    const layout = await view.evaluate((root) => {
      const widest = Math.max(...[...root.querySelectorAll('.cmp-pane, .cmp-panel')].map((el) => el.getBoundingClientRect().right));
      // The smallest label of each picture, in screen pixels: its font size times the SVG's scale.
      const smallest = [...root.querySelectorAll<SVGSVGElement>('svg.cmp-arch')].map((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
      });
      const latency = root.querySelector('[data-testid="sync-latency"]')!;
      return { widest, viewport: window.innerWidth, smallest, latencyClipped: latency.scrollWidth > latency.clientWidth };
    });
    expect(layout.widest).toBeLessThanOrEqual(layout.viewport);
    expect(layout.smallest).toHaveLength(2);
    for (const px of layout.smallest) expect(px).toBeGreaterThanOrEqual(11);
    expect(layout.latencyClipped).toBe(false);
    // The picture scrolls sideways in its frame to reach Email.
    const frame = view.getByTestId('arch-sync').locator('..');
    await frame.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => view.getByTestId('arch-sync').locator('[data-node="email"]').evaluate((n) => n.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await screenshot(page, 'compare-phone-th');
    expect(pageErrors(page)).toEqual([]);
  });

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
