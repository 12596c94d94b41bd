import type { ComponentType } from 'react';
import { useT } from '../../i18n';
import type { ScenarioNode } from '../../scenario';
import { LIVE_PANELS } from './live/panels';

/**
 * Actions on the running simulation for the selected node: its kind's panel (live/panels.ts).
 * They go through `run(command)`, so the store records them on the timeline (and refuses what the
 * engine refuses, with a notice). Engine ids come from the store's EngineIdMap; see
 * src/scenario/toEngine.ts for how they are made.
 */
export function LiveActions({ node }: { node: ScenarioNode }) {
  const { t } = useT();
  // LIVE_PANELS pairs each kind with the panel for that kind; TypeScript cannot follow the pairing
  // through an indexed access on a union, so the lookup is widened once here.
  const Panel = LIVE_PANELS[node.kind] as ComponentType<{ node: ScenarioNode }>;
  return (
    <section className="live" aria-labelledby={`live-${node.id}`} data-testid="live-actions">
      <h3 id={`live-${node.id}`} className="panel__subtitle">
        {t('inspector.live')}
      </h3>
      <p className="panel__note">{t('inspector.liveNote')}</p>
      {'joinAtMs' in node && node.joinAtMs ? (
        <p className="panel__note" data-testid="joined-late">
          {t('inspector.joinedAt', { s: (node.joinAtMs / 1000).toFixed(1) })}
        </p>
      ) : null}
      <Panel node={node} />
    </section>
  );
}
