import { useT } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { COMPATIBILITY_MODES, type CompatibilityMode } from '../../../schema/model';
import { useKafe } from '../../../store';
import { SelectField } from '../../common/SelectField';
import { describeSchema } from './describeSchema';

/**
 * The topic's subject in the simulated schema registry ("<topic>-value"): its compatibility mode
 * (editable), its versions and any producer whose schema it refused, with avsc's reason. Shown only
 * when the subject has versions or refusals, or the canvas's registry is still loading.
 */
export function RegistryPanel({ node }: { node: NodeOf<'topic'> }) {
  const { t } = useT();
  const updateNode = useKafe((s) => s.updateNode);
  const registry = useKafe((s) => s.registry);
  const nodes = useKafe((s) => s.scenario.nodes);
  const labels = new Map(nodes.map((n) => [n.id, n.label]));
  const subject = registry.subjects.find((s) => s.topicNode === node.id);
  const refusals = registry.refusals.filter((r) => r.topic === node.props.name);
  if (!subject || (subject.versions.length === 0 && refusals.length === 0)) {
    return registry.pending ? <p className="field__hint">{t('inspector.registry.pending')}</p> : null;
  }
  const mode: CompatibilityMode = node.props.compatibility ?? 'BACKWARD';

  return (
    <section className="settings registry" aria-labelledby={`registry-${node.id}`} data-testid="schema-registry">
      <h3 id={`registry-${node.id}`} className="panel__subtitle">
        {t('inspector.registry.title')}
      </h3>
      <p className="field__hint">{t('inspector.registry.intro', { subject: subject.name })}</p>
      <SelectField
        label={t('inspector.registry.mode')}
        name="compatibility"
        value={mode}
        options={COMPATIBILITY_MODES.map((m) => ({ value: m, label: m }))}
        hint={t('inspector.registry.modeHint')}
        onChange={(picked) => updateNode(node.id, { props: { compatibility: picked as CompatibilityMode } })}
      />
      {subject.versions.length === 0 ? (
        <p className="field__hint">{t('inspector.registry.empty')}</p>
      ) : (
        <ol className="registry__versions">
          {subject.versions.map((v) => (
            <li key={v.version} data-version={v.version}>
              <span className="registry__version">{t('inspector.registry.version', { version: v.version, id: v.id })}</span>
              {v.registeredBy && <span className="registry__by">{t('inspector.registry.registeredBy', { producer: labels.get(v.registeredBy) ?? v.registeredBy })}</span>}
              <code className="registry__schema">{describeSchema(v.schema)}</code>
            </li>
          ))}
        </ol>
      )}
      {refusals.map((r) => (
        <p key={r.producerNode} className="registry__refusal" role="status" data-refused={r.producerNode}>
          {t('inspector.registry.refused', { producer: labels.get(r.producerNode) ?? r.producerNode, mode: r.mode, latest: r.latestVersion, reason: r.refusal.reason })}
        </p>
      ))}
    </section>
  );
}
