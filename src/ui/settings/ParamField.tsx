/**
 * One input generated from a ParamSpec (docs/ARCHITECTURE.md convention 4): slider + number box for numbers
 * (log-mapped slider for `log` specs), a select for choices, a checkbox for booleans; label, help
 * toggle, and an inline message when the typed value is invalid.
 */
import { useId } from 'react';
import type { ParamSpec } from '../../core/params';
import { HelpText, HelpToggle } from './HelpToggle';

export interface ParamFieldProps {
  readonly name: string;
  readonly spec: ParamSpec;
  readonly value: number | boolean | string;
  readonly error?: string;
  readonly helpKey: string;
  readonly disabled?: boolean;
  readonly onChange: (value: number | boolean | string) => void;
}

const SLIDER_STEPS = 1000;

/** Slider position (0…SLIDER_STEPS) ↔ value, log-mapped when the ParamSpec asks for it and min > 0. */
function sliderOf(spec: Extract<ParamSpec, { kind: 'number' }>) {
  const log = !!spec.log && spec.min > 0;
  const lo = log ? Math.log(spec.min) : spec.min,
    hi = log ? Math.log(spec.max) : spec.max;
  return {
    toPos: (v: number) =>
      Math.round((SLIDER_STEPS * ((log ? Math.log(Math.max(v, spec.min)) : v) - lo)) / (hi - lo || 1)),
    toValue: (pos: number) => {
      const raw = lo + ((hi - lo) * pos) / SLIDER_STEPS;
      const v = log ? Math.exp(raw) : raw;
      const snapped = spec.integer ? Math.round(v) : Number((Math.round(v / spec.step) * spec.step).toPrecision(6));
      return Math.min(spec.max, Math.max(spec.min, log ? Number(v.toPrecision(3)) : snapped));
    },
  };
}

export function ParamField({ name, spec, value, error, helpKey, disabled, onChange }: ParamFieldProps) {
  const id = useId();
  const describedBy = `help-${helpKey}${error ? ` ${id}-err` : ''}`;
  let control;
  if (spec.kind === 'number') {
    const s = sliderOf(spec);
    const num = typeof value === 'number' ? value : Number(value);
    control = (
      <div className="num-control">
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={Number.isFinite(num) ? s.toPos(num) : 0}
          aria-label={`${spec.label} slider`}
          aria-valuetext={Number.isFinite(num) ? `${num}` : 'not set'}
          disabled={disabled}
          onChange={(e) => onChange(s.toValue(Number(e.target.value)))}
        />
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={spec.step}
          min={spec.min}
          max={spec.max}
          value={Number.isFinite(num) ? num : ''}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
        />
      </div>
    );
  } else if (spec.kind === 'choice') {
    control = (
      <select
        id={id}
        value={String(value)}
        aria-describedby={describedBy}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-describedby={describedBy}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  }
  return (
    <div className={`field${error ? ' field-invalid' : ''}`} data-param={name}>
      <div className="field-head">
        <label htmlFor={id}>{spec.label}</label>
        <HelpToggle helpKey={helpKey} label={spec.label} />
        {spec.kind === 'number' && (
          <span className="field-range">
            [{spec.min}, {spec.max}]
          </span>
        )}
      </div>
      {control}
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <HelpText helpKey={helpKey} text={spec.help} />
    </div>
  );
}
