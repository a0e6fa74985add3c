import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { getPreset } from '../../src/core/runs/presets';
import { parseConfig } from '../../src/core/runs/config';
import { instantiate } from '../../src/core/experiments/setup';
import { Rng } from '../../src/core/rng';
import { dataReader } from '../../src/cli/node-io';
await tf.setBackend('wasm');
await tf.ready();
const config = parseConfig(getPreset(process.argv[2] ?? 'mnist-quick').config);
const parts = await instantiate(config, dataReader);
const rowT = tf.tensor2d(parts.net.init(new Rng(0)), [1, parts.net.paramCount]);
const w: number[] = [];
for (let i = 0; i < Number(process.argv[3] ?? 200); i++) {
  const t0 = performance.now();
  await parts.task.evaluateTest(parts.net, rowT);
  w.push(performance.now() - t0);
}
w.sort((a, b) => a - b);
console.log(`median ${w[w.length >> 1].toFixed(2)} min ${w[0].toFixed(2)}`);
process.exit(0);
