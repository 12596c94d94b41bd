import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultConfig, downstreamOf, FEATURE_IDS, RESULT_EVENTS, type CompareConfig, type FeatureId, type Side } from '../../src/compare';
import type { MessageKey, Translate } from '../../src/i18n';
import { compare as en } from '../../src/i18n/en/compare';
import { compare as th } from '../../src/i18n/th/compare';
import { layout, pickOrientation, TALL_MAX, TALL_MIN, WIDE, WIDE_WIDTH, type Box, type Layout, type LayoutInput, type Orientation } from '../../src/ui/compare/architectureLayout';

/**
 * The architecture picture's geometry (pure): the tall (phone) orientation keeps every box of the
 * wide one, inside its viewBox and without overlaps, for any pane width and any features added.
 */
const translator =
  (strings: Record<string, string>): Translate =>
  (key: MessageKey, vars?: Record<string, string | number>) =>
    (strings[key] ?? key).replace(/{{(\w+)}}/g, (_, name: string) => String(vars?.[name] ?? ''));
const T = { en: translator(en), th: translator(th) };

function input(features: readonly FeatureId[], extra: Partial<LayoutInput> = {}): LayoutInput {
  const config: CompareConfig = { ...defaultConfig(), features: [...features] };
  return { config, backlog: { order: 3, email: 12_345 }, activity: {}, added: [], changed: [], ...extra };
}

const tall = (width: number): Orientation => ({ kind: 'tall', width });

/** Boxes `a` and `b` share some area, counting the tag drawn above a tagged box (11 px text). */
function overlap(a: Box, b: Box): boolean {
  const top = (x: Box) => x.y - (x.tag ? 13 : 0);
  return a.x < b.x + b.w && b.x < a.x + a.w && top(a) < b.y + b.h && top(b) < a.y + a.h;
}

/** The start and end points of an edge's path ("M x,y C ... x,y"). */
function ends(d: string): [[number, number], [number, number]] {
  const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return [
    [numbers[0], numbers[1]],
    [numbers[numbers.length - 2], numbers[numbers.length - 1]],
  ];
}

const onBorder = ([x, y]: [number, number], b: Box) =>
  ((Math.abs(x - b.x) < 0.01 || Math.abs(x - b.x - b.w) < 0.01) && y >= b.y && y <= b.y + b.h) ||
  ((Math.abs(y - b.y) < 0.01 || Math.abs(y - b.y - b.h) < 0.01) && x >= b.x && x <= b.x + b.w);

/** Everything the picture shows except where: what each box says and which activity each edge shows. */
function content(l: Layout) {
  return {
    boxes: l.boxes.map(({ key, title, detail, kind, status, failing, tag, backlog }) => ({ key, title, detail, kind, status, failing, tag, backlog })),
    edges: l.edges.map(({ key, forward, back, label }) => ({ key, forward, back, label })),
  };
}

function expectSound(l: Layout, side: Side, features: readonly FeatureId[]) {
  for (const b of l.boxes) {
    expect(b.x, b.key).toBeGreaterThanOrEqual(0);
    expect(b.y - (b.tag ? 13 : 0), b.key).toBeGreaterThanOrEqual(0);
    expect(b.x + b.w, b.key).toBeLessThanOrEqual(l.width);
    expect(b.y + b.h, b.key).toBeLessThanOrEqual(l.height);
  }
  for (const [i, a] of l.boxes.entries()) for (const b of l.boxes.slice(i + 1)) expect(overlap(a, b), `${a.key} and ${b.key} overlap`).toBe(false);
  const keys = l.boxes.map((b) => b.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const id of downstreamOf(features)) {
    expect(keys).toContain(id);
    if (side === 'eda') expect(keys).toContain(`topic:${RESULT_EVENTS[id].topic}`);
  }
  // Every edge runs from the border of one box to the border of another.
  for (const e of l.edges) {
    const [from, to] = ends(e.d);
    expect(l.boxes.some((b) => onBorder(from, b)), `${e.key} starts on a box`).toBe(true);
    expect(l.boxes.some((b) => onBorder(to, b)), `${e.key} ends on a box`).toBe(true);
    if (e.labelAt) {
      expect(e.labelAt[0]).toBeGreaterThanOrEqual(0);
      expect(e.labelAt[1]).toBeLessThanOrEqual(l.height);
    }
  }
}

