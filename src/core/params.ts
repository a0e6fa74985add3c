/**
 * Self-describing parameters (docs/ARCHITECTURE.md convention 4). Every tunable of a strategy, network, task or
 * pruning method, and every GD option, is declared once with its default, range and help text. From
 * these specs come the settings panels, the validation of `es.params`, `task.params`, `network.params`
 * and `prune.params` in the config schema (runs/config.ts, through `checkParam`), the `--es.<param>`
 * style CLI flags and the CLI help. The config's own top-level fields (rounds, prune fraction, seeds,
 * budget, backend…) are declared separately in runs/config.ts.
 */

export interface NumberParamSpec {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly label: string;
  readonly help: string;
  /** Integer-valued (popsize, rounds, hidden units…). */
  readonly integer?: boolean;
  /** Shown on a log scale in sliders (learning rates, σ). */
  readonly log?: boolean;
  /**
   * Left out of the canonical config (and so of the run id) while it equals its default: for params added
   * after runs were stored, so those runs keep their ids (runs/config.ts). Consumers fill defaults again.
   */
  readonly idOmitsDefault?: boolean;
}

export interface ChoiceParamSpec<T extends string = string> {
  readonly kind: 'choice';
  readonly default: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly label: string;
  readonly help: string;
}

export interface BoolParamSpec {
  readonly kind: 'boolean';
  readonly default: boolean;
  readonly label: string;
  readonly help: string;
}

export type ParamSpec = NumberParamSpec | ChoiceParamSpec | BoolParamSpec;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/**
 * The value type one spec describes. Distributes over a union, so the loose `ParamSpec` gives
 * `number | boolean | string` and a spec set with an index signature keeps its typed named members.
 */
export type ParamValue<P> = P extends NumberParamSpec
  ? number
  : P extends BoolParamSpec
    ? boolean
    : P extends ChoiceParamSpec<infer T>
      ? T
      : never;

/** The plain values object that a `ParamSpecs` describes. */
export type ParamValues<S extends ParamSpecs> = {
  -readonly [K in keyof S]: ParamValue<S[K]>;
};

/** Loose values type for code that handles any registry entry generically. */
export type AnyParamValues = Record<string, number | boolean | string>;

export function num(
  d: number,
  min: number,
  max: number,
  step: number,
  label: string,
  help: string,
  extra: { integer?: boolean; log?: boolean; idOmitsDefault?: boolean } = {},
): NumberParamSpec {
  return { kind: 'number', default: d, min, max, step, label, help, ...extra };
}

export function int(d: number, min: number, max: number, label: string, help: string): NumberParamSpec {
  return num(d, min, max, 1, label, help, { integer: true });
}

export function choice<T extends string>(
  d: T,
  options: readonly { value: T; label: string }[],
  label: string,
  help: string,
): ChoiceParamSpec<T> {
  return { kind: 'choice', default: d, options, label, help };
}

export function bool(d: boolean, label: string, help: string): BoolParamSpec {
  return { kind: 'boolean', default: d, label, help };
}

/**
 * The values of `specs`' keys out of a larger values object resolved against a superset of `specs` (e.g.
 * an environment's params out of its task's, which `resolveParams` filled and checked).
 */
export function pickParams<S extends ParamSpecs>(specs: S, values: ParamValues<S>): ParamValues<S> {
  const out: Partial<ParamValues<S>> = {};
  for (const k of Object.keys(specs) as (keyof S)[]) out[k] = values[k];
  return out as ParamValues<S>;
}

/**
 * The spec of parameter `name`, or undefined. Own properties only: a name such as "toString" or
 * "constructor" must not find a member every object inherits and pass as a parameter.
 */
export function ownSpec(specs: ParamSpecs, name: string): ParamSpec | undefined {
  return Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
}

/**
 * Number param `name` out of loosely typed values (a registry entry's params seen without its own specs,
 * e.g. a network's or task's params in a config): throws naming the field if it is missing or not a number.
 */
export function numberParam(values: Partial<AnyParamValues>, name: string, where: string): number {
  const v = values[name];
  if (typeof v !== 'number') throw new Error(`${where}.${name} should be a number, got ${String(v)}`);
  return v;
}

/** Default values of a spec set. */
export function defaultsOf<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(specs)) out[k] = s.default;
  return out as ParamValues<S>;
}

/**
 * Checks one value against its spec; returns an error message naming the allowed range, or null.
 * (The zod schema in runs/ is generated from the same specs; this is the dependency-free core check.)
 */
export function checkParam(name: string, spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `${name} must be a number in [${spec.min}, ${spec.max}]`;
      if (value < spec.min || value > spec.max) return `${name} = ${value} is outside [${spec.min}, ${spec.max}]`;
      if (spec.integer && !Number.isInteger(value)) return `${name} must be an integer in [${spec.min}, ${spec.max}]`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be true or false`;
    case 'choice':
      return spec.options.some((o) => o.value === value)
        ? null
        : `${name} must be one of ${spec.options.map((o) => o.value).join(', ')}`;
  }
}

/** Fills defaults and validates; throws one Error listing every bad field. */
export function resolveParams<S extends ParamSpecs>(specs: S, given: Partial<AnyParamValues> = {}): ParamValues<S> {
  const out = defaultsOf(specs) as AnyParamValues;
  const errors: string[] = [];
  for (const [k, v] of Object.entries(given)) {
    const spec = ownSpec(specs, k);
    if (!spec) {
      errors.push(`unknown parameter "${k}" (known: ${Object.keys(specs).join(', ')})`);
      continue;
    }
    if (v === undefined) continue;
    const err = checkParam(k, spec, v);
    if (err) errors.push(err);
    else out[k] = v;
  }
  if (errors.length) throw new Error(errors.join('; '));
  return out as ParamValues<S>;
}

/** A spec's allowed values as text: "[min, max]", "a|b|c" or "true|false" (help lines, field hints). */
export function rangeText(spec: ParamSpec): string {
  return spec.kind === 'number'
    ? `[${spec.min}, ${spec.max}]`
    : spec.kind === 'choice'
      ? spec.options.map((o) => o.value).join('|')
      : 'true|false';
}
