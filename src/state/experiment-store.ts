/**
 * What the user chose for an IMP experiment (docs/ARCHITECTURE.md convention 10, "run config" store,
 * which also fixes the run identity). The draft is a full config object whose fields may be invalid while typed;
 * `selectValidation` runs the one config schema (core/runs/config.ts parseConfig) and returns the
 * canonical config or its field-named issues, which the form shows inline next to each field.
 */
import { create } from 'zustand';
import { ConfigError, parseConfig, type ExperimentConfig } from '../core/runs/config';
import { getPreset, PRESETS } from '../core/runs/presets';
import { getStrategy } from '../core/es/registry';
import { getTask } from '../core/tasks/registry';
import { getNetwork } from '../core/nets/registry';
import { configMemoryProblem } from '../core/experiments/setup';
import type { UiSection } from '../core/runs/url-codec';
import type { AnyParamValues } from '../core/params';

/** A config as typed: the canonical shape, values possibly invalid (NaN for an emptied number box). */
export type ConfigDraft = ExperimentConfig;

/** Registry entries whose params live in the draft under `<section>.params`. */
export type ParamSection = 'task' | 'network' | 'es';

export interface ExperimentChoiceState {
  readonly draft: ConfigDraft;
  /** Preset the draft came from (null once edited). */
  readonly presetId: string | null;
  /** Settings sections hidden by a share link (`?hide=prune,es`). */
  readonly hidden: ReadonlySet<UiSection>;
}

export interface ExperimentChoiceActions {
  applyPreset(id: string): void;
  /** Replaces the draft with a (valid) config, e.g. from a share link or a stored run. */
  loadConfig(config: ExperimentConfig, hidden?: ReadonlySet<UiSection>): void;
  /** Shallow-merges into one top-level section of the draft. */
  patch<K extends 'es' | 'prune' | 'budget'>(section: K, value: Partial<ConfigDraft[K]>): void;
  /** Switches the registry entry of a section; its params restart from the new entry's defaults. */
  setEntry(section: ParamSection, id: string): void;
  setParam(section: ParamSection, name: string, value: number | boolean | string): void;
  toggleMethod(id: string): void;
  setSeeds(seeds: number[]): void;
  setBackend(backend: ConfigDraft['backend']): void;
}

const DEFAULT_PRESET = PRESETS.find((p) => p.id === 'mnist-2min') ?? PRESETS[0];

/** Presets are valid by construction (test/unit/runs checks every one). */
function presetConfig(id: string): ExperimentConfig {
  return parseConfig(getPreset(id).config);
}

function defaultsFor(section: ParamSection, id: string): AnyParamValues {
  const specs =
    section === 'es'
      ? getStrategy(id).paramSpecs
      : section === 'task'
        ? getTask(id).paramSpecs
        : getNetwork(id).paramSpecs;
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.default]));
}

export const EXPERIMENT_CHOICE_DEFAULT: ExperimentChoiceState = {
  draft: presetConfig(DEFAULT_PRESET.id),
  presetId: DEFAULT_PRESET.id,
  hidden: new Set(),
};

export const useExperimentStore = create<ExperimentChoiceState & ExperimentChoiceActions>()((set) => {
  const edit = (f: (d: ConfigDraft) => ConfigDraft) => set((s) => ({ draft: f(s.draft), presetId: null }));
  return {
    ...EXPERIMENT_CHOICE_DEFAULT,
    applyPreset: (id) => set({ draft: presetConfig(id), presetId: id }),
    loadConfig: (config, hidden) =>
      set((s) => ({
        draft: config,
        presetId: PRESETS.find((p) => JSON.stringify(presetConfig(p.id)) === JSON.stringify(config))?.id ?? null,
        hidden: hidden ?? s.hidden,
      })),
    patch: (section, value) => edit((d) => ({ ...d, [section]: { ...d[section], ...value } })),
    setEntry: (section, id) =>
      edit((d) => ({ ...d, [section]: { ...d[section], id, params: defaultsFor(section, id) } })),
    setParam: (section, name, value) =>
      edit((d) => ({ ...d, [section]: { ...d[section], params: { ...d[section].params, [name]: value } } })),
    toggleMethod: (id) =>
      edit((d) => {
        const on = d.prune.methods.includes(id);
        const methods = on ? d.prune.methods.filter((m) => m !== id) : [...d.prune.methods, id];
        const params = { ...d.prune.params };
        if (on) delete params[id];
        return { ...d, prune: { ...d.prune, methods, params } };
      }),
    setSeeds: (seeds) => edit((d) => ({ ...d, seeds })),
    setBackend: (backend) => edit((d) => ({ ...d, backend })),
  };
});

