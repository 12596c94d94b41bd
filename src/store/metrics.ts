import type { EngineView, TraceEvent } from '../engine';

/** Time series for the live charts, sampled every SAMPLE_MS of virtual time. */
export interface MetricsSeries {
  /** Virtual time of each sample, seconds. */
  t: number[];
  /** Records produced per second in the sample window. */
  produced: number[];
  /** Records delivered to consumers per second in the window. */
  consumed: number[];
  /** Total lag of every group, at the sample moment. */
  lag: number[];
}

export const SAMPLE_MS = 500;
const KEEP = 240;

export const emptySeries = (): MetricsSeries => ({ t: [], produced: [], consumed: [], lag: [] });

/** Accumulates trace counts between samples; pure apart from its own counters. */
export class MetricsRecorder {
  private producedSince = 0;
  private consumedSince = 0;
  private nextSampleAt = SAMPLE_MS;

  reset(now: number): void {
    this.producedSince = 0;
    this.consumedSince = 0;
    this.nextSampleAt = Math.floor(now / SAMPLE_MS) * SAMPLE_MS + SAMPLE_MS;
  }

  record(events: readonly TraceEvent[]): void {
    for (const e of events) {
      if (e.type === 'produced') this.producedSince += e.count;
      else if (e.type === 'delivered') this.consumedSince += e.toOffset - e.fromOffset;
    }
  }

  /** Adds a sample if the clock crossed a sample boundary; returns the (possibly same) series. */
  sample(series: MetricsSeries, now: number, view: EngineView): MetricsSeries {
    if (now < this.nextSampleAt) return series;
    const windowMs = now - (this.nextSampleAt - SAMPLE_MS);
    const perSec = (n: number) => (windowMs > 0 ? (n * 1000) / windowMs : 0);
    const next: MetricsSeries = {
      t: [...series.t, now / 1000].slice(-KEEP),
      produced: [...series.produced, perSec(this.producedSince)].slice(-KEEP),
      consumed: [...series.consumed, perSec(this.consumedSince)].slice(-KEEP),
      lag: [...series.lag, view.groups.reduce((n, g) => n + g.totalLag, 0)].slice(-KEEP),
    };
    this.producedSince = 0;
    this.consumedSince = 0;
    this.nextSampleAt = Math.floor(now / SAMPLE_MS) * SAMPLE_MS + SAMPLE_MS;
    return next;
  }
}
