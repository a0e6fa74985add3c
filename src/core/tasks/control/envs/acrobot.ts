/**
 * Acrobot-v1 ("book" dynamics) as gymnax v0.0.6 `acrobot.py` (docs/ALGORITHMS.md §11.3), batched.
 * One classical RK4 step of size dt per env step (gymnax integrates once, gym integrates a 2-point
 * grid), then both angles wrapped into [−π, π) and the velocities clipped. Terminal when the tip
 * rises above the bar: −cos θ1 − cos(θ1 + θ2) > 1, evaluated on the new state. Reward −1 per
 * non-terminal step, 0 on the terminal one.
 */
import { int, num } from '../../../params';
import type { ParamValues } from '../../../params';
import { allocStepResult, setDone, clip, forEachActive, resetUniform, wrapAngle } from './common';
import { defineControlEnv, type EnvState, type StepResult } from './types';

const paramSpecs = {
  dt: num(0.2, 0.01, 0.5, 0.01, 'Time step dt [s]', 'Size of the single RK4 step per env step.'),
  linkLength1: num(
    1,
    0.1,
    5,
    0.1,
    'Link 1 length l1 [m]',
    'Length of the first link (link 2 length enters only the termination height, which gymnax fixes at 1).',
  ),
  linkMass1: num(1, 0.1, 10, 0.1, 'Link 1 mass m1 [kg]', 'Mass of the first link.'),
  linkMass2: num(1, 0.1, 10, 0.1, 'Link 2 mass m2 [kg]', 'Mass of the second link.'),
  linkComPos1: num(0.5, 0.05, 5, 0.05, 'Link 1 COM lc1 [m]', 'Pivot-to-centre-of-mass distance of link 1.'),
  linkComPos2: num(0.5, 0.05, 5, 0.05, 'Link 2 COM lc2 [m]', 'Pivot-to-centre-of-mass distance of link 2.'),
  linkMoi: num(1, 0.1, 10, 0.1, 'Link inertia I', 'Moment of inertia of each link (I1 = I2).'),
  gravity: num(9.8, 0.1, 50, 0.1, 'Gravity g [m/s²]', 'Gravitational acceleration (hard-coded 9.8 in gymnax).'),
  maxSteps: int(500, 1, 10_000, 'Max steps T_max', 'Horizon; gymnax Acrobot-v1 default 500.'),
} as const;

/** Its parameter values. */
export type AcrobotParams = ParamValues<typeof paramSpecs>;

const MAX_VEL_1 = 4 * Math.PI;
const MAX_VEL_2 = 9 * Math.PI;
/** Torque for action index 0, 1, 2. */
export const ACROBOT_TORQUES = [-1, 0, 1] as const;

interface AcrobotConsts {
  m1: number;
  m2: number;
  l1: number;
  lc1: number;
  lc2: number;
  i1: number;
  i2: number;
  g: number;
}

/**
 * ds/dt of docs/ALGORITHMS.md §11.3 at (θ1, θ2, θ̇1, θ̇2) under torque `a`; writes (θ̇1, θ̇2, θ̈1, θ̈2) into `out`.
 * Exported for the hand-computed tests.
 */
export function acrobotDerivs(s: ArrayLike<number>, a: number, c: AcrobotConsts, out: Float64Array): void {
  const [th1, th2, dth1, dth2] = [s[0], s[1], s[2], s[3]];
  const { m1, m2, l1, lc1, lc2, i1, i2, g } = c;
  const d1 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.cos(th2)) + i1 + i2;
  const d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.cos(th2)) + i2;
  const phi2 = m2 * lc2 * g * Math.cos(th1 + th2 - Math.PI / 2);
  const phi1 =
    -m2 * l1 * lc2 * dth2 * dth2 * Math.sin(th2) -
    2 * m2 * l1 * lc2 * dth2 * dth1 * Math.sin(th2) +
    (m1 * lc1 + m2 * l1) * g * Math.cos(th1 - Math.PI / 2) +
    phi2;
  const ddth2 =
    (a + (d2 / d1) * phi1 - m2 * l1 * lc2 * dth1 * dth1 * Math.sin(th2) - phi2) /
    (m2 * lc2 * lc2 + i2 - (d2 * d2) / d1);
  const ddth1 = -(d2 * ddth2 + phi1) / d1;
  out[0] = dth1;
  out[1] = dth2;
  out[2] = ddth1;
  out[3] = ddth2;
}

