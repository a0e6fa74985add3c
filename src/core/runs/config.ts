/**
 * The experiment config: one zod schema (docs/ARCHITECTURE.md convention 8: it also defines the run identity) that
 * every entry
 * point — UI, URL, import, CLI — validates through. Registry-specific parameters (ES, network, task,
 * pruning) are checked against the registries' self-describing ParamSpecs, so an error always names the
 * exact field and its allowed range, e.g. `es.params.sigma_init = 7 is outside [0.0001, 5]`.
 */
import { z } from 'zod';
import { checkParam, ownSpec, resolveParams, type AnyParamValues, type ParamSpecs } from '../params';
import { getStrategy, STRATEGIES } from '../es/registry';
import { getNetwork, NETWORKS } from '../nets/registry';
import { getTask, TASKS } from '../tasks/registry';
import { getPruneMethod, PRUNE_METHODS } from '../prune/registry';
import { gdOptionsSchema, type GdOptions } from '../experiments/gd/gd-options';
import {
  booleanSchema,
  choiceSchema,
  EXPERIMENT_FIELDS,
  numberSchema,
  requiredNumberSchema,
} from './experiment-fields';
import { gdPruneProblem, gdTaskProblem } from '../experiments/gd/gd-eligibility';
import { clip } from './csv-format';
import { findProtoKey, PROTO_KEY_MESSAGE } from './proto-key';
import { unknownFieldMessage } from './config-fields';

/** A key of the input quoted in an issue path: cut to 64 characters (a hostile key can be megabytes). */
const shortKey = (k: string): string => (k.length > 64 ? `${k.slice(0, 64)}…` : k);

export const CONFIG_SCHEMA_VERSION = 1;

/** Largest seed (seeds are 31-bit: the Rng seeds its streams from them, rng/rng.ts). */
export const MAX_SEED = 2 ** 31 - 1;

/**
 * Null for a valid seed, else the message every seed input (config, sweep file) gives, with the value
 * it got, so 0.5 or Infinity is named instead of a bare "Invalid input".
 */
export function seedProblem(v: unknown): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_SEED) return null;
  const got = typeof v === 'string' ? JSON.stringify(clip(v)) : clip(String(v));
  return `seeds must be whole numbers from 0 to ${MAX_SEED} (got ${got})`;
}

export { BACKEND_PREFERENCES, type BackendPreference } from './experiment-fields';

const paramValues = z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]));
const entry = z.strictObject({ id: z.string(), params: paramValues.default({}) });

/**
 * Optional inner trainer other than the ES (docs/ALGORITHMS.md §4.1 GD-IMP): `{ id: 'gd', params: GdOptions }` trains
 * every
 * round with masked gradient descent instead of `es` (whose settings are then unused). Absent = ES, and the
 * key is left out of the canonical config, so every ES config keeps its run id.
 */
// The specs-generated schema infers loose records; its output is exactly GdOptions (defaults filled).
const gdParams = gdOptionsSchema.prefault({}) as unknown as z.ZodType<GdOptions, Partial<GdOptions> | undefined>;
const trainerSchema = z.strictObject({
  id: z.literal('gd', { message: 'must be "gd" (omit trainer for ES)' }),
  params: gdParams,
});

const F = EXPERIMENT_FIELDS;

/**
 * The config's structure. Its own fields (rounds, p, popsize, budget, backend…) are validated by
 * validators generated from their one declaration (experiment-fields.ts), each message naming the field
 * and its allowed range; the registries' params are checked against their ParamSpecs in `parseConfig`.
 * Every object is strict: a key it does not know is refused (config-fields.ts names the field it
 * resembles), never dropped, since a dropped `generation: 50` would run another experiment than the one
 * written. Stored configs are read through the same schema: every config the lab has written carries
 * exactly these fields (no field has been renamed or removed since schemaVersion 1).
 */
