import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../../i18n';
import { useKafe } from '../../store';
import { LineChart } from './LineChart';

const COLORS = { produced: '#6f4e37', consumed: '#2f6f73', lag: '#a4431f' };

const STATE_KEYS: Record<string, MessageKey> = {
  Stable: 'metrics.state.Stable',
  PreparingRebalance: 'metrics.state.PreparingRebalance',
  Empty: 'metrics.state.Empty',
};

/** One table row per group: "id|state|totalLag|live members", so rows re-render only on change. */
function groupRows(groups: { id: string; state: string; totalLag: number; members: { alive: boolean }[] }[]): string[] {
  return groups.map((g) => [g.id, g.state, g.totalLag, g.members.filter((m) => m.alive).length].join('\u0000'));
}

/** Throughput and total consumer lag over virtual time, and each group's lag and state now. */
export function MetricsPanel() {
  const { t } = useT();
  const metrics = useKafe((s) => s.metrics);
  const rows = useKafe(useShallow((s) => groupRows(s.frame.view.groups)));
  const last = (values: readonly (number | null)[]) => (values.length ? (values[values.length - 1] ?? 0) : 0);

  return (
    <section className="panel metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title" className="panel__title">
        {t('metrics.title')}
      </h2>
      <h3 className="panel__subtitle">{t('metrics.throughput')}</h3>
      <LineChart
        summary={t('metrics.throughput.summary', {
          produced: Math.round(last(metrics.produced)),
          consumed: Math.round(last(metrics.consumed)),
        })}
        t={metrics.t}
        series={[
          { label: t('metrics.produced'), color: COLORS.produced, values: metrics.produced },
          { label: t('metrics.consumed'), color: COLORS.consumed, values: metrics.consumed, dash: true },
        ]}
      />
      <h3 className="panel__subtitle">{t('metrics.lag')}</h3>
      <LineChart
        summary={t('metrics.lag.summary', { lag: last(metrics.lag) })}
        t={metrics.t}
        series={[{ label: t('metrics.totalLag'), color: COLORS.lag, values: metrics.lag }]}
      />
      <h3 className="panel__subtitle">{t('metrics.groups')}</h3>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('metrics.noGroups')}</p>
      ) : (
        <table className="data-table" data-testid="group-table">
          <thead>
            <tr>
              <th scope="col">{t('metrics.group')}</th>
              <th scope="col">{t('metrics.state')}</th>
              <th scope="col" className="num">
                {t('metrics.live')}
              </th>
              <th scope="col" className="num">
                {t('metrics.groupLag')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const [id, state, lag, live] = row.split('\u0000');
              return (
                <tr key={id} data-group={id} data-state={state}>
                  <th scope="row">{id}</th>
                  <td>
                    <span className={`badge badge--${state}`}>{STATE_KEYS[state] ? t(STATE_KEYS[state]) : state}</span>
                  </td>
                  <td className="num">{live}</td>
                  <td className="num">{lag}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
