/**
 * Pendulum-v1 as gymnax v0.0.6 `pendulum.py` (docs/ALGORITHMS.md §11.2), batched over n copies.
 * Semi-implicit Euler (θ advances with the *new* θ̇); the reward is computed on the *pre-step* state
 * with the wrapped angle; θ itself is never wrapped in the state; done only at t ≥ maxSteps.
 */
import { int, num } from '../../../params';
import type { ParamValues } from '../../../params';
import { allocStepResult, setDone, clip, forEachActive, resetUniform, wrapAngle } from './common';
import { defineControlEnv, type EnvState, type StepResult } from './types';

const paramSpecs = {
  maxSpeed: num(8, 1, 50, 0.5, 'Max speed [rad/s]', 'θ̇ is clipped to ±maxSpeed after each step.'),
  maxTorque: num(2, 0.1, 20, 0.1, 'Max torque', 'The action is clipped to ±maxTorque.'),
  dt: num(0.05, 0.005, 0.2, 0.005, 'Time step dt [s]', 'Integration step.'),
  gravity: num(10, 0.1, 50, 0.1, 'Gravity g [m/s²]', 'Gravitational acceleration.'),
  mass: num(1, 0.1, 10, 0.1, 'Mass m [kg]', 'Pendulum mass.'),
  length: num(1, 0.1, 10, 0.1, 'Length l [m]', 'Pendulum length.'),
  maxSteps: int(
    200,
    1,
    10_000,
    'Max steps T_max',
    'Horizon; gymnax default 200, the paper (es-lottery) runs 500 (docs/ALGORITHMS.md D8).',
  ),
} as const;

/** Its parameter values. */
export type PendulumParams = ParamValues<typeof paramSpecs>;

export const pendulum = defineControlEnv({
  id: 'Pendulum-v1',
  label: 'Pendulum-v1',
  help: 'Swing a pendulum up and hold it upright with a clipped torque (1 linear output). Return ≤ 0, higher is better.',
  stateNames: ['theta', 'thetaDot'],
  obsDim: 3,
  outputSize: 1,
  actionMapping: 'identity',
  policyOutputActivation: 'none',
  paramSpecs,
  // Worst case per step: π² + 0.1·maxSpeed² + 0.001·maxTorque² (≈ 16.27 at the defaults, docs/ALGORITHMS.md
  // §11.2), on every step of the horizon.
  returnRange: (p) => [-(Math.PI ** 2 + 0.1 * p.maxSpeed ** 2 + 0.001 * p.maxTorque ** 2) * p.maxSteps, 0],

  reset(rng, n): EnvState {
    return resetUniform(rng, n, [
      [-Math.PI, Math.PI],
      [-1, 1],
    ]);
  },

  observe(state, i, out, offset) {
    const th = state.vars[0][i];
    out[offset] = Math.cos(th);
    out[offset + 1] = Math.sin(th);
    out[offset + 2] = state.vars[1][i];
  },

  step(state, actions, params, active, out?: StepResult): StepResult {
    const res = out ?? allocStepResult(state.n);
    const maxSpeed = params.maxSpeed;
    const maxTorque = params.maxTorque;
    const dt = params.dt;
    const g = params.gravity;
    const m = params.mass;
    const l = params.length;
    const maxSteps = params.maxSteps;
    const [theta, thetaDot] = state.vars;
    const t = state.t;
    forEachActive(state.n, active, (i) => {
      const u = clip(actions[i], -maxTorque, maxTorque);
      const thWrapped = wrapAngle(theta[i]);
      res.reward[i] = -(thWrapped * thWrapped + 0.1 * thetaDot[i] * thetaDot[i] + 0.001 * u * u);
      const newThDot = clip(
        thetaDot[i] + (((3 * g) / (2 * l)) * Math.sin(theta[i]) + (3 / (m * l * l)) * u) * dt,
        -maxSpeed,
        maxSpeed,
      );
      theta[i] += newThDot * dt;
      thetaDot[i] = newThDot;
      t[i] += 1;
      setDone(res, i, false, t[i], maxSteps);
    });
    return res;
  },
});
