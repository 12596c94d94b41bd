import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeShareFragment, TEMPLATES } from '../../src/scenario';
import { pageErrors, screenshot, useApp } from './harness';

const app = useApp();

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Two broken files imported one after the other: two error notices, each naming its problem. */
async function importTwoBrokenFiles(page: Page) {
  for (const [name, text] of [
    ['first.json', '{ not json'],
    ['second.json', '{"version": 99}'],
  ] as const)
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('notices stack', () => {
  for (const [name, viewport] of [
    ['390', { width: 390, height: 844 }],
    ['1366', { width: 1366, height: 768 }],
    ['1920', { width: 1920, height: 1080 }],
  ] as const)
    test(`at ${name}: a sticky explanation and two errors show together, each dismissable, and none covers Play or the time controls`, async () => {
      const page = await app.openPage(`/#${encodeShareFragment({ ...TEMPLATES.iotStream.build(), time: 1e15 })}`, { viewport });
      const toasts = page.locator('.toast');
      const sticky = page.locator('.toast[data-key="notice.restoreCapped"]');
      await sticky.waitFor({ timeout: 20_000 });
      await importTwoBrokenFiles(page);
      await expect.poll(() => toasts.count(), { timeout: 10_000 }).toBe(3);
      expect(await page.locator('.toast[data-key="notice.importFailed"]').count()).toBe(2);
      expect(await sticky.getAttribute('data-sticky')).toBe('true');
      await screenshot(page, `notices-stacked-${name}`);

      // Nothing the learner needs to run the canvas is under a notice: the stack (which scrolls
      // when taller than its room, and clips its toasts to it) stays clear of Play, the time
      // controls and, on a phone, the sheet tabs.
      const controls = [page.getByRole('button', { name: 'Play' }), page.locator('.time-controls').first()];
      if (await page.locator('.sheet-tabs').isVisible()) controls.push(page.locator('.sheet-tabs'));
      const stack = (await page.getByTestId('notices').boundingBox())!;
      for (const control of controls) {
        const target = (await control.boundingBox())!;
        expect(overlaps(stack, target), `the notices (${JSON.stringify(stack)}) cover ${JSON.stringify(target)}`).toBe(false);
      }
      // The sticky explanation is in view whole, not scrolled away.
      const box = (await sticky.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(stack.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(stack.y + stack.height + 1);
      // Play works with the notices up.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('button', { name: 'Pause' }).click();

      // Each notice goes on its own; the sticky one stays until it is dismissed.
      await page.locator('.toast[data-key="notice.importFailed"]').first().getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => toasts.count()).toBe(2);
      expect(await sticky.isVisible()).toBe(true);
      await sticky.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => toasts.count()).toBe(1);
      expect(await page.locator('.toast[data-key="notice.importFailed"]').count()).toBe(1);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    }, 120_000);
});

describe('opening a lesson at a later step', () => {
  test("replaying the earlier steps' solutions raises no 'settings changed, restarted' notice: the learner changed nothing", async () => {
    // Lesson 16's earlier solutions edit a running canvas (they make the producer transactional).
    const page = await app.openPage('/', { viewport: { width: 1366, height: 768 } });
    // Not even for a moment, while the replay runs: watch for the toast from the page's first script.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('.toast[data-key="notice.restartedAfterEdit"]')) (window as { sawRestart?: boolean }).sawRestart = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const lessonUrl = new URL('/#lesson=exactly-once&step=side-effects&lang=en', page.url()).href;
    await page.goto('about:blank');
    await page.goto(lessonUrl);
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-step'), { timeout: 20_000 }).toBe('side-effects');
    const simMs = async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
    await expect.poll(simMs, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await page.locator('.toast[data-key="notice.restartedAfterEdit"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { sawRestart?: boolean }).sawRestart ?? false)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
  });
});
