import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { getPreset } from '../../src/core/runs/presets';
import { parseConfig } from '../../src/core/runs/config';
import { instantiate } from '../../src/core/experiments/setup';
import { inThreadEvaluator } from '../../src/core/experiments/evaluator';
import { Rng } from '../../src/core/rng';
import { dataReader } from '../../src/cli/node-io';
import { startNodeSplit } from '../../src/cli/eval-threads';
import { timeGenerations } from './imp-bench';
import { spawnSync } from 'node:child_process';

await tf.setBackend('wasm');
await tf.ready();
const order = (process.argv[2] ?? 'f1t2').match(/../g)!;
const config = parseConfig(getPreset('mnist-quick').config);
const parts = await instantiate(config, dataReader);
const split = await startNodeSplit(parts.task, config, 'wasm', 2);
const mask = new Uint8Array(parts.net.paramCount).fill(1);
const rowT = tf.tensor2d(parts.net.init(new Rng(0)), [1, parts.net.paramCount]);
const heap = () => ((tf.backend() as any).wasm.HEAPU8.length / 2 ** 20).toFixed(0);
async function te(label: string) {
  const w: number[] = [];
  const idle0 = process.cpuUsage(); const it0 = performance.now();
  if (process.env.SLEEP) await new Promise((r) => setTimeout(r, 500));
  const ic = process.cpuUsage(idle0); console.log(`  idle 500ms wall ${(performance.now()-it0).toFixed(0)}: cpu ${((ic.user+ic.system)/1000).toFixed(1)} ms`);
  const c0 = process.cpuUsage(); const tt = performance.now();
  for (let i = 0; i < 35; i++) {
    const t0 = performance.now();
    await parts.task.evaluateTest(parts.net, rowT);
    if (i >= 5) w.push(performance.now() - t0);
  }
  w.sort((a, b) => a - b);
  const cc = process.cpuUsage(c0); console.log(`  35 evals wall ${(performance.now()-tt).toFixed(0)} cpu ${((cc.user+cc.system)/1000).toFixed(0)}`);
  console.log(`${label}: test eval median ${w[15].toFixed(2)} min ${w[0].toFixed(2)} max ${w.at(-1)!.toFixed(2)} heapMB ${heap()} tensors ${tf.memory().numTensors} rss ${(process.memoryUsage().rss/2**20).toFixed(0)}`);
}
for (const step of order) {
  if (step === 'f0') await te('now');
  if (step === 't1') { const a = await timeGenerations(config, parts, mask, inThreadEvaluator(parts.task), 300); console.log(`1 thread ${a.genMs.toFixed(2)}`); await te('after 1-thread'); }
  if (step === 't2') { const a = await timeGenerations(config, parts, mask, split.evaluator!, 300); console.log(`2 thread ${a.genMs.toFixed(2)}`); await te('after 2-thread'); }
  if (step === 'sl') { await new Promise((r) => setTimeout(r, 3000)); await te('after 3 s sleep'); }
  if (step === 'np') { spawnSync('python3', ['bench/imp/numpy_generation.py', '300'], { env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } }); await te('after numpy'); }
  if (step === 'gc') { (globalThis as any).gc?.(); await te('after gc'); }
}
split.evaluator?.close();
process.exit(0);
