/**
 * Expands a sweep (sweep-spec.ts) into its configurations and runs. A configuration is one combination of
 * the axes' values applied to the base (config-paths.ts rules) and validated by parseConfig like any
 * other entry point; a run is one configuration with one seed — what one `lab imp --seed S` writes. Runs
 * are numbered configuration-major (seeds inner), which is what `lab sweep run --index` and a Slurm
 * array task id refer to.
 *
 * Identities follow the lab's run identity (runs/hash.ts): a run's id is the hash of its single-seed
 * config, a configuration's id the hash of its config with all the sweep's seeds — exactly the id
 * `lab merge` gives the merged folder of its seeds. Run folders are named by run id, so a run keeps its
 * folder when the sweep file gains a seed or an axis value.
 */
import { ConfigError, parseConfig, sigmaModeIgnored, type ExperimentConfig } from '../runs/config';
import { EXPERIMENT_FIELDS } from '../runs/experiment-fields';
import { runId, canonicalJson } from '../runs/hash';
import { configPathError, isPlainObject, setConfigPath } from './config-paths';
import { conflictIssues, droppedBySwitchIssues, settingsOf, type SettingGroup } from './setting-keys';
import {
  fieldMessage,
  filePath,
  isSeedsKey,
  placeConfigIssues,
  SweepError,
  type ConfigIssue,
  type SweepIssue,
  type SweepSpec,
} from './sweep-spec';

/** Most runs one sweep may expand to (a typo like 100 values × 100 values should not plan 10,000 runs quietly). */
export const MAX_SWEEP_RUNS = 5000;

export interface SweepConfiguration {
  readonly index: number;
  /** Run id of the configuration with all the sweep's seeds (= the merged folder's id). */
  readonly configId: string;
  /** "es.id=snes, prune.rounds=3" ("base" when the sweep has no axes). */
  readonly label: string;
  /** The axis values of this configuration, in axis order: [path, value]. */
  readonly values: readonly (readonly [string, unknown])[];
  readonly config: ExperimentConfig;
}

export interface SweepRun {
  readonly index: number;
  readonly runId: string;
  readonly configIndex: number;
  readonly seed: number;
  /** The configuration with this seed only. */
  readonly config: ExperimentConfig;
}

export interface SweepPlan {
  readonly name: string;
  readonly axes: readonly string[];
  readonly configs: readonly SweepConfiguration[];
  readonly runs: readonly SweepRun[];
  /** Hash of the run ids in order: two files with the same plan id run the same runs under the same indices. */
  readonly planId: string;
}

/**
 * An axis value as a short label: scalars as written, lists joined by "+", an entry object by its id with
 * its other settings in brackets — `{id: snes, params: {sigma_init: 0.1}}` → "snes (sigma_init=0.1)".
 */
export function valueLabel(v: unknown): string {
  if (Array.isArray(v)) return v.map(valueLabel).join('+');
  if (!isPlainObject(v)) return String(v);
  const settings = Object.entries(v).flatMap(([k, x]) =>
    k === 'id' ? [] : k === 'params' && isPlainObject(x) ? Object.entries(x) : [[k, x] as const],
  );
  const inner = settings.map(([k, x]) => `${k}=${valueLabel(x)}`).join(', ');
  if (typeof v.id === 'string') return inner ? `${v.id} (${inner})` : v.id;
  return `{${inner}}`;
}

/** A sweep's base config input, and the settings its base.config keys make (setting-keys.ts). */
interface ResolvedBase {
  readonly config: Record<string, unknown>;
  readonly groups: readonly SettingGroup[];
}

/**
 * The base config input: the preset's config (if any) with base.config merged onto it. An unknown preset
 * or a bad base.config key is reported together with the axes' key problems, which need no base, so one
 * reading of the file names them all (docs/SWEEPS.md: everything is checked before anything runs).
 */
function resolveBase(spec: SweepSpec, presetConfig: (id: string) => unknown): ResolvedBase {
  let base: Record<string, unknown> = {};
  const issues: SweepIssue[] = [];
  if (spec.base.preset !== undefined) {
    try {
      base = JSON.parse(JSON.stringify(presetConfig(spec.base.preset))) as Record<string, unknown>;
    } catch (e) {
      issues.push({ path: 'base.preset', message: (e as Error).message });
    }
  }
  const entries = Object.entries(spec.base.config ?? {});
  const settings = baseSettings(entries);
  issues.push(...settings.issues, ...conflictIssues(settings.groups));
  if (!issues.length) {
    for (const [k, v] of entries) base = setConfigPath(base, k, v);
    const seedKey = entries.find(([k]) => isSeedsKey(k));
    const seedsIssue = seedKey && seedsConflict(base.seeds, spec.seeds);
    if (seedsIssue) issues.push({ path: filePath(['base', 'config', seedKey[0]]), message: seedsIssue });
  }
  if (issues.length) throw new SweepError([...issues, ...axisIssues(Object.entries(spec.axes)).issues]);
  return { config: base, groups: settings.groups };
}

