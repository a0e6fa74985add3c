/**
 * The small sweep the sweep tests share: the tiny CartPole config (tiny-cartpole.ts) with two values of
 * σ_init × two seeds = 4 runs of a few seconds each, written as a YAML sweep file.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { tinyCartpoleConfig } from './tiny-cartpole';

export const TINY_SWEEP = {
  name: 'tiny-cartpole',
  base: {
    config: { ...tinyCartpoleConfig({ methods: ['magnitude', 'random_reinit'], seeds: [0] }), seeds: undefined },
  },
  axes: { 'es.params.sigma_init': [0.1, 0.2] },
  seeds: '0-1',
};

/** Writes the tiny sweep as `<dir>/tiny.yaml` (with `gens` generations per round if given) and returns its path. */
export async function writeTinySweep(dir: string, gens?: number): Promise<string> {
  const file = join(dir, 'tiny.yaml');
  const sweep = gens
    ? {
        ...TINY_SWEEP,
        axes: { ...TINY_SWEEP.axes },
        base: { config: { ...TINY_SWEEP.base.config, budget: { generationsPerRound: gens, evalEvery: 2 } } },
      }
    : TINY_SWEEP;
  await writeFile(file, stringify(JSON.parse(JSON.stringify(sweep))));
  return file;
}
