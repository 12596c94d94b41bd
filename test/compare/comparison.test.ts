import { describe, expect, it } from 'vitest';
import { CompareRun, defaultConfig, downstreamOf, orderNumber, workMs, type CompareConfig } from '../../src/compare';
import { eventsOf, topicRecords } from './helpers';

/** A run that keeps its whole trace, so tests can check every order. */
const fullRun = (config: CompareConfig = defaultConfig()) => new CompareRun({ ...config, traceLimit: 1_000_000 }, { collect: false });

describe('one engine, two worlds, the same orders', () => {
  it('places order n on both sides at the same moment', () => {
    const run = fullRun();
    run.advance(5000);
    // An order placed in the last millisecond has not reached the EDA leader yet.
    const sent = eventsOf(run.engine.trace, 'requestSent').filter((e) => e.from === 'user' && e.t < run.now);
    const produced = eventsOf(run.engine.trace, 'produced').filter((e) => e.topic === 'orders');
    expect(sent.length).toBeGreaterThanOrEqual(95);
    const sentAt = new Map(sent.map((e) => [e.requestId, e.t]));
    const keys = produced.flatMap((e) => e.keys.map((k) => [k!, e.t] as const));
    expect(keys.map(([k]) => k).sort()).toEqual([...sentAt.keys()].sort());
    for (const [key, t] of keys) expect(t - sentAt.get(key)!).toBe(1);
  });
});

describe('Email is down', () => {
  it('sync fails every order that reaches Email; EDA accepts them all and sends every email once when Email returns', () => {
    const run = fullRun();
    run.advanceTo(5000);
    run.apply({ type: 'setDown', service: 'email', down: true });
    run.advanceTo(35_000);
    run.apply({ type: 'setDown', service: 'email', down: false });
    run.advanceTo(40_000);
    run.apply({ type: 'setRate', ratePerSec: 0 });
    run.advanceTo(120_000);
    const trace = run.engine.trace;

    // Sync: which orders reached email-api while it was down, and how each order ended.
    const reachedEmail = eventsOf(trace, 'requestSent').filter((e) => e.to === 'email-api');
    const duringOutage = new Set(reachedEmail.filter((e) => e.t >= 5000 && e.t < 35_000).map((e) => e.requestId));
    const userFailed = new Set(eventsOf(trace, 'requestFailed').filter((e) => e.from === 'user').map((e) => e.requestId));
    const userAnswered = new Set(eventsOf(trace, 'requestAnswered').filter((e) => e.from === 'user').map((e) => e.requestId));
    expect(duringOutage.size).toBeGreaterThan(500);
    for (const id of duringOutage) expect(userFailed.has(id), id).toBe(true);
    expect(userFailed.size).toBe(duringOutage.size);
    expect(userAnswered.size + userFailed.size).toBe(run.metrics.snapshot().totals.sync.placed);

    // EDA: every order accepted, none failed, and every order emailed exactly once.
    const { eda } = run.metrics.snapshot().totals;
    expect(eda.placed).toBe(run.metrics.snapshot().totals.sync.placed);
    expect(eda.accepted).toBe(eda.placed);
    expect(eda.failed).toBe(0);
    const emails = topicRecords(run.engine, 'emails');
    const emailed = emails.map((r) => orderNumber(r.key));
    expect(new Set(emailed).size).toBe(eda.placed);
    expect(emails).toHaveLength(eda.placed);
    expect(eda.completed).toBe(eda.placed);
    expect(run.engine.view().groups.find((g) => g.id === 'email')!.totalLag).toBe(0);

    // The metrics agree with the trace.
    const summary = run.metrics.summary(run.now);
    expect(summary.sync.totals.failed).toBe(duringOutage.size);
    expect(summary.syncFailedAt).toEqual({ email: duringOutage.size });
  });

  it("lets Email's lag grow while it is down and drain after it returns", () => {
    const run = fullRun();
    run.advanceTo(5000);
    run.apply({ type: 'setDown', service: 'email', down: true });
    run.advanceTo(35_000);
    run.apply({ type: 'setDown', service: 'email', down: false });
    run.advanceTo(70_000);
    const lag = run.metrics.snapshot().eda.backlog.email!;
    expect(lag[33]).toBeGreaterThan(500);
    expect(Math.max(...lag.slice(0, 5))).toBeLessThan(10);
    expect(lag[69]).toBeLessThan(10);
  });
});

describe('user-facing latency', () => {
  it('in sync is at least the sum of the latencies along the chain, for every order', () => {
    const config = defaultConfig({ services: { payment: { extraLatencyMs: 40 }, inventory: { latencyMs: 33 } } });
    const run = fullRun(config);
    run.advance(10_000);
    const chain = workMs(config.services.order) + downstreamOf(config.features).reduce((sum, id) => sum + workMs(config.services[id]), 0);
    const answered = eventsOf(run.engine.trace, 'requestAnswered').filter((e) => e.from === 'user');
    expect(answered.length).toBeGreaterThan(150);
    for (const a of answered) expect(a.latencyMs).toBeGreaterThanOrEqual(chain);
    expect(run.metrics.summary(run.now).sync.latency.p50).toBeGreaterThanOrEqual(chain);
  });

  it('in EDA stays the Order service plus one acknowledged publish, however slow the services behind it are', () => {
    const fast = fullRun();
    const slow = fullRun(defaultConfig({ services: { payment: { extraLatencyMs: 500 } } }));
    for (const run of [fast, slow]) run.advance(10_000);
    const p95 = (run: CompareRun) => run.metrics.summary(run.now).eda.latency.p95;
    expect(p95(slow)).toBe(p95(fast));
    expect(p95(fast)).toBeLessThan(workMs(defaultConfig().services.order) + 30);
  });
});

describe('metrics series', () => {
  it('give the same per-second numbers whether read during the run or once at the end', () => {
    const config = defaultConfig({ services: { payment: { errorRate: 0.2 } } });
    const watched = fullRun(config);
    const early: ReturnType<typeof watched.metrics.snapshot>[] = [];
    for (let t = 1500; t <= 20_000; t += 1500) {
      watched.advanceTo(t);
      early.push(watched.metrics.snapshot());
    }
    watched.advanceTo(20_000);
    const once = fullRun(config);
    once.advanceTo(20_000);
    const a = watched.metrics.snapshot();
    const b = once.metrics.snapshot();
    expect(a).toEqual(b);
    expect(early[3].sync.latencyP95).toEqual(a.sync.latencyP95.slice(0, early[3].t.length));
    expect(a.totals.sync.failed).toBeGreaterThan(0);
  });
});

describe('EDA lag', () => {
  it('counts every order for a service that was down before it ever committed', () => {
    const run = fullRun(defaultConfig({ services: { email: { down: true } } }));
    run.advanceTo(10_000);
    const snap = run.metrics.snapshot();
    const lag = snap.eda.backlog.email!;
    expect(lag.at(-1)).toBeGreaterThan(180);
    expect(lag.at(-1)).toBeLessThanOrEqual(snap.totals.eda.placed);
    expect(snap.eda.backlog.payment!.at(-1)).toBeLessThan(10);
  });
});
