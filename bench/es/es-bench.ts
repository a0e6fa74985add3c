/**
 * ES core benchmark (docs/ALGORITHMS.md §2 at MNIST-CNN-like scale): ms per generation (medians) of ask
 * and tell, and the process CPU time of both, for every registered strategy at D = 80 000, P = 128
 * (fitness evaluation excluded: scores are fixed random numbers), the noise block alone, and the
 * backend's raw 2-D matMul GFLOP/s for reference.
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
  /** Medians over the timed generations (wall clock). */
  askMs: number;
  tellMs: number;
  totalMs: number;
  /** Median process CPU time (user + system) of ask + tell: less sensitive than wall time to other jobs. */
  cpuMs: number | null;
  gflops: number | null;
};

const DIM = 80_000;
const POP = 128;

function matmulGflops(): number {
  const [m, k, n] = [1024, 784, 1280];
  const a = tf.randomNormal([m, k]);
  const b = tf.randomNormal([k, n]);
  tf.matMul(a, b).dispose(); // warm-up
  const reps = tf.getBackend() === 'cpu' ? 1 : 5;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) {
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
  }
  const s = (performance.now() - t0) / 1000 / reps;
  tf.dispose([a, b]);
  return (2 * m * k * n) / s / 1e9;
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function timeStrategy(id: string, gens: number): { ask: number; tell: number; total: number; cpu: number } {
  const rng = new Rng(1);
  const r = EsRunner.create(
    { strategyId: id, popSize: POP, dim: DIM, rng, shaping: { centeredRank: true } },
    new Float32Array(DIM),
  );
  const scoreRng = rng.split('scores');
  const ask: number[] = [];
  const tell: number[] = [];
  const cpu: number[] = [];
  for (let g = 0; g <= gens; g++) {
    const scores = Float32Array.from({ length: POP }, () => scoreRng.normal());
    const c0 = cpuNow();
    const t0 = performance.now();
    const x = r.ask();
    tf.tidy(() => tf.sum(x).dataSync()); // force upload/compute without a 41 MB readback
    const t1 = performance.now();
    r.tell(x, scores);
    r.mean();
    const t2 = performance.now();
    const c1 = cpuNow();
    x.dispose();
    if (g > 0) {
      ask.push(t1 - t0);
      tell.push(t2 - t1);
      cpu.push(c1 - c0);
    } // generation 0 is warm-up
  }
  r.dispose();
  return { ask: median(ask), tell: median(tell), total: median(ask.map((a, i) => a + tell[i])), cpu: median(cpu) };
}

/** One row per (backend, strategy), plus the noise block and the matMul reference. */
export async function runEsBench(backends: readonly string[] = ['wasm', 'cpu']): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of backends) {
    await tf.setBackend(backend);
    await tf.ready();
    const gens = backend === 'cpu' ? 3 : 10;
    rows.push({
      backend,
      item: 'matMul [1024,784]×[784,1280]',
      askMs: 0,
      tellMs: 0,
      totalMs: 0,
      cpuMs: null,
      gflops: matmulGflops(),
    });
    const rng = new Rng(2);
    sampleNormal(rng, POP, DIM).dispose(); // builds the shared table once
    const noise: number[] = [];
    for (let i = 0; i < gens; i++) {
      const t0 = performance.now();
      const z = sampleNormal(rng, POP, DIM);
      tf.tidy(() => tf.sum(z).dataSync());
      z.dispose();
      noise.push(performance.now() - t0);
    }
    const noiseMs = median(noise);
    rows.push({
      backend,
      item: `noise block ${POP}×${DIM}`,
      askMs: noiseMs,
      tellMs: 0,
      totalMs: noiseMs,
      cpuMs: null,
      gflops: null,
    });
    for (const s of STRATEGIES) {
      const t = timeStrategy(s.id, gens);
      rows.push({
        backend,
        item: `${s.id} D=${DIM} P=${POP}`,
        askMs: t.ask,
        tellMs: t.tell,
        totalMs: t.total,
        cpuMs: t.cpu,
        gflops: null,
      });
    }
  }
  return rows;
}
