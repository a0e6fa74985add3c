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
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalPoint, RoundRecord } from '../core/experiments/events';
import type { ExperimentConfig } from '../core/runs/config';
import { networkOf } from '../core/runs/network-shape';
import { sigmaSummary } from '../core/experiments/records';
import { layerSparsity } from '../core/analysis/mask-stats';
import { sparsityOfRound } from '../core/prune/schedule';
import { CliError } from './args';
import { RunFolder } from './run-folder';

type Row = Record<string, string>;

async function readCsv(path: string): Promise<Row[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as Error).message}`, 1);
  }
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split(',');
  // Method ids are plain identifiers (csv.ts quotes only free text), so a plain split is exact here.
  return lines.filter(Boolean).map((l) => {
    const f = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, f[i] ?? '']));
  });
}

const key = (seed: number, method: string, roundNum: number) => `${seed}\u0000${method}\u0000${roundNum}`;

/** Evaluation points per round from generations.csv (see the module comment for what is kept). */
function evalsByRound(rows: readonly Row[], config: ExperimentConfig): Map<string, EvalPoint[]> {
  const out = new Map<string, EvalPoint[]>();
  const { evalEvery, generationsPerRound } = config.budget;
  for (const r of rows) {
    const gen = Number(r.gen);
    if (r.test_perf === '' || !(gen === 1 || gen % evalEvery === 0 || gen === generationsPerRound)) continue;
    const k = key(Number(r.seed), r.method, Number(r.round));
    out.set(k, [...(out.get(k) ?? []), { gen, perf: Number(r.test_perf), loss: NaN }]);
  }
  return out;
}

/** Every round of the folder as a RoundRecord, in rounds.csv order (seeds filtered by `seeds`). */
export async function readFolderRecords(
  dir: string,
  config: ExperimentConfig,
  seeds: readonly number[],
): Promise<RoundRecord[]> {
  const net = networkOf(config);
  const folder = new RunFolder(dir);
  const rounds = (await readCsv(join(dir, 'rounds.csv'))).filter((r) => seeds.includes(Number(r.seed)));
  const evals = evalsByRound(await readCsv(join(dir, 'generations.csv')), config);
  const records: RoundRecord[] = [];
  for (const r of rounds) {
    const seed = Number(r.seed),
      method = r.method,
      roundNum = Number(r.round);
    if (!config.prune.methods.includes(method))
      throw new CliError(
        `${dir}: rounds.csv has method "${method}", not a chain of the config (${config.prune.methods.join(', ')})`,
        1,
      );
    const [mask, mean, std] = await Promise.all([
      folder.readMask(seed, method, roundNum),
      folder.readParams(seed, method, roundNum, 'mean'),
      folder.readParams(seed, method, roundNum, 'std'),
    ]).catch((e: unknown) => {
      throw new CliError(`${dir}: round files of seed ${seed} ${method} r${roundNum}: ${(e as Error).message}`, 1);
    });
    const finalPerf = Number(r.final_perf),
      finalLoss = Number(r.final_loss);
    const gens = (evals.get(key(seed, method, roundNum)) ?? []).filter(
      (e) => e.gen < config.budget.generationsPerRound,
    );
    const shared = roundNum === 1 && config.prune.methods.length > 1;
    // The schedule's value as the run computed it (imp.ts), checked against the CSV's 6-decimal copy.
    const sparsityFrac = sparsityOfRound(roundNum, 1 - config.prune.pruneFrac);
    if (Math.abs(sparsityFrac - Number(r.sparsity)) > 1e-6)
      throw new CliError(
        `${dir}: round ${roundNum} has sparsity ${r.sparsity}, the config's schedule gives ${sparsityFrac}`,
        1,
      );
    records.push({
      seed,
      method,
      roundNum,
      sparsityFrac,
      prunableActive: Number(r.prunable_active),
      esDim: Number(r.es_dim),
      finalPerf,
      finalLoss,
      bestPerf: Number(r.best_perf),
      evals: [...gens, { gen: config.budget.generationsPerRound, perf: finalPerf, loss: finalLoss }],
      mask,
      mean,
      std,
      sigmaStats: sigmaSummary(net, mask, std),
      layerSparsity: layerSparsity(mask, net.layers).map((l) => l.sparsityFrac),
      pruneThreshold: NaN,
      generations: config.budget.generationsPerRound,
      wallMs: Number(r.wall_ms),
      ...(shared ? { sharedWith: [...config.prune.methods] } : {}),
    });
  }
  return records;
}
