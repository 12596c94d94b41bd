import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n';
import type { ScenarioNode } from '../../scenario';
import './cliView.css';

// The formatters and the terminal load when a learner first opens a CLI view, not at first paint.
const CliTerminals = lazy(() => import('./CliTerminals').then((m) => ({ default: m.CliTerminals })));

/**
 * "CLI view" beside a topic or a group (consumer or service node) in the inspector: what
 * kafka-topics.sh and kafka-consumer-groups.sh would print for the simulated cluster at the moment
 * being viewed, so a learner recognises every column when they meet the real tools. Collapsed by
 * default; while open it follows the simulation (the text is rebuilt from each frame's view, and
 * the terminal re-renders only when the text changes).
 */
export function CliView({ node }: { node: ScenarioNode }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (node.kind !== 'topic' && node.kind !== 'consumer' && node.kind !== 'service') return null;
  return (
    <details className="cli-view" data-testid="cli-view" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cli-view__summary">{t('cli.title')}</summary>
      <p className="field__hint">{t('cli.about')}</p>
      {open && (
        <Suspense fallback={null}>
          <CliTerminals node={node} />
        </Suspense>
      )}
    </details>
  );
}
