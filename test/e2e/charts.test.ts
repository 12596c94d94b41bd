import { describe, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';

const app = useApp();

// The workbench's charts wait until a learner can see them (LineChart + useOnScreen): below the
// fold they cost the first load and every running frame nothing, and scrolled into view they show
// everything sampled meanwhile.
describe('metrics charts', () => {
  test('below the fold at 1366×768 they are not drawn; scrolled into view they draw the run so far', async () => {
    const page = await app.openPage('/', { viewport: { width: 1366, height: 768 } });
    await page.locator('.react-flow__node').first().waitFor();
    const plots = page.locator('.metrics .chart__plot');
    await expect.poll(() => plots.count()).toBeGreaterThan(0);
    const below = await plots.first().evaluate((el) => el.getBoundingClientRect().top > window.innerHeight + 200);
    expect(below, 'the metrics panel starts below the fold at 1366×768').toBe(true);
    expect(await page.locator('.metrics .chart__plot canvas').count()).toBe(0);

    await page.locator('[data-action="togglePlay"]').click();
    await page.waitForTimeout(2500);
    await page.locator('[data-action="togglePlay"]').click();
    expect(await page.locator('.metrics .chart__plot canvas').count()).toBe(0);

    await page.locator('#metrics-title').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.metrics .chart__plot canvas').count()).toBeGreaterThan(0);
    // The throughput line is drawn: some of the plot's pixels are the "produced" colour.
    const inked = await page.locator('.metrics .chart__plot canvas').first().evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0x6f) < 24 && Math.abs(data[i + 1] - 0x4e) < 24 && Math.abs(data[i + 2] - 0x37) < 24 && data[i + 3] > 200) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(20);
    await screenshot(page, 'charts-scrolled-1366');
    expect(pageErrors(page)).toEqual([]);
  });

  test('on a phone they draw when the Metrics sheet opens', async () => {
    const page = await app.openPage('/', { viewport: { width: 390, height: 844 } });
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.locator('.metrics .chart__plot canvas').count()).toBe(0);
    await page.locator('[data-sheet-tab="metrics"]').click();
    await expect.poll(() => page.locator('.metrics .chart__plot canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'charts-sheet-390');
    expect(pageErrors(page)).toEqual([]);
  });
});
