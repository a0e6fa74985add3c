/**
 * "Benchmark backends": population evaluations per second of the CURRENT experiment's network
 * and task on every backend of the chain that initialises and passes the self-check. Each backend gets
 * its own task instance (task tensors live on the backend that created them) built from one cached copy
 * of the data bytes; the population is θ0 repeated P times (values do not change the cost).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../src/core/runs/config';
import { instantiate } from '../src/core/experiments/setup';
import { theta0For } from '../src/core/experiments/imp';
import { Rng } from '../src/core/rng';
import {
  BACKEND_CHAIN,
  type BackendBenchRow,
  type BackendPref,
  type BackendReport,
} from '../src/protocol/worker-protocol';
import type { RunControl } from './run-control';

export interface BenchDeps {
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  readonly initBackend: (pref: BackendPref) => Promise<BackendReport>;
}

/** How long each backend is timed after its warm-up (ms). */
const BENCH_MS = 1500;

function cachedReader(read: (p: string) => Promise<Uint8Array>): (p: string) => Promise<Uint8Array> {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (p) => {
    if (!cache.has(p)) cache.set(p, read(p));
    return cache.get(p)!;
  };
}

async function timeOne(
  config: ExperimentConfig,
  readBytes: (p: string) => Promise<Uint8Array>,
  ctl: RunControl,
): Promise<{ evalsPerSec: number; ms: number }> {
  const { task, net } = await instantiate(config, { readBytes });
  const P = config.es.popSize;
  const pop = tf.tidy(
    () => tf.tile(tf.tensor2d(theta0For(net, config.seeds[0]), [1, net.paramCount]), [P, 1]) as tf.Tensor2D,
  );
  const rng = new Rng(0).split('bench');
  try {
    const evalOnce = async (i: number) => {
      const s = task.evaluatePopulation(net, pop, rng.split(i)).scores;
      await s.data();
      s.dispose();
      await ctl.step();
    };
    await evalOnce(0);
    await evalOnce(1); // warm-up: shader compilation, wasm first touches
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < BENCH_MS || n < 2) await evalOnce(2 + n++);
    const ms = (performance.now() - t0) / n;
    return { evalsPerSec: (1000 * P) / ms, ms };
  } finally {
    pop.dispose();
    task.dispose();
  }
}

/** Benchmarks every backend in the chain, then switches back to `restore`. */
export async function benchmarkBackends(
  config: ExperimentConfig,
  ctl: RunControl,
  deps: BenchDeps,
  restore: BackendPref,
): Promise<BackendBenchRow[]> {
  const readBytes = cachedReader(deps.readBytes);
  const rows: BackendBenchRow[] = [];
  try {
    for (const name of BACKEND_CHAIN) {
      let report: BackendReport;
      try {
        report = await deps.initBackend(name);
      } catch (e) {
        rows.push({ backend: name, ok: false, evalsPerSec: 0, msPerGeneration: 0, note: (e as Error).message });
        continue;
      }
      if (report.active !== name) {
        const why = report.attempts.find((a) => a.backend === name)?.reason ?? 'not available';
        rows.push({ backend: name, ok: false, evalsPerSec: 0, msPerGeneration: 0, note: `skipped: ${why}` });
        continue;
      }
      try {
        const t = await timeOne(config, readBytes, ctl);
        rows.push({
          backend: name,
          ok: true,
          evalsPerSec: t.evalsPerSec,
          msPerGeneration: t.ms,
          note: `P=${config.es.popSize}`,
        });
      } catch (e) {
        if ((e as Error).name === 'RunCancelled') throw e;
        rows.push({
          backend: name,
          ok: false,
          evalsPerSec: 0,
          msPerGeneration: 0,
          note: `failed: ${(e as Error).message}`,
        });
      }
    }
  } finally {
    await deps.initBackend(restore);
  }
  return rows;
}
