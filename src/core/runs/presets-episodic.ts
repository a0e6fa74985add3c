/**
 * The episodic-task presets (docs/ALGORITHMS.md §9.2, §9.3; reduced budgets §12): classic control
 * (CartPole, Pendulum, MountainCarContinuous) and MuJoCo Hopper, reduced and at the paper's settings.
 * Listed in `PRESETS` (presets.ts).
 */
import { IMP_CHAINS, type Preset } from './presets-common';

export const EPISODIC_PRESETS: readonly Preset[] = [
  {
    id: 'cartpole-reduced',
    label: 'CartPole (reduced budget)',
    paper: false,
    description:
      'A control task: the network pushes a cart left or right to keep a pole balanced on it, and scores a point ' +
      'for every step the pole stays up. The task is easy, so tickets and random masks may all do well. ' +
      '12 rounds of 100 generations, 3 seeds. ' +
      'Its settings, as in docs/ALGORITHMS.md §12: CartPole-v1, policy MLP 4-16-16-2 (tanh, argmax), Sep-CMA-ES ' +
      'P = 32, σ0 0.1, 100 generations × 12 rounds, 4 episodes per evaluation.',
    deviations: [
      "CartPole is in the paper's code but not in its figures",
      '16 units per hidden layer instead of 64 (es-lottery gym config)',
      '32 candidates per generation and 100 generations per round, each candidate scored over 4 episodes',
      '12 rounds instead of 20',
      'the strategy’s search centre is not pulled towards zero after each generation (es-lottery gym config: mean decay 1e-4)',
      'the test uses 64 fixed episodes instead of 32 (es-lottery gym config: n_evaluations 32)',
    ],
    expectedCost: '≈ 4–5 min per seed on a 2-core laptop (3 seeds: ≈ 12–15 min)',
    costNote:
      'Measured with all seven pruning chains (the effect decomposition, docs/RESULTS.md): 33–51 min per seed, three seeds at once on two busy cores, 17–20 s per round on average. A round is slow when the policy balances the pole for all 500 steps and fast when it drops it early. The default three chains train 34 rounds, ≈ 10–12 min per seed under that load.',
    config: {
      task: { id: 'cartpole', params: { episodes: 4 } },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 16 } },
      es: { id: 'sep_cma_es', popSize: 32, params: { sigma_init: 0.1 } },
      prune: { methods: IMP_CHAINS, pruneFrac: 0.2, rounds: 12 },
      budget: { generationsPerRound: 100, evalEvery: 25 },
      seeds: [0, 1, 2],
    },
  },
  {
    id: 'pendulum-reduced',
    label: 'Pendulum (reduced budget)',
    paper: false,
    description:
      'A control task: the network swings a pendulum up and holds it upright. Its score (the return) is below ' +
      'zero and gets closer to zero the sooner the pendulum is up and the less force it takes. 10 rounds of 300 ' +
      'generations, 3 seeds. ' +
      'Warning: in a short test with these settings the search got stuck and never swung the pendulum up (a ' +
      'score near −950, where −200 counts as solved). Pendulum quick learns the task in less time. ' +
      'Its settings, as in docs/ALGORITHMS.md §12: Pendulum-v1 (200-step episodes), policy MLP 3-32-32-1 (tanh, ' +
      'linear out), Sep-CMA-ES P = 64, σ0 0.1, elite 0.5, mean decay 1e-4, 300 generations × 10 rounds, 4 episodes.',
    deviations: [
      "episodes of 200 steps instead of the paper's 500 (gymnax default)",
      '32 units per hidden layer instead of 64',
      '64 candidates per generation and 300 generations per round instead of 100 and 2,000',
      '10 rounds instead of 20',
    ],
    expectedCost: '≈ 1–1.5 h per seed on a 2-core laptop (3 seeds: ≈ 3–4.5 h)',
    costNote:
      'About an hour of CPU per seed, measured (docs/RESULTS.md §4.1). 28 trainings of 300 generations, 64 × 4 episodes of 200 steps per generation: ≈ 1.6× the work of Pendulum quick, which took ≈ 50 min per seed with three seeds at once on two busy cores. Its stall (−949 after 150 generations, seed 0) is in docs/RESULTS.md §4.1b.',
    config: {
      task: { id: 'pendulum', params: { episodes: 4, maxSteps: 200 } },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 32 } },
      es: { id: 'sep_cma_es', popSize: 64, meanDecay: 1e-4, params: { sigma_init: 0.1, elite_ratio: 0.5 } },
      prune: { methods: IMP_CHAINS, pruneFrac: 0.2, rounds: 10 },
      budget: { generationsPerRound: 300, evalEvery: 50 },
      seeds: [0, 1, 2],
    },
  },
  {
    id: 'pendulum-quick',
    label: 'Pendulum quick (reduced budget, classroom)',
    paper: false,
    description:
      'A classroom version of the pendulum task that still learns to swing the pendulum up: 5 rounds of 200 ' +
      'generations, each removing 40 % of the weights that are left, until 13.0 % remain. 3 seeds. ' +
      'Its settings, as in docs/RESULTS.md §4.1: 200-step episodes, policy MLP 3-32-32-1 (tanh, linear out), ' +
      'Sep-CMA-ES P = 64 with σ0 0.5 and elite ratio 0.5, 8 training episodes per member, 200 generations × 5 ' +
      'rounds with p = 0.4; it solves Pendulum-v1 (dense test return ≥ −200), a smaller budget than pendulum-reduced.',
    deviations: [
      "episodes of 200 steps instead of the paper's 500 (gymnax default)",
      '32 units per hidden layer instead of 64',
      'a 5× wider starting spread of variations than the other Pendulum preset, which got stuck with the narrower one (σ0 0.5 instead of 0.1 and no mean decay; σ0 0.1 stalled near −950 in 150 generations, measured in docs/RESULTS.md §4.1)',
      '64 candidates per generation and 200 generations per round instead of 100 and 2,000',
      'each candidate scored over 8 episodes, as in the paper; the test uses 32 fixed episodes',
      '40 % of the remaining weights pruned per round, for 5 rounds, to reach few weights quickly (the paper: 20 % and 20 rounds)',
    ],
    expectedCost: '≈ 35–50 min per seed on a 2-core laptop',
    costNote:
      '13 trainings of 200 generations, 64 × 8 episodes of 200 steps per generation. Measured: ≈ 50 min per seed with three seeds at once on two busy cores, ≈ 0.8 s per generation (docs/RESULTS.md §4.1).',
    config: {
      task: { id: 'pendulum', params: { episodes: 8, maxSteps: 200 } },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 32 } },
      es: { id: 'sep_cma_es', popSize: 64, params: { sigma_init: 0.5, elite_ratio: 0.5 } },
      prune: { methods: IMP_CHAINS, pruneFrac: 0.4, rounds: 5 },
      budget: { generationsPerRound: 200, evalEvery: 50 },
      seeds: [0, 1, 2],
    },
  },
  {
    id: 'mcc-reduced',
    label: 'MountainCarContinuous (reduced budget)',
    paper: false,
    description:
      'A control task that is not in the paper: a car in a valley must rock back and forth to reach a flag on ' +
      'the hill, and gets its big reward only when it arrives. With these settings it never finds the flag ' +
      '(measured): the run shows what happens when the search does not explore enough. ' +
      'Its settings, as in docs/ALGORITHMS.md §12: MountainCarContinuous-v0 (≤ 999 steps), policy MLP 2-16-16-1 ' +
      '(tanh, tanh out), PGPE P = 64, σ0 0.1, centered ranks, Adam lr 0.02 (decay 0.999, floor 0.001), 200 ' +
      'generations × 10 rounds, 2 episodes, and the sparse +100 goal bonus makes exploration-limited failures ' +
      'possible. Measured in docs/RESULTS.md §4.2 (seed 0): these settings do NOT solve it, as no member reaches ' +
      'the goal and the mean stands still, while Sep-CMA-ES with σ0 1.0 does (93.5 after 200 generations: --es ' +
      'sep_cma_es --es.sigma_init 1).',
    deviations: [
      'MountainCarContinuous is not in the paper',
      "PGPE adapts its spread of variations as the paper's library version does (evosax 0.1.4 σ-update sign, as in docs/ALGORITHMS.md §12)",
      '200 generations per round, each candidate scored over 2 episodes',
      '10 rounds instead of 20',
    ],
    expectedCost: '≈ 1–2 h per seed on a 2-core laptop',
    costNote:
      '≈ 5 min per 200-generation round on a loaded 2-core machine (2 × 64 episodes of up to 999 steps per generation); 28 round trainings per seed.',
    config: {
      task: { id: 'mcc', params: { episodes: 2, maxSteps: 999 } },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 16, outputActivation: 'tanh' } },
      es: {
        id: 'pgpe',
        popSize: 64,
        centeredRank: true,
        params: { lrate_init: 0.02, lrate_decay: 0.999, lrate_limit: 0.001, sigma_init: 0.1 },
      },
      prune: { methods: IMP_CHAINS, pruneFrac: 0.2, rounds: 10 },
      budget: { generationsPerRound: 200, evalEvery: 25 },
      seeds: [0, 1, 2],
    },
  },
  {
    id: 'hopper-reduced',
    label: 'Hopper on MuJoCo (reduced budget)',
    paper: false,
    description:
      'A simulated one-legged robot (Hopper) learns to hop forward; its physics runs in your browser. A much ' +
      'smaller budget than the paper’s: 8 rounds of 40 generations, with short episodes of 200 steps. One seed. ' +
      'Its settings, as in docs/ALGORITHMS.md §9.2 and §2.7: gym-style Hopper on MuJoCo WASM (Euler, 200-step ' +
      'episodes, 2 training / 8 test episodes), policy MLP 11-32-32-3 (tanh, tanh out, BraxMLP), SNES P = 32 ' +
      'with the paper’s hopper temperature 48 and σ0 0.075, 40 generations × 8 rounds.',
    deviations: [
      "a different physics simulator: MuJoCo, as in gym, instead of the paper's Brax v1",
      "a simpler, about 5× cheaper way of stepping the physics (Euler instead of gym's RK4)",
      "episodes of 200 steps instead of 500 (the paper's Brax settings) or 1,000 (gym)",
      '32 candidates per generation, 40 generations per round and 2 episodes per candidate instead of 256, 3,000 and 8',
      "8 rounds instead of 20, and the network's inputs are not rescaled as they arrive (no observation normalisation)",
    ],
    expectedCost: '≈ 7–15 min per seed on a 2-core laptop',
    costNote:
      'Measured: the whole run (880 generations: round 1, then 7 more rounds for each of the 3 pruning methods) in 6 min 43 s in Node on a 2-core machine that was also running other jobs, ≈ 0.46 s per generation (docs/RESULTS.md §6).',
    config: {
      task: { id: 'hopper', params: { integrator: 'Euler', maxSteps: 200, episodes: 2, testEpisodes: 8 } },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 32, outputActivation: 'tanh' } },
      es: { id: 'snes', popSize: 32, meanDecay: 1e-5, params: { temperature: 48, sigma_init: 0.075 } },
      prune: { methods: IMP_CHAINS, pruneFrac: 0.2, rounds: 8 },
      budget: { generationsPerRound: 40, evalEvery: 20 },
      seeds: [0],
    },
  },
  {
    id: 'hopper-1k',
    label: 'Hopper 1,000-step learning check (reduced budget, dense SNES)',
    paper: false,
    description:
      'A check that the Hopper robot really learns to hop: one round of training on the full network, without ' +
      'pruning, on long episodes of 1,000 steps for 560 generations. Seed 0 reaches a test return (its score) of ' +
      'about 1,260. ' +
      'Its settings and results, from docs/RESULTS.md §6: SNES P = 32, T 48, σ0 0.075 (docs/ALGORITHMS.md §2.7), ' +
      'on 1,000-step Hopper episodes (Euler, 1 training / 4 test episodes), policy MLP 11-32-32-3 (tanh, ' +
      'tanh out), 560 generations, a 1,000-step test return of 1,258.8 (forward part 397.8) on 16 test episodes; ' +
      '560 is the best test evaluation of a 600-generation run, and the generation-600 mean fell to 294.6, so ' +
      'the return is not monotone in the budget.',
    deviations: [
      "a different physics simulator: MuJoCo, as in gym, instead of the paper's Brax v1",
      "a simpler way of stepping the physics (Euler instead of gym's RK4)",
      'one round of training on the full network, no pruning',
      '32 candidates per generation, 560 generations and 1 training episode per candidate instead of 256, 3,000 and 8',
      "the network's inputs are not rescaled as they arrive (no observation normalisation)",
    ],
    expectedCost: '≈ 8–10 min on a 2-core laptop',
    costNote:
      'Measured: ≈ 8 min for 560 generations on the shared 2-core machine; ≈ 1 s per generation once episodes last 1,000 steps (docs/RESULTS.md §6).',
    config: {
      task: { id: 'hopper', params: { integrator: 'Euler', maxSteps: 1000, episodes: 1, testEpisodes: 4 } },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 32, outputActivation: 'tanh' } },
      es: { id: 'snes', popSize: 32, meanDecay: 1e-5, params: { temperature: 48, sigma_init: 0.075 } },
      prune: { methods: ['snr'], pruneFrac: 0.2, rounds: 1 },
      budget: { generationsPerRound: 560, evalEvery: 20 },
      seeds: [0],
    },
  },
  {
    id: 'hopper-paper',
    label: 'Hopper — paper settings (SNES; gym MuJoCo physics)',
    paper: true,
    description:
      'The paper’s own Hopper experiment: a one-legged robot learns to hop, 20 rounds of 3,000 generations with ' +
      '256 candidates each, 5 seeds. Far too big for a browser or a laptop: it is listed to show the paper’s scale. ' +
      'Its settings, as in docs/ALGORITHMS.md §9.3 and §2.7, on the lab’s gym-style MuJoCo Hopper: SNES P = 256 ' +
      '(T 48, σ0 0.075), policy MLP 11-32-32-3 (tanh, tanh out), 8 episodes of 500 steps, 64 test episodes, ' +
      'running observation normalisation, mean decay 1e-5, 3,000 generations × 20 rounds, 5 seeds, with gym ' +
      'MuJoCo physics (RK4), not Brax v1 legacy_spring.',
    deviations: ["a different physics simulator: MuJoCo, as in gym, instead of the paper's Brax v1"],
    expectedCost: '≈ 2 CPU-years per seed: not runnable on a laptop',
    costNote:
      'Up to 1.8·10¹¹ simulation steps (58 round trainings × 3,000 generations × 256 × 8 episodes × 500 steps) at ≈ 3·10³ RK4 steps/s.',
    notInBrowser:
      'Its 256 × 8 MuJoCo simulations per generation need more memory than a browser tab gets (the run stops within seconds with a MuJoCo allocation error), and one seed would take about two CPU-years. Run it from the command line on a cluster (see the README).',
    config: {
      task: {
        id: 'hopper',
        params: { integrator: 'RK4', maxSteps: 500, episodes: 8, testEpisodes: 64, obsNorm: true },
      },
      network: { id: 'policy_mlp', params: { hiddenLayers: 2, width: 32, outputActivation: 'tanh' } },
      es: { id: 'snes', popSize: 256, meanDecay: 1e-5, params: { temperature: 48, sigma_init: 0.075 } },
      prune: { methods: IMP_CHAINS, pruneFrac: 0.2, rounds: 20 },
      budget: { generationsPerRound: 3000, evalEvery: 100 },
      seeds: [0, 1, 2, 3, 4],
    },
  },
];
