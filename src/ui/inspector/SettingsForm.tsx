import { useId, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import type { ScenarioNode } from '../../scenario/schema';
import { useKafe } from '../../store';
import { FIELDS, parseLabel, type CheckboxField, type FieldContext, type Parsed, type SelectField, type TextField } from './fields';

/**
 * The selected node's setup: its label and its kind's props (fields.ts). Every change restarts the
 * simulation, so typed fields commit only on Enter or when they lose focus, and only when valid.
 */
export function SettingsForm({ node }: { node: ScenarioNode }) {
  const { t } = useT();
  const scenario = useKafe((s) => s.scenario);
  const updateNode = useKafe((s) => s.updateNode);
  const props = node.props as Record<string, unknown>;
  const ctx: FieldContext = { scenario, node };
  const setProp = (key: string, value: unknown) => {
    if (!Object.is(props[key], value) && JSON.stringify(props[key]) !== JSON.stringify(value)) updateNode(node.id, { props: { [key]: value } });
  };

  return (
    <section className="settings" aria-labelledby={`settings-${node.id}`} data-testid="settings">
      <h3 id={`settings-${node.id}`} className="panel__subtitle">
        {t('inspector.settings')}
      </h3>
      <p className="settings__note">{t('inspector.restartNote')}</p>
      <TextInput
        key={`${node.id}:label:${node.label}`}
        labelKey="inspector.field.label"
        name="label"
        initial={node.label}
        parse={(text) => parseLabel(text)}
        onCommit={(value) => value !== node.label && updateNode(node.id, { label: value as string })}
      />
      {FIELDS[node.kind]
        .filter((f) => !f.visible || f.visible(props))
        .map((f) => {
          const fieldKey = `${node.id}:${f.key}:${JSON.stringify(props[f.key])}`;
          if (f.control === 'checkbox') return <Checkbox key={fieldKey} spec={f} checked={props[f.key] === true} onChange={(v) => setProp(f.key, v)} />;
          if (f.control === 'select') return <Select key={fieldKey} spec={f} ctx={ctx} value={f.format(props[f.key])} onChange={(v) => setProp(f.key, f.parse(v))} />;
          return <SpecText key={fieldKey} spec={f} ctx={ctx} value={props[f.key]} onCommit={(v) => setProp(f.key, v)} />;
        })}
    </section>
  );
}

function SpecText({ spec, ctx, value, onCommit }: { spec: TextField; ctx: FieldContext; value: unknown; onCommit: (v: unknown) => void }) {
  return (
    <TextInput
      labelKey={spec.labelKey}
      hintKey={spec.hintKey}
      name={spec.key}
      unit={spec.unit}
      inputMode={spec.inputMode}
      initial={spec.format(value)}
      parse={(text) => spec.parse(text, ctx)}
      onCommit={onCommit}
    />
  );
}

interface TextInputProps {
  labelKey: MessageKey;
  hintKey?: MessageKey;
  name: string;
  unit?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  initial: string;
  parse: (text: string) => Parsed;
  onCommit: (value: unknown) => void;
}

/** A text field with a draft: invalid text shows an inline message and is never committed. */
function TextInput({ labelKey, hintKey, name, unit, inputMode, initial, parse, onCommit }: TextInputProps) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<Extract<Parsed, { ok: false }> | null>(null);

  const commit = () => {
    if (draft === initial) {
      setError(null);
      return;
    }
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed);
      return;
    }
    setError(null);
    onCommit(parsed.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(initial);
      setError(null);
    }
  };
  const described = [hintKey ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="field" data-field={name}>
      <label htmlFor={id} className="field__label">
        {t(labelKey)}
      </label>
      <div className="field__row">
        <input
          id={id}
          className="input"
          name={name}
          value={draft}
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(null);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {unit && (
          <span className="field__unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
      {hintKey && (
        <p id={`${id}-hint`} className="field__hint">
          {t(hintKey)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t(error.error, error.vars)}
        </p>
      )}
    </div>
  );
}

function Select({ spec, ctx, value, onChange }: { spec: SelectField; ctx: FieldContext; value: string; onChange: (v: string) => void }) {
  const { t } = useT();
  const id = useId();
  const options = spec.options(ctx);
  return (
    <div className="field" data-field={spec.key}>
      <label htmlFor={id} className="field__label">
        {t(spec.labelKey)}
      </label>
      <select
        id={id}
        className="select"
        name={spec.key}
        value={value}
        aria-describedby={spec.hintKey ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.labelKey ? t(o.labelKey) : o.label}
          </option>
        ))}
      </select>
      {spec.hintKey && (
        <p id={`${id}-hint`} className="field__hint">
          {t(spec.hintKey)}
        </p>
      )}
    </div>
  );
}

function Checkbox({ spec, checked, onChange }: { spec: CheckboxField; checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="field field--check" data-field={spec.key}>
      <input id={id} type="checkbox" name={spec.key} checked={checked} aria-describedby={spec.hintKey ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{t(spec.labelKey)}</label>
      {spec.hintKey && (
        <p id={`${id}-hint`} className="field__hint">
          {t(spec.hintKey)}
        </p>
      )}
    </div>
  );
}
