/**
 * MountainCarContinuous-v0 as gymnax v0.0.6 `continuous_mountain_car.py` (docs/ALGORITHMS.md §11.4),
 * batched. Velocity update from the clipped force, then position; the reward penalises the
 * *unclipped* action and pays +100 on reaching the goal with v ≥ 0.
 *
 * Wall rule (docs/ALGORITHMS.md D14): gymnax zeroes v when p ≥ goal and v < 0 (the "v-zero quirk"); gym instead
 * zeroes v when the car sits on the left wall (p = min) moving left. `mcLeftWallInelastic` selects
 * the gym rule.
 */
import { bool, int, num } from '../../../params';
import type { ParamValues } from '../../../params';
import { allocState, allocStepResult, setDone, clip, forEachActive } from './common';
import { defineControlEnv, type EnvState, type StepResult } from './types';

const MIN_POSITION = -1.2;
const MAX_POSITION = 0.6;
const MIN_ACTION = -1;
const MAX_ACTION = 1;

const paramSpecs = {
  power: num(0.0015, 0.0001, 0.01, 0.0001, 'Engine power', 'Velocity gained per unit force per step.'),
  gravity: num(0.0025, 0.0001, 0.01, 0.0001, 'Gravity', 'Hill-slope coefficient: v −= cos(3p)·gravity each step.'),
  maxSpeed: num(0.07, 0.01, 0.5, 0.01, 'Max speed', 'Velocity is clipped to ±maxSpeed.'),
  goalPosition: num(0.45, -0.5, 0.6, 0.01, 'Goal position', 'The episode succeeds at p ≥ goal with v ≥ 0.'),
  mcLeftWallInelastic: bool(
    false,
    'Gym wall rule',
    'Off (gymnax v0.0.6, default): v is zeroed at the goal when v < 0. On (gym): v is zeroed at the left wall instead.',
  ),
  maxSteps: int(999, 1, 10_000, 'Max steps T_max', 'Horizon; gymnax default 999.'),
} as const;

/** Its parameter values. */
export type MountainCarContinuousParams = ParamValues<typeof paramSpecs>;

export const mountainCarContinuous = defineControlEnv({
  id: 'MountainCarContinuous-v0',
  label: 'MountainCarContinuous-v0',
  help: 'Drive an under-powered car up a hill by rocking (1 tanh unit [U], force in (−1, 1)). +100 at the goal minus 0.1·a² per step.',
  stateNames: ['position', 'velocity'],
  obsDim: 2,
  outputSize: 1,
  actionMapping: 'identity',
  policyOutputActivation: 'tanh',
  paramSpecs,
  // −0.1·a² per step with the tanh unit's |a| < 1, and at most the +100 goal bonus.
  returnRange: (p) => [-0.1 * p.maxSteps, 100],

  reset(rng, n): EnvState {
    const s = allocState(n, 2);
    for (let i = 0; i < n; i++) s.vars[0][i] = rng.uniformRange(-0.6, -0.4);
    return s;
  },

  observe(state, i, out, offset) {
    out[offset] = state.vars[0][i];
    out[offset + 1] = state.vars[1][i];
  },

  step(state, actions, params, active, out?: StepResult): StepResult {
    const res = out ?? allocStepResult(state.n);
    const power = params.power;
    const gravity = params.gravity;
    const maxSpeed = params.maxSpeed;
    const goal = params.goalPosition;
    const gymWall = params.mcLeftWallInelastic;
    const maxSteps = params.maxSteps;
    const [pos, vel] = state.vars;
    const t = state.t;
    forEachActive(state.n, active, (i) => {
      const a = actions[i];
      const force = clip(a, MIN_ACTION, MAX_ACTION);
      let v = clip(vel[i] + force * power - Math.cos(3 * pos[i]) * gravity, -maxSpeed, maxSpeed);
      const p = clip(pos[i] + v, MIN_POSITION, MAX_POSITION);
      if (gymWall) {
        if (p === MIN_POSITION && v < 0) v = 0;
      } else if (p >= goal && v < 0) v = 0;
      pos[i] = p;
      vel[i] = v;
      t[i] += 1;
      const reached = p >= goal && v >= 0;
      res.reward[i] = -0.1 * a * a + (reached ? 100 : 0);
      setDone(res, i, reached, t[i], maxSteps);
    });
    return res;
  },
});

/** Hill height used by gym's renderer: y = sin(3p)·0.45 + 0.55 (for render-geometry). */
export function mountainHeight(p: number): number {
  return Math.sin(3 * p) * 0.45 + 0.55;
}

export const MOUNTAIN_CAR_BOUNDS = { minPosition: MIN_POSITION, maxPosition: MAX_POSITION } as const;
