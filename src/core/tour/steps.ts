/**
 * The paper tour (Lange & Sprekeler, ICML 2023, read through docs/ALGORITHMS.md §10's claims R1–R11): a
 * registry of steps, each one idea with what the paper says and where, what to look for, a question for the
 * class, how the lab's setting differs, the evidence it reads (evidence.ts), how that evidence is drawn
 * (`view`, a UI view per kind) and which tested function states the result (`sentence`, step-sentence.ts).
 * Adding a step is one entry here; pointing a step at another run is one edit of `evidence`.
 */
import type { ExperimentConfigInput } from '../runs/config';

/** How a step's evidence is drawn (src/ui/tour/step-views.tsx has one view per kind). */
export type StepViewKind = 'demo' | 'training' | 'sparsity' | 'pixels' | 'minima' | 'transfer';

/** Which function computes the step's sentence (step-sentence.ts). */
export type SentenceKind = 'demo' | 'dense' | 'ticket' | 'pixels' | 'snr' | 'decomposition' | 'minima' | 'transfer';

/** A live rerun: a preset, optionally narrowed (fewer rounds, other chains), that streams over the evidence. */
export interface RerunSpec {
  readonly presetId: string;
  readonly prune?: Partial<Pick<NonNullable<ExperimentConfigInput['prune']>, 'methods' | 'rounds'>>;
  /** Rough wall time on a 2-core laptop, a few words for the button (e.g. "≈ 2 min"). */
  readonly cost: string;
}