export const experimentConfigSchema = z.strictObject({
  schemaVersion: z.literal(CONFIG_SCHEMA_VERSION).default(CONFIG_SCHEMA_VERSION),
  task: entry,
  network: entry,
  es: entry.extend({
    popSize: requiredNumberSchema(F.popSize),
    centeredRank: booleanSchema(F.centeredRank),
    zScore: booleanSchema(F.zScore),
    wDecay: numberSchema(F.wDecay),
    meanDecay: numberSchema(F.meanDecay),
    sigmaMode: choiceSchema(F.sigmaMode),
  }),
  prune: z.strictObject({
    /** Pruning chains to run side by side (registry ids). */
    methods: z.array(z.string()).min(1, 'prune.methods needs at least one method'),
    params: z.record(z.string(), paramValues).default({}),
    pruneFrac: numberSchema(F.pruneFrac),
    rounds: requiredNumberSchema(F.rounds),
    scope: choiceSchema(F.scope),
  }),
  budget: z.strictObject({
    generationsPerRound: requiredNumberSchema(F.generationsPerRound),
    evalEvery: numberSchema(F.evalEvery),
  }),
  /** Seeds of independent repetitions (each its own θ0 and streams). */
  seeds: z
    .array(
      // The type check's message too: zod's number refuses ±Infinity and NaN before any refinement runs.
      z.number({ error: (issue) => seedProblem(issue.input) ?? undefined }).superRefine((n, ctx) => {
        const problem = seedProblem(n);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    )
    .min(1, 'seeds needs at least one seed')
    .max(32, 'at most 32 seeds')
    .refine((seeds) => new Set(seeds).size === seeds.length, 'each seed may appear only once'),
  backend: choiceSchema(F.backend),
  trainer: trainerSchema.optional(),
});

/**
 * The method ids a run's round records carry: the prune ids for ES; 'gd_<id>' for a GD trainer (the chain
 * ids of core/experiments/gd/gd-imp.ts gdMethodId, so GD and ES curves never merge). Chain states keep prune ids.
 */
export function recordMethodIds(config: Pick<ExperimentConfigOutput, 'prune' | 'trainer'>): string[] {
  return config.prune.methods.map((m) => (config.trainer ? `gd_${m}` : m));
}
type ExperimentConfigOutput = z.output<typeof experimentConfigSchema>;

/**
 * Strategies whose σ for SNR pruning depends on es.sigmaMode: the only ones whose perParamStd reads its
 * `mode` (es/types.ts SigmaMode; test/unit/cli/ignored-flags.test.ts checks this list against the registry).
 */
export const SIGMA_MODE_STRATEGIES: readonly string[] = ['sep_cma_es'];

/**
 * Null when es.sigmaMode matters for strategy `esId`, else why setting it does nothing: with any other
 * strategy it would change only the run id, and runs that differ in it alone could not be merged. The
 * schema keeps accepting it (stored configs carry the default), so the entry points that take it from
 * the user — the CLI flag, sweep files — ask this.
 */
export function sigmaModeIgnored(esId: string): string | null {
  if (SIGMA_MODE_STRATEGIES.includes(esId)) return null;
  const label = STRATEGIES.find((s) => s.id === esId)?.label ?? esId;
  return `es.sigmaMode has an effect only with Sep-CMA-ES (which σ SNR pruning divides by, docs/ALGORITHMS.md §1.5); ${label} has a single σ to report, so the setting would change the run id and nothing else`;
}

export type ExperimentConfigInput = z.input<typeof experimentConfigSchema>;
export type ExperimentConfig = z.output<typeof experimentConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'ConfigError';
  }
}

function checkEntryParams(
  path: string,
  specs: ParamSpecs,
  given: AnyParamValues,
  out: { path: string; message: string }[],
) {
  for (const [k, v] of Object.entries(given)) {
    const spec = ownSpec(specs, k);
    if (!spec) {
      out.push({
        path: `${path}.${shortKey(k)}`,
        message: `unknown parameter (known: ${Object.keys(specs).join(', ') || 'none'})`,
      });
      continue;
    }
    const err = checkParam(k, spec, v);
    if (err) out.push({ path: `${path}.${k}`, message: err });
  }
}

function lookup<T>(
  path: string,
  id: string,
  get: (id: string) => T,
  all: readonly { id: string }[],
  out: { path: string; message: string }[],
): T | null {
  try {
    return get(id);
  } catch {
    out.push({ path, message: `unknown id "${clip(id)}" (valid: ${all.map((e) => e.id).join(', ')})` });
    return null;
  }
}

/** Drops params flagged `idOmitsDefault` that sit at their default (params.ts), keeping older run ids. */
function omitIdDefaults(specs: ParamSpecs, values: AnyParamValues): AnyParamValues {
  return Object.fromEntries(
    Object.entries(values).filter(([k, v]) => {
      const s = ownSpec(specs, k);
      return !(s?.kind === 'number' && s.idOmitsDefault && v === s.default);
    }),
  );
}

/**
 * Validates any input (from the UI, a URL, an imported file or the CLI) and returns the canonical
 * config with every default filled in. Throws ConfigError naming each bad field.
 */
