import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../../../i18n';
import { enCore } from '../../../i18n/en/core';
import { useKafe } from '../../../store';

/** Warnings from scenario -> engine translation (scenario/toEngine.ts) for one node. */
export function ProblemBadges({ nodeId }: { nodeId: string }) {
  const { t } = useT();
  const problems = useKafe(useShallow((s) => s.problems.filter((p) => p.nodeId === nodeId)));
  if (problems.length === 0) return null;
  return (
    <ul className="kafe-node__problems" aria-label={t('canvas.problem.label')}>
      {problems.map(({ code, detail }, i) => {
        const key = `canvas.problem.${code}`;
        return (
          <li key={`${code}-${i}`} className="kafe-node__problem" data-problem={code}>
            <span aria-hidden="true">⚠ </span>
            {t(key in enCore ? (key as MessageKey) : 'canvas.problem.generic', detail)}
          </li>
        );
      })}
    </ul>
  );
}
