import { useId, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { parseNumber, type Parsed } from '../fields';

interface NumberFieldProps {
  labelKey: MessageKey;
  buttonKey: MessageKey;
  min: number;
  max: number;
  /** Shown in the empty field: what the field holds now, or what an empty submit means. */
  placeholder: string;
  /** The number an empty field submits (e.g. one more partition); without it, empty is refused. */
  whenEmpty?: number;
  /** Overrides the parser's message for any refusal, when the panel can say it more precisely. */
  error?: { key: MessageKey; vars?: Record<string, string | number> };
  hintKey?: MessageKey;
  hintVars?: Record<string, string | number>;
  disabled?: boolean;
  /** `data-live` of the button, for tests and the lessons' actions. */
  live?: string;
  /** Applies the number; true when it was accepted (the field then empties). */
  onSubmit(value: number): boolean;
}

/**
 * A whole number typed into a live panel and applied with a button: parsed by the inspector's own
 * field rules (fields.ts), so a value out of [min, max] never reaches the store and is explained
 * under the field. Used by every typed number in the live panels.
 */
export function NumberField({ labelKey, buttonKey, min, max, placeholder, whenEmpty, error, hintKey, hintVars, disabled, live, onSubmit }: NumberFieldProps) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [refused, setRefused] = useState<Extract<Parsed, { ok: false }> | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = draft.trim() === '' && whenEmpty !== undefined ? parseNumber(String(whenEmpty), min, max, true) : parseNumber(draft, min, max, true);
    if (!parsed.ok) {
      setRefused(parsed);
      return;
    }
    setRefused(null);
    if (onSubmit(parsed.value as number)) setDraft('');
  };
  const described = [hintKey ? `${id}-hint` : '', refused ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="live__block" onSubmit={submit}>
      <div className="live__row">
        <div className="field">
          <label htmlFor={id} className="field__label">
            {t(labelKey)}
          </label>
          <input
            id={id}
            className="input"
            inputMode="numeric"
            value={draft}
            placeholder={placeholder}
            aria-invalid={refused ? true : undefined}
            aria-describedby={described}
            onChange={(e) => {
              setDraft(e.target.value);
              setRefused(null);
            }}
          />
        </div>
        <button type="submit" className="button" data-live={live} disabled={disabled}>
          {t(buttonKey)}
        </button>
      </div>
      {refused && (
        <p id={`${id}-error`} className="field-error">
          {error ? t(error.key, error.vars) : t(refused.error, refused.vars)}
        </p>
      )}
      {hintKey && (
        <p id={`${id}-hint`} className="field__hint">
          {t(hintKey, hintVars)}
        </p>
      )}
    </form>
  );
}
