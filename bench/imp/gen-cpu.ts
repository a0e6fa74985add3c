/**
 * CPU time of one `mnist-quick` generation (ask + scatter + evaluate + tell) on the Node wasm backend,
 * measured with process.cpuUsage() so that other jobs on the shared cores do not inflate it (wall-clock
 * is also printed). Used to profile the per-generation cost:
 *   npx tsx bench/imp/gen-cpu.ts [--gens 100] [--sparsity 0]
 *   node --cpu-prof --import tsx bench/imp/gen-cpu.ts      (V8 profile of the same loop)
 *   npx tsx bench/imp/gen-cpu.ts --workers 2 [--gens 150]  (the speed bench's loop through the evaluator:
 *     1 = this thread, 2 = a population split over an evaluation thread; CPU is the whole process's)
 *   npx tsx bench/imp/gen-cpu.ts --workers 2 --preset mnist-cnn-reduced   (the same loop for another preset)
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { getPreset } from '../../src/core/runs/presets';
import { parseConfig } from '../../src/core/runs/config';
import { instantiate } from '../../src/core/experiments/setup';
import { EsRunner } from '../../src/core/es/run-strategy';
import { getStrategy } from '../../src/core/es/registry';
import { ScatterPlan, activeIndices, pack } from '../../src/core/experiments/masked-params';
import { Rng } from '../../src/core/rng';
import { withPopulationLayout } from '../../src/core/nets/types';
import { readFloat32 } from '../../src/core/nets/tensor-util';
import { dataReader } from '../../src/cli/node-io';
import { startNodeSplit } from '../../src/cli/eval-threads';
import { inThreadEvaluator } from '../../src/core/experiments/evaluator';
import { timeGenerations } from './imp-bench';
import os from 'node:os';

const argv = process.argv.slice(2);
const flag = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : d;
};
const gens = Number(flag('gens', '100'));
/** --path tensor forces the tfjs-op forward (no forwardHost); --layout none disables the antithetic split. */
const path = flag('path', 'host');
const layoutFlag = flag('layout', 'strategy');

await tf.setBackend('wasm');
await tf.ready();
/** --preset NAME times another preset's generation (the --workers loop only), e.g. to see how the split scales with work. */
const presetId = flag('preset', 'mnist-quick');
const config = parseConfig(getPreset(presetId).config);
if (argv.includes('--workers')) {
  const workers = Number(flag('workers', '1'));
  const parts = await instantiate(config, dataReader);
  const split = await startNodeSplit(parts.task, config, 'wasm', workers);
  try {
    const mask = new Uint8Array(parts.net.paramCount).fill(1);
    const t = await timeGenerations(config, parts, mask, split.evaluator ?? inThreadEvaluator(parts.task), gens);
    console.log(
      `${presetId} dense, ${split.evaluator?.threads ?? 1} evaluation thread(s), ${gens} generations, wasm: median CPU ms/gen ` +
        `${t.cpuGenMs.toFixed(2)}, median wall ms/gen ${t.genMs.toFixed(2)} (ask ${t.askMs.toFixed(2)}, evaluate ` +
        `${t.evalMs.toFixed(2)}, tell ${t.tellMs.toFixed(2)}); load ${os.loadavg()[0].toFixed(2)}`,
    );
  } finally {
    split.evaluator?.close();
    parts.task.dispose();
  }
  process.exit(0);
}
const { task, net } = await instantiate(config, dataReader);
const rng = new Rng(0);
const baseNet = path === 'tensor' ? { ...net, forwardHost: undefined } : net;
const evalNet = layoutFlag === 'none' ? baseNet : withPopulationLayout(baseNet, getStrategy(config.es.id).antithetic);

const mask = new Uint8Array(net.paramCount).fill(1);
const idx = activeIndices(mask);
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
  pack(net.init(rng.split('theta0')), idx),
);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const parts = { ask: [] as number[], evaluate: [] as number[], tell: [] as number[], total: [] as number[] };
let wall = 0,
  checksum = 0;
for (let g = 0; g < gens + 5; g++) {
  const warm = g >= 5;
  const w0 = performance.now(),
    c0 = cpuMs();
  const x = runner.ask();
  readFloat32(x); // cheap sync (dataSync would add a slow full read on wasm)
  const c1 = cpuMs();
  const full = plan.scatter(x);
  const scores = task.evaluatePopulation(evalNet, full, rng.split(g)).scores;
  const s = scores.dataSync();
  const c2 = cpuMs();
  runner.tell(x, scores);
  const m = runner.meanTensor();
  m.dataSync();
  m.dispose();
  const c3 = cpuMs();
  checksum += s[0];
  tf.dispose([x, full, scores]);
  if (warm) {
    parts.ask.push(c1 - c0);
    parts.evaluate.push(c2 - c1);
    parts.tell.push(c3 - c2);
    parts.total.push(c3 - c0);
    wall += performance.now() - w0;
  }
}
// Medians: robust to the GC pauses and scheduler noise of a shared machine.
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1].toFixed(2);
};
console.log(
  `mnist-quick dense, ${path}/${layoutFlag}, ${gens} generations, wasm: median CPU ms/gen ask ${median(parts.ask)} evaluate ${median(parts.evaluate)} ` +
    `tell ${median(parts.tell)} total ${median(parts.total)}; mean wall ms/gen ${(wall / gens).toFixed(1)}; tensors ${tf.memory().numTensors}; checksum ${checksum.toFixed(4)}`,
);
runner.dispose();
plan.dispose();
task.dispose();
