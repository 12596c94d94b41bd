import { lazy, Suspense, useEffect, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { edaScenario, SCENARIOS, scenarioById, type Side } from '../../compare';
import { useStringArea, useT } from '../../i18n';
import { COMPARE_STRINGS } from './strings';
import { ExportCodeButton } from '../export/ExportCodeButton';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import { ControlsPanel } from './ControlsPanel';
import { DiagramPanel } from './DiagramPanel';
import { COMPARE_SPEEDS, CompareProvider, createCompareStore, useCompare, useCompareStoreApi, type CompareStore } from '../../store/compare';
import { SummaryPanel } from './SummaryPanel';
import './compare.css';

// uPlot is only needed once the charts scroll into view's render: keep it in its own chunk.
const CompareCharts = lazy(() => import('./CompareCharts').then((m) => ({ default: m.CompareCharts })));

/**
 * Drives the comparison while the view is on screen: one requestAnimationFrame loop, started when
 * the root becomes visible and stopped when it is hidden or unmounted.
 */
function useCompareLoop(root: RefObject<HTMLElement | null>): void {
  const store = useCompareStoreApi();
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let raf = 0;
    let last = 0;
    const step = (now: number) => {
      const dt = last ? now - last : 0;
      last = now;
      store.getState().frame(dt);
      raf = requestAnimationFrame(step);
    };
    const start = () => {
      if (raf) return;
      last = 0;
      raf = requestAnimationFrame(step);
    };
    const stop = () => {
      cancelAnimationFrame(raf);
      raf = 0;
    };
    const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver(([entry]) => (entry.isIntersecting ? start() : stop())) : null;
    if (observer) observer.observe(el);
    else start();
    return () => {
      observer?.disconnect();
      stop();
    };
  }, [root, store]);
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : '–');

function SidePane({ side }: { side: Side }) {
  const { t } = useT();
  const store = useCompareStoreApi();
  const { config, backlog, activity, totals, live, features, completion } = useCompare(
    useShallow((s) => ({
      config: s.config,
      backlog: s.backlog[side],
      activity: s.activity,
      totals: s.snapshot.totals[side],
      live: s.snapshot.live[side],
      features: s.snapshot.features[side],
      completion: s.snapshot[side].completionP95,
    })),
  );
  const lastCompletion = [...completion].reverse().find(Number.isFinite) ?? NaN;
  return (
    <section className={`cmp-pane cmp-pane--${side}`} aria-labelledby={`cmp-pane-${side}`} data-side={side}>
      <h2 id={`cmp-pane-${side}`} className="cmp-pane__title">
        {t(side === 'sync' ? 'compare.side.sync' : 'compare.side.eda')}
      </h2>
      <p className="cmp-pane__about">{t(side === 'sync' ? 'compare.side.sync.about' : 'compare.side.eda.about')}</p>
      <ArchitectureDiagram side={side} config={config} backlog={backlog} activity={activity} added={features.added} changed={features.changed} />
      <dl className="cmp-stats">
        <div className="cmp-stat" data-testid={`${side}-accepted`} data-value={totals.accepted}>
          <dt>{t('compare.stat.accepted')}</dt>
          <dd>{totals.accepted}</dd>
        </div>
        <div className={`cmp-stat${totals.failed > 0 ? ' cmp-stat--bad' : ''}`} data-testid={`${side}-failed`} data-value={totals.failed}>
          <dt>{t('compare.stat.failed')}</dt>
          <dd>{totals.failed}</dd>
        </div>
        <div className="cmp-stat cmp-stat--wide" data-testid={`${side}-latency`}>
          <dt>{t('compare.stat.latency')}</dt>
          <dd>{t('compare.stat.ms3', { p50: fmt(live.p50), p95: fmt(live.p95), p99: fmt(live.p99) })}</dd>
        </div>
        <div className="cmp-stat" data-testid={`${side}-completion`}>
          <dt>{t('compare.stat.completion')}</dt>
          <dd>{t('compare.stat.ms', { value: fmt(lastCompletion) })}</dd>
        </div>
      </dl>
      {side === 'eda' && (
        // The event-driven design as a kafkajs project, with the learner's current settings.
        <ExportCodeButton getScenario={() => edaScenario(store.getState().config)} buttonClassName="button button--small button--quiet" />
      )}
    </section>
  );
}

