import { SERVICE_IDS, type MetricsSnapshot, type ServiceId } from '../../compare';
import { useT } from '../../i18n';
import { LineChart, type LineSeries } from '../metrics/LineChart';
import { serviceName } from './labels';
import { useCompare } from '../../store/compare';

export const SIDE_COLORS = { sync: '#8a4b2a', eda: '#2f6f73' } as const;
const FAILED_COLORS = { sync: '#c2412d', eda: '#5b4fa8' } as const;
export const SERVICE_COLORS: Record<ServiceId, string> = {
  order: '#5e4a3c',
  payment: '#b5651d',
  inventory: '#2f6f73',
  email: '#7a3e9d',
  analytics: '#3a6ea5',
  fraud: '#8c2f1b',
};

/** uPlot draws a gap for null; a second with no samples has no percentile. */
const gaps = (values: number[]): number[] => values.map((v) => (Number.isFinite(v) ? v : null)) as unknown as number[];
/** Completion can take minutes while a service is down: plotted in seconds so the axis stays readable. */
const seconds = (ms: number[]) => ms.map((v) => v / 1000);
const last = (values: number[]) => {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return Math.round(values[i]);
  return 0;
};

/** The live time series of both sides (loaded lazily with uPlot). */
export function CompareCharts() {
  const { t } = useT();
  const snap: MetricsSnapshot = useCompare((s) => s.snapshot);
  const sync = t('compare.side.sync');
  const eda = t('compare.side.eda');
  const perService = (pick: (id: ServiceId) => number[] | undefined, dash = false, prefix = ''): LineSeries[] =>
    SERVICE_IDS.flatMap((id) => {
      const values = pick(id);
      return values ? [{ label: `${prefix}${serviceName(t, id)}`, color: SERVICE_COLORS[id], values, dash }] : [];
    });

  return (
    <section className="cmp-panel cmp-charts" aria-labelledby="cmp-charts-title">
      <h2 id="cmp-charts-title" className="cmp-panel__title">
        {t('compare.charts.title')}
      </h2>
      <div className="cmp-charts__grid">
        <div className="cmp-chart">
          <h3 className="cmp-panel__subtitle">{t('compare.charts.orders')}</h3>
          <LineChart
            summary={t('compare.charts.orders.summary', {
              syncAccepted: last(snap.sync.accepted),
              syncFailed: last(snap.sync.failed),
              edaAccepted: last(snap.eda.accepted),
              edaFailed: last(snap.eda.failed),
            })}
            t={snap.t}
            series={[
              { label: t('compare.charts.accepted', { side: sync }), color: SIDE_COLORS.sync, values: snap.sync.accepted },
              { label: t('compare.charts.failed', { side: sync }), color: FAILED_COLORS.sync, values: snap.sync.failed, dash: true },
              { label: t('compare.charts.accepted', { side: eda }), color: SIDE_COLORS.eda, values: snap.eda.accepted },
              { label: t('compare.charts.failed', { side: eda }), color: FAILED_COLORS.eda, values: snap.eda.failed, dash: true },
            ]}
          />
        </div>
        <div className="cmp-chart">
          <h3 className="cmp-panel__subtitle">{t('compare.charts.latency')}</h3>
          <LineChart
            summary={t('compare.charts.latency.summary', { sync: last(snap.sync.latencyP95), eda: last(snap.eda.latencyP95) })}
            t={snap.t}
            series={[
              { label: t('compare.charts.p95', { side: sync }), color: SIDE_COLORS.sync, values: gaps(snap.sync.latencyP95) },
              { label: t('compare.charts.p50', { side: sync }), color: SIDE_COLORS.sync, values: gaps(snap.sync.latencyP50), dash: true },
              { label: t('compare.charts.p95', { side: eda }), color: SIDE_COLORS.eda, values: gaps(snap.eda.latencyP95) },
              { label: t('compare.charts.p50', { side: eda }), color: SIDE_COLORS.eda, values: gaps(snap.eda.latencyP50), dash: true },
            ]}
          />
        </div>
        <div className="cmp-chart">
          <h3 className="cmp-panel__subtitle">{t('compare.charts.completion')}</h3>
          <LineChart
            summary={t('compare.charts.completion.summary', { sync: last(snap.sync.completionP95), eda: last(snap.eda.completionP95) })}
            t={snap.t}
            series={[
              { label: t('compare.charts.p95', { side: sync }), color: SIDE_COLORS.sync, values: gaps(seconds(snap.sync.completionP95)) },
              { label: t('compare.charts.p95', { side: eda }), color: SIDE_COLORS.eda, values: gaps(seconds(snap.eda.completionP95)) },
            ]}
          />
        </div>
        <div className="cmp-chart">
          <h3 className="cmp-panel__subtitle">{t('compare.charts.loadSync')}</h3>
          <LineChart summary={t('compare.charts.load.summary')} t={snap.t} series={perService((id) => snap.sync.load[id])} />
        </div>
        <div className="cmp-chart">
          <h3 className="cmp-panel__subtitle">{t('compare.charts.loadEda')}</h3>
          <LineChart summary={t('compare.charts.load.summary')} t={snap.t} series={perService((id) => snap.eda.load[id])} />
        </div>
        <div className="cmp-chart">
          <h3 className="cmp-panel__subtitle">{t('compare.charts.backlog')}</h3>
          <LineChart
            summary={t('compare.charts.backlog.summary')}
            t={snap.t}
            series={[
              ...perService((id) => snap.eda.backlog[id], false, `${t('compare.charts.lag')} `),
              ...perService((id) => (id === 'order' || snap.sync.backlog[id]?.some((v) => v > 0) ? snap.sync.backlog[id] : undefined), true, `${t('compare.charts.queue')} `),
            ]}
          />
        </div>
      </div>
    </section>
  );
}
