/**
 * ES core benchmark (spec ALGORITHMS.md §2 at MNIST-CNN-like scale): ms per generation of ask and tell
 * for every registered strategy at D = 80 000, P = 128 (fitness evaluation excluded: scores are fixed
 * random numbers), the noise block alone, and the backend's raw 2-D matMul GFLOP/s for reference.
 * Runs on 'wasm' and 'cpu' (tf.setBackend). Speed goals live here, never in timed tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { STRATEGIES } from '../../src/core/es/registry';
import { EsRunner } from '../../src/core/es/run-strategy';
import { sampleNormal } from '../../src/core/es/noise';
import { Rng } from '../../src/core/rng';

/** A type alias (not an interface) so it stays assignable to bench/run.ts's Record<string, unknown>. */
export type Row = {
  backend: string;
  item: string;
  askMs: number;
  tellMs: number;
  totalMs: number;
  gflops: number | null;
};

const DIM = 80_000;
const POP = 128;

function matmulGflops(): number {
  const [m, k, n] = [1024, 784, 1280];
  const a = tf.randomNormal([m, k]); const b = tf.randomNormal([k, n]);
  tf.matMul(a, b).dispose(); // warm-up
  const reps = tf.getBackend() === 'cpu' ? 1 : 5;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) { const c = tf.matMul(a, b); c.dataSync(); c.dispose(); }
  const s = (performance.now() - t0) / 1000 / reps;
  tf.dispose([a, b]);
  return (2 * m * k * n) / s / 1e9;
}

function timeStrategy(id: string, gens: number): { ask: number; tell: number } {
  const rng = new Rng(1);
  const r = EsRunner.create({ strategyId: id, popSize: POP, dim: DIM, rng, shaping: { centeredRank: true } }, new Float32Array(DIM));
  const scoreRng = rng.split('scores');
  let ask = 0; let tell = 0;
  for (let g = 0; g <= gens; g++) {
    const scores = Float32Array.from({ length: POP }, () => scoreRng.normal());
    const t0 = performance.now();
    const x = r.ask();
    tf.tidy(() => tf.sum(x).dataSync()); // force upload/compute without a 41 MB readback
    const t1 = performance.now();
    r.tell(x, scores);
    r.mean();
    const t2 = performance.now();
    x.dispose();
    if (g > 0) { ask += t1 - t0; tell += t2 - t1; } // generation 0 is warm-up
  }
  r.dispose();
  return { ask: ask / gens, tell: tell / gens };
}

/** One row per (backend, strategy), plus the noise block and the matMul reference. */
export async function runEsBench(backends: readonly string[] = ['wasm', 'cpu']): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of backends) {
    await tf.setBackend(backend); await tf.ready();
    const gens = backend === 'cpu' ? 3 : 5;
    rows.push({ backend, item: 'matMul [1024,784]×[784,1280]', askMs: 0, tellMs: 0, totalMs: 0, gflops: matmulGflops() });
    const rng = new Rng(2);
    sampleNormal(rng, POP, DIM).dispose(); // builds the shared table once
    const t0 = performance.now();
    for (let i = 0; i < gens; i++) { const z = sampleNormal(rng, POP, DIM); tf.tidy(() => tf.sum(z).dataSync()); z.dispose(); }
    const noiseMs = (performance.now() - t0) / gens;
    rows.push({ backend, item: `noise block ${POP}×${DIM}`, askMs: noiseMs, tellMs: 0, totalMs: noiseMs, gflops: null });
    for (const s of STRATEGIES) {
      const t = timeStrategy(s.id, gens);
      rows.push({ backend, item: `${s.id} D=${DIM} P=${POP}`, askMs: t.ask, tellMs: t.tell, totalMs: t.ask + t.tell, gflops: null });
    }
  }
  return rows;
}
