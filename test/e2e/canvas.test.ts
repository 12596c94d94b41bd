import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { partitionForKey } from '../../src/engine';
import { TEMPLATES, scenarioToJson, type Scenario } from '../../src/scenario';
import path from 'node:path';
import { dragConnect, pageErrors, screenshot, SCREENSHOT_DIR, useApp, viewFitted } from './harness';

const app = useApp();
const VIEWPORT = { width: 1600, height: 1000 };

/**
 * Opens the app with `scenario` as the autosaved canvas. The init script runs before the app's
 * own scripts on every load of this page, so the seed wins over whatever the first load saved.
 */
async function openWith(scenario: Scenario): Promise<Page> {
  const page = await app.openPage('/', { viewport: VIEWPORT });
  const saved = scenarioToJson(scenario);
  await page.context().addInitScript((text) => window.localStorage.setItem('kafe.scenario', text), saved);
  await page.reload({ waitUntil: 'load' });
  await page.locator('.react-flow__pane').waitFor();
  await viewFitted(page);
  return page;
}

/** A close-up of one canvas node, to look at its text (full-page shots are scaled down). */
const nodeShot = (page: Page, id: string, name: string) => flowNode(page, id).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Zooms in (the canvas's + button) until `id` draws its full detail: lanes, chips, stats. */
async function zoomToDetail(page: Page, id: string): Promise<void> {
  // Until the first fit, zoom 1 draws detail, and the fit would zoom back out after this returns.
  await viewFitted(page);
  const detail = flowNode(page, id).locator('[data-level="detail"]');
  for (let i = 0; i < 10 && (await detail.count()) === 0; i++) await page.locator('.react-flow__controls-zoomin').click();
  await detail.waitFor();
}


const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
type Box = { x: number; y: number; width: number; height: number };

/** Clicks the time controls' Play button (built by the time-controls panel). */
async function play(page: Page) {
  const button = page.getByRole('button', { name: /^play/i });
  await button.waitFor({ timeout: 10_000 });
  await button.click();
}

describe('building a flow on the canvas', () => {
  test('a learner drags a producer, a topic and a service in, connects them, plays, and sees records land and get processed', async () => {
    const page = await openWith(TEMPLATES.empty.build());
    const pane = page.locator('.react-flow__pane');
    await expect(page.getByRole('region', { name: 'Event flow canvas' }).count()).resolves.toBe(1);

    await page.dragAndDrop('button[data-kind="producer"]', '.react-flow__pane', { targetPosition: { x: 130, y: 100 } });
    await page.dragAndDrop('button[data-kind="topic"]', '.react-flow__pane', { targetPosition: { x: 470, y: 100 } });
    await page.dragAndDrop('button[data-kind="service"]', '.react-flow__pane', { targetPosition: { x: 840, y: 100 } });
    await flowNode(page, 'producer-1').waitFor();
    await flowNode(page, 'topic-1').waitFor();
    await flowNode(page, 'service-1').waitFor();
    // Dropped where the pointer was: left to right in the order they were dropped.
    const xs = await Promise.all(['producer-1', 'topic-1', 'service-1'].map(async (id) => (await flowNode(page, id).boundingBox())!.x));
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    // A fresh producer has nowhere to send yet: the node says so.
    await flowNode(page, 'producer-1').locator('[data-problem="notConnected"]').waitFor();
    await screenshot(page, 'canvas-dropped');

    // Keyboard: Enter on a palette item adds it at a free spot; Delete removes the selected node.
    await page.locator('button[data-kind="consumer"]').focus();
    await page.keyboard.press('Enter');
    const consumer = flowNode(page, 'consumer-1');
    await consumer.waitFor();
    const boxes = await Promise.all(['producer-1', 'topic-1', 'service-1', 'consumer-1'].map(async (id) => (await flowNode(page, id).boundingBox())!));
    for (const other of boxes.slice(0, 3)) expect(overlaps(boxes[3], other)).toBe(false);
    await consumer.click();
    await page.keyboard.press('Delete');
    await consumer.waitFor({ state: 'detached' });

    await dragConnect(page, flowNode(page, 'producer-1').locator('.react-flow__handle.source'), flowNode(page, 'topic-1').locator('.react-flow__handle.target'));
    await dragConnect(page, flowNode(page, 'topic-1').locator('.react-flow__handle.source'), flowNode(page, 'service-1').locator('.react-flow__handle.target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => flowNode(page, 'producer-1').locator('[data-problem]').count()).toBe(0);
    await pane.click({ position: { x: 20, y: 20 } });

    await zoomToDetail(page, 'topic-1');
    await play(page);
    await page.waitForTimeout(3000);
    const topic = flowNode(page, 'topic-1');
    // A lane's records and group markers are drawn on a canvas; it carries them as data-records / data-markers.
    const drawn = (attr: 'data-records' | 'data-markers') =>
      topic
        .locator('.kafe-lane .kafe-lane__strip')
        .evaluateAll((els, name) => els.flatMap((el) => JSON.parse(el.getAttribute(name) ?? '[]') as { offset?: number; committed?: number }[]), attr);
    await expect.poll(() => drawn('data-records').then((r) => r.length), { timeout: 10_000 }).toBeGreaterThan(0);
    const processed = () => flowNode(page, 'service-1').locator('[data-processed]').getAttribute('data-processed').then(Number);
    await expect.poll(processed, { timeout: 10_000 }).toBeGreaterThan(0);
    const committed = () => drawn('data-markers').then((ms) => ms.reduce((n, m) => n + (m.committed ?? 0), 0));
    await expect.poll(committed, { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, 'canvas-running');
    await nodeShot(page, 'topic-1', 'canvas-topic-en');
    await nodeShot(page, 'service-1', 'canvas-service-en');

    await page.getByRole('button', { name: 'ไทย' }).click();
    await page.getByRole('region', { name: 'แคนวาสเส้นทางอีเวนต์' }).waitFor();
    await screenshot(page, 'canvas-running-th');
    await nodeShot(page, 'topic-1', 'canvas-topic-th');
    await nodeShot(page, 'service-1', 'canvas-service-th');
    await nodeShot(page, 'producer-1', 'canvas-producer-th');

    expect(pageErrors(page)).toEqual([]);
  });

  test('a lane far below the screen keeps no out-of-date picture: cleared when its records change, drawn when it comes near', async () => {
    const page = await openWith(TEMPLATES.orderFanOut.build());
    await zoomToDetail(page, 'orders');
    // Zoomed in further, the topic is taller than the screen: its last lanes lie far below it.
    for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
    const orders = flowNode(page, 'orders');
    const drag = async (dy: number) => {
      // From a spot of bare pane (a drag that starts on a node moves the node instead).
      const [x, y] = await page.evaluate((dy) => {
        const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
        for (let y = pane.top + 10; y < pane.bottom - 10; y += 10)
          for (let x = pane.left + 10; x < pane.right - 10; x += 20)
            if (y + dy > pane.top && y + dy < pane.bottom && document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return [x, y];
        throw new Error('no bare pane to drag');
      }, dy);
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y + dy, { steps: 8 });
      await page.mouse.up();
    };
    // Bring the topic's top to 150 px above the pane's bottom edge.
    const paneBox = (await page.locator('.react-flow__pane').boundingBox())!;
    for (let i = 0; i < 4; i++) {
      const top = (await orders.boundingBox())!.y;
      const want = paneBox.y + paneBox.height - 150;
      if (Math.abs(top - want) < 20) break;
      await drag(Math.max(-600, Math.min(600, want - top)));
    }
    /** Per lane: its top relative to the pane's bottom edge, its data-records, its painted pixels. */
    const lanes = () =>
      orders.locator('.kafe-lane__strip').evaluateAll((els) => {
        const bottom = document.querySelector('.react-flow__pane')!.getBoundingClientRect().bottom;
        return els.map((el) => {
          const c = el as HTMLCanvasElement;
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
          return { below: c.getBoundingClientRect().top - bottom, records: c.getAttribute('data-records'), painted };
        });
      });
    const start = await lanes();
    const far = start.flatMap((l, i) => (l.below > 300 ? [i] : []));
    expect(far.length).toBeGreaterThan(0);
    await play(page);
    // data-* stay current far off screen; the picture is cleared rather than left showing old records.
    await expect.poll(async () => (await lanes()).filter((l, i) => far.includes(i) && l.records !== start[i].records).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^pause/i }).click();
    const changed = (await lanes()).flatMap((l, i) => (far.includes(i) && l.records !== start[i].records ? [l] : []));
    for (const lane of changed) expect(lane.painted).toBe(0);
    // Brought on screen, they are drawn again.
    await drag(-Math.min(600, paneBox.height - 100));
    await drag(-Math.min(600, paneBox.height - 100));
    await expect.poll(async () => (await lanes()).filter((l, i) => far.includes(i) && l.below < -20 && l.painted > 0).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
  });

  test('in the order fan-out, every key lands in exactly one partition: the one Kafka’s partitioner picks', async () => {
    const scenario = TEMPLATES.orderFanOut.build();
    const page = await openWith(scenario);
    await zoomToDetail(page, 'orders');
    // Zoomed in, every lane is drawn in full (a miss here is the zoom, not the partitioner).
    await flowNode(page, 'orders').locator('.kafe-lane__strip').first().waitFor({ timeout: 20_000 });
    // 5x gets the lanes filled sooner on a busy machine.
    await page.getByLabel('Speed', { exact: true }).selectOption('5');
    await play(page);
    const orders = flowNode(page, 'orders');
    const keyed = () =>
      orders.locator('.kafe-lane__strip').evaluateAll((els) => els.flatMap((el) => JSON.parse(el.getAttribute('data-records') ?? '[]') as { key: string | null }[]).filter((r) => r.key !== null).length);
    await expect.poll(keyed, { timeout: 40_000 }).toBeGreaterThanOrEqual(18);

    // Read in one evaluation: the lanes re-render every frame while time runs.
    const chips = await page.evaluate(() =>
      [...document.querySelectorAll('.kafe-lane')].flatMap((lane) =>
        (JSON.parse(lane.querySelector('.kafe-lane__strip')?.getAttribute('data-records') ?? '[]') as { key: string | null; offset: number; partition: number }[]).map((r) => ({
          topic: lane.getAttribute('data-topic')!,
          partition: r.partition,
          key: r.key ?? '',
          offset: r.offset,
        })),
      ),
    );
    const partitionsOf = new Map(scenario.nodes.flatMap((n) => (n.kind === 'topic' ? [[n.props.name, n.props.partitions] as const] : [])));
    const seen = new Map<string, Set<number>>();
    for (const c of chips) {
      expect(c.key).not.toBe('');
      const where = `${c.topic}/${c.key}`;
      seen.set(where, (seen.get(where) ?? new Set()).add(c.partition));
      expect(c.partition, `${where} @${c.offset}`).toBe(partitionForKey(c.key, partitionsOf.get(c.topic)!));
    }
    for (const [where, parts] of seen) expect([...parts], where).toHaveLength(1);
    // Several partitions of "orders" got records, so the check above covers more than one lane.
    expect(new Set(chips.filter((c) => c.topic === 'orders').map((c) => c.partition)).size).toBeGreaterThan(1);
    await screenshot(page, 'canvas-fanout');
    await nodeShot(page, 'orders', 'canvas-fanout-orders');

    expect(pageErrors(page)).toEqual([]);
  }, 120_000);
});
