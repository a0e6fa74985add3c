/**
 * Synthetic run records for the persistence tests: deterministic, full-length (D of the config's
 * network), with the awkward values a real run produces — NaN σ statistics, the 1e20 σ of pruned
 * entries, −0, a NaN with a payload — so "lossless" is tested on the bytes, not just on nice numbers.
 */
import { parseConfig, type ExperimentConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { networkOf } from '../../../src/core/runs/network-shape';
import type { RoundRecord } from '../../../src/core/experiments/events';
import type { SeedChainState } from '../../../src/core/runs/bundle';
import { Rng } from '../../../src/core/rng';
import type { PopulationNet } from '../../../src/core/nets/types';
import { prunedCountAt } from '../../../src/core/prune/schedule';
import { layerSparsity } from '../../../src/core/analysis/mask-stats';

export const quickConfig: ExperimentConfig = parseConfig(getPreset('mnist-quick').config);

/**
 * A random global mask over the kernels with exactly round(s·N) of the N prunable weights pruned, as the
 * pruning methods leave it (docs/ALGORITHMS.md §3.4); biases stay active.
 */
export function exactMask(net: PopulationNet, sparsityFrac: number, rng: Rng): Uint8Array {
  const mask = new Uint8Array(net.paramCount).fill(1);
  const kernel = net.layers.flatMap((l) => Array.from({ length: l.kernelSize }, (_, i) => l.kernelOffset + i));
  const draws = kernel.map((i) => ({ i, u: rng.uniform() })).sort((a, b) => a.u - b.u);
  for (const { i } of draws.slice(0, prunedCountAt(sparsityFrac, kernel.length))) mask[i] = 0;
  return mask;
}

/** A record of round `roundNum` of (seed, method) with a random mask at sparsity 1 − 0.8^(k−1). */
export function fakeRecord(config: ExperimentConfig, seed: number, method: string, roundNum: number): RoundRecord {
  const net = networkOf(config);
  const d = net.paramCount;
  const rng = new Rng(seed).split(`${method}/${roundNum}`);
  const sparsityFrac = 1 - 0.8 ** (roundNum - 1);
  const mask = exactMask(net, sparsityFrac, rng);
  const active = net.layers.reduce(
    (n, l) => n + mask.subarray(l.kernelOffset, l.kernelOffset + l.kernelSize).reduce((a, b) => a + b, 0),
    0,
  );
  const mean = new Float32Array(d),
    std = new Float32Array(d);
  for (let i = 0; i < d; i++) {
    mean[i] = mask[i] ? rng.normal() * 0.1 : 0;
    std[i] = mask[i] ? 0.05 + rng.uniform() * 0.01 : 1e20;
  }
  mean[0] = -0;
  new DataView(std.buffer).setUint32(4, 0x7fc01234, true); // NaN with a payload at index 1 (σ may be NaN: GD)
  return {
    seed,
    method,
    roundNum,
    sparsityFrac,
    prunableActive: active,
    esDim: active + d - net.prunableCount,
    finalPerf: 0.8 + roundNum / 1000,
    finalLoss: 0.5,
    bestPerf: 0.81 + roundNum / 1000,
    evals: [
      { gen: 1, perf: 0.1, loss: 2.3 },
      { gen: 300, perf: 0.8, loss: roundNum === 2 ? Infinity : 0.5 },
    ],
    mask,
    mean,
    std,
    sigmaStats:
      roundNum === 1
        ? { mean: NaN, median: NaN, min: NaN, max: NaN }
        : { mean: 0.055, median: 0.055, min: 0.05, max: 0.06 },
    layerSparsity: layerSparsity(mask, net.layers).map((l) => l.sparsityFrac),
    pruneThreshold: roundNum === 1 ? NaN : 0.01 * roundNum,
    generations: 300,
    wallMs: 1234.5,
    ...(roundNum === 1 ? { sharedWith: config.prune.methods.slice(1) } : {}),
  };
}

/** Records for rounds 1..rounds of every method of seed `seed`, plus matching chain states. */
export function fakeRun(
  config: ExperimentConfig,
  rounds: number,
  seed = config.seeds[0],
): { records: RoundRecord[]; chains: SeedChainState[] } {
  const records: RoundRecord[] = [];
  for (let k = 1; k <= rounds; k++) for (const m of config.prune.methods) records.push(fakeRecord(config, seed, m, k));
  const chains = config.prune.methods.map((method) => {
    const last = records.filter((r) => r.method === method).at(-1)!;
    return { seed, method, nextRoundNum: rounds + 1, mask: last.mask, init: last.mean };
  });
  return { records, chains };
}

/** Bit identity of two typed arrays (NaN payloads and −0 included): same type, same bytes. */
export function sameBytes(a: Uint8Array | Float32Array, b: Uint8Array | Float32Array): boolean {
  if (a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
