import { describe, expect, it } from 'vitest';
import { CompareRun, defaultConfig, featureImpact, percentiles, planControl, refusal } from '../../src/compare';

describe('learner controls become commands for both sides', () => {
  it('turns one order rate into the sync client rate and the EDA producer rate', () => {
    const plan = planControl(defaultConfig(), { type: 'setRate', ratePerSec: 200 });
    expect(plan.sync).toEqual([{ type: 'setSyncClientRate', id: 'shop', ratePerSec: 200 }]);
    expect(plan.eda).toEqual([{ type: 'setProducerRate', id: 'order', ratePerSec: 200 }]);
    expect(plan.config.ratePerSec).toBe(200);
  });

  it('takes a service down on both sides at once', () => {
    const plan = planControl(defaultConfig(), { type: 'setDown', service: 'email', down: true });
    expect(plan.sync).toEqual([{ type: 'setSyncService', id: 'email-api', down: true }]);
    expect(plan.eda).toEqual([{ type: 'setServiceDown', id: 'email', down: true }]);
  });

  it('scales a sync service by threads and an EDA service by group members', () => {
    const plan = planControl(defaultConfig(), { type: 'setInstances', service: 'payment', instances: 4 });
    expect(plan.sync).toEqual([{ type: 'setSyncService', id: 'payment-api', concurrency: 32 }]);
    expect(plan.eda).toEqual([{ type: 'scaleService', id: 'payment', instances: 4 }]);
  });

  it('redeploys an EDA service under a fresh id (same group) to change its latency, and keeps it down if it was', () => {
    const down = planControl(defaultConfig(), { type: 'setDown', service: 'payment', down: true }).config;
    const plan = planControl(down, { type: 'setExtraLatency', service: 'payment', ms: 200 });
    expect(plan.sync).toEqual([{ type: 'setSyncService', id: 'payment-api', latencyMs: 230 }]);
    expect(plan.eda.map((c) => c.type)).toEqual(['removeService', 'addService', 'setServiceDown']);
    expect(plan.eda[1]).toMatchObject({ id: 'payment.v2', group: 'payment', processingMs: 230 });
    const again = planControl(plan.config, { type: 'setErrorRate', service: 'payment', rate: 0.1 });
    expect(again.eda[0]).toEqual({ type: 'removeService', id: 'payment.v2' });
    expect(again.eda[1]).toMatchObject({ id: 'payment.v3', failureRate: 0.1 });
  });

  it("adds the Order service's own extra work on the sync side only (EDA metrics add it to the user's wait)", () => {
    const plan = planControl(defaultConfig(), { type: 'setExtraLatency', service: 'order', ms: 50 });
    expect(plan.sync).toEqual([{ type: 'setSyncService', id: 'order-api', latencyMs: 60 }]);
    expect(plan.eda).toEqual([]);
  });

  it('refuses what cannot apply, and names why', () => {
    const config = defaultConfig();
    expect(refusal(config, { type: 'setInstances', service: 'payment', instances: 13 })).toBe('instances');
    expect(refusal(config, { type: 'setErrorRate', service: 'email', rate: 1.5 })).toBe('errorRate');
    expect(refusal(config, { type: 'setRate', ratePerSec: -1 })).toBe('rate');
    const withAnalytics = planControl(config, { type: 'addFeature', service: 'analytics' }).config;
    expect(refusal(withAnalytics, { type: 'addFeature', service: 'analytics' })).toBe('featurePresent');
    expect(() => planControl(withAnalytics, { type: 'addFeature', service: 'analytics' })).toThrow(RangeError);
  });

  it('counts what adding a feature changed: sync changes the Order service, EDA only adds a subscriber', () => {
    const plan = planControl(defaultConfig(), { type: 'addFeature', service: 'analytics' });
    expect(featureImpact(plan.sync)).toEqual({ added: ['analytics'], changed: ['order'] });
    expect(featureImpact(plan.eda)).toEqual({ added: ['analytics'], changed: [] });
    expect(plan.sync.at(-1)).toEqual({ type: 'setSyncService', id: 'order-api', calls: ['payment-api', 'inventory-api', 'email-api', 'analytics-api'] });
    expect(plan.eda).toContainEqual(expect.objectContaining({ type: 'addService', id: 'analytics', subscribes: ['orders'] }));
  });
});

describe('a comparison run applies controls live', () => {
  it('makes a new feature wait for the orders placed after it on the EDA side, and records the change count', () => {
    const run = new CompareRun(defaultConfig(), { collect: false });
    run.advanceTo(5000);
    run.apply({ type: 'addFeature', service: 'fraud' });
    run.apply({ type: 'setRate', ratePerSec: 0 });
    run.advanceTo(15_000);
    const snap = run.metrics.snapshot();
    expect(snap.features.sync).toEqual({ added: ['fraud'], changed: ['order'] });
    expect(snap.features.eda).toEqual({ added: ['fraud'], changed: [] });
    expect(snap.totals.eda.completed).toBe(snap.totals.eda.placed);
    expect(run.engine.view().services.find((s) => s.id === 'fraud')!.stats.processed).toBe(snap.totals.eda.placed);
  });

  it('scales an EDA service so its lag drains while the others are untouched', () => {
    const run = new CompareRun(defaultConfig({ ratePerSec: 60 }), { collect: false });
    run.advanceTo(10_000);
    const lagBefore = run.engine.view().groups.find((g) => g.id === 'payment')!.totalLag;
    expect(lagBefore).toBeGreaterThan(100); // 60 orders/s against ~33/s for one instance
    run.apply({ type: 'setInstances', service: 'payment', instances: 4 });
    run.advanceTo(30_000);
    expect(run.engine.view().groups.find((g) => g.id === 'payment')!.totalLag).toBeLessThan(20);
    expect(run.engine.view().services.find((s) => s.id === 'inventory')!.instances).toBe(1);
  });
});

describe('percentiles', () => {
  it('uses the nearest rank and is NaN for no samples', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7 });
    expect(Number.isNaN(percentiles([]).p50)).toBe(true);
  });
});
