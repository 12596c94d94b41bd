import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../../i18n';
import type { NodeKind } from '../../scenario';
import { useKafe } from '../../store';
import type { ScenarioNode } from '../../scenario';
import { loadNodeDetails, nodeDetailsNow } from './lazyDetails';

const KIND_KEYS: Record<NodeKind, MessageKey> = {
  producer: 'inspector.kind.producer',
  topic: 'inspector.kind.topic',
  service: 'inspector.kind.service',
  consumer: 'inspector.kind.consumer',
  broker: 'inspector.kind.broker',
};

/**
 * Settings and live actions for the selected node. A node picker makes every node reachable
 * without the canvas (keyboard and screen-reader users); with nothing selected, a short how-to.
 */
export function Inspector() {
  const { t } = useT();
  const pickerId = useId();
  const selectedId = useKafe((s) => s.selectedId);
  const node = useKafe((s) => s.scenario.nodes.find((n) => n.id === s.selectedId) ?? null);
  const options = useKafe(useShallow((s) => s.scenario.nodes.map((n) => `${n.id}\u0000${n.kind}\u0000${n.label}`)));
  const select = useKafe((s) => s.select);

  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <h2 id="inspector-title" className="panel__title">
        {t('inspector.title')}
      </h2>
      <div className="inspector__picker">
        <label htmlFor={pickerId} className="field__label">
          {t('inspector.picker')}
        </label>
        <select
          id={pickerId}
          className="select"
          data-testid="node-picker"
          value={node ? node.id : ''}
          onChange={(e) => select(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('inspector.picker.none')}</option>
          {options.map((o) => {
            const [id, kind, label] = o.split('\u0000');
            return (
              <option key={id} value={id}>
                {label} · {t(KIND_KEYS[kind as NodeKind])}
              </option>
            );
          })}
        </select>
      </div>
      {node ? (
        <>
          <p className="inspector__kind" data-kind={node.kind}>
            {t(KIND_KEYS[node.kind])}
          </p>
          <Details node={node} />
        </>
      ) : (
        <HowTo stale={selectedId !== null} />
      )}
    </section>
  );
}

/** The selected node's details, from their own chunk (lazyDetails.ts): loading, or why not, with a retry. */
function Details({ node }: { node: ScenarioNode }) {
  const { t } = useT();
  const [module, setModule] = useState(nodeDetailsNow);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module) return;
    let live = true;
    setFailed(false);
    loadNodeDetails().then(
      (m) => live && setModule(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [module, attempt]);
  if (module) return <module.NodeDetails node={node} />;
  if (!failed) return <p className="panel__note" aria-busy="true">{t('inspector.loading')}</p>;
  return (
    <div className="panel__note" role="alert">
      <p>{t('inspector.loadFailed')}</p>
      <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
        {t('lessons.retry')}
      </button>
    </div>
  );
}

function HowTo({ stale }: { stale: boolean }) {
  const { t } = useT();
  return (
    <div className="inspector__howto">
      {stale && <p className="panel__note">{t('inspector.gone')}</p>}
      <h3 className="panel__subtitle">{t('inspector.howto.title')}</h3>
      <ol className="inspector__steps">
        <li>{t('inspector.howto.drag')}</li>
        <li>{t('inspector.howto.connect')}</li>
        <li>{t('inspector.howto.play')}</li>
        <li>{t('inspector.howto.select')}</li>
      </ol>
    </div>
  );
}
