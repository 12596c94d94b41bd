import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { pageErrors, ROOT, screenshot, SCREENSHOT_DIR, useApp } from './harness';

/**
 * AsyncAPI in the toolbar: the canvas downloads as an AsyncAPI 3.0 YAML document; a Confluent CLI
 * export builds a canvas after the learner agrees, with a notice of what was not carried over; a
 * broken document shows the parser's messages with their lines and leaves the canvas alone.
 */
const app = useApp();
const FIXTURES = path.join(ROOT, 'test/fixtures/asyncapi');
const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const nodeIds = (page: Page) => page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')).sort());

async function openFresh(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await app.openPage('/', viewport ? { viewport } : undefined);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('inspector').waitFor();
  return page;
}

async function chooseDocument(page: Page, fixture: string): Promise<void> {
  await page.getByTestId('asyncapi-file').setInputFiles({ name: fixture, mimeType: 'application/yaml', buffer: await readFile(path.join(FIXTURES, fixture)) });
}

describe('AsyncAPI export and import', () => {
  test('Export AsyncAPI downloads the canvas as an AsyncAPI 3.0 YAML document with Kafka bindings', async () => {
    const page = await openFresh();
    await page.getByTestId('asyncapi-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export AsyncAPI/ }).click()]);
    expect(download.suggestedFilename()).toBe('kafe-order-fan-out.asyncapi.yaml');
    const doc = parse(await readFile((await download.path())!, 'utf8')) as Record<string, any>;
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.channels.orders.bindings.kafka).toMatchObject({ topic: 'orders', partitions: 6, replicas: 3 });
    expect(doc.operations['payment.receive.orders'].bindings.kafka.groupId).toEqual({ type: 'string', enum: ['payment-service'] });
    expect(Object.keys(doc.components.messages)).toContain('OrderPlaced');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a Confluent CLI export builds the canvas after confirming, and says what was not carried over', async () => {
    const page = await openFresh();
    const before = await nodeIds(page);
    await page.getByTestId('asyncapi-menu').click();
    await chooseDocument(page, 'confluent-2.4.0.yaml');
    const panel = page.getByTestId('asyncapi-panel');
    await expect.poll(() => panel.getByTestId('asyncapi-summary').count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.getByTestId('asyncapi-summary').innerText()).toBe(
      'API Document for Confluent Cluster: 2 topic(s), 2 producer(s), service(s) and consumer group(s), 1 broker(s).',
    );
    const notes = await panel.getByTestId('asyncapi-notes').innerText();
    expect(notes).toContain('Server “schema-registry” (kafka): Kafé simulates its own brokers instead.');
    expect(notes).toContain('Topic orders: configs confluent.value.schema.validation, max.message.bytes are not simulated.');
    expect(notes).toContain('Operation “OrdersSubscribe” (AsyncAPI 2 subscribe with a consumer groupId) is read as a consumer group.');
    // Nothing has changed yet: the learner has not agreed.
    expect(await nodeIds(page)).toEqual(before);
    await screenshot(page, 'asyncapi-import-notice');
    for (const [name, viewport] of [
      ['asyncapi-import-notice-1366', { width: 1366, height: 768 }],
      ['asyncapi-import-notice-390', { width: 390, height: 844 }],
      ['asyncapi-import-notice-1920', { width: 1920, height: 1080 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    await panel.getByRole('button', { name: 'Replace the canvas' }).click();
    // The shared consent: a canvas restored from the autosave (the reload above) is kept nowhere
    // else, so replacing it asks first; agreeing replaces it.
    const dialog = page.getByTestId('replace-dialog');
    await expect.poll(async () => (await dialog.isVisible()) || (await nodeIds(page)).includes('OrdersSubscribe')).toBe(true);
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Replace the canvas' }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['CustomerProfilesSubscribe', 'OrdersSubscribe', 'broker-1', 'customer-profiles', 'orders']);
    await flowNode(page, 'orders').waitFor();
    // The success notice says so (the dialog's click closed the menu, when the dialog was asked).
    await page.getByRole('status').filter({ hasText: 'Scenario imported.' }).waitFor();

    // In Thai, the notice is Thai (Kafka and AsyncAPI terms stay in English).
    await page.keyboard.press('Escape');
    await page.locator('[data-lang="th"]').click();
    await page.getByTestId('asyncapi-menu').click();
    await chooseDocument(page, 'confluent-2.4.0.yaml');
    await expect.poll(() => panel.getByTestId('asyncapi-notes').count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.getByTestId('asyncapi-notes').innerText()).toContain('ไม่ได้นำมา (Kafé ไม่ได้จำลองส่วนนี้)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'asyncapi-import-notice-th.png') });
    await panel.getByRole('button', { name: 'ยกเลิก' }).click();
    expect(pageErrors(page)).toEqual([]);
  });

  test('over unsaved work, importing asks through the shared consent dialog; Cancel keeps the canvas, agreeing replaces it', async () => {
    const page = await openFresh();
    // Renaming a node is an edit kept nowhere else, so replacing the canvas would lose it.
    await page.getByTestId('node-picker').selectOption('payment');
    const label = page.getByLabel('Label', { exact: true });
    await label.fill('Payments API');
    await label.press('Enter');
    await expect.poll(() => page.locator('.workbench__canvas').innerText()).toContain('Payments API');
    const before = await nodeIds(page);

    await page.getByTestId('asyncapi-menu').click();
    await chooseDocument(page, 'confluent-2.4.0.yaml');
    const panel = page.getByTestId('asyncapi-panel');
    await panel.getByTestId('asyncapi-notes').waitFor({ timeout: 30_000 });
    await panel.getByTestId('asyncapi-replace').click();
    const dialog = page.getByTestId('replace-dialog');
    await dialog.getByRole('heading', { name: 'Import “API Document for Confluent Cluster”?' }).waitFor();
    for (const [name, viewport] of [
      ['asyncapi-consent-1366', { width: 1366, height: 768 }],
      ['asyncapi-consent-390', { width: 390, height: 844 }],
      ['asyncapi-consent-1920', { width: 1920, height: 1080 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await nodeIds(page)).toEqual(before);
    expect(await page.locator('.workbench__canvas').innerText()).toContain('Payments API');

    // Asked again and agreed: the document replaces the canvas.
    if (!(await panel.isVisible())) {
      await page.getByTestId('asyncapi-menu').click();
      await chooseDocument(page, 'confluent-2.4.0.yaml');
    }
    await panel.getByTestId('asyncapi-replace').click();
    await dialog.getByRole('button', { name: 'Replace the canvas' }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['CustomerProfilesSubscribe', 'OrdersSubscribe', 'broker-1', 'customer-profiles', 'orders']);
    expect(pageErrors(page)).toEqual([]);
  });

  test('a document that maps to nothing Kafé can read is refused in the learner’s language, the reader’s English kept as detail', async () => {
    const page = await openFresh();
    const before = await nodeIds(page);
    await page.locator('[data-lang="th"]').click();
    await page.getByTestId('asyncapi-menu').click();
    await page.getByTestId('asyncapi-file').setInputFiles({ name: 'empty.yaml', mimeType: 'application/yaml', buffer: Buffer.from('   \n') });
    const panel = page.getByTestId('asyncapi-panel');
    const reason = panel.locator('[data-reason="empty"]');
    await reason.waitFor({ timeout: 30_000 });
    expect(await reason.innerText()).toBe('ไฟล์นี้ว่างเปล่า จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม');
    expect(await panel.getByTestId('asyncapi-problems').innerText()).toBe('the file is empty');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'asyncapi-refused-th.png') });
    expect(await nodeIds(page)).toEqual(before);
    expect(pageErrors(page)).toEqual([]);
  });

  test("a broken document shows the parser's messages with their lines and keeps the canvas", async () => {
    const page = await openFresh();
    const before = await nodeIds(page);
    const saved = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    await page.getByTestId('asyncapi-menu').click();
    await chooseDocument(page, 'broken-3.0.yaml');
    const problems = page.getByTestId('asyncapi-problems');
    await problems.waitFor({ timeout: 30_000 });
    const text = await problems.innerText();
    expect(text).toContain('line 10: "partitions" property must be >= 1');
    expect(text).toContain("line 16: '#/channels/nowhere' does not exist");
    expect(await page.getByTestId('asyncapi-panel').innerText()).toContain('Your canvas is unchanged.');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'asyncapi-import-broken.png') });
    expect(await nodeIds(page)).toEqual(before);
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).toBe(saved);

    // A valid document cancelled at the preview leaves the canvas as well.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('asyncapi-menu').click();
    await chooseDocument(page, 'shop-3.0.yaml');
    await page.getByTestId('asyncapi-summary').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await nodeIds(page)).toEqual(before);
    expect(pageErrors(page)).toEqual([]);
  });
});