function Clock() {
  const { t } = useT();
  const { playing, speed, nowMs, scenario, ended } = useCompare(
    useShallow((s) => ({ playing: s.playing, speed: s.speed, nowMs: s.nowMs, scenario: s.scenario, ended: s.ended })),
  );
  const { play, pause, setSpeed, reset, endRun } = useCompareStoreApi().getState();
  const total = scenario ? scenarioById(scenario).durationMs : null;
  return (
    <div className="cmp-clock" role="group" aria-label={t('compare.clock.label')}>
      <button type="button" className="button" data-action="compare-play" onClick={playing ? pause : play}>
        {playing ? t('compare.clock.pause') : ended ? t('compare.clock.again') : t('compare.clock.play')}
      </button>
      <span className="cmp-inline">
        <label htmlFor="cmp-speed">{t('compare.clock.speed')}</label>
        <select id="cmp-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {COMPARE_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('compare.clock.speedValue', { speed: s })}
            </option>
          ))}
        </select>
      </span>
      <span className="cmp-time" data-testid="compare-time" data-ms={Math.round(nowMs)}>
        {total ? t('compare.clock.timeOf', { seconds: (nowMs / 1000).toFixed(1), total: total / 1000 }) : t('compare.clock.time', { seconds: (nowMs / 1000).toFixed(1) })}
      </span>
      <button type="button" className="button button--quiet" onClick={endRun} disabled={ended || nowMs === 0}>
        {t('compare.clock.end')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => reset()}>
        {t('compare.clock.reset')}
      </button>
    </div>
  );
}

function Scenarios() {
  const { t } = useT();
  const scenario = useCompare((s) => s.scenario);
  const nowMs = useCompare((s) => s.nowMs);
  const startScenario = useCompare((s) => s.startScenario);
  const current = scenario ? scenarioById(scenario) : null;
  return (
    <section className="cmp-scenarios" aria-labelledby="cmp-scenarios-title">
      <h2 id="cmp-scenarios-title" className="cmp-panel__subtitle">
        {t('compare.scenarios.title')}
      </h2>
      <div className="cmp-scenarios__buttons">
        {SCENARIOS.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`button button--small${scenario === s.id ? '' : ' button--quiet'}`}
            aria-pressed={scenario === s.id}
            data-scenario={s.id}
            onClick={() => startScenario(s.id)}
          >
            {t(s.titleKey)}
          </button>
        ))}
      </div>
      {current && (
        <p className="cmp-lesson" data-testid="compare-lesson">
          <strong>{t(current.titleKey)}:</strong> {t(current.lessonKey)}
          <progress max={current.durationMs} value={Math.min(nowMs, current.durationMs)} aria-label={t('compare.scenarios.progress')} />
        </p>
      )}
    </section>
  );
}

/**
 * Sync vs event-driven, side by side: the same order stream and seed through a synchronous call
 * chain (left) and an event-driven flow (right), one set of toggles for both, live charts, a
 * summary when the run ends, and sequence diagrams generated from the trace.
 */
export function CompareView() {
  return (
    <CompareProvider store={sharedStore()}>
      <CompareLayout />
    </CompareProvider>
  );
}

let shared: CompareStore | null = null;
/** One comparison per page, made when the view first opens: leaving the tab and coming back finds the run where it was. */
function sharedStore(): CompareStore {
  shared ??= createCompareStore();
  return shared;
}

function CompareLayout() {
  useStringArea(COMPARE_STRINGS);
  const { t } = useT();
  const root = useRef<HTMLDivElement>(null);
  useCompareLoop(root);
  return (
    <div className="cmp" ref={root} data-testid="compare-view">
      <header className="cmp-head">
        <div>
          <h1 className="cmp-head__title">{t('compare.title')}</h1>
          <p className="cmp-head__intro">{t('compare.intro')}</p>
        </div>
        <Clock />
      </header>
      <Scenarios />
      <div className="cmp-panes">
        <SidePane side="sync" />
        <SidePane side="eda" />
      </div>
      <div className="cmp-lower">
        <ControlsPanel />
        <SummaryPanel />
      </div>
      <Suspense fallback={<p className="cmp-muted">{t('compare.charts.loading')}</p>}>
        <CompareCharts />
      </Suspense>
      <DiagramPanel />
    </div>
  );
}
