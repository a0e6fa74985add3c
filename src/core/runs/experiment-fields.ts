/**
 * The experiment config's own fields — population size, rounds, prune fraction, budget, backend… (the
 * registries' params are described by their own ParamSpecs) — declared once as ParamSpecs with the config
 * path they set and the CLI flag that sets them, after OpenLTH's hparams → argparse. From this list come
 * the field validators of the config schema (config.ts), the settings form's fields (ui/experiment),
 * the CLI flags with their error messages (cli/config-from-flags.ts) and their lines in `lab --help`.
 */
import { z } from 'zod';
import {
  bool,
  choice,
  int,
  num,
  rangeText,
  type ChoiceParamSpec,
  type NumberParamSpec,
  type ParamSpec,
} from '../params';

/** Backends a run may ask for ('auto' walks the chain WebGPU → WebGL → WASM → CPU). */
export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export interface ExperimentField<S extends ParamSpec = ParamSpec> {
  /** Where the value lives in the config, e.g. ['prune', 'rounds']. */
  readonly path: readonly [string] | readonly [string, string];
  /** The CLI flag, without the dashes; null where the CLI has none (see `backend`). */
  readonly flag: string | null;
  readonly spec: S;
  /** A config must state it (no schema default; the spec's default only seeds the form and the CLI). */
  readonly required?: boolean;
  /** Shown in the settings form (false: an expert field set through presets, links and the CLI). */
  readonly form: boolean;
}

const field = <S extends ParamSpec>(f: ExperimentField<S>): ExperimentField<S> => f;

export const EXPERIMENT_FIELDS = {
  popSize: field({
    path: ['es', 'popSize'],
    flag: 'popsize',
    required: true,
    form: true,
    spec: int(
      64,
      4,
      4096,
      'Population size',
      'Members per generation; strategies that sample mirrored pairs need an even number.',
    ),
  }),
  centeredRank: field({
    path: ['es', 'centeredRank'],
    flag: 'centered-rank',
    form: true,
    spec: bool(
      false,
      'centered-rank fitness shaping',
      'Scores replaced by their centered ranks before the update (docs/ALGORITHMS.md §1.3); the paper uses them for PGPE and OpenES.',
    ),
  }),
  zScore: field({
    path: ['es', 'zScore'],
    flag: 'z-score',
    form: false,
    spec: bool(false, 'z-score fitness shaping', 'Scores standardised before the update (docs/ALGORITHMS.md §1.3).'),
  }),
  wDecay: field({
    path: ['es', 'wDecay'],
    flag: 'w-decay',
    form: false,
    spec: num(
      0,
      0,
      1,
      1e-5,
      'Weight decay λ',
      'Adds λ·mean(x²) to each member’s minimise-form fitness before ranking (docs/ALGORITHMS.md §1.3).',
    ),
  }),
  meanDecay: field({
    path: ['es', 'meanDecay'],
    flag: 'mean-decay',
    form: true,
    spec: num(
      0,
      0,
      0.1,
      0.0001,
      'Mean decay γ',
      'm ← (1 − γ)·m after every update (docs/ALGORITHMS.md §1.1d): 1e-4 for MNIST and gym in the paper.',
    ),
  }),
  sigmaMode: field({
    path: ['es', 'sigmaMode'],
    flag: 'sigma-mode',
    form: false,
    spec: choice<'paper' | 'sC' | 'true'>(
      'paper',
      [
        { value: 'paper', label: 'C_ii (what the paper pruned with)' },
        { value: 'sC', label: 's·C_ii (its best checkpoint)' },
        { value: 'true', label: 's·√C_ii (the true std)' },
      ],
      'Sep-CMA-ES σ for SNR',
      'Which σ SNR pruning divides by with Sep-CMA-ES (docs/ALGORITHMS.md §1.5, D2).',
    ),
  }),
  rounds: field({
    path: ['prune', 'rounds'],
    flag: 'rounds',
    required: true,
    form: true,
    spec: int(8, 1, 40, 'Rounds', 'IMP rounds; round 1 trains the dense network.'),
  }),
  pruneFrac: field({
    path: ['prune', 'pruneFrac'],
    flag: 'prune-frac',
    form: true,
    spec: num(
      0.2,
      0.01,
      0.9,
      0.01,
      'Prune fraction p per round',
      'Fraction of the remaining prunable weights removed after each round (the paper: 0.2, docs/ALGORITHMS.md §3.2).',
    ),
  }),
  scope: field({
    path: ['prune', 'scope'],
    flag: 'scope',
    form: false,
    spec: choice<'global' | 'layerwise'>(
      'global',
      [
        { value: 'global', label: 'global (the paper)' },
        { value: 'layerwise', label: 'per layer' },
      ],
      'Pruning scope',
      'One threshold over all layers (the paper) or the same fraction in every layer (docs/ALGORITHMS.md §3.4).',
    ),
  }),
  generationsPerRound: field({
    path: ['budget', 'generationsPerRound'],
    flag: 'gens',
    required: true,
    form: true,
    spec: int(300, 1, 100_000, 'Generations per round', 'ES generations in every round (the same in each round).'),
  }),
  evalEvery: field({
    path: ['budget', 'evalEvery'],
    flag: 'eval-every',
    form: true,
    spec: int(
      100,
      1,
      100_000,
      'Evaluate on the test set every (generations)',
      'The mean is tested after generation 1, every this many generations and at the end of a round.',
    ),
  }),
  backend: field({
    path: ['backend'],
    // The CLI's --backend picks Node's tfjs backend (wasm|cpu); a run folder's config keeps its own preference.
    flag: null,
    form: true,
    spec: choice<BackendPreference>(
      'auto',
      BACKEND_PREFERENCES.map((b) => ({
        value: b,
        label: b === 'auto' ? 'auto (fastest that passes the self-check)' : b,
      })),
      'Backend for this run',
      'The tfjs backend; auto takes the fastest one that passes a numerical self-check.',
    ),
  }),
} as const;

