/**
 * Rebuilds the chain states of one seed from a run folder's finished rounds, so `lab imp` / `lab gd`
 * continue an interrupted run where it stopped: the last finished round of each chain (its mask, final
 * mean and σ, read back bit-exactly) goes through the same prune → rewind step the run itself takes
 * (core/experiments/resume.ts), which draws only from (seed, round, method) streams — so the continued
 * run equals an uninterrupted one.
 */
import type { ExperimentConfig } from '../core/runs/config';
import type { PopulationNet } from '../core/nets/types';
import type { RoundRow } from '../core/runs/csv';
import type { ChainState } from '../core/experiments/imp';
import { pruneStep, resumeChains } from '../core/experiments/resume';
import { CliError } from './args';
import type { RunFolder } from './run-folder';

export interface FolderChainsInput {
  readonly folder: RunFolder;
  /** The folder's finished rounds (rounds.csv). */
  readonly rounds: readonly RoundRow[];
  readonly net: PopulationNet;
  readonly prune: ExperimentConfig['prune'];
  readonly seed: number;
  readonly theta0: Float32Array;
  /** Record method id of a chain (GD: 'gd_magnitude' for the prune method 'magnitude'). */
  readonly recordId?: (pruneMethod: string) => string;
}

/**
 * Chain states to continue `seed` from: null when none of its rounds finished (start fresh), else one
 * state per chain of the config (chains with no finished round start dense).
 */
export async function chainsFromFolder(input: FolderChainsInput): Promise<ChainState[] | null> {
  const { folder, seed, prune } = input;
  const stored: ChainState[] = [];
  for (const method of prune.methods) {
    const recordId = input.recordId?.(method) ?? method;
    const done = input.rounds
      .filter((r) => r.seed === seed && r.method === recordId)
      .map((r) => r.round)
      .sort((a, b) => a - b);
    if (!done.length) continue;
    if (done.some((k, i) => k !== i + 1))
      throw new CliError(
        `${folder.dir} is damaged: seed ${seed} ${recordId} has rounds ${done.join(',')} (a chain's rounds must run 1, 2, 3, …); choose another folder with --out DIR`,
        1,
      );
    const k = done[done.length - 1];
    const row = input.rounds.find((r) => r.seed === seed && r.method === recordId && r.round === k)!;
    const { mask, mean, std } = await folder.loadRound(seed, recordId, k, input.net, {
      prunableActive: row.prunable_active,
      layerSparsity: row.layer_sparsity,
    });
    stored.push(
      pruneStep({ net: input.net, prune, seed, method, roundNum: k, mask, mean, std, theta0: input.theta0 }).next,
    );
  }
  return resumeChains(prune.methods, stored, input.theta0);
}

/**
 * The chain states of every seed (null: start that seed fresh), read and checked before anything is
 * written, so a damaged folder is refused untouched.
 */
export async function chainsOfSeeds(
  input: Omit<FolderChainsInput, 'seed' | 'theta0'>,
  seeds: readonly number[],
  theta0Of: (seed: number) => Float32Array,
): Promise<Map<number, ChainState[] | null>> {
  const out = new Map<number, ChainState[] | null>();
  for (const seed of seeds) out.set(seed, await chainsFromFolder({ ...input, seed, theta0: theta0Of(seed) }));
  return out;
}