/** The fields base.config's keys set (setting-keys.ts), and the problems of its key names. */
function baseSettings(entries: readonly (readonly [string, unknown])[]): {
  issues: SweepIssue[];
  groups: SettingGroup[];
} {
  const issues: SweepIssue[] = [];
  const groups: SettingGroup[] = [];
  for (const [k, v] of entries) {
    const err = configPathError(k);
    if (err) issues.push({ path: filePath(['base', 'config', k]), message: err });
    else {
      const key = settingsOf(k.split('.'), v, ['base', 'config', k]);
      issues.push(...key.issues);
      groups.push(key);
    }
  }
  return { issues, groups };
}

/**
 * Null when base.config's seeds are the sweep's top-level seeds (in any order), else why they are refused:
 * every run takes its seed from the top-level list, so other seeds there would be dropped without a word.
 * A preset's seeds are not checked: they are the preset's default, which the top-level seeds replace.
 */
function seedsConflict(baseSeeds: unknown, seeds: readonly number[]): string | null {
  const sorted = (a: readonly unknown[]) => JSON.stringify([...a].sort());
  if (Array.isArray(baseSeeds) && sorted(baseSeeds) === sorted(seeds)) return null;
  const given = JSON.stringify(baseSeeds) ?? String(baseSeeds);
  return (
    `${given.length > 60 ? `${given.slice(0, 60)}…` : given} differs from the top-level seeds [${seeds.join(', ')}], ` +
    'and the runs take their seeds from the top-level "seeds" alone: remove this key, or give the same seeds in both'
  );
}

/** Problems of the axes' names and of the keys inside their values (setting-keys.ts), before any is applied. */
function axisIssues(axes: readonly (readonly [string, readonly unknown[]])[]): {
  issues: SweepIssue[];
  groups: SettingGroup[];
} {
  const issues: SweepIssue[] = [];
  const groups: SettingGroup[] = [];
  for (const [path, values] of axes) {
    const err = path === 'seeds' ? 'seeds are not an axis: list them in the top-level "seeds"' : configPathError(path);
    if (err) {
      issues.push({ path: filePath(['axes', path]), message: err });
      continue;
    }
    const parts = path.split('.');
    const keys = values.map((v, i) => settingsOf(parts, v, ['axes', path, i]));
    issues.push(...keys.flatMap((k) => k.issues));
    // A plain value sets the axis's own field: name the axis, not one of its values.
    const settings = keys.flatMap((k) => k.settings);
    groups.push({
      settings: settings.map((s) => (s.parts.length === parts.length ? { ...s, at: ['axes', path] } : s)),
    });
  }
  return { issues: issues.length ? issues : conflictIssues(groups), groups };
}

/** Every combination of the axes' values (the first axis varies slowest). */
function grid(axes: readonly (readonly [string, readonly unknown[]])[]): (readonly [string, unknown])[][] {
  let combos: (readonly [string, unknown])[][] = [[]];
  for (const [path, values] of axes) combos = combos.flatMap((c) => values.map((v) => [...c, [path, v] as const]));
  return combos;
}

/** How a sweep file is read: `stored`, one the lab wrote into a sweep folder (sweep-spec.ts withoutStoredBaseSeeds). */
type ExpandOptions = { readonly stored?: boolean };

/**
 * The plan of a validated sweep spec. `presetConfig` looks a preset's config up (runs/presets.ts
 * getPreset(id).config). Throws SweepError naming the field of every problem, before anything runs.
 */
export function expandSweep(
  spec: SweepSpec,
  presetConfig: (id: string) => unknown,
  opts: ExpandOptions = {},
): SweepPlan {
  return expandResolved(spec, resolveBase(spec, presetConfig), opts);
}

/**
 * A sweep file as the lab reads it: its stored form (normaliseSweep) and its plan (expandSweep), from one
 * resolution of its base (the preset's config copied, base.config's keys checked and applied).
 */
export function readSweepSpec(
  spec: SweepSpec,
  presetConfig: (id: string) => unknown,
  opts: ExpandOptions = {},
): { readonly spec: SweepSpec; readonly plan: SweepPlan } {
  const base = resolveBase(spec, presetConfig);
  return { spec: normalisedOf(spec, base), plan: expandResolved(spec, base, opts) };
}

