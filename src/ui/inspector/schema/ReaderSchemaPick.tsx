import { useId } from 'react';
import { useT } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { schemaKey } from '../../../schema/model';
import { useKafe } from '../../../store';
import { describeSchema } from './describeSchema';

/**
 * A service's reader schema, picked from the versions registered for the topics it reads (or none:
 * it reads any record, as before). Simple and honest: a real consumer is built against one
 * version of the schema; which versions it can then read is avsc's answer (scenario/registry.ts).
 */
export function ReaderSchemaPick({ node }: { node: NodeOf<'service'> }) {
  const { t } = useT();
  const id = useId();
  const updateNode = useKafe((s) => s.updateNode);
  const scenario = useKafe((s) => s.scenario);
  const registry = useKafe((s) => s.registry);
  const reads = new Set(scenario.edges.filter((e) => e.target === node.id).map((e) => e.source));
  const options = registry.subjects
    .filter((s) => reads.has(s.topicNode))
    .flatMap((s) => s.versions.map((v) => ({ value: `${s.name}:${v.version}`, label: t('inspector.reader.version', { subject: s.name, version: v.version }), schema: v.schema })));
  const current = node.props.readerSchema;
  if (!current && options.length === 0) return null;
  const match = current ? options.find((o) => schemaKey(o.schema) === schemaKey(current)) : undefined;
  const value = !current ? '' : (match?.value ?? 'custom');

  return (
    <section className="settings" aria-labelledby={`reader-${node.id}`} data-testid="reader-schema">
      <h3 id={`reader-${node.id}`} className="panel__subtitle">
        {t('inspector.reader.title')}
      </h3>
      <div className="field" data-field="readerSchema">
        <label htmlFor={id} className="field__label">
          {t('inspector.reader.title')}
        </label>
        <select
          id={id}
          className="select"
          name="readerSchema"
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const picked = options.find((o) => o.value === e.target.value);
            if (e.target.value === '') updateNode(node.id, { props: { readerSchema: undefined } });
            else if (picked) updateNode(node.id, { props: { readerSchema: picked.schema } });
          }}
        >
          <option value="">{t('inspector.reader.none')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {value === 'custom' && <option value="custom">{t('inspector.reader.custom')}</option>}
        </select>
        {current && (
          <p className="schema-editor__name">
            <code>{describeSchema(current)}</code>
          </p>
        )}
        <p id={`${id}-hint`} className="field__hint">
          {t('inspector.reader.hint')}
        </p>
      </div>
    </section>
  );
}