export function parseConfig(input: unknown): ExperimentConfig {
  // Before zod, which would skip the key without a word (proto-key.ts).
  const proto = findProtoKey(input);
  if (proto)
    throw new ConfigError([{ path: proto.map((p) => shortKey(String(p))).join('.'), message: PROTO_KEY_MESSAGE }]);
  const parsed = experimentConfigSchema.safeParse(input);
  if (!parsed.success) {
    // An issue with the whole input (e.g. a number where an object belongs) names the root 'config'.
    // An unknown key is one issue per key, at its own path, with the field it resembles.
    throw new ConfigError(
      parsed.error.issues.flatMap((i) => {
        const at = i.path.map(String);
        if (i.code === 'unrecognized_keys')
          return i.keys.map((k) => ({
            path: [...at, k].map(shortKey).join('.'),
            message: unknownFieldMessage(experimentConfigSchema, at, k),
          }));
        return [{ path: at.map(shortKey).join('.') || 'config', message: i.message }];
      }),
    );
  }
  const cfg = parsed.data;
  const issues: { path: string; message: string }[] = [];
  const strategy = lookup('es.id', cfg.es.id, getStrategy, STRATEGIES, issues);
  const network = lookup('network.id', cfg.network.id, getNetwork, NETWORKS, issues);
  const task = lookup('task.id', cfg.task.id, getTask, TASKS, issues);
  if (strategy) {
    checkEntryParams('es.params', strategy.paramSpecs, cfg.es.params, issues);
    if (strategy.antithetic !== 'none' && cfg.es.popSize % 2 !== 0) {
      issues.push({
        path: 'es.popSize',
        message: `${strategy.label} samples mirrored pairs: popSize must be even (got ${cfg.es.popSize})`,
      });
    }
  }
  if (network) checkEntryParams('network.params', network.paramSpecs, cfg.network.params, issues);
  if (task) checkEntryParams('task.params', task.paramSpecs, cfg.task.params, issues);
  if (network && task && !network.taskKinds.includes(task.kind)) {
    issues.push({
      path: 'network.id',
      message: `${network.label} cannot serve a ${task.kind} task (use one of: ${NETWORKS.filter((n) =>
        n.taskKinds.includes(task.kind),
      )
        .map((n) => n.id)
        .join(', ')})`,
    });
  }
  const seen = new Set<string>();
  cfg.prune.methods.forEach((id, i) => {
    const m = lookup(`prune.methods.${i}`, id, getPruneMethod, PRUNE_METHODS, issues);
    if (!m) return;
    if (seen.has(id)) issues.push({ path: `prune.methods.${i}`, message: `"${id}" is listed twice` });
    seen.add(id);
    const gdProblem = cfg.trainer ? gdPruneProblem(m) : null;
    if (gdProblem) {
      issues.push({ path: `prune.methods.${i}`, message: gdProblem });
    } else if (m.needsStd && strategy && !strategy.supportsSnr) {
      issues.push({
        path: `prune.methods.${i}`,
        message: `${m.label} needs a per-parameter σ; ${strategy.label} has one shared σ (docs/ALGORITHMS.md §1.5) — choose PGPE, SNES, Sep-CMA-ES or DES`,
      });
    }
    checkEntryParams(`prune.params.${id}`, m.paramSpecs, cfg.prune.params[id] ?? {}, issues);
  });
  const gdTask = cfg.trainer && task ? gdTaskProblem(task) : null;
  if (gdTask) issues.push({ path: 'trainer.id', message: gdTask });
  for (const id of Object.keys(cfg.prune.params)) {
    if (!seen.has(id))
      issues.push({
        path: `prune.params.${shortKey(id)}`,
        message: `parameters given for a method that is not in prune.methods`,
      });
  }
  if (issues.length) throw new ConfigError(issues);

  // Canonical form: defaults filled, so configs that mean the same thing hash the same.
  return {
    ...cfg,
    es: { ...cfg.es, params: omitIdDefaults(strategy!.paramSpecs, resolveParams(strategy!.paramSpecs, cfg.es.params)) },
    network: { ...cfg.network, params: resolveParams(network!.paramSpecs, cfg.network.params) },
    task: { ...cfg.task, params: resolveParams(task!.paramSpecs, cfg.task.params) },
    prune: {
      ...cfg.prune,
      params: Object.fromEntries(
        cfg.prune.methods.map((id) => [id, resolveParams(getPruneMethod(id).paramSpecs, cfg.prune.params[id] ?? {})]),
      ),
    },
  };
}
