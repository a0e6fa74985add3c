/**
 * Parameter specs shared by the locomotion models (gym MuJoCo v3/v4 constructor arguments,
 * docs/ALGORITHMS.md §9.3 for the horizon): horizon, frame skip, timestep, integrator, reward weights and
 * reset noise, each with the task's own default.
 */
import { bool, choice, int, num } from '../../../params';
import type { ChoiceParamSpec } from '../../../params';

export interface CommonDefaults {
  readonly maxSteps: number;
  readonly frameSkip: number;
  readonly timestep: number;
  readonly forwardRewardWeight: number;
  readonly ctrlCostWeight: number;
  readonly resetNoiseScale: number;
}

/** gym's defaults for the planar walkers Hopper and Walker2d (hopper_v4.py, walker2d_v4.py). */
export const PLANAR_WALKER_DEFAULTS: CommonDefaults = {
  maxSteps: 1000,
  frameSkip: 4,
  timestep: 0.002,
  forwardRewardWeight: 1,
  ctrlCostWeight: 1e-3,
  resetNoiseScale: 5e-3,
};

export function commonParamSpecs(d: CommonDefaults) {
  return {
    maxSteps: int(
      d.maxSteps,
      10,
      1000,
      'Episode length [steps]',
      "Horizon (gym 1,000; the paper's Brax configs 500, docs/ALGORITHMS.md §9.3). Reduced presets shorten it.",
    ),
    frameSkip: int(d.frameSkip, 1, 20, 'Frame skip', 'Physics steps per env step; dt = timestep · frameSkip.'),
    timestep: num(d.timestep, 0.0005, 0.02, 0.0005, 'Physics timestep [s]', 'MuJoCo option timestep.'),
    forwardRewardWeight: num(
      d.forwardRewardWeight,
      0,
      10,
      0.1,
      'Forward reward weight',
      'Weight of the forward velocity (x′ − x)/dt in the reward.',
    ),
    ctrlCostWeight: num(d.ctrlCostWeight, 0, 1, 1e-4, 'Control cost weight', 'Subtracts weight · Σ a² per step.'),
    resetNoiseScale: num(
      d.resetNoiseScale,
      0,
      0.5,
      1e-3,
      'Reset noise scale',
      'qpos, qvel start at their rest values plus noise of this scale (gym reset_noise_scale).',
    ),
  };
}

/** The specs every model has: horizon, frame skip, timestep, reward weights, reset noise. */
export type CommonParamSpecs = ReturnType<typeof commonParamSpecs>;

/** MuJoCo's integrators the models offer. */
export type Integrator = 'RK4' | 'Euler';

/** MuJoCo integrator: gym's Hopper/Walker2d use RK4; Euler is ~4× cheaper per step (docs/RESULTS.md §6.2). */
export function integratorChoice(d: Integrator): ChoiceParamSpec<Integrator> {
  return choice(
    d,
    [
      { value: 'RK4', label: 'RK4 (gym)' },
      { value: 'Euler', label: 'Euler (cheaper)' },
    ],
    'Integrator',
    "MuJoCo option integrator; the model's gym default unless a reduced preset trades accuracy for speed.",
  );
}

/** The healthy-state reward and termination of the models with a health rule (gym healthy_reward, terminate_when_unhealthy). */
export function healthSpecs() {
  return {
    healthyReward: num(1, 0, 10, 0.1, 'Healthy reward', 'Bonus per step while healthy (gym healthy_reward).'),
    terminateWhenUnhealthy: bool(
      true,
      'Terminate when unhealthy',
      'End the episode at the first unhealthy state (gym terminate_when_unhealthy).',
    ),
  };
}

/** The observed-velocity clip of gym's planar walkers (Hopper, Walker2d); `model` names the gym env. */
export function qvelClipSpec(model: string) {
  return num(
    10,
    1,
    100,
    1,
    'Velocity clip (obs)',
    `Observed joint velocities are clipped to ±this (gym ${model}); the physics is not.`,
  );
}

/** A mass multiplier for transfer variants (docs/ALGORITHMS.md §5), 1 = gym's model. */
export function massScaleSpec(label: string, help: string) {
  return num(1, 0.25, 4, 0.05, label, help);
}
