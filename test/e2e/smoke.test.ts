import { describe, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp } from './harness';

const app = useApp();

describe('the app shell', () => {
  test('loads with the Kafé header, an English tagline and no page errors', async () => {
    const page = await app.openPage();

    await expect(page.title()).resolves.toBe('Kafé — learn Kafka and event-driven architecture by playing');
    await page.getByRole('heading', { level: 1, name: 'Kafé' }).waitFor();
    expect(await page.locator('.brand__tagline').textContent()).toBe(
      'Learn Kafka and event-driven architecture by playing',
    );
    await page.locator('.react-flow').waitFor(); // the workbench canvas is mounted
    await screenshot(page, 'smoke-en');

    expect(pageErrors(page)).toEqual([]);
  });

  test('switches to Thai and back, and remembers the choice across a reload', async () => {
    const page = await app.openPage();
    const thai = page.getByRole('button', { name: 'ไทย' });
    const english = page.getByRole('button', { name: 'English' });

    await thai.click();
    await page.getByText('เรียนรู้ Kafka และสถาปัตยกรรมแบบขับเคลื่อนด้วยอีเวนต์').waitFor();
    expect(await thai.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    expect(await page.evaluate(() => localStorage.getItem('kafe.lang'))).toBe('th');
    await screenshot(page, 'smoke-th');

    await page.reload();
    await page.getByText('เรียนรู้ Kafka').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('th');

    await english.click();
    await page.getByText('Learn Kafka and event-driven architecture by playing').waitFor();
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.brand__tagline').textContent()).toBe('Learn Kafka and event-driven architecture by playing');

    expect(pageErrors(page)).toEqual([]);
  });
});

describe('the browser harness', () => {
  test('records uncaught errors and console errors, so the no-error checks can fail', async () => {
    const page = await app.openPage();
    await page.evaluate(() => {
      console.error('deliberate console error');
      setTimeout(() => {
        throw new Error('deliberate uncaught error');
      });
    });
    await expect.poll(() => pageErrors(page).length).toBe(2);
    expect(pageErrors(page).join('\n')).toMatch(/deliberate console error[\s\S]*deliberate uncaught error/);
  });
});