export interface Validation {
  /** The canonical config when valid. */
  readonly config: ExperimentConfig | null;
  readonly issues: readonly { path: string; message: string }[];
}

const cache = new WeakMap<ConfigDraft, Validation>();

/** Validates the draft through parseConfig (memoised per draft object, so renders do not re-parse). */
export function selectValidation(s: Pick<ExperimentChoiceState, 'draft'>): Validation {
  const hit = cache.get(s.draft);
  if (hit) return hit;
  let v: Validation;
  try {
    const config = parseConfig(s.draft);
    // A valid config can still be too big to run here (e.g. too many MuJoCo simulations at once).
    const memory = configMemoryProblem(config);
    v = memory ? { config: null, issues: [memory] } : { config, issues: [] };
  } catch (e) {
    v = { config: null, issues: e instanceof ConfigError ? e.issues : [{ path: '', message: (e as Error).message }] };
  }
  cache.set(s.draft, v);
  return v;
}

/**
 * Messages of the issues at `path` or below it (e.g. 'es.params.sigma_init', or 'prune' for the section).
 * With `label` (the field's name as the form shows it) the message names the field that way instead of by
 * its config key: "Population size must be an integer in [4, 4096]", not "popSize must be …".
 */
export function issuesAt(v: Validation, path: string, label?: string): string[] {
  return v.issues
    .filter((i) => i.path === path || i.path.startsWith(`${path}.`))
    .map((i) => (label ? labelIssue(i.message, i.path, label) : i.message));
}

/** One schema message in the form's words: the config key (full path or last part) becomes `label`. */
export function labelIssue(message: string, path: string, label: string): string {
  if (/^Invalid input: expected number/.test(message)) return `${label}: enter a number`;
  const key = path.split('.').pop() ?? path;
  for (const k of [path, key]) {
    const at = message.indexOf(k);
    if (k && at >= 0 && !/\w/.test(message[at + k.length] ?? '') && !/[\w.]/.test(message[at - 1] ?? '')) {
      // mid-sentence the label reads in lower case, unless it starts with an acronym ("SNR …", "ES …")
      const name = at > 0 && !/^[A-Z]{2}/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
      return `${message.slice(0, at)}${name}${message.slice(at + k.length)}`;
    }
  }
  return message;
}

/**
 * What the Seeds field writes into the draft for its text: the parsed seeds, or none when the text is not
 * valid — the draft is then invalid, so Start stays disabled instead of running the last seeds that parsed
 * while the user typed (typing "0-100" passes "0-10": 11 seeds nobody asked for).
 */
export function seedsFromText(text: string): { seeds: number[]; error: string | null } {
  const p = parseSeedsText(text);
  return 'seeds' in p ? { seeds: p.seeds, error: null } : { seeds: [], error: p.error };
}

/** Parses "0, 1, 2" / "0-4" into seeds; returns null with a message when malformed. */
export function parseSeedsText(text: string): { seeds: number[] } | { error: string } {
  const out: number[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a > 31) return { error: `range "${part}" must go upwards and span at most 32 seeds` };
      for (let k = a; k <= b; k++) out.push(k);
    } else if (/^\d+$/.test(part)) out.push(Number(part));
    else return { error: `"${part}" is not a seed (use non-negative integers, e.g. 0, 1, 2 or 0-4)` };
  }
  if (!out.length) return { error: 'give at least one seed' };
  if (new Set(out).size !== out.length) return { error: 'seeds must be distinct' };
  return { seeds: out };
}
