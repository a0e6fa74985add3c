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
      'The lab’s reduced CartPole setting (docs/ALGORITHMS.md §12): CartPole-v1, policy MLP 4-16-16-2 (tanh, argmax), Sep-CMA-ES P=32, σ0 0.1, 100 generations × 12 rounds, 4 episodes per evaluation. CartPole is easy, so the ticket effect may saturate.',
    deviations: [
      "CartPole is supported by the paper's code but not in its figures",
      'popsize 32, 100 generations, 4 episodes',
      '12 rounds',
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
      'The lab’s reduced Pendulum setting (docs/ALGORITHMS.md §12): Pendulum-v1 (200-step episodes), policy MLP 3-32-32-1 (tanh, linear out), Sep-CMA-ES P=64, σ0 0.1, elite 0.5, mean decay 1e-4, 300 generations × 10 rounds, 4 episodes.',
    deviations: [
      "200-step episodes (gymnax default) instead of the paper's 500",
      'hidden width 32 instead of 64',
      'popsize 64 and 300 generations instead of 100 and 2,000',
      '10 rounds',
    ],
    expectedCost: '≈ 5–10 min per seed on a 2-core laptop',
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
      'A smaller budget than pendulum-reduced that still solves Pendulum-v1 (dense test return ≥ −200, docs/RESULTS.md §4.1): 200-step episodes, policy MLP 3-32-32-1 (tanh, linear out), Sep-CMA-ES P=64 with σ0 0.5 and elite ratio 0.5, 8 training episodes per member, 200 generations × 5 rounds with p = 0.4 (13.0 % of the weights left in round 5).',
    deviations: [
      "200-step episodes (gymnax default) instead of the paper's 500",
      'hidden width 32 instead of 64',
      "σ0 0.5 instead of the reduced setting's 0.1 and no mean decay (σ0 0.1 stalled near −950 in 150 generations; measured, docs/RESULTS.md §4.1)",
      'popsize 64 and 200 generations instead of 100 and 2,000',
      '8 training episodes (as the paper), test = 32 fixed episodes',
      'prune fraction 0.4 per round and 5 rounds, to reach high sparsity in few rounds (the paper: 0.2 and 20)',
    ],
    expectedCost: '≈ 20–50 min per seed on a 2-core laptop',
    costNote:
      '13 trainings of 200 generations, 64 × 8 episodes of 200 steps per generation. Measured: ≈ 50 min per seed with three seeds at once on two busy cores (docs/RESULTS.md §4.1).',
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
      'The lab’s reduced MountainCarContinuous setting (docs/ALGORITHMS.md §12): MountainCarContinuous-v0 (≤ 999 steps), policy MLP 2-16-16-1 (tanh, tanh out), PGPE P=64, σ0 0.1, centered ranks, Adam lr 0.02 (decay 0.999, floor 0.001), 200 generations × 10 rounds, 2 episodes. The sparse +100 goal bonus makes exploration-limited failures possible. Measured (seed 0, docs/RESULTS.md §4.2): these settings do NOT solve it (no member reaches the goal; the mean stands still); Sep-CMA-ES with σ0 1.0 does (93.5 after 200 generations: --es sep_cma_es --es.sigma_init 1).',
    deviations: [
      'MountainCarContinuous is not in the paper',
      'PGPE as in docs/ALGORITHMS.md §12 (evosax 0.1.4 σ-update sign)',
      '200 generations, 2 episodes',
      '10 rounds',
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
      "A reduced Hopper: gym-style Hopper on MuJoCo WASM (Euler, 200-step episodes, 2 training / 8 test episodes), policy MLP 11-32-32-3 (tanh, tanh out, docs/ALGORITHMS.md §9.2 BraxMLP), SNES P=32 with the paper's hopper temperature 48 and σ0 0.075 (docs/ALGORITHMS.md §2.7), 40 generations × 8 rounds.",
    deviations: [
      'gym MuJoCo physics instead of Brax v1',
      "Euler integrator instead of gym's RK4 (≈ 5× cheaper)",
      '200-step episodes instead of 500 (Brax configs) / 1,000 (gym)',
      'popsize 32, 40 generations, 2 episodes instead of 256, 3,000, 8',
      '8 rounds instead of 20; no observation normalisation',
    ],
    expectedCost: '≈ 20–45 min per seed on a 2-core laptop',
    costNote:
      'Measured: 880 generations in 45 min in Node on a machine shared with other jobs; ≈ 1.1 s per generation when not contended (docs/RESULTS.md §6).',
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
      'A learning check: one dense round (no pruning) of SNES P=32 (T 48, σ0 0.075, docs/ALGORITHMS.md §2.7) on 1,000-step Hopper episodes (Euler, 1 training / 4 test episodes), policy MLP 11-32-32-3 (tanh, tanh out), 560 generations. Seed 0 reaches a 1,000-step test return of 1,258.8 (forward part 397.8) on 16 test episodes (docs/RESULTS.md §6). 560 is the best test evaluation of a 600-generation run; the generation-600 mean fell to 294.6, so the return is not monotone in the budget.',
    deviations: [
      'gym MuJoCo physics instead of Brax v1',
      "Euler integrator instead of gym's RK4",
      'one dense round, no pruning',
      'popsize 32, 560 generations, 1 training episode instead of 256, 3,000, 8',
      'no observation normalisation',
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
      "The paper's Brax hopper setting (docs/ALGORITHMS.md §9.3, §2.7) on the lab's gym-style MuJoCo Hopper: SNES P=256 (T 48, σ0 0.075), policy MLP 11-32-32-3 (tanh, tanh out), 8 episodes of 500 steps, 64 test episodes, running observation normalisation, mean decay 1e-5, 3,000 generations × 20 rounds, 5 seeds. The physics is gym MuJoCo (RK4), not Brax v1.",
    deviations: ['gym MuJoCo physics (RK4) instead of Brax v1 legacy_spring'],
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
