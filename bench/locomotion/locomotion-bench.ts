/**
 * MuJoCo locomotion rollout throughput (steps/s for P = 32 rollouts per task
 * in Node): one generation's fitness evaluation, P = 32 members × 1 episode of a fixed length (Hopper's
 * termination switched off so every copy runs the whole horizon), through the typed-array policy forward
 * (the path `evaluatePopulation` takes) on a freshly initialised policy MLP 2×32 (tanh, tanh out).
 * Reports env steps/s, physics steps/s (× frameSkip) and the share of time spent in the policy forward.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getNetwork } from '../../src/core/nets/registry';
import type { AnyParamValues } from '../../src/core/params';
import { Rng } from '../../src/core/rng';
import { rowPolicyFor } from '../../src/core/tasks/control/policy-net';
import type { RowPolicy } from '../../src/core/tasks/control/rollout';
import {
  LocomotionSim,
  ant,
  halfCheetah,
  hopper,
  walker2d,
  loadMujoco,
  locomotionParamSpecs,
  modelParamsOf,
  rolloutLocomotion,
} from '../../src/core/tasks/locomotion';
import type { LocomotionModel } from '../../src/core/tasks/locomotion';
import { resolveParams } from '../../src/core/params';

export interface LocomotionBenchRow {
  task: string;
  integrator: string;
  P: number;
  steps: number;
  msPerGen: number;
  envStepsPerSec: number;
  physicsStepsPerSec: number;
  policyPct: number;
  loadMs: number;
  /** Env steps per CPU-second of this process (Node only): robust when other jobs share the cores. */
  envStepsPerCpuSec: number | null;
}

/** User + system CPU ms of this process, or null outside Node (the browser has no per-process clock). */
function cpuMs(): number | null {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return null;
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

const CASES: readonly { model: LocomotionModel; overrides: AnyParamValues }[] = [
  { model: hopper, overrides: { integrator: 'RK4', terminateWhenUnhealthy: false } },
  { model: hopper, overrides: { integrator: 'Euler', terminateWhenUnhealthy: false } },
  { model: halfCheetah, overrides: { integrator: 'Euler' } },
  { model: walker2d, overrides: { integrator: 'RK4', terminateWhenUnhealthy: false } },
  { model: ant, overrides: { integrator: 'RK4', terminateWhenUnhealthy: false } },
];

export async function runLocomotionBench(
  opts: { P?: number; maxSteps?: number; reps?: number } = {},
): Promise<LocomotionBenchRow[]> {
  const P = opts.P ?? 32,
    maxSteps = opts.maxSteps ?? 200,
    reps = opts.reps ?? 2;
  const t0 = performance.now();
  const mj = await loadMujoco();
  const loadMs = performance.now() - t0;
  const rows: LocomotionBenchRow[] = [];
  for (const c of CASES) {
    const p = modelParamsOf(c.model, resolveParams(locomotionParamSpecs(c.model), { ...c.overrides, maxSteps }));
    const sim = new LocomotionSim(mj, c.model, p);
    const net = getNetwork('policy_mlp').build(
      { hiddenLayers: 2, width: 32, outputActivation: 'tanh' },
      { inputShape: [c.model.obsDim], outputSize: c.model.actDim },
    );
    const rng = new Rng(1);
    const flat = new Float32Array(P * net.paramCount);
    for (let m = 0; m < P; m++) flat.set(net.init(rng.split(m)), m * net.paramCount);
    const params = tf.tensor2d(flat, [P, net.paramCount]);
    const inner = rowPolicyFor(net, params, flat);
    let policyMs = 0;
    const policy: RowPolicy = (m, o, r, out) => {
      const s = performance.now();
      inner(m, o, r, out);
      policyMs += performance.now() - s;
    };
    const run = () => rolloutLocomotion({ sim, members: P, episodes: 1, policy, rng: new Rng(3) });
    run(); // warm-up (JIT, MjData allocation)
    policyMs = 0;
    const s = performance.now(),
      c0 = cpuMs();
    let r = run();
    for (let k = 1; k < reps; k++) r = run();
    const ms = (performance.now() - s) / reps;
    const c1 = cpuMs();
    const cpuPerGen = c0 !== null && c1 !== null ? (c1 - c0) / reps : null;
    rows.push({
      task: c.model.id,
      integrator: p.integrator as string,
      P,
      steps: r.totalSteps,
      msPerGen: ms,
      envStepsPerSec: r.totalSteps / (ms / 1000),
      physicsStepsPerSec: (r.totalSteps * (p.frameSkip as number)) / (ms / 1000),
      policyPct: (100 * policyMs) / reps / ms,
      loadMs,
      envStepsPerCpuSec: cpuPerGen ? r.totalSteps / (cpuPerGen / 1000) : null,
    });
    params.dispose();
    sim.dispose();
  }
  return rows;
}
