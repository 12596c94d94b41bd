import { describe, expect, it } from 'vitest';
import { playScenario, scenarioById, SCENARIOS, stepsBetween, type CompareRun } from '../../src/compare';
import { en } from '../../src/i18n/en';

/** Each scripted scenario, played headless: its one-line lesson must be what the numbers show. */
const played = new Map<string, CompareRun>();
const play = (id: Parameters<typeof scenarioById>[0]) => {
  if (!played.has(id)) played.set(id, playScenario(scenarioById(id), { traceLimit: 0 }));
  return played.get(id)!;
};
const between = (xs: number[], from: number, to: number) => xs.slice(from, to);
const max = (xs: number[]) => Math.max(...xs.filter(Number.isFinite));

describe('scripted scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s has a title and a one-line lesson in English, and its steps in time order', (_id, s) => {
    expect(en[s.titleKey as keyof typeof en]).toBeTruthy();
    expect(en[s.lessonKey as keyof typeof en]).toBeTruthy();
    expect(s.steps.map((x) => x.atMs)).toEqual([...s.steps.map((x) => x.atMs)].sort((a, b) => a - b));
    expect(s.steps.every((x) => x.atMs > 0 && x.atMs < s.durationMs)).toBe(true);
  });

  it('finds the steps due in a window (start excluded, end included)', () => {
    const s = scenarioById('emailDown');
    expect(stepsBetween(s, 0, 5000)).toHaveLength(1);
    expect(stepsBetween(s, 5000, 34_999)).toHaveLength(0);
    expect(stepsBetween(s, 0, 70_000)).toHaveLength(2);
  });

  it('Email down for 30 s: sync orders fail only while Email is down; EDA accepts all, lag grows then drains', () => {
    const run = play('emailDown');
    const snap = run.metrics.snapshot();
    expect(snap.totals.sync.failed).toBeGreaterThan(550);
    expect(snap.syncFailedAt).toEqual({ email: snap.totals.sync.failed });
    expect(between(snap.sync.failed, 0, 5).every((x) => x === 0)).toBe(true);
    expect(between(snap.sync.failed, 40, 70).every((x) => x === 0)).toBe(true);
    expect(snap.totals.eda.failed).toBe(0);
    expect(snap.totals.eda.accepted).toBe(snap.totals.eda.placed);
    const lag = snap.eda.backlog.email!;
    expect(max(lag)).toBeGreaterThan(500);
    expect(lag.at(-1)).toBeLessThan(10);
  });

  it('Payment is slow: the sync user waits the extra 200 ms; the EDA user does not, Payment lags instead', () => {
    const run = play('paymentSlow');
    const snap = run.metrics.snapshot();
    const syncBefore = max(between(snap.sync.latencyP50, 0, 5));
    const syncDuring = max(between(snap.sync.latencyP50, 10, 25));
    expect(syncDuring - syncBefore).toBeGreaterThanOrEqual(200);
    const edaBefore = max(between(snap.eda.latencyP95, 0, 5));
    expect(max(between(snap.eda.latencyP95, 5, 60))).toBe(edaBefore);
    expect(max(snap.eda.backlog.payment!)).toBeGreaterThan(200);
    expect(snap.totals.sync.failed).toBe(0);
  });

  it('Black Friday: 10x orders fail on the sync side (Order runs out of threads); EDA accepts every order and scaling Payment alone drains its lag', () => {
    const run = play('blackFriday');
    const snap = run.metrics.snapshot();
    expect(snap.totals.sync.failed).toBeGreaterThan(1000);
    expect(snap.totals.eda.failed).toBe(0);
    expect(snap.totals.eda.accepted).toBe(snap.totals.eda.placed);
    const payment = snap.eda.backlog.payment!;
    const inventory = snap.eda.backlog.inventory!;
    expect(max(payment)).toBeGreaterThan(1000);
    expect(payment.at(-1)).toBeLessThan(20);
    // Not scaled: still catching up when the run ends.
    expect(inventory.at(-1)).toBeGreaterThan(1000);
    expect(run.engine.view().services.find((s) => s.id === 'payment')!.instances).toBe(8);
  });

  it('Add Analytics: sync changes the Order service (1 changed + 1 added), EDA adds a subscriber (0 changed + 1 added)', () => {
    const run = play('addAnalytics');
    const { features } = run.metrics.snapshot();
    expect(features.sync).toEqual({ added: ['analytics'], changed: ['order'] });
    expect(features.eda).toEqual({ added: ['analytics'], changed: [] });
    const sync = run.metrics.snapshot().sync.latencyP50;
    expect(sync[20]).toBeGreaterThan(sync[5]);
  });
});
