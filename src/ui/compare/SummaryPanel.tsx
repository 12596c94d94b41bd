import { FEATURE_IDS, SERVICE_IDS, summaryMarkdown, summaryRows, type CompareRun, type RunSummary, type ServiceId, type SummaryLabels } from '../../compare';
import { useT, type Translate } from '../../i18n';
import { buildDiagram, diagramHeading, suggestOrder } from './diagrams';
import { serviceName } from './labels';
import { useCompare, useCompareStoreApi } from '../../store/compare';
import { downloadFile } from '../common/download';

export function summaryLabels(t: Translate): SummaryLabels {
  return {
    metric: t('compare.summary.metric'),
    sync: t('compare.side.sync'),
    eda: t('compare.side.eda'),
    placed: t('compare.summary.placed'),
    accepted: t('compare.summary.accepted'),
    failed: t('compare.summary.failed'),
    completed: t('compare.summary.completed'),
    latency: t('compare.summary.latency'),
    completion: t('compare.summary.completion'),
    backlog: t('compare.summary.backlog'),
    changed: t('compare.summary.changed'),
    added: t('compare.summary.added'),
    none: t('compare.summary.none'),
    services: Object.fromEntries([...SERVICE_IDS, ...FEATURE_IDS].map((id) => [id, serviceName(t, id)])),
  };
}

/** The Markdown export: the table, and both sides' diagrams of one order and of the first events. */
function exportMarkdown(t: Translate, run: CompareRun, summary: RunSummary, order: number | null, scenarioLesson: string | null): string {
  const n = order ?? suggestOrder(run) ?? 0;
  const diagrams = (['sync', 'eda'] as const).flatMap((side) => [
    { heading: diagramHeading(t, side, 'order', n, 0), diagram: buildDiagram(run, side, 'order', n, 0) },
    { heading: diagramHeading(t, side, 'first', n, 20), diagram: buildDiagram(run, side, 'first', n, 20) },
  ]);
  return summaryMarkdown({
    title: t('compare.md.title'),
    intro: [
      ...(scenarioLesson ? [scenarioLesson] : []),
      t('compare.md.run', { seconds: (summary.durationMs / 1000).toFixed(1), rate: run.config.ratePerSec, seed: run.config.seed }),
    ],
    summary,
    labels: summaryLabels(t),
    diagrams,
    diagramsHeading: t('compare.diagrams.title'),
  });
}

/** The table shown when a run ends, where sync orders failed, and the Markdown download. */
export function SummaryPanel() {
  const { t } = useT();
  const summary = useCompare((s) => s.summary);
  const ended = useCompare((s) => s.ended);
  const scenario = useCompare((s) => s.scenario);
  const diagramOrder = useCompare((s) => s.diagramOrder);

  const store = useCompareStoreApi();
  const onExport = () => {
    const state = store.getState();
    const now = state.getRun().now;
    const s = state.summary ?? state.getRun().metrics.summary(now);
    const lesson = scenario ? t(`compare.lesson.${scenario}`) : null;
    downloadFile(exportMarkdown(t, state.getRun(), s, diagramOrder, lesson), `kafe-compare-${scenario ?? 'run'}.md`, 'text/markdown;charset=utf-8');
  };

  return (
    <section className="cmp-panel cmp-summary" aria-labelledby="cmp-summary-title" data-testid="compare-summary">
      <div className="cmp-panel__head">
        <h2 id="cmp-summary-title" className="cmp-panel__title">
          {t('compare.summary.title')}
        </h2>
        <button type="button" className="button button--small" onClick={onExport}>
          {t('compare.summary.export')}
        </button>
      </div>
      {ended && summary ? (
        <>
          <table className="data-table cmp-summary__table">
            <thead>
              <tr>
                <th scope="col">{t('compare.summary.metric')}</th>
                <th scope="col" className="num">
                  {t('compare.side.sync')}
                </th>
                <th scope="col" className="num">
                  {t('compare.side.eda')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summaryRows(summary, summaryLabels(t)).map(([label, sync, eda]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="num">{sync}</td>
                  <td className="num">{eda}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {Object.keys(summary.syncFailedAt).length > 0 && (
            <p className="cmp-note">
              {t('compare.summary.failedAt', {
                list: (Object.entries(summary.syncFailedAt) as [ServiceId, number][])
                  .map(([id, n]) => `${serviceName(t, id)} ${n}`)
                  .join(', '),
              })}
            </p>
          )}
        </>
      ) : (
        <p className="cmp-muted">{t('compare.summary.pending')}</p>
      )}
    </section>
  );
}
