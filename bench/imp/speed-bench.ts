/**
 * The speed targets of population-parallel evaluation (docs/PERFORMANCE.md "Population-parallel
 * evaluation"), each measured against the NumPy reference (numpy_generation.py, single-threaded) in the
 * SAME run, interleaved, so both see the same load:
 *   - one `mnist-quick` generation (dense round) with 1 and 2 evaluation threads: median wall and process
 *     CPU ms, the ratio to NumPy and the speed-up of 2 threads over 1;
 *   - one test evaluation (10,000 images, one parameter row);
 *   - start-up to the first generation of `lab imp` in a fresh Node process, by phase (startup.ts);
 *   - with --whole: the whole 12-round `mnist-quick` run through the CLI with --workers 1 and 2.
 * The load average is recorded with every row: on a shared machine every number is an upper bound.
 *   npx tsx bench/run.ts --only speed [--repeats 3] [--gens 150] [--whole]
 */
import * as tf from '@tensorflow/tfjs-core';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { instantiate } from '../../src/core/experiments/setup';
import { inThreadEvaluator } from '../../src/core/experiments/evaluator';
import { Rng } from '../../src/core/rng';
import type { PopulationNet } from '../../src/core/nets/types';
import { dataReader } from '../../src/cli/node-io';
import { startNodeSplit } from '../../src/cli/eval-threads';
import { CLI_BUILD, ensureBuilt } from '../../scripts/cli-build.mjs';
import { median, timeGenerations } from './imp-bench';

export interface SpeedRow {
  measurement: string;
  wallMs: number;
  cpuMs: number;
  /** wall / NumPy single-threaded wall (generations), or the speed-up of 2 threads over 1. */
  ratio: string;
  load1: number;
  repeats: number;
}

const load = () => +os.loadavg()[0].toFixed(2);

/** NumPy's generation (OPENBLAS_NUM_THREADS=1): median wall and CPU ms, or null when python3/NumPy is missing. */
function numpyGeneration(gens: number): { wall: number; cpu: number } | null {
  const r = spawnSync('python3', ['bench/imp/numpy_generation.py', String(gens)], {
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    encoding: 'utf8',
  });
  const m = /median wall ([\d.]+) ms, CPU ([\d.]+) ms/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) {
    console.error(
      `NumPy reference unavailable: ${(r.stderr || r.error?.message || 'no output').trim().split('\n').pop()}`,
    );
    return null;
  }
  return { wall: Number(m[1]), cpu: Number(m[2]) };
}

/** startup.ts built into one file with the evaluation-thread entry beside it, as `npm run lab` runs the CLI. */
const STARTUP_BUILD = {
  outDir: 'dist-cli/bench',
  entries: { startup: 'bench/imp/startup.ts', 'eval-thread': CLI_BUILD.entries['eval-thread'] },
};