function constsOf(p: AcrobotParams): AcrobotConsts {
  const moi = p.linkMoi;
  return {
    m1: p.linkMass1,
    m2: p.linkMass2,
    l1: p.linkLength1,
    lc1: p.linkComPos1,
    lc2: p.linkComPos2,
    i1: moi,
    i2: moi,
    g: p.gravity,
  };
}

export const acrobot = defineControlEnv({
  id: 'Acrobot-v1',
  label: 'Acrobot-v1',
  help: 'Swing the tip of a two-link chain above the bar by torquing the middle joint (3 logits, argmax → −1/0/+1). Return −steps, best ≈ −60.',
  stateNames: ['theta1', 'theta2', 'theta1Dot', 'theta2Dot'],
  obsDim: 6,
  outputSize: 3,
  actionMapping: 'argmax',
  policyOutputActivation: 'none',
  paramSpecs,
  returnRange: (p) => [-p.maxSteps, 0], // −1 per step until the swing-up

  reset(rng, n): EnvState {
    const b = [-0.1, 0.1] as const;
    return resetUniform(rng, n, [b, b, b, b]);
  },

  observe(state, i, out, offset) {
    const [th1, th2, dth1, dth2] = state.vars;
    out[offset] = Math.cos(th1[i]);
    out[offset + 1] = Math.sin(th1[i]);
    out[offset + 2] = Math.cos(th2[i]);
    out[offset + 3] = Math.sin(th2[i]);
    out[offset + 4] = dth1[i];
    out[offset + 5] = dth2[i];
  },

  step(state, actions, params, active, out?: StepResult): StepResult {
    const res = out ?? allocStepResult(state.n);
    const c = constsOf(params);
    const dt = params.dt;
    const maxSteps = params.maxSteps;
    const [th1, th2, dth1, dth2] = state.vars;
    const t = state.t;
    const s0 = new Float64Array(4);
    const tmp = new Float64Array(4);
    const k1 = new Float64Array(4);
    const k2 = new Float64Array(4);
    const k3 = new Float64Array(4);
    const k4 = new Float64Array(4);
    forEachActive(state.n, active, (i) => {
      const torque = ACROBOT_TORQUES[actions[i]];
      s0[0] = th1[i];
      s0[1] = th2[i];
      s0[2] = dth1[i];
      s0[3] = dth2[i];
      acrobotDerivs(s0, torque, c, k1);
      for (let k = 0; k < 4; k++) tmp[k] = s0[k] + (dt / 2) * k1[k];
      acrobotDerivs(tmp, torque, c, k2);
      for (let k = 0; k < 4; k++) tmp[k] = s0[k] + (dt / 2) * k2[k];
      acrobotDerivs(tmp, torque, c, k3);
      for (let k = 0; k < 4; k++) tmp[k] = s0[k] + dt * k3[k];
      acrobotDerivs(tmp, torque, c, k4);
      for (let k = 0; k < 4; k++) tmp[k] = s0[k] + (dt / 6) * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
      th1[i] = wrapAngle(tmp[0]);
      th2[i] = wrapAngle(tmp[1]);
      dth1[i] = clip(tmp[2], -MAX_VEL_1, MAX_VEL_1);
      dth2[i] = clip(tmp[3], -MAX_VEL_2, MAX_VEL_2);
      t[i] += 1;
      const terminal = -Math.cos(th1[i]) - Math.cos(th1[i] + th2[i]) > 1.0;
      res.reward[i] = terminal ? 0 : -1;
      setDone(res, i, terminal, t[i], maxSteps);
    });
    return res;
  },
});
