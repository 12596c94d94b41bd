/**
 * The comparison bench's workload (bench/compare.ts), with nothing from Node: the bench runs it in
 * Node and, bundled on its own, in Chromium (bench/compareBrowser.ts).
 */
import { CompareRun, defaultConfig, EDA_ORDER_PRODUCER, SYNC_CLIENT, type CompareConfig } from '../src/compare';

export const ORDERS = 100_000;
const RATE = 1000;
const DRAIN_MS = 5000;

export function benchConfig(): CompareConfig {
  return defaultConfig({
    ratePerSec: RATE,
    traceLimit: 0,
    services: {
      order: { latencyMs: 2, instances: 4 },
      payment: { latencyMs: 3, instances: 6 },
      inventory: { latencyMs: 2, instances: 4 },
      email: { latencyMs: 2, instances: 4 },
    },
  });
}

export interface CompareBenchRun {
  orders: { sync: number; eda: number };
  complete: boolean;
  agendaEvents: number;
  traceEvents: number;
  virtualMs: number;
}

/**
 * A comparison kept alive for as long as the bench runs, as the comparison page keeps its own:
 * without it, a GC between two runs finds no engine alive and V8 throws away the engine's
 * optimised code (see `residents` in bench/workloads.ts), which made every timed run optimise it
 * again (913 against 706 ms of CPU per run in one process). Made by the first run.
 */
let resident: CompareRun | null = null;

/** One headless comparison run of `orders` orders; `only` feeds orders to one side alone. */
export function runCompare(orders = ORDERS, only: 'sync' | 'eda' | null = null): CompareBenchRun {
  if (resident === null) {
    resident = new CompareRun(benchConfig(), { collect: false, openingEvents: 0 });
    resident.advanceTo(2000);
  }
  const run = new CompareRun(benchConfig(), { collect: false, openingEvents: 0 });
  if (only === 'sync') run.engine.apply({ type: 'setProducerRate', id: EDA_ORDER_PRODUCER, ratePerSec: 0 });
  if (only === 'eda') run.engine.apply({ type: 'setSyncClientRate', id: SYNC_CLIENT, ratePerSec: 0 });
  run.advanceTo(Math.ceil((orders / RATE) * 1000));
  run.apply({ type: 'setRate', ratePerSec: 0 });
  run.advance(DRAIN_MS);
  const { totals } = run.metrics.snapshot();
  const sideDone = (s: typeof totals.sync) => s.placed === s.accepted && s.accepted === s.completed;
  return {
    orders: { sync: totals.sync.placed, eda: totals.eda.placed },
    complete: (only === 'eda' || (totals.sync.placed === orders && sideDone(totals.sync))) && (only === 'sync' || (totals.eda.placed === orders && sideDone(totals.eda))),
    agendaEvents: run.engine.eventsRun,
    traceEvents: run.engine.traceCount,
    virtualMs: run.now,
  };
}
