/**
 * Registry of the batched classic-control environments (docs/ALGORITHMS.md §11; docs/ARCHITECTURE.md convention 3):
 * adding an environment is one file plus one line here.
 */
import { acrobot } from './acrobot';
import { cartPole } from './cartpole';
import { mountainCarContinuous } from './mountain-car-continuous';
import { pendulum } from './pendulum';
import type { ControlEnv } from './types';

export const CONTROL_ENVS: readonly ControlEnv[] = [cartPole, pendulum, acrobot, mountainCarContinuous];

/** Looks an environment up by its gym id; throws listing the known ids. */
export function getControlEnv(id: string): ControlEnv {
  const env = CONTROL_ENVS.find((e) => e.id === id);
  if (!env) throw new Error(`unknown control env "${id}" (known: ${CONTROL_ENVS.map((e) => e.id).join(', ')})`);
  return env;
}

export { acrobot, cartPole, mountainCarContinuous, pendulum };
export type { ControlEnv, EnvParams, EnvParamSpecs, EnvState, StepResult, ActionMapping } from './types';
