import type { Engine, TraceEvent } from '../engine';
import { planControl, refusal, type Control, type ControlRefusal, type Plan } from './controls';
import { CompareMetrics, METRIC_SUBSCRIPTION } from './metrics';
import { buildEngine, downstreamOf, NETWORK_LATENCY_MS, workMs, type CompareConfig } from './model';

/**
 * A comparison run: one engine holding both worlds, the metrics fed from its trace, and the one
 * place where learner controls become engine commands. Advancing stops at every whole virtual
 * second so lag and queues are sampled on the second.
 */
export class CompareRun {
  readonly engine: Engine;
  readonly metrics: CompareMetrics;
  private current: CompareConfig;
  /** The first trace events of the run, kept for "first N events" diagrams after the engine's
   * trace window has moved on. */
  readonly opening: TraceEvent[] = [];
  private readonly openingLimit: number;
  /** Events since the last `drain()`, for animation; null when nobody collects them. */
  private pending: TraceEvent[] | null;
  /** Hears the trace: every event while the opening or the animation needs them, then only what
   * the metrics read (the engine then does not even build the others, see Engine.subscribe). */
  private readonly listen: (event: TraceEvent) => void;
  private unsubscribe: () => void = () => {};
  private narrowed = false;

  constructor(config: CompareConfig, options: { openingEvents?: number; collect?: boolean } = {}) {
    // A new engine starts every service at its first deployment.
    config = { ...config, revisions: {} };
    this.current = config;
    this.openingLimit = options.openingEvents ?? 2000;
    this.pending = options.collect === false ? null : [];
    this.metrics = new CompareMetrics({
      orderWorkMs: workMs(config.services.order),
      present: downstreamOf(config.features),
      networkLatencyMs: NETWORK_LATENCY_MS,
    });
    // Every event, from the setup commands on, whether it came from a command or from advancing.
    this.listen = (event) => {
      this.metrics.observe(event);
      if (this.opening.length < this.openingLimit) this.opening.push(event);
      this.pending?.push(event);
    };
    this.engine = buildEngine(config, this.listen, this.needsEveryEvent() ? undefined : METRIC_SUBSCRIPTION);
    this.narrowed = !this.needsEveryEvent();
    // buildEngine subscribed before the setup commands; the handle to narrow later comes from a
    // second subscribe of the same listener (the engine keeps one entry per listener).
    this.unsubscribe = this.engine.subscribe(this.listen);
    this.narrowIfDone();
  }

  private needsEveryEvent(): boolean {
    return this.pending !== null || this.opening.length < this.openingLimit;
  }

  /** Once nothing but the metrics listens, hear only their types. Called between advances, never
   * from inside the listener (the engine is walking its listeners then). */
  private narrowIfDone(): void {
    if (this.narrowed) this.metrics.heardUntil(this.engine.lastTraceAt);
    else if (!this.needsEveryEvent()) {
      this.unsubscribe();
      this.unsubscribe = this.engine.subscribe(this.listen, METRIC_SUBSCRIPTION);
      this.narrowed = true;
    }
  }

  get config(): CompareConfig {
    return this.current;
  }

  get now(): number {
    return this.engine.now;
  }

  /** Why `control` cannot apply (a refusal code), or null. */
  refusal(control: Control): ControlRefusal | null {
    return refusal(this.current, control);
  }

  /** Applies a learner control to both worlds now. Throws RangeError if refused. */
  apply(control: Control): Plan {
    const plan = planControl(this.current, control);
    for (const command of plan.sync) this.engine.apply(command);
    for (const command of plan.eda) this.engine.apply(command);
    this.current = plan.config;
    this.metrics.setOrderWorkMs(workMs(plan.config.services.order));
    this.metrics.setPresent(downstreamOf(plan.config.features));
    if (control.type === 'addFeature') {
      this.metrics.recordFeature('sync', plan.sync);
      this.metrics.recordFeature('eda', plan.eda);
    }
    this.narrowIfDone();
    return plan;
  }

  /** Runs the simulation `ms` further, sampling lag and queues on every whole second. */
  advance(ms: number): void {
    this.advanceTo(this.engine.now + ms);
  }

  advanceTo(t: number): void {
    while (this.engine.now < t) {
      const boundary = (Math.floor(this.engine.now / 1000) + 1) * 1000;
      const until = Math.min(t, boundary);
      // Everything reaches the metrics through the listener: no need to gather the trace.
      this.engine.advanceTo(until, { collect: false });
      this.narrowIfDone();
      if (until === boundary) this.metrics.sample(this.engine.view());
    }
  }

  /** The trace events since the last call (empty when the run was made with collect: false). */
  drain(): TraceEvent[] {
    if (!this.pending) return [];
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
