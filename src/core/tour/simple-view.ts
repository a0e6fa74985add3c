/**
 * The simple view a teacher's link can give students (core/tour/lesson-url.ts `simple=1`): a handful of
 * controls — task, strategy, rounds, Start — over a classroom preset. The task picker loads the preset a
 * class can run for that task; the strategy picker offers only strategies the chosen settings accept
 * (signal-to-noise pruning needs a per-weight σ); the rounds field says how many weights the last round keeps.
 */
import { STRATEGIES } from '../es/registry';
import type { Strategy } from '../es/types';
import { remainingPercent } from '../prune/schedule';
import { ConfigError, parseConfig, type ExperimentConfig } from '../runs/config';
import { getPreset } from '../runs/presets';

/** Presets the simple view's task picker offers, one per task, in menu order. */
export const CLASSROOM_PRESETS: readonly string[] = ['mnist-2min', 'cartpole-reduced', 'pendulum-quick'];

/** The classroom preset of `taskId`, or null when the simple view offers none. */
export function classroomPresetOf(taskId: string): string | null {
  return CLASSROOM_PRESETS.find((id) => getPreset(id).config.task.id === taskId) ?? null;
}

/** `config` with strategy `id` at its default parameters (the population size stays). */
export function withStrategy(config: ExperimentConfig, id: string): ExperimentConfig {
  return parseConfig({ ...config, es: { ...config.es, id, params: {} } });
}

/** Strategies that give a valid config when swapped into `config` (registry order). */
export function strategiesFor(config: ExperimentConfig): Strategy[] {
  return STRATEGIES.filter((s) => {
    try {
      withStrategy(config, s.id);
      return true;
    } catch (e) {
      if (e instanceof ConfigError) return false;
      throw e;
    }
  });
}

/** Weights remaining (%) in the last round of a run of `rounds` rounds pruning `pruneFrac` per round. */
export function lastRoundRemaining(rounds: number, pruneFrac: number): number {
  return remainingPercent(rounds, 1 - pruneFrac);
}
