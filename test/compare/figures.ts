import { createHash } from 'node:crypto';
import { CompareRun, defaultConfig, SCENARIOS, type CompareConfig, type Control } from '../../src/compare';

/**
 * What the comparison shows, for a set of runs: every figure of the metrics (totals, the per-second
 * series of load, latency and completion percentiles, backlog, live percentiles, failures by
 * service) and the end-of-run summary table. Used to prove that an engine change meant to alter
 * only the order of same-millisecond events (and the trace fingerprints) changes none of them:
 * test/compare/fixtures/figures.json holds these figures as main computed them (recorded with
 * `npx tsx test/compare/recordFigures.ts`), and figures.test.ts compares.
 *
 * The runs: the four scripted scenarios (outage, slowdown, overload with scaling, a new feature)
 * on three seeds; error rates on both sides (the runs where random draws decide which order
 * fails); controls at odd moments (mid-millisecond, while calls are on the wire); error rates
 * switched on mid-run; the benchmark's busy shape at a smaller size.
 */
interface FigureRun {
  name: string;
  config: CompareConfig;
  durationMs: number;
  steps: { atMs: number; control: Control }[];
}

function runs(): FigureRun[] {
  const out: FigureRun[] = [];
  for (const seed of [1, 7, 42])
    for (const s of SCENARIOS) out.push({ name: `${s.id} seed ${seed}`, config: { ...s.config, seed }, durationMs: s.durationMs, steps: s.steps.map((x) => ({ atMs: x.atMs, control: x.control })) });
  for (const seed of [3, 11]) {
    const errors = defaultConfig({ seed, ratePerSec: 150, services: { payment: { errorRate: 0.2 }, inventory: { errorRate: 0.05 }, email: { errorRate: 0.1, instances: 2 } } });
    out.push({ name: `error rates seed ${seed}`, config: errors, durationMs: 15_000, steps: [] });
    out.push({
      name: `error rates with controls seed ${seed}`,
      config: errors,
      durationMs: 20_000,
      steps: [
        { atMs: 2_000.5, control: { type: 'setDown', service: 'inventory', down: true } },
        { atMs: 3_000.25, control: { type: 'setExtraLatency', service: 'payment', ms: 45 } },
        { atMs: 4_100, control: { type: 'setDown', service: 'inventory', down: false } },
        { atMs: 6_000.5, control: { type: 'setInstances', service: 'order', instances: 1 } },
        { atMs: 7_003, control: { type: 'setErrorRate', service: 'email', rate: 0.6 } },
        { atMs: 9_000.75, control: { type: 'addFeature', service: 'fraud' } },
        { atMs: 12_001, control: { type: 'setExtraLatency', service: 'order', ms: 3 } },
        { atMs: 14_000, control: { type: 'setInstances', service: 'order', instances: 4 } },
      ],
    });
  }
  const busy = defaultConfig({
    seed: 5,
    ratePerSec: 1000,
    services: { order: { latencyMs: 2, instances: 4 }, payment: { latencyMs: 3, instances: 6 }, inventory: { latencyMs: 2, instances: 4 }, email: { latencyMs: 2, instances: 4 } },
  });
  out.push({ name: 'bench shape 5 k orders', config: { ...busy, traceLimit: 0 }, durationMs: 8_000, steps: [{ atMs: 5_000, control: { type: 'setRate', ratePerSec: 0 } }] });
  out.push({
    name: 'bench shape with errors, no network slack',
    config: { ...busy, traceLimit: 0, services: { ...busy.services, payment: { ...busy.services.payment, errorRate: 0.3, latencyMs: 0 }, email: { ...busy.services.email, instances: 1 } } },
    durationMs: 4_000,
    steps: [{ atMs: 2_500, control: { type: 'setRate', ratePerSec: 0 } }],
  });
  // Errors switched on mid-run, while calls are on the wire: random draws start when the agenda
  // is busy on both sides.
  for (const [name, config] of [
    ['errors switched on, busy', { ...busy, traceLimit: 0, seed: 9 }],
    ['errors switched on, default', defaultConfig({ seed: 9, ratePerSec: 120, services: { order: { instances: 2 } } })],
  ] as const)
    out.push({
      name,
      config,
      durationMs: 4_000,
      steps: [
        { atMs: 1_500.5, control: { type: 'setErrorRate', service: 'payment', rate: 0.3 } },
        { atMs: 2_200, control: { type: 'setErrorRate', service: 'inventory', rate: 0.2 } },
        { atMs: 3_000, control: { type: 'setRate', ratePerSec: 0 } },
      ],
    });
  return out;
}

export interface Figures {
  totals: unknown;
  summary: unknown;
  syncFailedAt: unknown;
  edaGaveUp: unknown;
  /** SHA-256 (first 16 hex digits) of the whole snapshot and summary: every series, every second. */
  all: string;
}

/** Plays one run headless (as the bench does) and reads its figures. */
function figuresOf(r: FigureRun): Figures {
  const run = new CompareRun({ ...r.config, traceLimit: 0 }, { collect: false, openingEvents: 0 });
  for (const step of r.steps) {
    run.advanceTo(step.atMs);
    run.apply(step.control);
  }
  run.advanceTo(r.durationMs);
  const snapshot = run.metrics.snapshot();
  const summary = run.metrics.summary(r.durationMs);
  const all = createHash('sha256').update(JSON.stringify({ snapshot, summary })).digest('hex').slice(0, 16);
  return { totals: snapshot.totals, summary: JSON.parse(JSON.stringify(summary)), syncFailedAt: snapshot.syncFailedAt, edaGaveUp: snapshot.edaGaveUp, all };
}

export function allFigures(): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const r of runs()) out[r.name] = figuresOf(r);
  return out;
}
