import { useT } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { schemaKey } from '../../../schema/model';
import { useKafe } from '../../../store';
import { SelectField } from '../../common/SelectField';
import { describeSchema } from './describeSchema';

/**
 * A service's reader schema, picked from the versions registered for the topics it reads (or none:
 * it reads any record, as before). Simple and honest: a real consumer is built against one
 * version of the schema; which versions it can then read is avsc's answer (scenario/registry.ts).
 */
export function ReaderSchemaPick({ node }: { node: NodeOf<'service'> }) {
  const { t } = useT();
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
      <SelectField
        label={t('inspector.reader.title')}
        name="readerSchema"
        value={value}
        options={[{ value: '', label: t('inspector.reader.none') }, ...options, ...(value === 'custom' ? [{ value: 'custom', label: t('inspector.reader.custom') }] : [])]}
        hint={t('inspector.reader.hint')}
        onChange={(picked) => {
          const option = options.find((o) => o.value === picked);
          if (picked === '') updateNode(node.id, { props: { readerSchema: undefined } });
          else if (option) updateNode(node.id, { props: { readerSchema: option.schema } });
        }}
      >
        {current && (
          <p className="schema-editor__name">
            <code>{describeSchema(current)}</code>
          </p>
        )}
      </SelectField>
    </section>
  );
}
