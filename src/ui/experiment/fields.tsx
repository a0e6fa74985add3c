/**
 * Small form controls of the experiment form: a number box and a registry select, each with its
 * inline messages from parseConfig's field-named issues, so a bad value names its field and allowed range.
 */
import { useId } from 'react';

export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id} className="field-error" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (v: number) => void;
  readonly errors: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly disabled?: boolean;
  readonly hint?: string;
}

export function NumberField({ label, value, onChange, errors, min, max, step = 1, disabled, hint }: NumberFieldProps) {
  const id = useId();
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {hint && <span className="field-range">{hint}</span>}
      </div>
      <input
        id={id}
        type="number"
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
      <FieldErrors id={`${id}-err`} messages={errors} />
    </div>
  );
}

export interface SelectFieldProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly onChange: (id: string) => void;
  readonly errors: readonly string[];
  readonly disabled?: boolean;
}

export function SelectField({ label, value, options, onChange, errors, disabled }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={errors.length > 0}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-err`} messages={errors} />
    </div>
  );
}
