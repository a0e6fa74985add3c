/**
 * How the paper's own code (RobertTLange/es-lottery, evosax 0.1.4) names what the lab's registries call by
 * id (docs/ALGORITHMS.md §2, §3.3, §3.7, §9). One table, used by the YAML export (lab → code) and the
 * summary import (code → lab). An id without an entry has no counterpart in that code.
 */

/** Pruning method id → es-lottery `imp_config.baseline_name` (docs/ALGORITHMS.md §3.3, §3.7). */
export const CODE_BASELINE_NAMES: Readonly<Record<string, string>> = {
  magnitude: 'final-ticket',
  snr: 'sig2noise',
  random_reinit: 'random-reinit',
  mask_reinit: 'mask-reinit',
  permute_weights: 'final-ticket_permute',
  permute_mask_weights: 'final_permute-ticket_permute',
};

/** Strategy id → evosax 0.1.4 `strategy_name`. */
export const CODE_STRATEGY_NAMES: Readonly<Record<string, string>> = {
  sep_cma_es: 'Sep_CMA_ES',
  snes: 'SNES',
  pgpe: 'PGPE',
  open_es: 'OpenES',
  ars: 'ARS',
  des: 'DES',
};

/** Task id → es-lottery `env_name` (vision datasets; gymnax env ids for control, docs/ALGORITHMS.md §9.2). */
export const CODE_ENV_NAMES: Readonly<Record<string, string>> = {
  mnist: 'mnist',
  fmnist: 'fmnist',
  kmnist: 'kmnist',
  cartpole: 'CartPole-v1',
  pendulum: 'Pendulum-v1',
  acrobot: 'Acrobot-v1',
  mcc: 'MountainCarContinuous-v0',
};

/** Inverse lookup: the lab id of a code name, or undefined. */
export function labIdOf(table: Readonly<Record<string, string>>, codeName: string): string | undefined {
  return Object.keys(table).find((id) => table[id] === codeName);
}
