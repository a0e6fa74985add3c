/**
 * Benchmark: time per generation of the IMP inner loop (ask + scatter + evaluate + tell) for the
 * `mnist-quick` preset at each sparsity of its schedule, and for the larger MLP 784-32-10 (P=64, B=256)
 * setting, split into its parts. Reference (docs/ALGORITHMS.md §12): a plain NumPy implementation of
 * mnist-quick takes ~7 ms per generation on this kind of 2-core machine; 784-32-10 ~36 ms.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { instantiate } from '../../src/core/experiments/setup';
import { EsRunner } from '../../src/core/es/run-strategy';
import { ScatterPlan, activeIndices, pack } from '../../src/core/experiments/masked-params';
import { sparsityOfRound } from '../../src/core/prune/schedule';
import { getPruneMethod } from '../../src/core/prune/registry';
import { getNetwork } from '../../src/core/nets/registry';
import { compactInputs } from '../../src/core/nets/compact';
import { withPopulationLayout } from '../../src/core/nets/types';
import { hostMemoryBackend, readFloat32 } from '../../src/core/nets/tensor-util';
import { Rng } from '../../src/core/rng';
import { dataReader } from '../../src/cli/node-io';

export interface ImpBenchRow {
  setting: string;
  backend: string;
  sparsityPct: number;
  esDim: number;
  activeInputs: number;
  askMs: number;
  evalMs: number;
  tellMs: number;
  genMs: number;
  /** Process CPU ms per generation (user + system): less sensitive than wall-clock to other jobs on the cores. */
  cpuGenMs: number;
}

/**
 * Waits for `t`. On wasm/cpu every op has already run, and `data()` would add a full read of t (a slow
 * `HEAPU8.slice` on wasm) that the IMP loop never does, so a cheap read stands in there.
 */
async function sync(t: tf.Tensor): Promise<void> {
  if (hostMemoryBackend()) readFloat32(t);
  else await t.data();
}

/** Times `gens` generations on one mask; returns ms per generation per part. */
async function timeLoop(
  setting: string,
  configInput: Parameters<typeof parseConfig>[0],
  sparsities: number[],
  gens: number,
): Promise<ImpBenchRow[]> {
  const config = parseConfig(configInput);
  const { task, net } = await instantiate(config, dataReader);
  const rng = new Rng(0);
  const theta0 = net.init(rng.split('theta0'));
  const rows: ImpBenchRow[] = [];
  try {
    for (const s of sparsities) {
      // A magnitude mask of θ0 at the target sparsity (cost depends on the sparsity, not on which weights).
      const mask =
        s === 0
          ? new Uint8Array(net.paramCount).fill(1)
          : getPruneMethod('magnitude').next(
              {
                layers: net.layers,
                paramCount: net.paramCount,
                mask: new Uint8Array(net.paramCount).fill(1),
                mean: theta0,
                std: new Float32Array(net.paramCount).fill(1),
                theta0,
                targetSparsity: s,
                scope: 'global',
                rng,
                reinit: (r) => net.init(r),
              },
              {},
            ).mask;
      const idx = activeIndices(mask);
      // The same input compaction the IMP loop applies (imp.ts): the first layer reads only used pixels.
      const evalNet = compactInputs(net, mask, (k) =>
        getNetwork(config.network.id).build(config.network.params, { inputShape: [k], outputSize: net.outputSize }),
      );
      const plan = new ScatterPlan(mask);
      const runner = EsRunner.create(
        {
          strategyId: config.es.id,
          params: config.es.params,
          popSize: config.es.popSize,
          dim: idx.length,
          rng,
          shaping: { centeredRank: config.es.centeredRank },
        },
        pack(theta0, idx),
      );
      const popNet = withPopulationLayout(evalNet, runner.strategy.antithetic); // as train-round.ts does
      let ask = 0,
        ev = 0,
        tell = 0,
        cpu = 0;
      for (let g = 0; g < gens + 3; g++) {
        const t0 = performance.now(),
          c0 = process.cpuUsage();
        const x = runner.ask();
        await sync(x);
        const t1 = performance.now();
        const full = plan.scatter(x);
        const scores = task.evaluatePopulation(popNet, full, rng.split(g)).scores;
        await sync(scores);
        const t2 = performance.now();
        runner.tell(x, scores);
        const m = runner.meanTensor();
        await sync(m);
        m.dispose();
        const t3 = performance.now();
        tf.dispose([x, full, scores]);
        const c = process.cpuUsage(c0);
        if (g >= 3) {
          ask += t1 - t0;
          ev += t2 - t1;
          tell += t3 - t2;
          cpu += (c.user + c.system) / 1000;
        } // first generations warm up kernels
      }
      runner.dispose();
      plan.dispose();
      rows.push({
        setting,
        backend: tf.getBackend(),
        sparsityPct: +(100 * s).toFixed(1),
        esDim: idx.length,
        activeInputs: Number(/\[(\d+)\//.exec(evalNet.describe)?.[1] ?? net.inputSize),
        askMs: ask / gens,
        evalMs: ev / gens,
        tellMs: tell / gens,
        genMs: (ask + ev + tell) / gens,
        cpuGenMs: cpu / gens,
      });
    }
  } finally {
    task.dispose();
  }
  return rows;
}

export async function runImpBench(gens = 30): Promise<ImpBenchRow[]> {
  const quick = getPreset('mnist-quick').config;
  const keep = 1 - 0.2;
  const schedule = [1, 4, 7, 10, 12].map((k) => sparsityOfRound(k, keep));
  const rows = await timeLoop('mnist-quick 196-32-10 P64 B256', quick, schedule, gens);
  rows.push(
    ...(await timeLoop(
      'MLP 784-32-10 P64 B256',
      {
        ...quick,
        task: { id: 'mnist', params: { pool: '28x28', batchSize: 256 } },
      },
      [0],
      gens,
    )),
  );
  return rows;
}
