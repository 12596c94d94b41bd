import { describe, expect, test } from 'vitest';
import { DETAIL_ZOOM, MIN_DETAIL_FONT_PX, READABLE_MIN_ZOOM, READABLE_PX, readableViewport, SUMMARY_MIN_FONT_PX, viewIncluding, type Bounds, type Viewport } from '../../src/ui/canvas/semanticZoom';

describe('semantic zoom thresholds', () => {
  test('the smallest text of each level reads at >= 11 px wherever that level is drawn from', () => {
    expect(SUMMARY_MIN_FONT_PX * READABLE_MIN_ZOOM).toBeGreaterThanOrEqual(READABLE_PX);
    expect(MIN_DETAIL_FONT_PX * DETAIL_ZOOM).toBeGreaterThanOrEqual(READABLE_PX);
    expect(READABLE_MIN_ZOOM).toBeLessThan(DETAIL_ZOOM);
  });
});

describe('readableViewport', () => {
  const pane = { width: 800, height: 600 };

  test('a small graph is fitted and centred, never above 100 %', () => {
    const v = readableViewport({ x: 0, y: 0, width: 200, height: 100 }, pane, { padding: 0.1 });
    expect(v.zoom).toBe(1);
    expect(v.x).toBeCloseTo((800 - 200) / 2);
    expect(v.y).toBeCloseTo((600 - 100) / 2);
  });

  test('a graph that fits between the readable minimum and 100 % is fitted whole', () => {
    const bounds = { x: 100, y: 50, width: 1000, height: 500 };
    const v = readableViewport(bounds, pane, { padding: 0.1 });
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_MIN_ZOOM);
    expect(v.zoom).toBeLessThan(1);
    // Both edges of the graph are on screen.
    expect(bounds.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
    expect((bounds.x + bounds.width) * v.zoom + v.x).toBeLessThanOrEqual(pane.width);
  });

  test('a graph too big to read whole opens at the readable minimum from its left edge, centred on the first node', () => {
    const bounds = { x: -50, y: 0, width: 4000, height: 3000 };
    const anchor = { x: -50, y: 1500 };
    const v = readableViewport(bounds, pane, { padding: 0.1, anchor });
    expect(v.zoom).toBe(READABLE_MIN_ZOOM);
    expect(bounds.x * v.zoom + v.x).toBeCloseTo(60); // the margin: 10 % of the shorter side
    expect(anchor.y * v.zoom + v.y).toBeCloseTo(300); // the first node mid-screen
  });

  test('centring on the first node never scrolls past the top or the bottom of the graph', () => {
    const bounds = { x: 0, y: 0, width: 4000, height: 3000 };
    const top = readableViewport(bounds, pane, { padding: 0.1, anchor: { x: 0, y: 10 } });
    expect(top.y).toBeCloseTo(60);
    const bottom = readableViewport(bounds, pane, { padding: 0.1, anchor: { x: 0, y: 2990 } });
    expect((bounds.y + bounds.height) * bottom.zoom + bottom.y).toBeCloseTo(600 - 60);
  });

  test('only the part of the pane a sheet leaves free is used', () => {
    const bounds = { x: 0, y: 0, width: 300, height: 400 };
    const whole = readableViewport(bounds, { width: 390, height: 600 }, { padding: 0.05 });
    const above = readableViewport(bounds, { width: 390, height: 600, visibleHeight: 300 }, { padding: 0.05 });
    expect(above.zoom).toBeLessThan(whole.zoom);
    expect(bounds.height * above.zoom + above.y).toBeLessThanOrEqual(300);
  });
});

describe('viewIncluding: a lesson step shows the nodes it names', () => {
  const pane = { width: 800, height: 600 };
  const onScreen = (v: Viewport, b: Bounds, height = pane.height) =>
    b.x * v.zoom + v.x >= 0 && (b.x + b.width) * v.zoom + v.x <= pane.width && b.y * v.zoom + v.y >= 0 && (b.y + b.height) * v.zoom + v.y <= height;

  test('a view that already shows them stays as it is', () => {
    const view = { x: 0, y: 0, zoom: 0.5 };
    const focus = { x: 200, y: 200, width: 300, height: 200 };
    expect(viewIncluding(view, focus, pane)).toBe(view);
  });

  test('nodes off to the right are panned into view at the same, readable zoom', () => {
    const view = { x: 0, y: 0, zoom: 0.5 };
    const focus = { x: 2000, y: 200, width: 380, height: 300 };
    const v = viewIncluding(view, focus, pane);
    expect(v.zoom).toBe(0.5);
    expect(onScreen(v, focus)).toBe(true);
  });

  test('nodes too far apart to show at once are fitted, but never below the readable zoom', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    const wide = { x: 0, y: 0, width: 1200, height: 300 };
    const fitted = viewIncluding(view, wide, pane);
    expect(fitted.zoom).toBeLessThan(1);
    expect(fitted.zoom).toBeGreaterThanOrEqual(READABLE_MIN_ZOOM);
    expect(onScreen(fitted, wide)).toBe(true);
    const huge = { x: 500, y: 0, width: 5000, height: 300 };
    const start = viewIncluding(view, huge, pane);
    expect(start.zoom).toBe(READABLE_MIN_ZOOM);
    expect(huge.x * start.zoom + start.x).toBeCloseTo(60); // its left edge, after the margin
  });

  test('on a phone the part above the lesson sheet is what counts', () => {
    const view = { x: 0, y: 0, zoom: 0.5 };
    const focus = { x: 0, y: 700, width: 300, height: 200 };
    const v = viewIncluding(view, focus, { ...pane, visibleHeight: 300 });
    expect(onScreen(v, focus, 300)).toBe(true);
  });
});
