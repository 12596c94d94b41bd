import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';

/**
 * Learner journeys through the workbench around the canvas: the inspector's live actions, the
 * clock, saving, sharing, importing, accessibility and keyboard shortcuts. Each starts from the
 * default OrderPlaced fan-out template with nothing saved.
 */
const app = useApp();
const require = createRequire(import.meta.url);

async function openFresh(path = '/'): Promise<Page> {
  const page = await app.openPage(path);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('inspector').waitFor();
  return page;
}

const playButton = (page: Page) => page.locator('button[data-action="togglePlay"]');
const simMs = async (page: Page) => Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
const selectNode = (page: Page, id: string) => page.getByTestId('node-picker').selectOption(id);
const setSpeed = (page: Page, speed: string) => page.getByLabel('Speed', { exact: true }).selectOption(speed);
const canvasText = (page: Page) => page.locator('.workbench__canvas').innerText();

interface MemberInfo {
  id: string;
  state: string;
  assigned: string[];
}
const members = (page: Page): Promise<MemberInfo[]> =>
  page.getByTestId('members').locator('[data-instance]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-instance')!,
      state: el.getAttribute('data-state')!,
      assigned: (el.getAttribute('data-assigned') ?? '').split(' ').filter(Boolean),
    })),
  );

describe('the workbench', () => {
  test('killing a service instance marks it dead, and after the session timeout its partitions move to the other instance', async () => {
    const page = await openFresh();
    await selectNode(page, 'payment');
    await page.getByLabel('Running instances').fill('2');
    await page.getByTestId('live-actions').getByRole('button', { name: 'Scale', exact: true }).click();
    await setSpeed(page, '5');
    await playButton(page).click();
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Pause');

    // Both instances running, each owning some of the six partitions of "orders".
    await expect
      .poll(async () => {
        const m = await members(page);
        return m.length === 2 && m.every((x) => x.state === 'alive' && x.assigned.length > 0);
      }, { timeout: 20_000 })
      .toBe(true);
    const [victim, survivor] = await members(page);
    await screenshot(page, 'workbench-service-two-instances');

    // At 1× the 10 s session timeout lasts long enough to see the dead instance still owning partitions.
    await setSpeed(page, '1');
    await page.getByRole('button', { name: `Kill ${victim.id}` }).click();
    await expect.poll(async () => (await members(page)).find((m) => m.id === victim.id)?.state).toBe('dead');
    // Until the session times out, the dead instance still owns its partitions.
    expect((await members(page)).find((m) => m.id === victim.id)?.assigned.length).toBeGreaterThan(0);
    await screenshot(page, 'workbench-instance-dead');

    await setSpeed(page, '50');
    await expect
      .poll(
        async () => {
          const now = await members(page);
          const s = now.find((m) => m.id === survivor.id)!;
          return victim.assigned.every((tp) => s.assigned.includes(tp)) && now.find((m) => m.id === victim.id)!.assigned.length === 0;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect((await members(page)).find((m) => m.id === victim.id)?.state).toBe('gone');
    await playButton(page).click();
    await screenshot(page, 'workbench-rebalanced');
    expect(pageErrors(page)).toEqual([]);
  });

  test('stepping back shows an earlier moment: the clock and a log end offset go down', async () => {
    const page = await openFresh();
    await selectNode(page, 'orders');
    await setSpeed(page, '10');
    await playButton(page).click();
    const total = page.getByTestId('topic-total');
    await expect.poll(async () => Number(await total.getAttribute('data-end')), { timeout: 20_000 }).toBeGreaterThan(30);
    await playButton(page).click();
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Play');

    const timeBefore = await simMs(page);
    const endBefore = Number(await total.getAttribute('data-end'));
    const stepBack = page.locator('button[data-action="stepBack"]');
    for (let i = 0; i < 20; i++) await stepBack.click();

    await expect.poll(() => simMs(page)).toBe(Math.max(0, timeBefore - 2000));
    expect(await page.getByTestId('sim-time').textContent()).toBe(`${(Math.max(0, timeBefore - 2000) / 1000).toFixed(1)} s`);
    expect(Number(await total.getAttribute('data-end'))).toBeLessThan(endBefore);
    await screenshot(page, 'workbench-stepped-back');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a renamed node is still renamed after a reload', async () => {
    const page = await openFresh();
    await selectNode(page, 'payment');
    const label = page.getByLabel('Label', { exact: true });
    await label.fill('Payments API');
    await label.press('Enter');
    await expect.poll(() => canvasText(page)).toContain('Payments API');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('kafe.scenario') ?? '')).toContain('Payments API');

    await page.reload();
    await page.getByTestId('inspector').waitFor();
    await expect.poll(() => canvasText(page)).toContain('Payments API');
    expect(await canvasText(page)).toContain('Order Service');
    expect(await page.getByTestId('node-picker').innerText()).toContain('Payments API');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a copied share link opens the same scenario in a fresh browser', async () => {
    const page = await openFresh();
    await selectNode(page, 'email');
    const label = page.getByLabel('Label', { exact: true });
    await label.fill('Mailer');
    await label.press('Enter');
    await expect.poll(() => canvasText(page)).toContain('Mailer');

    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#c=[0-9a-z]+&s=/);
    await screenshot(page, 'workbench-share');

    const other = await app.openPage(link);
    await other.getByTestId('inspector').waitFor();
    await expect.poll(() => canvasText(other)).toContain('Mailer');
    for (const name of ['Order Service', 'Payment', 'Inventory', 'Analytics']) expect(await canvasText(other)).toContain(name);
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(other)).toEqual([]);
  });

  test('a broken share link is refused with an error, and the canvas keeps its nodes', async () => {
    const page = await openFresh();
    const before = await page.getByTestId('node-picker').locator('option').count();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByLabel('Paste a Kafé share link').fill(`${app.baseUrl}#s=this-is-not-a-scenario`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Could not open that share link' });
    await alert.waitFor();
    expect(await page.getByTestId('node-picker').locator('option').count()).toBe(before);
    expect(await canvasText(page)).toContain('Order Service');
    await screenshot(page, 'workbench-bad-link');

    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  test('a malformed JSON import is refused with an error, and the canvas stays', async () => {
    const page = await openFresh();
    await page.getByTestId('import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1, "nodes": [ {"id": '),
    });
    await page.getByRole('alert').filter({ hasText: 'Could not import that file' }).waitFor();
    expect(await canvasText(page)).toContain('Order Service');
    expect(await page.getByTestId('node-picker').innerText()).toContain('Payment');
    expect(pageErrors(page)).toEqual([]);
  });

  test('the main screen has no serious or critical accessibility violations, in English and in Thai', async () => {
    const page = await openFresh();
    await selectNode(page, 'payment');
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const check = () =>
      page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      });
    await screenshot(page, 'workbench-en');
    const english = await check();

    await page.getByRole('button', { name: 'ไทย' }).click();
    await page.getByRole('heading', { name: 'รายละเอียด' }).waitFor();
    await screenshot(page, 'workbench-th');
    const thai = await check();
    expect({ english, thai }).toEqual({ english: [], thai: [] });
    expect(pageErrors(page)).toEqual([]);
  });

  test('"?" opens the shortcut list, Escape closes it, and Space plays and pauses', async () => {
    const page = await openFresh();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const text = await dialog.innerText();
    for (const expected of ['Space', 'Play or pause', 'Step back', 'Step forward', 'Restart']) expect(text).toContain(expected);
    expect(await dialog.locator('tbody tr').count()).toBe(7);
    await screenshot(page, 'workbench-help');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await playButton(page).getAttribute('aria-label')).toBe('Play');
    await page.keyboard.press('Space');
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Pause');
    await expect.poll(() => simMs(page)).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Play');
    expect(pageErrors(page)).toEqual([]);
  });

  test('loading a template over a changed canvas asks first; over an unchanged template it just loads', async () => {
    const page = await openFresh();
    // Renaming a node is an edit that is kept nowhere else.
    await selectNode(page, 'payment');
    const label = page.getByLabel('Label', { exact: true });
    await label.fill('Payments API');
    await label.press('Enter');
    await expect.poll(() => canvasText(page)).toContain('Payments API');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.locator('[data-template="iotStream"]').click();
    const confirm = page.getByTestId('replace-dialog');
    await confirm.getByRole('heading', { name: /IoT/ }).waitFor();
    await screenshot(page, 'workbench-confirm-template');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await canvasText(page)).toContain('Payments API');

    await page.getByRole('button', { name: 'Templates' }).click();
    await page.locator('[data-template="iotStream"]').click();
    await page.getByRole('button', { name: 'Replace the canvas' }).click();
    await expect.poll(() => canvasText(page)).toContain('Anomaly Detector');

    // The IoT template as loaded: nothing to lose, so the next template loads at once.
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.locator('[data-template="orderFanOut"]').click();
    await expect.poll(() => canvasText(page)).toContain('Order Service');
    expect(await confirm.isVisible()).toBe(false);
    expect(pageErrors(page)).toEqual([]);
  });

  test("a topic's inspector resets a group's offsets only once the group is empty; to earliest, the whole topic is lag again and drains after restart", async () => {
    const page = await openFresh();
    await setSpeed(page, '5');
    await playButton(page).click();
    await selectNode(page, 'orders');
    const live = page.getByTestId('live-actions');
    await live.getByLabel('Group', { exact: true }).selectOption('email-service');
    const hint = page.getByTestId('reset-hint');
    const toEarliest = live.getByRole('button', { name: 'To earliest', exact: true });
    // Members are running: Kafka's tool refuses, so the button is off and the hint says why.
    await expect.poll(() => hint.getAttribute('data-busy')).toBe('true');
    expect(await toEarliest.isDisabled()).toBe(true);

    await selectNode(page, 'email');
    await page.locator('[data-live="takeDown"]').click();
    await selectNode(page, 'orders');
    await live.getByLabel('Group', { exact: true }).selectOption('email-service');
    await expect.poll(() => hint.getAttribute('data-busy'), { timeout: 20_000 }).toBe('false');
    await playButton(page).click();
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Play');
    await toEarliest.click();
    const emailLag = () => page.locator('.react-flow__node[data-id="email"] [data-lag]').first().getAttribute('data-lag').then(Number);
    const topicTotal = () => page.getByTestId('topic-total').getAttribute('data-end').then(Number);
    // Both read together: the inspector's total and the node's lag can each trail the paused
    // clock's last frame by a refresh, so neither is read once and kept.
    await expect.poll(async () => {
      const total = await topicTotal();
      return total > 0 && (await emailLag()) === total;
    }).toBe(true);
    const total = await topicTotal();
    await screenshot(page, 'workbench-reset-offsets');

    await selectNode(page, 'email');
    await page.locator('[data-live="bringUp"]').click();
    await playButton(page).click();
    await expect.poll(emailLag, { timeout: 30_000 }).toBeLessThan(total);
    expect(pageErrors(page)).toEqual([]);
  });
});
