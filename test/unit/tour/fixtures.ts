/**
 * Fixtures of the tour tests: the shipped precomputed bundles read from public/precomputed/ through the
 * app's importer, and small hand-made round records whose sentences can be worked out by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { importBundle } from '../../../src/core/runs/bundle';
import { parseConfig, type ExperimentConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import type { StepRun } from '../../../src/core/tour/step-sentence';
import { layoutOf } from '../../../src/core/runs/network-shape';

export const PRECOMPUTED_DIR = resolve(import.meta.dirname, '../../../public/precomputed');

export const precomputedExists = (file: string): boolean => existsSync(join(PRECOMPUTED_DIR, file));

/** A shipped bundle as the tour reads it (records, config, network layout). */
export function shippedRun(file: string): StepRun {
  const got = importBundle(new Uint8Array(readFileSync(join(PRECOMPUTED_DIR, file))));
  if (!got.ok) throw new Error(`${file}: ${got.message}`);
  const layout = layoutOf(got.bundle.config);
  return {
    records: got.bundle.records,
    config: got.bundle.config,
    layers: layout.layers,
    inputShape: layout.inputShape,
  };
}

export const mnistConfig: ExperimentConfig = parseConfig(getPreset('mnist-2min').config);
export const pendulumConfig: ExperimentConfig = parseConfig(getPreset('pendulum-quick').config);

/** A round record with only what the sentences read (no weights): perf, sparsity 1 − 0.65^(k−1), evals. */
export function rec(
  seed: number,
  method: string,
  roundNum: number,
  finalPerf: number,
  extra: Partial<RoundRecord> = {},
): RoundRecord {
  return {
    seed,
    method,
    roundNum,
    sparsityFrac: 1 - 0.65 ** (roundNum - 1),
    prunableActive: 0,
    esDim: 100,
    finalPerf,
    finalLoss: NaN,
    bestPerf: finalPerf,
    evals: [
      { gen: 1, perf: finalPerf / 2, loss: NaN },
      { gen: 10, perf: finalPerf, loss: NaN },
    ],
    mask: new Uint8Array(0),
    mean: new Float32Array(0),
    std: new Float32Array(0),
    sigmaStats: { mean: NaN, median: NaN, min: NaN, max: NaN },
    layerSparsity: [],
    pruneThreshold: NaN,
    generations: 10,
    wallMs: 0,
    ...extra,
  };
}

/** Records of `chains` over rounds 1…perf[0].length and one seed per row of `perf[chain]`. */
export function table(perf: Record<string, readonly (readonly number[])[]>): RoundRecord[] {
  return Object.entries(perf).flatMap(([chain, seeds]) =>
    seeds.flatMap((byRound, seed) => byRound.map((p, k) => rec(seed, chain, k + 1, p))),
  );
}
