import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../../i18n';
import { PROBLEM_KEYS } from '../../../i18n/codeKeys';
import { useKafe } from '../../../store';

/** Warnings from scenario -> engine translation (scenario/toEngine.ts) for one node; `compact`
 * (a zoomed-out node) shows only how many, the full text is there when zoomed in. */
export function ProblemBadges({ nodeId, compact = false }: { nodeId: string; compact?: boolean }) {
  const { t } = useT();
  const problems = useKafe(useShallow((s) => s.problems.filter((p) => p.nodeId === nodeId)));
  if (problems.length === 0) return null;
  if (compact) {
    return (
      <p className="kafe-node__problem kafe-node__problem--count" data-problems={problems.length}>
        <span aria-hidden="true">⚠ </span>
        {t('canvas.summary.problems', { n: problems.length })}
      </p>
    );
  }
  return (
    <ul className="kafe-node__problems" aria-label={t('canvas.problem.label')}>
      {problems.map(({ code, detail }, i) => {
        return (
          <li key={`${code}-${i}`} className="kafe-node__problem" data-problem={code}>
            <span aria-hidden="true">⚠ </span>
            {t(PROBLEM_KEYS[code] ?? 'canvas.problem.generic', detail)}
          </li>
        );
      })}
    </ul>
  );
}
