import { useShallow } from 'zustand/react/shallow';
import { downstreamOf, FEATURE_IDS, type DownstreamId, type ServiceId } from '../../compare';
import { useT } from '../../i18n';
import { serviceName } from './labels';
import { useCompare } from '../../store/compare';

const LATENCIES = [0, 50, 100, 200, 500, 1000, 2000];
const ERROR_RATES = [0, 1, 5, 10, 25, 50, 100];

/**
 * One set of toggles for both sides: every change goes to `control`, which plans the commands for
 * each world and applies them at the same virtual moment.
 */
export function ControlsPanel() {
  const { t } = useT();
  const { config, refused, features } = useCompare(
    useShallow((s) => ({ config: s.config, refused: s.refused, features: s.snapshot.features })),
  );
  const control = useCompare((s) => s.control);
  const rows: ServiceId[] = ['order', ...downstreamOf(config.features)];
  const maxInstances = config.partitions;

  return (
    <section className="cmp-panel cmp-controls" aria-labelledby="cmp-controls-title">
      <h2 id="cmp-controls-title" className="cmp-panel__title">
        {t('compare.controls.title')}
      </h2>
      <div className="cmp-rate">
        <label htmlFor="cmp-rate">{t('compare.controls.rate')}</label>
        <input
          id="cmp-rate"
          type="range"
          min={1}
          max={400}
          step={1}
          value={config.ratePerSec}
          onChange={(e) => control({ type: 'setRate', ratePerSec: Number(e.target.value) })}
        />
        <output htmlFor="cmp-rate" className="cmp-rate__value">
          {t('compare.controls.rateValue', { rate: config.ratePerSec })}
        </output>
      </div>
      <div className="cmp-table-frame">
        <table className="data-table cmp-services">
          <thead>
            <tr>
              <th scope="col">{t('compare.controls.service')}</th>
              <th scope="col">{t('compare.controls.up')}</th>
              <th scope="col">{t('compare.controls.extraLatency')}</th>
              <th scope="col">{t('compare.controls.errorRate')}</th>
              <th scope="col">{t('compare.controls.instances')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((id) => {
              const s = config.services[id];
              const name = serviceName(t, id);
              const front = id === 'order';
              return (
                <tr key={id} data-service={id}>
                  <th scope="row">{name}</th>
                  <td data-label={t('compare.controls.up')}>
                    {front ? (
                      <span className="cmp-muted">{t('compare.controls.frontDoor')}</span>
                    ) : (
                      <input
                        type="checkbox"
                        className="cmp-switch"
                        checked={!s.down}
                        aria-label={t('compare.controls.upFor', { name })}
                        onChange={(e) => control({ type: 'setDown', service: id as DownstreamId, down: !e.target.checked })}
                      />
                    )}
                  </td>
                  <td data-label={t('compare.controls.extraLatency')}>
                    <select
                      aria-label={t('compare.controls.extraLatencyFor', { name })}
                      value={s.extraLatencyMs}
                      onChange={(e) => control({ type: 'setExtraLatency', service: id, ms: Number(e.target.value) })}
                    >
                      {withValue(LATENCIES, s.extraLatencyMs).map((ms) => (
                        <option key={ms} value={ms}>
                          {ms === 0 ? t('compare.controls.none') : t('compare.controls.plusMs', { ms })}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-label={t('compare.controls.errorRate')}>
                    {front ? (
                      <span className="cmp-muted">–</span>
                    ) : (
                      <select
                        aria-label={t('compare.controls.errorRateFor', { name })}
                        value={Math.round(s.errorRate * 100)}
                        onChange={(e) => control({ type: 'setErrorRate', service: id as DownstreamId, rate: Number(e.target.value) / 100 })}
                      >
                        {withValue(ERROR_RATES, Math.round(s.errorRate * 100)).map((p) => (
                          <option key={p} value={p}>
                            {t('compare.controls.percent', { value: p })}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td data-label={t('compare.controls.instances')}>
                    <select
                      aria-label={t('compare.controls.instancesFor', { name })}
                      value={s.instances}
                      onChange={(e) => control({ type: 'setInstances', service: id, instances: Number(e.target.value) })}
                    >
                      {Array.from({ length: maxInstances }, (_, i) => i + 1).map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="cmp-note">{t('compare.controls.note')}</p>
      {refused && (
        <p className="cmp-refused" role="alert">
          {t(`compare.refused.${refused}`)}
        </p>
      )}
      <div className="cmp-features">
        <h3 className="cmp-panel__subtitle">{t('compare.features.title')}</h3>
        <div className="cmp-features__buttons">
          {FEATURE_IDS.map((id) => (
            <button
              key={id}
              type="button"
              className="button button--small"
              disabled={config.features.includes(id)}
              onClick={() => control({ type: 'addFeature', service: id })}
            >
              {t('compare.features.add', { name: serviceName(t, id) })}
            </button>
          ))}
        </div>
        <dl className="cmp-features__counts" data-testid="feature-changes">
          <div data-side="sync">
            <dt>{t('compare.side.sync')}</dt>
            <dd>{t('compare.features.count', { changed: features.sync.changed.length, added: features.sync.added.length })}</dd>
          </div>
          <div data-side="eda">
            <dt>{t('compare.side.eda')}</dt>
            <dd>{t('compare.features.count', { changed: features.eda.changed.length, added: features.eda.added.length })}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}

/** The fixed choices, plus the current value if a script set something else. */
function withValue(choices: number[], value: number): number[] {
  return choices.includes(value) ? choices : [...choices, value].sort((a, b) => a - b);
}
