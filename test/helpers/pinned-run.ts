/**
 * A short ES-IMP run whose whole trajectory is hashed (trajectory-pins.test.ts, parallel-eval.test.ts):
 * 3 rounds × 12 generations of one strategy on a small synthetic 6×6 task with an MLP 36-8-10, pruning 70 %
 * per round (so the later rounds drop dead inputs), every generation reported. The hash covers every
 * generation's best and mean fitness, every test evaluation (accuracy and loss) and every round's trained
 * mean and σ, as float32 bit patterns.
 */
import { runImp, type ImpInput } from '../../src/core/experiments/imp';
import { parseConfig, type ExperimentConfig } from '../../src/core/runs/config';
import { getNetwork } from '../../src/core/nets/registry';
import { hash64 } from '../../src/core/runs/hash';
import { syntheticTask } from './synthetic-task';

/**
 * Hash of the trajectory per strategy on wasm, recorded with the code before population-parallel
 * evaluation and the faster test evaluation existed.
 */
export const TRAJECTORY_PINS: Record<string, string> = {
  pgpe: '8e71e35aab303fea',
  snes: 'f5467d40689ec8e2',
  sep_cma_es: 'd2c8513b7f2d40c9',
  des: 'f1c4d7f5152b5979',
  open_es: '5ba53969950cc636',
  ars: '2cae49c3d6ebb741',
};

export const PIN_TASK = syntheticTask({ side: 6, train: 400, test: 150, batchSize: 50 });

/** The config of a pinned run (task fields are placeholders: the synthetic task is passed directly). */
export function pinnedConfig(strategyId: string): ExperimentConfig {
  return parseConfig({
    task: { id: 'mnist', params: {} },
    network: { id: 'mlp', params: { hiddenLayers: 1, width: 8 } },
    es: { id: strategyId, popSize: 12, centeredRank: true, params: {} },
    prune: { methods: ['magnitude', 'random_reinit'], rounds: 3, pruneFrac: 0.7 },
    budget: { generationsPerRound: 12, evalEvery: 4 },
    seeds: [3],
  });
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** Float32 bit pattern of `v` as hex. */
export const bits = (v: number): string => {
  f32[0] = v;
  return u32[0].toString(16);
};

/** Runs the pinned config for `strategyId` (with `extra` merged into runImp's input) and hashes it. */
export async function pinnedRun(
  strategyId: string,
  extra: Partial<ImpInput> = {},
): Promise<{ hash: string; summary: string }> {
  const config = pinnedConfig(strategyId);
  const net = getNetwork('mlp').build(config.network.params, PIN_TASK.io);
  const parts: string[] = [];
  const result = await runImp({
    config,
    seed: config.seeds[0],
    net,
    task: PIN_TASK,
    reportEvery: 1,
    onEvent: (e) => {
      if (e.type !== 'generation') return;
      const m = e.metrics;
      parts.push(`${m.method}${m.roundNum}:${m.gen}:${bits(m.bestScore)}:${bits(m.meanScore)}`);
    },
    ...extra,
  });
  for (const r of result.records) {
    parts.push(`${r.method}${r.roundNum}:${r.esDim}`);
    for (const e of r.evals) parts.push(`${e.gen}:${bits(e.perf)}:${bits(e.loss)}`);
    parts.push(Array.from(r.mean, bits).join(','), Array.from(r.std, bits).join(','));
  }
  const last = result.records[result.records.length - 1];
  return {
    hash: hash64(parts.join('|')),
    summary: `final perf ${last.finalPerf} loss ${last.finalLoss} d ${last.esDim}`,
  };
}
