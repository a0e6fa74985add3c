/**
 * GD-IMP next to ES-IMP in the lab (every chart overlays GD and ES on the same axes;
 * docs/ALGORITHMS.md §4.1). Pure helpers the UI uses:
 *   - `gdConfigOf`: the GD-IMP baseline of the experiment in the form — same task, network, seeds,
 *     rounds, p and scope (so θ0 and the sparsity of every round match), `trainer: { id: 'gd' }`, and the
 *     form's pruning chains that GD can run (SNR needs an ES σ; magnitude + random reinit by default);
 *   - `isCompanion`: two stored runs whose curves may share one chart (same task, network and pruning
 *     schedule, different trainer), and `pickCompanion` (the newest one);
 *   - `esConfigForGd`: the ES experiment a stored GD run belongs to, for the form when the GD run is
 *     opened (so the form keeps the ES settings, SNR included, instead of the GD run's reduced ones).
 */
import { parseConfig, type ExperimentConfig } from '../core/runs/config';
import { canonicalJson, sameUpToSeeds } from '../core/runs/hash';
import { getPruneMethod } from '../core/prune/registry';
import { GD_DEFAULT_METHODS } from '../core/experiments/gd/gd-imp';
import { gdPruneProblem } from '../core/experiments/gd/gd-eligibility';
import type { GdOptions } from '../core/experiments/gd/gd-options';

/** The GD-IMP run of `config`'s task/network/seeds/schedule with GD settings `gd` (validated; throws ConfigError). */
export function gdConfigOf(config: ExperimentConfig, gd: Partial<GdOptions>): ExperimentConfig {
  const usable = config.prune.methods.filter((m) => !gdPruneProblem(getPruneMethod(m)));
  const methods = usable.length ? usable : [...GD_DEFAULT_METHODS];
  return parseConfig({
    ...config,
    prune: {
      ...config.prune,
      methods,
      params: Object.fromEntries(methods.map((m) => [m, config.prune.params[m] ?? {}])),
    },
    trainer: { id: 'gd', params: gd },
  });
}

/** 'gd' or 'es': which trainer produced a run. */
export function trainerOf(config: ExperimentConfig): 'gd' | 'es' {
  return config.trainer ? 'gd' : 'es';
}

/**
 * Whether run `b` can be overlaid on run `a`'s charts: same task (incl. image size), network and pruning
 * schedule (p, scope), so round k has the same sparsity in both, and a different trainer (ES vs GD).
 */
export function isCompanion(a: ExperimentConfig, b: ExperimentConfig): boolean {
  const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
  return (
    trainerOf(a) !== trainerOf(b) &&
    a.task.id === b.task.id &&
    a.task.params.pool === b.task.params.pool &&
    a.network.id === b.network.id &&
    same(a.network.params, b.network.params) &&
    a.prune.pruneFrac === b.prune.pruneFrac &&
    a.prune.scope === b.prune.scope
  );
}

/** The newest stored run (list sorted newest first) that is a companion of `shown`, preferring shared seeds. */
export function pickCompanion<R extends { readonly id: string; readonly config: ExperimentConfig }>(
  shown: ExperimentConfig,
  shownId: string | null,
  runs: readonly R[],
): R | null {
  const candidates = runs.filter((r) => r.id !== shownId && isCompanion(shown, r.config));
  const sharesSeed = (r: R) => r.config.seeds.some((s) => shown.seeds.includes(s));
  return candidates.find(sharesSeed) ?? candidates[0] ?? null;
}

/** Whether `gd` is the GD-IMP baseline of ES config `es` with `gd`'s own optimizer settings (seeds aside). */
export function isGdBaselineOf(es: ExperimentConfig, gd: ExperimentConfig): boolean {
  if (!gd.trainer || es.trainer) return false;
  try {
    return sameUpToSeeds(gdConfigOf(es, gd.trainer.params), gd);
  } catch {
    return false;
  }
}

/**
 * The ES experiment of a stored GD run, for the form: the first of `candidates` (the form's config, then
 * the presets) whose GD baseline the run is, with the run's seeds; otherwise the run's own settings without
 * the trainer. An ES run is returned as it is.
 */
export function esConfigForGd(run: ExperimentConfig, candidates: readonly ExperimentConfig[]): ExperimentConfig {
  if (!run.trainer) return run;
  const es = candidates.find((c) => isGdBaselineOf(c, run));
  const { trainer: _drop, ...rest } = run;
  void _drop;
  return parseConfig(es ? { ...es, seeds: run.seeds } : rest);
}