function expandResolved(spec: SweepSpec, resolved: ResolvedBase, opts: ExpandOptions): SweepPlan {
  const axes = Object.entries(spec.axes);
  const base = resolved.config;
  const axisKeys = axisIssues(axes);
  if (axisKeys.issues.length) throw new SweepError(axisKeys.issues);
  // A sweep folder's own sweep.json holds the whole resolved base (normaliseSweep), the preset's
  // parameters included, which an ES axis is meant to drop: the check is for the file a user wrote.
  const dropped = opts.stored ? [] : droppedBySwitchIssues(resolved.groups, axisKeys.groups);
  if (dropped.length) throw new SweepError(dropped);
  const combos = grid(axes);
  if (combos.length * spec.seeds.length > MAX_SWEEP_RUNS)
    throw new SweepError([
      {
        path: 'axes',
        message: `${combos.length} configurations × ${spec.seeds.length} seeds = ${combos.length * spec.seeds.length} runs; a sweep may have at most ${MAX_SWEEP_RUNS}`,
      },
    ]);

  const issues: SweepIssue[] = [];
  const invalid: ConfigIssue[] = [];
  const configs: SweepConfiguration[] = [];
  const seen = new Map<string, string>();
  combos.forEach((values, index) => {
    const label = values.length ? values.map(([p, v]) => `${p}=${valueLabel(v)}`).join(', ') : 'base';
    const where = values.length ? `configuration ${index} (${label})` : 'base';
    let input = base;
    for (const [p, v] of values) input = setConfigPath(input, p, v);
    let config: ExperimentConfig;
    try {
      config = parseConfig({ ...input, seeds: spec.seeds });
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      for (const i of e.issues) invalid.push({ where, field: i.path, message: fieldMessage(i, input) });
      return;
    }
    if (config.trainer)
      issues.push({
        path: where,
        message: 'trainer: a sweep runs ES-IMP (lab imp); run gradient-descent baselines with lab gd',
      });
    // A setting with no effect would give runs ids that `lab merge` keeps apart from their twins.
    const ignored =
      config.es.sigmaMode !== EXPERIMENT_FIELDS.sigmaMode.spec.default ? sigmaModeIgnored(config.es.id) : null;
    if (ignored) issues.push({ path: where, message: ignored });
    const key = canonicalJson(config);
    const twin = seen.get(key);
    if (twin !== undefined)
      issues.push({
        path: 'axes',
        message: `"${label}" and "${twin}" are the same experiment (a value equal to the default or to another value?)`,
      });
    seen.set(key, label);
    configs.push({ index, configId: runId(config), label, values, config });
  });
  issues.unshift(...placeConfigIssues(invalid, spec, combos.length));
  if (issues.length) throw new SweepError(dedupe(issues));

  const runs: SweepRun[] = configs.flatMap((c) =>
    spec.seeds.map((seed, s) => {
      const config = parseConfig({ ...c.config, seeds: [seed] });
      return { index: c.index * spec.seeds.length + s, runId: runId(config), configIndex: c.index, seed, config };
    }),
  );
  return {
    name: spec.name,
    axes: axes.map(([p]) => p),
    configs,
    runs,
    planId: runId(runs.map((r) => r.runId)),
  };
}

/**
 * The spec with its base resolved to one config (no preset): what a sweep folder keeps as sweep.json,
 * so its runs stay the same if a preset of the lab changes later. Expands to the same plan.
 */
export function normaliseSweep(spec: SweepSpec, presetConfig: (id: string) => unknown): SweepSpec {
  return normalisedOf(spec, resolveBase(spec, presetConfig));
}

function normalisedOf(spec: SweepSpec, base: ResolvedBase): SweepSpec {
  // Without seeds: the top-level seeds are the runs' seeds, and a preset's own would read as a conflict.
  const config = { ...base.config };
  delete config.seeds;
  return { name: spec.name, base: { config }, axes: spec.axes, seeds: spec.seeds };
}

/** The same message for many configurations is shown once, naming the first few. */
function dedupe(issues: readonly SweepIssue[]): SweepIssue[] {
  const byMessage = new Map<string, string[]>();
  for (const i of issues) byMessage.set(i.message, [...(byMessage.get(i.message) ?? []), i.path]);
  return [...byMessage].map(([message, paths]) => ({
    path: paths.length > 3 ? `${paths.slice(0, 3).join('; ')} and ${paths.length - 3} more` : paths.join('; '),
    message,
  }));
}