export interface TourStep {
  readonly id: string;
  readonly title: string;
  /** A few words for the step list. */
  readonly short: string;
  /** What the paper says, in plain words (one paragraph). */
  readonly paper: string;
  /** Where in the paper: section and figure. */
  readonly source: string;
  /** The claim the verdict compares with, in one line (null when the step makes no comparison). */
  readonly claim: string | null;
  readonly lookFor: string;
  readonly question: string;
  /** How the lab's setting differs for this step (the evidence preset's own list is added by the view). */
  readonly labSetting: string;
  /** Evidence ids (evidence.ts); the first is the one the sentence reads. */
  readonly evidence: readonly string[];
  readonly view: StepViewKind;
  readonly sentence: SentenceKind;
  /** Chains drawn, in legend order (sparsity and pixel views). */
  readonly chains?: readonly string[];
  readonly rerun?: RerunSpec;
  /** A result tab of the lab where students can compute this themselves on a finished run. */
  readonly labTab?: 'analysis' | 'transfer' | 'masks';
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'es-2d',
    title: 'Evolution strategies in 2\u2011D',
    short: 'ES in 2\u2011D',
    paper:
      'An evolution strategy (ES) learns without gradients. It keeps a search distribution (a mean and a spread σ), ' +
      'samples a population of candidates, scores every candidate, and moves the distribution towards the better ' +
      'ones. The paper trains neural networks this way with several strategies (PGPE, SNES, Sep-CMA-ES and others).',
    source: 'Section 2 (background; no figure)',
    claim: null,
    lookFor:
      'The dots are one generation of candidates; the line is the path of the mean. Watch the cloud close in on ' +
      'the minimum (the cross) and shrink.',
    question: 'The strategy never computes a slope. How can it still find its way downhill?',
    labSetting:
      "A 2-D test function stands in for a network's thousands of weights, so the whole search fits on the screen.",
    evidence: [],
    view: 'demo',
    sentence: 'demo',
  },
  {
    id: 'train-by-es',
    title: 'Training a network by ES',
    short: 'Train a network',
    paper:
      'The same recipe trains a neural network: every candidate is a complete set of weights, its score is how well ' +
      'it classifies a batch of images (or how much reward a controller collects), and the strategy moves its mean ' +
      'towards the better candidates. The dense network trained this way is the first point (100 % of the weights) ' +
      "of every curve in the paper's sparsity figures.",
    source: 'Sections 2–3, Fig. 1–2 (first point of each curve)',
    claim: null,
    lookFor: 'Test accuracy of the mean network during the first round: a fast climb, then a slow one.',
    question: 'Each generation tries 64 networks. What would change with 8 candidates per generation, or with 1,000?',
    labSetting:
      'The lab trains a small fully connected network on 14×14 images instead of the paper’s convolutional network ' +
      'on full-size images, with fewer candidates and far fewer generations.',
    evidence: ['mnist-2min'],
    view: 'training',
    sentence: 'dense',
    rerun: { presetId: 'mnist-2min', prune: { rounds: 1, methods: ['magnitude'] }, cost: '≈ 20–40 s' },
  },
  {
    id: 'ticket',
    title: 'Prune, rewind, retrain: the ticket',
    short: 'The ticket',
    paper:
      'Iterative pruning finds the ticket: train, remove the remaining weights with the smallest magnitude, rewind ' +
      'the survivors to their starting values, and train again, round after round. At the same number of weights ' +
      'the paper compares the ticket with a random mask and new random weights (random/reinit). Across tasks, ' +
      'strategies and networks the ticket trains better, and the gap grows as fewer weights remain.',
    source: 'Section 3, Fig. 1–2',
    claim: 'the ticket beats a random mask with new random weights when few weights remain',
    lookFor:
      'The ticket (solid) and the random mask with new weights (dashed) against the weights remaining. Find where ' +
      'the two curves part.',
    question: 'Both networks have exactly as many weights. What does the ticket have that the random network lacks?',
    labSetting:
      'The classroom preset prunes a larger share per round and trains much shorter than the paper, so it reaches ' +
      'high sparsity in minutes.',
    evidence: ['mnist-2min'],
    view: 'sparsity',
    sentence: 'ticket',
    chains: ['magnitude', 'random_reinit'],
    rerun: { presetId: 'mnist-2min', cost: '≈ 2 min' },
  },
  {
    id: 'masks',
    title: 'What the masks keep',
    short: 'Masks',
    paper:
      'Which weights survive? The paper compares layer by layer what ES and gradient descent keep and finds that ES ' +
      'prunes the input layer more strongly. For an image task the input layer’s mask can be drawn as a picture, ' +
      'one square per pixel: bright where the pixel still sends weights into the network.',
    source: 'Section 5, SI Fig. 11 (layer statistics); the pixel picture is the lab’s own view',
    claim: null,
    lookFor:
      'Bright pixels still feed the network; dark ones lost most of their weights. Compare the ticket with the random mask.',
    question: 'Handwritten digits sit in the middle of the image. What should a good mask do with the border pixels?',
    labSetting:
      'The lab’s images are pooled to 14×14, so even border pixels carry a little ink and the contrast is weaker ' +
      'than on full-size images.',
    evidence: ['mnist-2min'],
    view: 'pixels',
    sentence: 'pixels',
    chains: ['magnitude', 'random_reinit'],
    rerun: { presetId: 'mnist-2min', cost: '≈ 2 min' },
    labTab: 'masks',
  },
  {
    id: 'snr',
    title: 'Signal-to-noise pruning',
    short: 'SNR pruning',
    paper:
      'The paper’s new pruning rule: instead of the smallest weights |μ|, remove the weights with the smallest ' +
      'signal-to-noise ratio |μ|/σ, where σ is how widely the strategy still searches around that weight. A weight ' +
      'the strategy is unsure about goes first. The signal-to-noise ticket stays trainable at higher sparsity than ' +
      'the magnitude ticket on many tasks; the gain varies by task and can be close to zero.',
    source: 'Section 3, Fig. 1–2 (black curves) and Fig. 7',
    claim: 'the signal-to-noise ticket does at least as well as the magnitude ticket at high sparsity',
    lookFor: 'The signal-to-noise ticket against the magnitude ticket at the right end, where few weights remain.',
    question: 'Why is a large weight that the strategy is still unsure about a risky one to keep?',
    labSetting:
      'The paper prunes for 20 rounds, down to about 1 % of the weights; the lab’s reduced runs stop earlier (the ' +
      'last point of the chart).',
    evidence: ['mnist-quick'],
    view: 'sparsity',
    sentence: 'snr',
    chains: ['snr', 'magnitude', 'random_reinit'],
    rerun: { presetId: 'mnist-2min', cost: '≈ 2 min' },
  },
  {
    id: 'mask-or-weights',
    title: 'Is it the mask or the weights?',
    short: 'Mask or weights',
    paper:
      'Following Vischer et al. (2021), the paper takes the ticket apart with control chains: keep the mask but ' +
      'shuffle the starting weights within each layer (mask/permuted); shuffle the mask too, keeping only how many ' +
      'weights each layer keeps (permuted/permuted); or draw everything at random (random/reinit). The drop from ' +
      'one curve to the next measures what each ingredient contributes.',
    source: 'Section 2 (baselines), after Vischer et al. 2021',
    claim: null,
    lookFor: 'The curves from the ticket down to the random mask: the bigger a drop, the more that ingredient matters.',
    question: 'If shuffling the starting weights changes almost nothing, where does the ticket keep what it knows?',
    labSetting: 'The lab runs these control chains on its reduced MNIST setting.',
    evidence: ['mnist-claims'],
    view: 'sparsity',
    sentence: 'decomposition',
    chains: [
      'magnitude',
      'permute_weights',
      'permute_mask_weights',
      'layerwise_random',
      'mask_reinit',
      'random_reinit',
    ],
    rerun: {
      presetId: 'mnist-2min',
      prune: { methods: ['magnitude', 'permute_weights', 'permute_mask_weights', 'random_reinit'] },
      cost: '≈ 3 min',
    },
  },
  {
    id: 'minima',
    title: 'ES and gradient descent find different minima',
    short: 'Different minima',
    paper:
      'Where do the two kinds of training end up? Walk along the straight line between two trained networks and ' +
      'measure the error barrier: how much worse the networks in between are. Networks trained by gradient descent ' +
      'in consecutive pruning rounds are linearly connected; ES networks show barriers between early rounds and ' +
      'between independent runs, and ES and gradient-descent networks are not connected. ES minima are also flatter: ' +
      'their curvature grows more slowly as weights are pruned.',
    source: 'Section 5, Fig. 6 (top: connectivity; bottom: curvature)',
    claim: 'independent ES runs, and ES and gradient descent, end in different basins; ES minima stay flatter',
    lookFor:
      'Error barriers between pairs of networks (near 0: a straight path without a bump), then how sharp the minima are.',
    question: 'Two hikers reach the bottom of two valleys. How could they find out whether it is the same valley?',
    labSetting:
      'The paper measures this with ARS on its CNN; the lab uses its reduced MNIST runs and evaluates on the first ' +
      '2,000 test images.',
    evidence: ['mnist-analyses'],
    view: 'minima',
    sentence: 'minima',
    labTab: 'analysis',
  },
  {
    id: 'transfer',
    title: 'Tickets transfer',
    short: 'Transfer',
    paper:
      'A ticket is a mask plus starting weights. The paper trains tickets found on one task on a related task, ' +
      'tickets found by one strategy with another, and ES tickets with gradient descent. The transferred tickets ' +
      'beat a random mask with new weights; between strategies they come close to the target’s own ticket, and an ' +
      'ES mask can even help gradient descent when very few weights remain.',
    source: 'Section 4, Fig. 4 (tasks, strategies) and Fig. 5 (ES to gradient descent)',
    claim: 'transferred tickets beat a random mask with new random weights on the new task or trainer',
    lookFor: 'For each transfer, the transferred ticket against the random mask with new weights on the same target.',
    question: 'A mask found for digits also helps on pictures of clothes. What could the two tasks have in common?',
    labSetting:
      'The lab transfers the tickets of its reduced MNIST runs; the paper used Fashion-MNIST, K-MNIST and Ant as ' +
      'sources and targets.',
    evidence: ['mnist-analyses'],
    view: 'transfer',
    sentence: 'transfer',
    labTab: 'transfer',
  },
];

/** The step at 1-based position `stepNum` (clamped into range). */
export function stepAt(stepNum: number): TourStep {
  return TOUR_STEPS[Math.min(TOUR_STEPS.length, Math.max(1, Math.trunc(stepNum))) - 1];
}

/** 1-based position of the step with this id (null when unknown). */
export function stepNumOf(id: string): number | null {
  const i = TOUR_STEPS.findIndex((s) => s.id === id);
  return i < 0 ? null : i + 1;
}