const featureSets = fc.subarray([...FEATURE_IDS]).chain((ids) => fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }));

describe('architecture layout, tall (phone) orientation', () => {
  test('for any pane width and features, boxes stay inside the viewBox, never overlap, and every service is drawn', () => {
    fc.assert(
      fc.property(fc.constantFrom<Side>('sync', 'eda'), featureSets, fc.integer({ min: 0, max: 1200 }), fc.constantFrom('en', 'th' as const), (side, features, paneWidth, lang) => {
        const orientation = pickOrientation(side, paneWidth);
        const l = layout(side, input(features), T[lang], orientation);
        expectSound(l, side, features);
        if (orientation.kind === 'tall') {
          expect(l.width).toBe(Math.max(TALL_MIN, Math.min(TALL_MAX, paneWidth)));
          // Top to bottom: User first, Order under it, each downstream service lower than the last.
          const y = (key: string) => l.boxes.find((b) => b.key === key)!.y;
          expect(y('user')).toBeLessThan(y('order'));
          const rows = downstreamOf(features).map(y);
          expect(rows[0]).toBeGreaterThan(y(side === 'eda' ? 'topic:orders' : 'order'));
          for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1]);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('shows exactly what the wide picture shows: same boxes, texts, lights, tags, backlogs, edges and activity keys', () => {
    for (const side of ['sync', 'eda'] as const) {
      for (const features of [[], ['analytics'], ['fraud', 'analytics']] as FeatureId[][]) {
        const state = input(features, {
          added: features.slice(0, 1),
          changed: side === 'sync' && features.length ? ['order'] : [],
          activity: { 'x:s:user': 1, 'x:e:user': 1, 'x:s:email': 1, 's:order>email': 1 },
        });
        state.config.services.email = { ...state.config.services.email, down: true };
        const wide = layout(side, state, T.en, WIDE);
        const narrow = layout(side, state, T.en, tall(324));
        expect(content(narrow)).toEqual(content(wide));
      }
    }
  });

  test('a feature added during a run gets its own row, tagged new, with its result topic on the event-driven side', () => {
    const l = layout('eda', input(['fraud'], { added: ['fraud'] }), T.th, tall(324));
    const fraud = l.boxes.find((b) => b.key === 'fraud')!;
    const topic = l.boxes.find((b) => b.key === 'topic:fraud-checks')!;
    expect(fraud.tag).toBe('new');
    expect(topic.tag).toBe('new');
    expect(topic.y).toBe(fraud.y);
    expect(topic.x).toBeGreaterThan(fraud.x + fraud.w);
    expect(l.edges.map((e) => e.key)).toEqual(expect.arrayContaining(['orders>fraud', 'fraud>fraud-checks']));
  });

  test('is drawn at the pane width, never below TALL_MIN: its labels keep their size', () => {
    expect(layout('sync', input([]), T.en, tall(324)).width).toBe(324);
    expect(layout('eda', input([]), T.en, tall(100)).width).toBe(TALL_MIN);
  });
});

describe('which orientation a pane gets', () => {
  test('wide when the wide picture fits at its own size or larger, or before the pane is measured', () => {
    expect(pickOrientation('sync', null)).toEqual(WIDE);
    expect(pickOrientation('sync', WIDE_WIDTH.sync)).toEqual(WIDE);
    expect(pickOrientation('eda', 628)).toEqual(WIDE); // a pane at 1366×768
    expect(layout('eda', input([]), T.en, WIDE).width).toBe(WIDE_WIDTH.eda);
    expect(layout('sync', input([]), T.en, WIDE).width).toBe(WIDE_WIDTH.sync);
  });

  test('tall, as wide as the pane within [TALL_MIN, TALL_MAX], when the wide picture would have to shrink or scroll', () => {
    expect(pickOrientation('sync', WIDE_WIDTH.sync - 1)).toEqual(tall(TALL_MAX));
    expect(pickOrientation('eda', 560)).toEqual(tall(TALL_MAX));
    expect(pickOrientation('eda', 324.7)).toEqual(tall(324)); // a pane at 390×844
    expect(pickOrientation('sync', 200)).toEqual(tall(TALL_MIN));
  });
});