/** Start-up phases of a fresh `lab imp` process with `workers` threads (startup.ts, built). */
function startupPhases(dir: string, workers: number): Record<string, { wallMs: number; cpuMs: number }> {
  const r = spawnSync(process.execPath, [join(dir, 'startup.js'), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench/imp/startup.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, { wallMs: number; cpuMs: number }>;
}

/** Wall and CPU ms of 30 test evaluations of one row on the 10,000 test images (after 5 warm-up ones). */
async function timeTestEvaluation(parts: {
  task: { evaluateTest(net: PopulationNet, rows: tf.Tensor2D): Promise<unknown> };
  net: PopulationNet;
}): Promise<{ wall: number[]; cpu: number[] }> {
  const rowT = tf.tensor2d(parts.net.init(new Rng(0)), [1, parts.net.paramCount]);
  const wall: number[] = [],
    cpu: number[] = [];
  for (let i = 0; i < 35; i++) {
    const c0 = process.cpuUsage(),
      t0 = performance.now();
    await parts.task.evaluateTest(parts.net, rowT);
    const c = process.cpuUsage(c0);
    if (i < 5) continue;
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  rowT.dispose();
  return { wall, cpu };
}

export async function runSpeedBench(opts: { gens: number; repeats: number; whole: boolean }): Promise<SpeedRow[]> {
  const config = parseConfig(getPreset('mnist-quick').config);
  const parts = await instantiate(config, dataReader);
  const split = await startNodeSplit(parts.task, config, tf.getBackend(), 2);
  const mask = new Uint8Array(parts.net.paramCount).fill(1);
  const np: { wall: number; cpu: number }[] = [];
  const one: { wall: number; cpu: number }[] = [];
  const two: { wall: number; cpu: number }[] = [];
  const loads: number[] = [];
  let test = { wall: [] as number[], cpu: [] as number[] };
  try {
    for (let r = 0; r < opts.repeats; r++) {
      loads.push(load());
      const n = numpyGeneration(Math.max(60, opts.gens));
      if (n) np.push(n);
      const a = await timeGenerations(config, parts, mask, inThreadEvaluator(parts.task), opts.gens);
      one.push({ wall: a.genMs, cpu: a.cpuGenMs });
      if (split.evaluator) {
        const b = await timeGenerations(config, parts, mask, split.evaluator, opts.gens);
        two.push({ wall: b.genMs, cpu: b.cpuGenMs });
      }
      console.error(
        `repeat ${r + 1}: numpy ${n?.wall.toFixed(2)} ms, 1 thread ${a.genMs.toFixed(2)} ms, 2 threads ${two.at(-1)?.wall.toFixed(2)} ms (load ${loads.at(-1)})`,
      );
    }
    // While the evaluation thread is alive and idle, as during a run's test evaluations (timed after closing
    // it, its exit ran beside the first evaluations and inflated them).
    test = await timeTestEvaluation(parts);
  } finally {
    split.evaluator?.close();
  }
  const med = (v: { wall: number; cpu: number }[]) => ({
    wall: median(v.map((x) => x.wall)),
    cpu: median(v.map((x) => x.cpu)),
  });
  const npM = np.length ? med(np) : null;
  const oneM = med(one),
    twoM = two.length ? med(two) : null;
  const vsNumpy = (w: number) => (npM ? `${(w / npM.wall).toFixed(2)}× NumPy` : 'NumPy unavailable');
  const rows: SpeedRow[] = [];
  const row = (measurement: string, wallMs: number, cpuMs: number, ratio: string, repeats: number) =>
    rows.push({ measurement, wallMs, cpuMs, ratio, load1: median(loads), repeats });
  if (npM) row('NumPy generation (1 thread)', npM.wall, npM.cpu, '1.00× NumPy', np.length);
  row('generation, 1 thread', oneM.wall, oneM.cpu, vsNumpy(oneM.wall), one.length);
  if (twoM) {
    row('generation, 2 threads', twoM.wall, twoM.cpu, vsNumpy(twoM.wall), two.length);
    row('speed-up 2 threads / 1', twoM.wall, oneM.wall, `${(oneM.wall / twoM.wall).toFixed(2)}×`, two.length);
  }

  parts.task.dispose();
  row('test evaluation (10,000 images)', median(test.wall), median(test.cpu), '', test.wall.length);

  // Start-up to the first generation in a fresh process (startup.ts), after one unmeasured run warms the
  // file cache.
  const startupDir = await ensureBuilt(STARTUP_BUILD);
  startupPhases(startupDir, 1);
  for (const w of [1, 2]) {
    const runs = Array.from({ length: opts.repeats }, () => startupPhases(startupDir, w));
    for (const phase of Object.keys(runs[0]))
      row(
        `start-up, --workers ${w}: ${phase}`,
        median(runs.map((r) => r[phase].wallMs)),
        median(runs.map((r) => r[phase].cpuMs)),
        'ms since process start',
        runs.length,
      );
  }
  if (opts.whole) {
    const dir = mkdtempSync(join('runs-out', 'speed-'));
    try {
      for (const w of [2, 1]) {
        const t0 = performance.now();
        const r = spawnSync(
          process.execPath,
          [
            'scripts/lab.mjs',
            'imp',
            '--preset',
            'mnist-quick',
            '--quiet',
            '--workers',
            String(w),
            '--out',
            join(dir, `whole${w}`),
          ],
          { encoding: 'utf8' },
        );
        if (r.status !== 0) throw new Error(`the whole run failed: ${r.stderr}`);
        const ms = performance.now() - t0;
        row(`whole mnist-quick run (12 rounds), --workers ${w}`, ms, NaN, `${(ms / 60000).toFixed(2)} min`, 1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
