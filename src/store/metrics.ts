import type { TraceEvent } from '../engine';

/** Time series for the live charts, one sample every SAMPLE_MS of virtual time. */
export interface MetricsSeries {
  /** Virtual time of each sample, seconds. */
  t: number[];
  /** Records produced per second in the sample window. */
  produced: number[];
  /** Records delivered to consumers per second in the window. */
  consumed: number[];
  /**
   * Total lag of every group, at the sample moment; null where it was not measured (a sample taken
   * during a long replay, more than the charts' span before where the replay was going).
   */
  lag: (number | null)[];
}

export const SAMPLE_MS = 500;
/** Samples kept: the charts show the last KEEP × SAMPLE_MS (2 minutes) of virtual time. */
export const KEEP = 240;

export const emptySeries = (): MetricsSeries => ({ t: [], produced: [], consumed: [], lag: [] });

/**
 * The charts' samples, keyed by virtual time and taken exactly on every SAMPLE_MS boundary the
 * run crosses (the runner stops the engine there), so the series depends only on the run, never on
 * how it was advanced: playing, stepping, scrubbing forward or replaying after a step back all give
 * the same samples, with no gap across skipped time. Holds at most KEEP samples.
 */
export class MetricsTimeline {
  private producedSince = 0;
  private consumedSince = 0;
  private samples: { t: number; produced: number; consumed: number; lag: number | null }[] = [];
  private cached: MetricsSeries | null = emptySeries();
  /** Virtual time (ms) of the next sample. */
  nextAt = SAMPLE_MS;

  /** Forgets everything: the run restarts at 0. */
  reset(): void {
    this.producedSince = 0;
    this.consumedSince = 0;
    this.samples = [];
    this.cached = null;
    this.nextAt = SAMPLE_MS;
  }

  /** Counts one trace event into the open window. */
  record(e: TraceEvent): void {
    if (e.type === 'produced') this.producedSince += e.count;
    else if (e.type === 'delivered') this.consumedSince += e.toOffset - e.fromOffset;
  }

  /** Closes the window ending at `nextAt` (the clock must stand there) with the lag seen then. */
  sample(lag: number | null): void {
    const perSec = (n: number) => (n * 1000) / SAMPLE_MS;
    this.samples.push({ t: this.nextAt / 1000, produced: perSec(this.producedSince), consumed: perSec(this.consumedSince), lag });
    if (this.samples.length > KEEP * 1.25) this.samples.splice(0, this.samples.length - KEEP);
    this.producedSince = 0;
    this.consumedSince = 0;
    this.nextAt += SAMPLE_MS;
    this.cached = null;
  }

  /** The last KEEP samples as chart columns; the same object until a sample is added or reset. */
  series(): MetricsSeries {
    if (this.cached) return this.cached;
    const kept = this.samples.slice(-KEEP);
    this.cached = { t: kept.map((s) => s.t), produced: kept.map((s) => s.produced), consumed: kept.map((s) => s.consumed), lag: kept.map((s) => s.lag) };
    return this.cached;
  }
}
