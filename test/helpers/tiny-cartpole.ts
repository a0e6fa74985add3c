/**
 * The tiny CartPole IMP config the worker tests share: a 4-unit policy, Sep-CMA-ES P = 8, 3 rounds of
 * 4 generations — seconds to run, yet every round, chain and stored record is real.
 */
import { parseConfig, type ExperimentConfig } from '../../src/core/runs/config';

export function tinyCartpoleConfig(opts: { methods: string[]; seeds: number[]; backend?: 'wasm' }): ExperimentConfig {
  return parseConfig({
    task: { id: 'cartpole', params: { episodes: 1 } },
    network: { id: 'policy_mlp', params: { hiddenLayers: 1, width: 4 } },
    es: { id: 'sep_cma_es', popSize: 8, params: { sigma_init: 0.1 } },
    prune: { methods: opts.methods, rounds: 3, pruneFrac: 0.5 },
    budget: { generationsPerRound: 4, evalEvery: 2 },
    seeds: opts.seeds,
    ...(opts.backend ? { backend: opts.backend } : {}),
  });
}
