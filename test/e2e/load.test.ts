import { describe, expect, test } from 'vitest';
import { encodeShareFragment, TEMPLATES, type Scenario } from '../../src/scenario';
import { pageErrors, screenshot, useApp } from './harness';

const app = useApp();

/** The order fan-out with its producer at the simulator's maximum rate: far more than a browser can run at 100×. */
function floodScenario(): Scenario {
  const s = TEMPLATES.orderFanOut.build();
  return { ...s, nodes: s.nodes.map((n) => (n.kind === 'producer' ? { ...n, props: { ...n.props, ratePerSec: 100_000 } } : n)) };
}

const simMs = async (page: import('playwright-core').Page) => Number(await page.getByTestId('sim-time').getAttribute('data-ms'));

describe('loading and heavy load', () => {
  test('a link saved at a huge moment opens at once at 0 s, explains the cap, and the canvas works', async () => {
    const link = encodeShareFragment({ ...TEMPLATES.iotStream.build(), time: 1e15 });
    for (const [name, viewport] of [
      ['1366', { width: 1366, height: 768 }],
      ['390', { width: 390, height: 844 }],
    ] as const) {
      const page = await app.openPage(`/#${link}`, { viewport });
      const notice = page.locator('.toast[data-key="notice.restoreCapped"]');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.textContent()).toContain('Opening replays at most 5 minutes of simulated time, so it starts again at 0 s');
      expect(await simMs(page)).toBe(0);
      await page.locator('.react-flow__node').first().waitFor();
      expect(await page.locator('.react-flow__node').count()).toBe(TEMPLATES.iotStream.build().nodes.length);
      await screenshot(page, `load-capped-${name}`);
      // The explanation stays until dismissed (on a phone, where it covers the clock's buttons,
      // the learner dismisses it); the canvas is usable: it plays.
      if (name === '390') await notice.getByRole('button', { name: 'Dismiss' }).click();
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(await notice.isVisible()).toBe(name === '1366');
      expect(pageErrors(page)).toEqual([]);
    }
  }, 180_000);

  test('Pause under a flood at 100× stops the clock within 100 ms of the key press, and the real speed is shown', async () => {
    const page = await app.openPage(`/#${encodeShareFragment(floodScenario())}`, { viewport: { width: 1366, height: 768 } });
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByLabel('Speed').selectOption('100');
    await page.getByRole('button', { name: 'Play' }).click();
    const slowed = page.getByTestId('slowed-status');
    await slowed.waitFor({ timeout: 30_000 });
    expect(await slowed.textContent()).toMatch(/Running at [\d.]+×/);
    await screenshot(page, 'load-slowed-1366');
    // Every change of the clock's display, the moment the key press reached the page (the event's
    // own timestamp, taken before it waited for the main thread) and the moment Pause was handled.
    await page.evaluate(() => {
      const w = window as unknown as { clockChanges: number[]; pressedAt: number; handledAt: number };
      w.clockChanges = [];
      const clock = document.querySelector('[data-testid="sim-time"]')!;
      new MutationObserver(() => w.clockChanges.push(performance.now())).observe(clock, { attributes: true, childList: true, subtree: true, characterData: true });
      window.addEventListener(
        'keydown',
        (e) => {
          w.pressedAt = e.timeStamp;
          w.handledAt = performance.now();
        },
        { capture: true, once: true },
      );
    });
    await page.waitForTimeout(1000);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } }); // focus outside any button
    const before = await simMs(page);
    await page.keyboard.press(' ');
    await page.waitForTimeout(1500);
    const stoppedAt = await simMs(page);
    await page.waitForTimeout(1000);
    expect(await simMs(page)).toBe(stoppedAt);
    expect(stoppedAt).toBeGreaterThan(before - 1);
    const { changes, pressedAt, handledAt } = await page.evaluate(() => window as unknown as { clockChanges: number[]; pressedAt: number; handledAt: number }).then(() =>
      page.evaluate(() => {
        const w = window as unknown as { clockChanges: number[]; pressedAt: number; handledAt: number };
        return { changes: w.clockChanges, pressedAt: w.pressedAt, handledAt: w.handledAt };
      }),
    );
    expect(changes.filter((t) => t < pressedAt).length).toBeGreaterThan(3); // it was running
    const lastChange = Math.max(...changes);
    // Once Pause is handled, the clock never moves again (no queued work runs on)...
    expect(lastChange).toBeLessThanOrEqual(handledAt + 1);
    // ...and it is handled, so the clock stops, within 100 ms of wall time after the press: the
    // engine's share of a frame stops at its next slice when input is pending (isInputPending).
    const latency = Math.max(lastChange, handledAt) - pressedAt;
    console.log(`pause latency ${latency.toFixed(0)} ms (press handled after ${(handledAt - pressedAt).toFixed(0)} ms, last clock change ${(lastChange - pressedAt).toFixed(0)} ms after it)`);
    expect(latency).toBeLessThan(100);
    expect(pageErrors(page)).toEqual([]);
  }, 180_000);
});
