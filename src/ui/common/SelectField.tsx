import { useId, type ReactNode } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** The select's `name`, and the field's `data-field` (how tests and lesson drivers find it). */
  name?: string;
  /** Shown under the select and named by its `aria-describedby`, so a screen reader reads it too. */
  hint?: ReactNode;
  /** Anything between the select and the hint (e.g. the schema a choice stands for). */
  children?: ReactNode;
}

/**
 * One labelled `<select>` in the inspector's field style: label above, select, optional hint.
 * The label is tied to the select by a generated id, so `getByLabel` and assistive tech find it.
 */
export function SelectField({ label, value, options, onChange, name, hint, children }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="select" name={name} value={value} aria-describedby={hint ? hintId : undefined} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {children}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
