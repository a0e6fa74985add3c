/**
 * CartPole-v1 as gymnax v0.0.6 `cartpole.py` (docs/ALGORITHMS.md §11.1), batched over n copies.
 * Explicit Euler with the positions advanced by the *old* velocities; reward 1 per live step
 * (including the terminating one); done at |x| > x_thr, |θ| > θ_thr or t ≥ maxSteps.
 */
import { int, num } from '../../../params';
import type { ParamValues } from '../../../params';
import { allocStepResult, setDone, forEachActive, resetUniform } from './common';
import { defineControlEnv, type EnvState, type StepResult } from './types';

const paramSpecs = {
  gravity: num(9.8, 0.1, 50, 0.1, 'Gravity g [m/s²]', 'Gravitational acceleration.'),
  cartMass: num(1.0, 0.05, 20, 0.05, 'Cart mass m_c [kg]', 'Mass of the cart.'),
  poleMass: num(0.1, 0.01, 5, 0.01, 'Pole mass m_p [kg]', 'Mass of the pole.'),
  poleHalfLength: num(
    0.5,
    0.05,
    5,
    0.05,
    'Pole half-length l [m]',
    'Distance from the pivot to the pole centre (gym "length").',
  ),
  forceMag: num(10, 0.5, 100, 0.5, 'Push force F [N]', 'Magnitude of the force applied by each action.'),
  tau: num(0.02, 0.001, 0.1, 0.001, 'Time step τ [s]', 'Euler integration step.'),
  thetaThresholdDeg: num(12, 1, 90, 1, 'Pole angle limit [deg]', 'Episode ends when |θ| exceeds this angle.'),
  xThreshold: num(2.4, 0.5, 10, 0.1, 'Track half-width [m]', 'Episode ends when |x| exceeds this.'),
  maxSteps: int(500, 1, 10_000, 'Max steps T_max', 'Horizon; gymnax CartPole-v1 default 500.'),
} as const;

/** Its parameter values. */
export type CartPoleParams = ParamValues<typeof paramSpecs>;

/** Gym action 1 pushes right (+F), action 0 pushes left (−F). */
export const cartPole = defineControlEnv({
  id: 'CartPole-v1',
  label: 'CartPole-v1',
  help: 'Balance a pole on a cart by pushing left or right (2 logits, argmax). Return = steps survived, max 500.',
  stateNames: ['x', 'xDot', 'theta', 'thetaDot'],
  obsDim: 4,
  outputSize: 2,
  actionMapping: 'argmax',
  policyOutputActivation: 'none',
  paramSpecs,
  returnRange: (p) => [0, p.maxSteps], // one point per step survived

  reset(rng, n): EnvState {
    const b = [-0.05, 0.05] as const;
    return resetUniform(rng, n, [b, b, b, b]);
  },

  observe(state, i, out, offset) {
    for (let k = 0; k < 4; k++) out[offset + k] = state.vars[k][i];
  },

  step(state, actions, params, active, out?: StepResult): StepResult {
    const res = out ?? allocStepResult(state.n);
    const g = params.gravity;
    const mp = params.poleMass;
    const l = params.poleHalfLength;
    const totalMass = params.cartMass + mp;
    const poleMassLength = mp * l;
    const forceMag = params.forceMag;
    const tau = params.tau;
    const thetaThr = (params.thetaThresholdDeg * 2 * Math.PI) / 360;
    const xThr = params.xThreshold;
    const maxSteps = params.maxSteps;
    const [x, xDot, theta, thetaDot] = state.vars;
    const t = state.t;
    forEachActive(state.n, active, (i) => {
      const force = actions[i] === 1 ? forceMag : -forceMag;
      const cosT = Math.cos(theta[i]);
      const sinT = Math.sin(theta[i]);
      const q = (force + poleMassLength * thetaDot[i] * thetaDot[i] * sinT) / totalMass;
      const thetaAcc = (g * sinT - cosT * q) / (l * (4 / 3 - (mp * cosT * cosT) / totalMass));
      const xAcc = q - (poleMassLength * thetaAcc * cosT) / totalMass;
      x[i] += tau * xDot[i];
      xDot[i] += tau * xAcc;
      theta[i] += tau * thetaDot[i];
      thetaDot[i] += tau * thetaAcc;
      t[i] += 1;
      // gymnax: reward = 1 − prev_terminal; the lab stops at the first done, so every stepped copy was live.
      res.reward[i] = 1;
      const terminal = x[i] < -xThr || x[i] > xThr || theta[i] < -thetaThr || theta[i] > thetaThr;
      setDone(res, i, terminal, t[i], maxSteps);
    });
    return res;
  },
});
