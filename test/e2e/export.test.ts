import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { pageErrors, screenshot, SCREENSHOT_DIR, useApp } from './harness';

/**
 * "Export as code": a learner who has built a flow on the canvas downloads it as a kafkajs project,
 * and sees how to run it and what a real cluster does differently. The same from the comparison's
 * event-driven side.
 */
const app = useApp();

async function openFresh(): Promise<Page> {
  const page = await app.openPage('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('inspector').waitFor();
  return page;
}

/** Clicks `button`, waits for the download, and returns its name and files (path → text). */
async function exportFrom(page: Page, button: Locator): Promise<{ name: string; files: Record<string, string> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  return { name: download.suggestedFilename(), files: Object.fromEntries(Object.entries(zip).map(([p, bytes]) => [p, strFromU8(bytes)])) };
}

describe('export as code', () => {
  test('the order fan-out downloads as a runnable kafkajs project, and the panel says what changed for a real cluster', async () => {
    const page = await openFresh();
    const { name, files } = await exportFrom(page, page.getByRole('button', { name: 'Export as code' }));

    expect(name).toBe('kafe-kafkajs-order-fan-out.zip');
    const root = 'kafe-kafkajs-order-fan-out/';
    expect(Object.keys(files).sort()).toEqual(
      [
        '.gitignore',
        'README.md',
        'docker-compose.yml',
        'package.json',
        'src/create-topics.ts',
        'src/kafka.ts',
        'src/producers/order-service.ts',
        'src/services/analytics.ts',
        'src/services/email.ts',
        'src/services/inventory.ts',
        'src/services/payment.ts',
        'tsconfig.json',
      ].map((p) => root + p),
    );
    const pkg = JSON.parse(files[`${root}package.json`]) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(Object.keys(pkg.scripts)).toEqual(['create-topics', 'order-service', 'payment', 'inventory', 'email', 'analytics', 'typecheck']);
    expect(pkg.dependencies.kafkajs).toBeTruthy();
    expect(files[`${root}docker-compose.yml`]).toContain('KAFKA_PROCESS_ROLES: broker,controller');
    expect(files[`${root}src/services/payment.ts`]).toContain('"group": "payment-service"');

    const panel = page.getByTestId('export-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('export-files').locator('li').count()).toBe(12);
    const codes = await panel.locator('[data-code]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    expect(codes).toEqual(['brokersMerged', 'replicationCapped', 'assignorMapped']);
    expect(await panel.innerText()).toContain('The canvas has 3 brokers; the project runs one');
    await screenshot(page, 'export-panel');

    // "Download again" gives the same bytes' worth of project; Escape closes the panel.
    const again = await exportFrom(page, panel.getByRole('button', { name: 'Download again' }));
    expect(Object.keys(again.files)).toHaveLength(12);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);

    // In Thai, the panel's notes are Thai too (Kafka terms stay in English).
    await page.locator('[data-lang="th"]').click();
    await exportFrom(page, page.getByRole('button', { name: 'ส่งออกเป็นโค้ด' }));
    await expect.poll(() => page.getByTestId('export-panel').innerText()).toContain('ปรับให้เข้ากับคลัสเตอร์จริง');
    await screenshot(page, 'export-panel-th');
    await page.getByTestId('export-panel').screenshot({ path: path.join(SCREENSHOT_DIR, 'export-panel-th-only.png') });

    expect(pageErrors(page)).toEqual([]);
  });

  test('a canvas with schemas (lesson 19) exports its Avro schemas as .avsc files, and the panel says the scripts send JSON', async () => {
    // Opened straight from a link: the export must wait for the schema checker, not leave producers out.
    const page = await app.openPage('/#lesson=schema-evolution&step=1&lang=en', { viewport: { width: 1366, height: 768 } });
    await page.getByTestId('lesson').waitFor();
    const { files } = await exportFrom(page, page.getByRole('button', { name: 'Export as code' }));
    const paths = Object.keys(files).map((p) => p.slice(p.indexOf('/') + 1));
    expect(paths).toEqual(expect.arrayContaining(['src/producers/web-shop.ts', 'src/producers/old-kiosk.ts', 'schemas/orders-value.v1.avsc', 'schemas/web-shop.writer.avsc', 'schemas/billing.reader.avsc']));
    const v1 = JSON.parse(Object.entries(files).find(([p]) => p.endsWith('schemas/orders-value.v1.avsc'))![1]) as { type: string; fields: { name: string }[] };
    expect(v1).toMatchObject({ type: 'record', name: 'Order' });
    expect(v1.fields.map((f) => f.name)).toEqual(['id', 'amount']);
    const panel = page.getByTestId('export-panel');
    await panel.waitFor();
    const codes = await panel.locator('[data-code]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['registryNotExported', 'writerSchemaNotUsed', 'readerSchemaNotUsed']));
    expect(await panel.innerText()).toContain('register it under orders-value with a schema registry');
    await screenshot(page, 'export-panel-schemas');
    expect(pageErrors(page)).toEqual([]);
  });

  test("the comparison's event-driven side downloads as a project with the learner's services", async () => {
    const page = await openFresh();
    await page.getByRole('tab', { name: /compare/i }).or(page.getByRole('button', { name: /compare/i })).first().click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    const pane = view.locator('[data-side="eda"]');
    const { name, files } = await exportFrom(page, pane.getByRole('button', { name: 'Export as code' }));

    expect(name).toBe('kafe-kafkajs-event-driven-shop.zip');
    const scripts = Object.keys(files).filter((p) => /\/src\/(producers|services)\//.test(p)).map((p) => p.split('/').slice(-2).join('/'));
    expect(scripts.sort()).toEqual(['producers/order.ts', 'services/email.ts', 'services/inventory.ts', 'services/payment.ts']);
    await pane.getByTestId('export-panel').waitFor();
    await pane.getByTestId('export-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-panel-compare');
    expect(pageErrors(page)).toEqual([]);
  });
});