export type ExperimentFieldId = keyof typeof EXPERIMENT_FIELDS;
export const EXPERIMENT_FIELD_LIST: readonly (ExperimentField & { readonly id: ExperimentFieldId })[] = (
  Object.keys(EXPERIMENT_FIELDS) as ExperimentFieldId[]
).map((id) => ({ ...EXPERIMENT_FIELDS[id], id }));

/** The field's name in messages: its config path ("prune.rounds"). */
export const fieldPath = (f: ExperimentField): string => f.path.join('.');

/** The field's value in a (draft) config. */
export function fieldValue(config: object, f: ExperimentField): unknown {
  let v: unknown = config;
  for (const k of f.path) v = (v as Record<string, unknown> | undefined)?.[k];
  return v;
}

function numberMessage(f: ExperimentField<NumberParamSpec>): string {
  return `${fieldPath(f)} must be ${f.spec.integer ? 'an integer' : 'a number'} in ${rangeText(f.spec)}`;
}

/** The zod validator of a number field with no default (the config must state it). */
export function requiredNumberSchema(f: ExperimentField<NumberParamSpec>) {
  const msg = numberMessage(f);
  const n = z.number({ message: msg }).min(f.spec.min, msg).max(f.spec.max, msg);
  return f.spec.integer ? n.int(msg) : n;
}

/** The zod validator of a number field, filled with the spec's default when absent. */
export function numberSchema(f: ExperimentField<NumberParamSpec>) {
  return requiredNumberSchema(f).default(f.spec.default);
}

/** The zod validator of a true/false field, filled with the spec's default when absent. */
export function booleanSchema(f: ExperimentField<ReturnType<typeof bool>>) {
  return z.boolean({ message: `${fieldPath(f)} must be true or false` }).default(f.spec.default);
}

/** The zod validator of a choice field, filled with the spec's default when absent. */
export function choiceSchema<T extends string>(f: ExperimentField<ChoiceParamSpec<T>>) {
  const values = f.spec.options.map((o) => o.value) as [T, ...T[]];
  return z.enum(values, { message: `${fieldPath(f)} must be one of ${rangeText(f.spec)}` }).default(f.spec.default);
}
