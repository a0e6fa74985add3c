/**
 * Reads a saved run folder (run-folder.ts) back into RoundRecords (core/experiments/events.ts), for
 * `lab bundle` (precomputed result bundles). Masks, final means and σ come back bit-exact from
 * their binary files; σ statistics and per-layer sparsity are recomputed from them with the same core
 * functions the run used. What a run folder does not keep is marked, never invented:
 *   - the pruning threshold τ (not written to rounds.csv) → NaN;
 *   - evaluations: generations.csv holds the test performance at reported generations but no loss, so
 *     evals are the evaluation generations (1, every evalEvery, the last) found there, loss NaN except
 *     the final evaluation, whose loss is rounds.csv's final_loss;
 *   - round 1 is shared by every chain of a seed (imp.ts); `sharedWith` is restored from the config, and
 *     the sparsity of round k from the config's schedule (checked against the CSV).
 * Metrics in rounds.csv are rounded to 6 decimals, so these records match the run's to that precision.
 */
import type { EvalPoint, RoundRecord } from '../core/experiments/events';
import type { ExperimentConfig } from '../core/runs/config';
import type { GenRow, RoundRow } from '../core/runs/csv';
import { networkOf } from '../core/runs/network-shape';
import { sigmaSummary } from '../core/experiments/records';
import { layerSparsity } from '../core/analysis/mask-stats';
import { sparsityOfRound } from '../core/prune/schedule';
import { roundWithoutPredecessor } from '../core/runs/round-checks';
import { CliError } from './args';
import { RunFolder } from './run-folder';

const key = (seed: number, method: string, roundNum: number) => `${seed}\u0000${method}\u0000${roundNum}`;

/** Evaluation points per round from generations.csv (see the module comment for what is kept). */
function evalsByRound(rows: readonly GenRow[], config: ExperimentConfig): Map<string, EvalPoint[]> {
  const out = new Map<string, EvalPoint[]>();
  const { evalEvery, generationsPerRound } = config.budget;
  for (const r of rows) {
    const gen = r.gen;
    if (r.test_perf === undefined || !(gen === 1 || gen % evalEvery === 0 || gen === generationsPerRound)) continue;
    const k = key(r.seed, r.method, r.round);
    out.set(k, [...(out.get(k) ?? []), { gen, perf: r.test_perf, loss: NaN }]);
  }
  return out;
}

/**
 * What rounds.csv's rows must satisfy beyond their cells, in a folder of ES-IMP or GD-IMP rounds: no round
 * of a chain without the round before it, and each round's sparsity the pruning schedule's for
 * `pruneFrac` (the CSV holds it to 6 decimals). `lab bundle` and the training commands deciding whether a
 * folder holds their run (run-state.ts) ask the same question. Returns the problem, naming the file and
 * line, or null.
 */
export function roundRowsProblem(rows: readonly RoundRow[], file: string, pruneFrac: number): string | null {
  const gap = roundWithoutPredecessor(rows.map((r) => ({ seed: r.seed, method: r.method, roundNum: r.round })));
  if (gap) return `${file}: ${gap}`;
  for (const r of rows) {
    // The schedule's value as the run computed it (imp.ts), checked against the CSV's 6-decimal copy.
    const scheduled = sparsityOfRound(r.round, 1 - pruneFrac);
    if (Math.abs(scheduled - r.sparsity) > 1e-6)
      return `${file} line ${r.line}: round ${r.round} has sparsity ${r.sparsity}, the config's schedule gives ${scheduled}`;
  }
  return null;
}

/** Every round of the folder as a RoundRecord, in rounds.csv order (seeds filtered by `seeds`). */
export async function readFolderRecords(
  dir: string,
  config: ExperimentConfig,
  seeds: readonly number[],
): Promise<RoundRecord[]> {
  const net = networkOf(config);
  const folder = new RunFolder(dir);
  const rounds = (await folder.readRounds()).filter((r) => seeds.includes(r.seed));
  const evals = evalsByRound(await folder.readGenerations(), config);
  const problem = roundRowsProblem(rounds, folder.path('rounds.csv'), config.prune.pruneFrac);
  if (problem) throw new CliError(problem, 1);
  const records: RoundRecord[] = [];
  for (const r of rounds) {
    const { seed, method, round: roundNum } = r;
    if (!config.prune.methods.includes(method))
      throw new CliError(
        `${dir}: rounds.csv line ${r.line} has method "${method}", not a chain of the config (${config.prune.methods.join(', ')})`,
        1,
      );
    if (roundNum > config.prune.rounds)
      throw new CliError(
        `${dir}: rounds.csv line ${r.line} has round ${roundNum}, the config has ${config.prune.rounds}`,
        1,
      );
    const sparsityFrac = sparsityOfRound(roundNum, 1 - config.prune.pruneFrac);
    const { mask, mean, std } = await folder.loadRound(seed, method, roundNum, net, {
      sparsityFrac,
      prunableActive: r.prunable_active,
      layerSparsity: r.layer_sparsity,
    });
    const finalPerf = r.final_perf,
      finalLoss = r.final_loss;
    const gens = (evals.get(key(seed, method, roundNum)) ?? []).filter(
      (e) => e.gen < config.budget.generationsPerRound,
    );
    const shared = roundNum === 1 && config.prune.methods.length > 1;
    records.push({
      seed,
      method,
      roundNum,
      sparsityFrac,
      prunableActive: r.prunable_active,
      esDim: r.es_dim,
      finalPerf,
      finalLoss,
      bestPerf: r.best_perf,
      evals: [...gens, { gen: config.budget.generationsPerRound, perf: finalPerf, loss: finalLoss }],
      mask,
      mean,
      std,
      sigmaStats: sigmaSummary(net, mask, std),
      layerSparsity: layerSparsity(mask, net.layers).map((l) => l.sparsityFrac),
      pruneThreshold: NaN,
      generations: config.budget.generationsPerRound,
      wallMs: r.wall_ms,
      ...(shared ? { sharedWith: [...config.prune.methods] } : {}),
    });
  }
  return records;
}
