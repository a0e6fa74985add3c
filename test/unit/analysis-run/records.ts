/**
 * In-memory runs for the analysis-registry tests, over the synthetic vision fixture (fixtures.ts): ES
 * chains with a per-weight σ, a GD-IMP chain (σ = NaN, as train-gd stores it) and an ARS-like chain (one σ
 * for every weight). Masks thin with the round; pruned entries are 0 in the mean.
 */
import type { RoundSnapshot } from '../../../src/core/analysis/run';
import type { PopulationNet } from '../../../src/core/nets/types';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { keptInKernel } from '../../../src/core/prune/layout';
import { layerSparsity } from '../../../src/core/analysis/mask-stats';
import { Rng } from '../../../src/core/rng';

export type SigmaStyle = 'per-weight' | 'none' | 'isotropic';

export function chainRecords(
  net: PopulationNet,
  method: string,
  seeds: readonly number[],
  rounds: number,
  sigma: SigmaStyle = 'per-weight',
  salt = 0,
): RoundSnapshot[] {
  const D = net.paramCount;
  const out: RoundSnapshot[] = [];
  for (const seed of seeds) {
    const theta0 = net.init(new Rng(seed).split('theta0'));
    for (let roundNum = 1; roundNum <= rounds; roundNum++) {
      const rng = new Rng(1000 * seed + roundNum + salt).split(method);
      const mask = new Uint8Array(D).fill(1);
      let kept = 0;
      for (const l of net.layers)
        for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
          mask[i] = roundNum === 1 || (i * 7 + roundNum) % (roundNum + 2) !== 0 ? 1 : 0;
          kept += mask[i];
        }
      const mean = Float32Array.from(theta0, (t, i) => (mask[i] ? t + 0.2 * rng.normal() : 0));
      const std = Float32Array.from({ length: D }, (_, i) =>
        !mask[i] ? 1e20 : sigma === 'none' ? NaN : sigma === 'isotropic' ? 0.03 : 0.02 + 0.05 * rng.uniform(),
      );
      out.push({ seed, method, roundNum, mask, mean, std, sparsityFrac: 1 - kept / net.prunableCount });
    }
  }
  return out;
}

/**
 * A snapshot as the round record a run folder stores, with metrics that agree with its mask (run folders
 * are checked like bundles when they are read) and zeros for the training metrics.
 */
export function roundRecordOf(net: Pick<PopulationNet, 'layers'>, r: RoundSnapshot): RoundRecord {
  return {
    ...r,
    prunableActive: net.layers.reduce((n, l) => n + keptInKernel(r.mask, l), 0),
    esDim: 0,
    finalPerf: 0,
    finalLoss: 0,
    bestPerf: 0,
    evals: [],
    sigmaStats: { mean: 0, median: 0, min: 0, max: 0 },
    layerSparsity: layerSparsity(r.mask, net.layers).map((l) => l.sparsityFrac),
    pruneThreshold: 0,
    generations: 1,
    wallMs: 0,
  };
}
