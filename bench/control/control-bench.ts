/**
 * Control rollout throughput (docs/ALGORITHMS.md §12 reduced control presets): one generation's fitness
 * evaluation through the typed-array policy forward (the path `evaluatePopulation` takes) against the
 * exact tfjs fallback (`net.forward` per env step, P× redundant rows). The tfjs path is so slow that it
 * runs a horizon of only `tfjsMaxSteps` steps: compare the paths by env steps per second.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getNetwork } from '../../src/core/nets/registry';
import { resolveParams } from '../../src/core/params';
import { Rng } from '../../src/core/rng';
import { CONTROL_ENVS } from '../../src/core/tasks/control/envs';
import { rowPolicyFor, tfRowPolicy } from '../../src/core/tasks/control/policy-net';
import { rolloutPopulation } from '../../src/core/tasks/control/rollout';
import type { RowPolicy } from '../../src/core/tasks/control/rollout';

export interface ControlBenchRow {
  backend: string;
  env: string;
  net: string;
  P: number;
  E: number;
  maxSteps: number;
  path: 'typed-array' | 'tfjs';
  msPerGen: number;
  envStepsPerSec: number;
  meanReturn: number;
}

const CASES = [
  { env: 'CartPole-v1', width: 16, P: 32, E: 4, maxSteps: 500 },
  { env: 'Pendulum-v1', width: 32, P: 64, E: 4, maxSteps: 200 },
  { env: 'Acrobot-v1', width: 32, P: 64, E: 2, maxSteps: 500 },
  { env: 'MountainCarContinuous-v0', width: 16, P: 64, E: 2, maxSteps: 999 },
];

export function runControlBench(
  opts: { tfjs?: boolean; reps?: number; tfjsMaxSteps?: number } = {},
): ControlBenchRow[] {
  const rows: ControlBenchRow[] = [];
  for (const c of CASES) {
    const env = CONTROL_ENVS.find((e) => e.id === c.env)!;
    const envParams = resolveParams(env.paramSpecs, { maxSteps: c.maxSteps });
    const net = getNetwork('policy_mlp').build(
      { hiddenLayers: 2, width: c.width, outputActivation: env.policyOutputActivation },
      { inputShape: [env.obsDim], outputSize: env.outputSize },
    );
    const rng = new Rng(1);
    const flat = new Float32Array(c.P * net.paramCount);
    for (let p = 0; p < c.P; p++) flat.set(net.init(rng.split(p)), p * net.paramCount);
    const params = tf.tensor2d(flat, [c.P, net.paramCount]);
    const paths: [ControlBenchRow['path'], RowPolicy][] = [['typed-array', rowPolicyFor(net, params, flat)]];
    if (opts.tfjs !== false) paths.push(['tfjs', tfRowPolicy(net, params)]);
    for (const [path, policy] of paths) {
      const reps = path === 'tfjs' ? 1 : (opts.reps ?? 5);
      const maxSteps = path === 'tfjs' ? Math.min(c.maxSteps, opts.tfjsMaxSteps ?? 20) : c.maxSteps;
      const run = () =>
        rolloutPopulation({
          env,
          envParams: { ...envParams, maxSteps },
          members: c.P,
          episodes: c.E,
          policy,
          rng: new Rng(3),
        });
      run(); // warm-up (JIT, probe)
      const t0 = performance.now();
      let r = run();
      for (let k = 1; k < reps; k++) r = run();
      const ms = (performance.now() - t0) / reps;
      const meanReturn = r.meanReturns.reduce((a, b) => a + b, 0) / c.P;
      rows.push({
        backend: tf.getBackend(),
        env: c.env,
        net: net.describe,
        P: c.P,
        E: c.E,
        maxSteps,
        path,
        msPerGen: ms,
        envStepsPerSec: r.totalSteps / (ms / 1000),
        meanReturn,
      });
    }
    params.dispose();
  }
  return rows;
}
