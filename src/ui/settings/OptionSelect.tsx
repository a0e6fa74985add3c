/**
 * A labelled <select> over a typed list of options (numbers or strings), returning the option itself
 * rather than its string form. Shared by the analysis panel, the mask inspector and the transfer view's
 * pickers. An undefined value (nothing to choose from yet) shows an empty choice.
 */
export interface OptionSelectProps<T extends string | number> {
  readonly label: string;
  readonly value: T | undefined;
  readonly options: readonly T[];
  readonly onChange: (v: T) => void;
  readonly format?: (v: T) => string;
}

export function OptionSelect<T extends string | number>({
  label,
  value,
  options,
  onChange,
  format,
}: OptionSelectProps<T>) {
  return (
    <label>
      {label}
      <select
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(options.find((o) => String(o) === e.target.value) as T)}
      >
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {format ? format(o) : String(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
