import { useId, useState } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { FIELD_TYPES, type FieldType, type RecordSchema } from '../../../schema/model';
import { SelectField } from '../../common/SelectField';
import { useKafe } from '../../../store';
import { describeField } from './describeSchema';

/** Mirrors the scenario schema's Avro names (src/scenario/schema.ts). */
const AVRO_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
const MAX_FIELDS = 20;
/** What "Use a schema" starts from: an id, which any record has. */
const STARTER: RecordSchema = { name: 'Event', fields: [{ name: 'id', type: 'string', withDefault: false }] };

/**
 * A producer's writer schema, as simple as it can be honestly: its fields (each with or without a
 * default, which can be switched), "add field" and "remove". Every change is a setup edit (the run
 * restarts and the serializer registers the schema again, see scenario/registry.ts).
 */
export function SchemaEditor({ node }: { node: NodeOf<'producer'> }) {
  const { t } = useT();
  const updateNode = useKafe((s) => s.updateNode);
  const schema = node.props.schema;
  const set = (next: RecordSchema | undefined) => updateNode(node.id, { props: { schema: next } });

  return (
    <section className="settings schema-editor" aria-labelledby={`schema-${node.id}`} data-testid="schema-editor">
      <h3 id={`schema-${node.id}`} className="panel__subtitle">
        {t('inspector.schema.title')}
      </h3>
      {!schema ? (
        <>
          <p className="field__hint">{t('inspector.schema.none')}</p>
          <button type="button" className="button" onClick={() => set(STARTER)}>
            {t('inspector.schema.use')}
          </button>
        </>
      ) : (
        <>
          <p className="field__hint">{t('inspector.schema.hint')}</p>
          <p className="schema-editor__name">
            <code>{schema.name}</code>
          </p>
          <ul className="schema-editor__fields">
            {schema.fields.map((f, i) => (
              <li key={f.name} className="schema-editor__field" data-schema-field={f.name}>
                <code>{describeField(f)}</code>
                <label className="schema-editor__default">
                  <input
                    type="checkbox"
                    checked={f.withDefault}
                    onChange={(e) => set({ ...schema, fields: schema.fields.map((g, j) => (j === i ? { ...g, withDefault: e.target.checked } : g)) })}
                  />
                  {t('inspector.schema.withDefault')}
                </label>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('inspector.schema.remove', { name: f.name })}
                  title={t('inspector.schema.remove', { name: f.name })}
                  onClick={() => set({ ...schema, fields: schema.fields.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <AddField schema={schema} onAdd={set} />
          <button type="button" className="button button--quiet" onClick={() => set(undefined)}>
            {t('inspector.schema.stop')}
          </button>
        </>
      )}
    </section>
  );
}

function AddField({ schema, onAdd }: { schema: RecordSchema; onAdd: (s: RecordSchema) => void }) {
  const { t } = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [type, setType] = useState<FieldType>('string');
  const [withDefault, setWithDefault] = useState(true);
  const [error, setError] = useState<{ key: MessageKey; vars?: Record<string, string> } | null>(null);

  const add = () => {
    const trimmed = name.trim();
    if (!AVRO_NAME.test(trimmed)) return setError({ key: 'inspector.schema.errorName' });
    if (schema.fields.some((f) => f.name === trimmed)) return setError({ key: 'inspector.schema.errorTaken', vars: { name: trimmed } });
    if (schema.fields.length >= MAX_FIELDS) return setError({ key: 'inspector.schema.errorFull' });
    setError(null);
    setName('');
    onAdd({ ...schema, fields: [...schema.fields, { name: trimmed, type, withDefault }] });
  };

  return (
    <div className="schema-editor__add" data-testid="schema-add">
      <div className="field">
        <label htmlFor={`${id}-name`} className="field__label">
          {t('inspector.schema.fieldName')}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          name="schemaFieldName"
          value={name}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
      </div>
      <SelectField label={t('inspector.schema.fieldType')} name="schemaFieldType" value={type} options={FIELD_TYPES.map((ft) => ({ value: ft, label: ft }))} onChange={(picked) => setType(picked as FieldType)} />
      <div className="field field--check">
        <input id={`${id}-default`} type="checkbox" name="schemaFieldDefault" checked={withDefault} onChange={(e) => setWithDefault(e.target.checked)} />
        <label htmlFor={`${id}-default`}>{t('inspector.schema.withDefault')}</label>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t(error.key, error.vars)}
        </p>
      )}
      <button type="button" className="button" onClick={add}>
        {t('inspector.schema.add')}
      </button>
    </div>
  );
}
