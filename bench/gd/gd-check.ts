/**
 * Benchmark-style check of the GD baseline (docs/ALGORITHMS.md §4.1), not a timed test:
 * trains an MNIST MLP with masked Adam (lr 3e-4, batch 128, dense mask) and prints test accuracy on the
 * full 10k test set after every epoch. Goal: ≥ 95 % with 784-100-10 on 28×28 within 5 epochs.
 *   npx tsx bench/gd/gd-check.ts [--net 784-100-10 | 196-32-10] [--epochs 5] [--backend wasm]
 * Writes bench/results/gd-<net>.json.
 */
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { mkdir, writeFile } from 'node:fs/promises';
import { parseConfig } from '../../src/core/runs/config';
import { instantiateGd } from '../../src/core/experiments/gd/setup-gd';
import { trainGd } from '../../src/core/experiments/gd/train-gd';
import { parseGdOptions } from '../../src/core/experiments/gd/gd-options';
import { theta0For } from '../../src/core/experiments/imp';
import { Rng } from '../../src/core/rng';
import { dataReader } from '../../src/cli/node-io';

const argv = process.argv.slice(2);
const flag = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : d;
};
const netName = flag('net', '784-100-10');
const epochs = Number(flag('epochs', '5'));
const SETTINGS: Record<string, { pool: '28x28' | '14x14'; width: number }> = {
  '784-100-10': { pool: '28x28', width: 100 },
  '196-32-10': { pool: '14x14', width: 32 },
};
const s = SETTINGS[netName];
if (!s) throw new Error(`--net must be one of ${Object.keys(SETTINGS).join(', ')}`);

await tf.setBackend(flag('backend', 'wasm'));
await tf.ready();
const config = parseConfig({
  task: { id: 'mnist', params: { pool: s.pool, batchSize: 256 } },
  network: { id: 'mlp', params: { hiddenLayers: 1, width: s.width, activation: 'relu' } },
  es: { id: 'pgpe', popSize: 64, params: {} },
  prune: { methods: ['magnitude'], rounds: 1 },
  budget: { generationsPerRound: 1 },
  seeds: [0],
});
const parts = await instantiateGd(config, dataReader);
const { net, task, train } = parts;
const options = parseGdOptions({ optimizer: 'adam', lr: 3e-4, batchSize: 128, epochs });
const rows: { epoch: number; testAcc: number; testLoss: number; trainLoss: number; wallS: number }[] = [];
const t0 = Date.now();
console.log(
  `GD check: ${net.describe} on MNIST ${s.pool}, Adam lr 3e-4, batch 128, ${epochs} epochs, backend ${tf.getBackend()}`,
);
await trainGd({
  net,
  task,
  train,
  options,
  mask: new Uint8Array(net.paramCount).fill(1),
  init: theta0For(net, 0),
  rng: new Rng(0).split('gd').split(1),
  onEpoch: (m) => {
    const row = {
      epoch: m.epoch,
      testAcc: m.lastEval.perf,
      testLoss: m.lastEval.loss,
      trainLoss: m.trainLoss,
      wallS: (Date.now() - t0) / 1000,
    };
    rows.push(row);
    console.log(
      `epoch ${row.epoch}: test acc ${(100 * row.testAcc).toFixed(2)} %, test CE ${row.testLoss.toFixed(4)}, train CE ${row.trainLoss.toFixed(4)}, ${row.wallS.toFixed(1)} s`,
    );
  },
});
parts.dispose();
await mkdir('bench/results', { recursive: true });
await writeFile(
  `bench/results/gd-${netName}.json`,
  JSON.stringify({ net: net.describe, pool: s.pool, options, backend: tf.getBackend(), rows }, null, 2) + '\n',
);
