import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pageErrors, screenshot, useApp, viewFitted } from './harness';

/**
 * The built page holds a first visit's first screen (src/prerender/): painted before any script
 * runs, then hydrated. These journeys check that a first visit hydrates it without a difference
 * (React would otherwise draw the app anew and say so), that hydrating yields exactly the app a
 * visit drawn from scratch gets, and that no other visit ever shows it.
 */
const app = useApp();
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A page in a fresh context; `setup` runs before any page script (storage, say). */
function open(viewport: { width: number; height: number }, { setup = '', hash = '', blockScripts = false } = {}): Promise<Page> {
  return app.openPage(`/${hash}`, {
    viewport,
    prepare: async (page) => {
      if (setup) await page.addInitScript(setup);
      // The app's modules withheld: what the page shows from its HTML and head alone.
      if (blockScripts) await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    },
  });
}

/** The app at rest: the canvas fitted, the course and the charts' panel drawn. */
async function settled(page: Page): Promise<void> {
  await viewFitted(page);
  await page.locator('[data-testid="lesson-panel"]').waitFor();
  await page.waitForTimeout(1500);
}

/**
 * #root's elements, attributes and text, one line each, in a form that does not depend on how
 * the DOM was made: attributes sorted, styles as the browser reads them, adjacent text joined (a
 * server marks text boundaries with comments), a list's choice as chosen, React's generated ids
 * (useId: the server's and the client's differ in form) made alike.
 */
async function rootTree(page: Page): Promise<string[]> {
  const lines = await page.locator('#root').evaluate((root) => {
    const out: string[] = [];
    const walk = (el: Element, depth: number) => {
      const attrs = [...el.attributes]
        // A server marks the chosen option `selected`; a client sets the list's value: both read below.
        .filter((a) => !(el.tagName === 'OPTION' && a.name === 'selected'))
        .map((a) => (a.name === 'style' ? `style=${(el as HTMLElement).style.cssText}` : `${a.name}=${a.value}`))
        .sort();
      if (el instanceof HTMLSelectElement) attrs.push(`(chosen)=${el.value}`);
      out.push(`${' '.repeat(depth)}<${el.tagName.toLowerCase()} ${attrs.join(' ')}>`);
      let text = '';
      const flush = () => {
        if (text.trim()) out.push(`${' '.repeat(depth + 1)}"${text}"`);
        text = '';
      };
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
        else if (child.nodeType === Node.ELEMENT_NODE) {
          flush();
          walk(child as Element, depth + 1);
        }
      }
      flush();
    };
    for (const child of root.children) walk(child, 0);
    return out;
  });
  return lines.map((line) => line.replace(/_[rR]_[0-9a-zA-Z]+_/g, '_id_'));
}

describe('the prerendered first screen', () => {
  for (const viewport of [WIDE, PHONE]) {
    test(`a first visit at ${viewport.width}×${viewport.height} hydrates it, and gets the very page a visit drawn from scratch gets`, async () => {
      const first = await open(viewport);
      // A returning visitor with only a language saved: drawn from scratch, in the same state.
      const again = await open(viewport, { setup: `localStorage.setItem('kafe.lang', 'en')` });
      try {
        await settled(first);
        await settled(again);
        expect(await first.locator('html').getAttribute('data-first-screen')).toBe('prerendered');
        expect(await again.locator('html').getAttribute('data-first-screen')).toBeNull();
        expect(pageErrors(first)).toEqual([]);
        expect(pageErrors(again)).toEqual([]);
        const hydrated = await rootTree(first);
        expect(hydrated.some((line) => line.includes('react-flow__node '))).toBe(true);
        expect(hydrated.some((line) => line.includes('kafe-canvas__drawing'))).toBe(false);
        expect(hydrated).toEqual(await rootTree(again));
        await screenshot(first, `first-screen-hydrated-${viewport.width}`);
      } finally {
        await first.context().close();
        await again.context().close();
      }
    });
  }

  test('is painted from the HTML alone on a first visit, and hidden from every other visit', async () => {
    const cases: { name: string; viewport: typeof WIDE; setup?: string; hash?: string; shown: boolean }[] = [
      { name: 'first visit', viewport: WIDE, shown: true },
      { name: 'phone', viewport: PHONE, shown: true },
      { name: 'Thai chosen', viewport: WIDE, setup: `localStorage.setItem('kafe.lang', 'th')`, shown: false },
      { name: 'saved canvas', viewport: WIDE, setup: `localStorage.setItem('kafe.scenario', '{}')`, shown: false },
      { name: 'lesson link', viewport: WIDE, hash: '#lesson=kafka-post-office', shown: false },
    ];
    for (const c of cases) {
      const page = await open(c.viewport, { setup: c.setup, hash: c.hash, blockScripts: true });
      try {
        const display = await page.locator('#root').evaluate((root) => getComputedStyle(root).display);
        expect([c.name, display !== 'none'], 'prerender shown').toEqual([c.name, c.shown]);
        expect(await page.locator('html').getAttribute('data-first-screen')).toBe(c.shown ? 'prerendered' : 'fresh');
        if (c.shown && c.viewport === WIDE) {
          // Legible before any script: the course and the palette are there, styled, and the canvas
          // says what it is about to show.
          await expect(page.getByRole('heading', { name: 'Course' }).isVisible()).resolves.toBe(true);
          await expect(page.getByText('Drawing the event flow…').isVisible()).resolves.toBe(true);
          await expect(page.locator('.lesson-list__title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).resolves.toBeGreaterThanOrEqual(14);
          await screenshot(page, 'first-screen-before-scripts');
        }
      } finally {
        await page.context().close();
      }
    }
  });

  test('a button pressed before the app has started is pressed once it has: Start, pressed twice, opens the lesson once', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const page = await app.openPage('/', {
      viewport: WIDE,
      waitUntil: 'commit',
      // The app's entry module held back: the page shows its HTML, and nothing listens to clicks.
      prepare: (p) => p.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
        await released;
        await route.continue();
      }),
    });
    try {
      const start = page.getByTestId('lesson-panel').getByRole('button', { name: 'Start: Kafka is a digital post office' });
      await start.waitFor();
      await start.click();
      await start.click();
      await page.waitForTimeout(300);
      expect(await page.getByTestId('lesson').count()).toBe(0);
      release();
      const lesson = page.getByTestId('lesson');
      await lesson.waitFor();
      await expect(lesson.textContent()).resolves.toContain('Kafka is a digital post office');
      // Pressed once: the lesson is at its first step, and the course list (with the second Start) is gone.
      await expect(lesson.getByText(/Step 1 of/).count()).resolves.toBe(1);
      await viewFitted(page);
      expect(await page.locator('html').getAttribute('data-first-screen')).toBe('prerendered');
      expect(pageErrors(page)).toEqual([]);
      await screenshot(page, 'first-screen-early-start');
    } finally {
      await page.context().close();
    }
  });

  test('another visit is drawn from scratch, as its own: Thai on a phone', async () => {
    const thai = await open(PHONE, { setup: `localStorage.setItem('kafe.lang', 'th')` });
    try {
      await thai.locator('.sheet-tabs').waitFor();
      await thai.locator('html[lang="th"]').waitFor({ state: 'attached' });
      expect(await thai.locator('.brand__tagline').textContent()).toContain('เรียนรู้ Kafka');
      expect(await thai.locator('html').getAttribute('data-first-screen')).toBeNull();
      expect(await thai.locator('#root > .app').count()).toBe(1);
      expect(pageErrors(thai)).toEqual([]);
    } finally {
      await thai.context().close();
    }
  });
});
