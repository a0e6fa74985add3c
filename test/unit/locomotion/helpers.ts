// Shared helpers for the locomotion suite: resolved params per model, a pool of simulators, simple row policies.
import { afterAll, beforeAll } from 'vitest';
import { resolveParams } from '../../../src/core/params';
import type { AnyParamValues } from '../../../src/core/params';
import { Rng } from '../../../src/core/rng';
import type { RowPolicy } from '../../../src/core/tasks/control/rollout';
import {
  GEOM_FIELDS,
  geomTableOf,
  locomotionParamSpecs,
  locomotionScene,
  modelParamsOf,
  writeGeomPoses,
} from '../../../src/core/tasks/locomotion';
import { LocomotionSim, loadMujoco, type Mujoco } from '../../../src/core/tasks/locomotion';
import type { LocomotionModel, LocomotionParams } from '../../../src/core/tasks/locomotion';

/** The model's constants with `overrides` applied (as a task would pass them to the simulator). */
export function modelParams(model: LocomotionModel, overrides: AnyParamValues = {}): LocomotionParams {
  return modelParamsOf(model, resolveParams(locomotionParamSpecs(model), overrides));
}

/**
 * Simulators for a test file: MuJoCo is loaded before its tests, `simOf` makes a simulator of `model` with
 * `overrides`, and every one made is freed after the tests. `mujoco()` is the loaded module.
 */
export function simPool() {
  let mj: Mujoco | undefined;
  const sims: LocomotionSim[] = [];
  beforeAll(async () => {
    mj = await loadMujoco();
  });
  afterAll(() => {
    for (const s of sims) s.dispose();
  });
  const mujoco = (): Mujoco => {
    if (!mj) throw new Error('MuJoCo is loaded in beforeAll: use the pool inside a test');
    return mj;
  };
  return {
    mujoco,
    simOf(model: LocomotionModel, overrides: AnyParamValues = {}): LocomotionSim {
      const s = new LocomotionSim(mujoco(), model, modelParams(model, overrides));
      sims.push(s);
      return s;
    },
  };
}

/** Outputs zeros (the zero-action policy). */
export const zeroPolicy =
  (actDim: number): RowPolicy =>
  (_m, _o, rows, out) => {
    out.fill(0, 0, rows * actDim);
  };

/**
 * A deterministic stateless policy of the member index and observation: a_k = tanh(Σ_j W[m][k][j]·o_j),
 * with W drawn from `seed`; so batched and looped rollouts must agree exactly.
 */
export function linearPolicy(model: LocomotionModel, members: number, seed: number, scale = 0.3): RowPolicy {
  const rng = new Rng(seed);
  const w = Float64Array.from({ length: members * model.actDim * model.obsDim }, () => scale * rng.normal());
  return (memberOfRow, obs, rows, out) => {
    for (let r = 0; r < rows; r++) {
      const base = memberOfRow[r] * model.actDim * model.obsDim;
      for (let k = 0; k < model.actDim; k++) {
        let s = 0;
        for (let j = 0; j < model.obsDim; j++) s += w[base + k * model.obsDim + j] * obs[r * model.obsDim + j];
        out[r * model.actDim + k] = Math.tanh(s);
      }
    }
  };
}

/** The viewer's side-view scene of `sim`'s model at rest (qpos0, zero velocity) in its first slot. */
export function restScene(sim: LocomotionSim): ReturnType<typeof locomotionScene> {
  sim.ensure(1);
  sim.setState(0, { qpos: Float64Array.from(sim.model.qpos0 as Float64Array), qvel: new Float64Array(sim.nv) });
  const geoms = geomTableOf(sim);
  const pose = new Array<number>(geoms.length * GEOM_FIELDS);
  writeGeomPoses(sim, 0, pose);
  return locomotionScene(geoms, pose);
}
