/**
 * The lab's words, explained for a student (shown by <Term> where the words appear, and listed in the
 * glossary panel). One entry per idea; the text says what the word means in this lab, in a sentence or
 * two, with the paper's name where it differs. Adding a word: one entry here.
 */
export interface GlossaryEntry {
  /** The word as a heading ("σ (sigma)"). */
  readonly term: string;
  readonly text: string;
}

export const GLOSSARY = {
  es: {
    term: 'Evolution strategy (ES)',
    text: 'A way to train a network without gradients: try many random variations of the weights, score each one, and move the weights towards the variations that scored best. Repeat.',
  },
  population: {
    term: 'Population',
    text: 'The random variations of the weights an evolution strategy tries in one generation. A bigger population gives a better sense of which direction helps, but each generation takes longer.',
  },
  generation: {
    term: 'Generation',
    text: 'One step of an evolution strategy: sample a population, score every member, update the weights.',
  },
  sigma: {
    term: 'σ (sigma)',
    text: 'How far the evolution strategy spreads its random variations around the current weights. Many strategies keep one σ per weight and adapt it as they learn.',
  },
  fitness: {
    term: 'Fitness',
    text: 'The score each member of the population gets: higher is better. For images it is minus the classification loss on a batch; for control tasks it is the reward collected in an episode.',
  },
  sparsity: {
    term: 'Sparsity',
    text: 'The share of weights that have been removed (pruned). 90 % sparsity means only 10 % of the weights are left; the charts show the weights that remain.',
  },
  mask: {
    term: 'Mask',
    text: 'A list of which weights are kept (1) and which are pruned (0). A pruned weight is fixed at zero and never trained again.',
  },
  rewind: {
    term: 'Rewind',
    text: 'After pruning, the weights that are kept go back to the values they had at the very start (their initialisation) before training again.',
  },
  ticket: {
    term: 'Ticket (winning lottery ticket)',
    text: 'A sparse network — a mask plus the original starting weights — that trains as well as the full network. Found here by prune → rewind → retrain, round after round.',
  },
  round: {
    term: 'Round',
    text: 'One pass of the ticket search: train, prune a share of the smallest weights, rewind the rest. Each round leaves fewer weights.',
  },
  snr: {
    term: 'Signal-to-noise (SNR) pruning',
    text: 'Prune the weights whose learned value is small compared with the evolution strategy’s uncertainty about them (|μ| / σ), instead of just the smallest weights.',
  },
  baseline: {
    term: 'Baseline',
    text: 'A comparison network that is pruned to the same sparsity but without the ticket’s information — for example a random mask with new random weights. If the ticket beats it, the ticket found something real.',
  },
  barrier: {
    term: 'Barrier',
    text: 'How much worse the networks on the straight line between two trained networks are than the two ends. Near zero: the two sit in one connected valley of the loss (linear mode connectivity).',
  },
  curvature: {
    term: 'Curvature (sharpness)',
    text: 'How quickly the loss rises when the weights are nudged away from a trained network. A flat minimum (small curvature) tolerates nudges; a sharp one does not.',
  },
  gd: {
    term: 'Gradient descent (GD)',
    text: 'The usual way to train networks: follow the slope of the loss computed by backpropagation. The lab uses it as the comparison for evolution strategies.',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;
