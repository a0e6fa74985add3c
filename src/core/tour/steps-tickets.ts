/**
 * The first steps of the paper tour (steps.ts): evolution strategies, the ticket and what makes it — ES in
 * 2-D, training a network by ES, the ticket (R1), its masks, signal-to-noise pruning (R3), how weight size
 * and signal-to-noise agree (R11) and the decomposition of the ticket (docs/ALGORITHMS.md §3.7, §10).
 */
import type { TourStep } from './steps';

export const TICKET_STEPS: readonly TourStep[] = [
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
      'The dots are one generation of candidates; the line is the path of the mean. Watch the cloud head for the ' +
      'minimum (the cross): does the mean settle on it, or keep circling around it? The sentence above says how ' +
      'close it got. Then pick a harder test function or another strategy in the menus above the plot and press ' +
      "Start again. The 2-D ES demo (in the top bar) also lets you change each strategy's settings.",
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
      'prunes the input layer (the lab’s “hidden layer 1”, the weights from the input pixels) more strongly. For an ' +
      'image task this layer’s mask can be drawn as a picture, one square per pixel: bright where the pixel still ' +
      'sends weights into the network.',
    source: 'Section 5, SI Fig. 11 (layer statistics); the pixel picture is the lab’s own view',
    claim: null,
    lookFor:
      'Bright pixels still feed the network; dark ones lost most of their weights. Compare the ticket with the random mask.',
    question: 'Handwritten digits sit in the middle of the image. What should a good mask do with the border pixels?',
    labSetting:
      'The lab’s images are pooled to 14×14, so even border pixels carry a little ink and the contrast is weaker ' +
      'than on full-size images. The lab checks the paper’s layer comparison in the step “What the weights look ' +
      'like” and finds the opposite: there, gradient descent keeps less of the input layer than ES, at every ' +
      'training budget tried.',
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
      'The paper prunes for 20 rounds, down to about 1 % of the weights. The run shown here, the preset “MNIST ' +
      'quick”, stops after 12 rounds at 8.6 % (the last point of the chart); the next two steps use runs of the ' +
      'same settings taken on to 20 rounds (1.4 %).',
    evidence: ['mnist-quick'],
    view: 'sparsity',
    sentence: 'snr',
    chains: ['snr', 'magnitude', 'random_reinit'],
    rerun: { presetId: 'mnist-2min', cost: '≈ 2 min' },
  },
  {
    id: 'size-vs-snr',
    title: 'When weight size and signal-to-noise disagree',
    short: 'Size vs SNR',
    paper:
      'Magnitude pruning keeps the largest weights |μ|; signal-to-noise pruning keeps the weights with the largest ' +
      '|μ|/σ. At first the two rules almost agree: a large weight is usually one the strategy is sure about. The ' +
      'paper measures how well weight size and signal-to-noise ratio are correlated in every round and finds that ' +
      'the correlation falls as the network is pruned, in the magnitude chain and in the signal-to-noise chain. ' +
      'Where it falls faster, signal-to-noise pruning pays off more.',
    source: 'Section 5, Fig. 7',
    claim: 'the correlation between weight size and signal-to-noise ratio falls as weights are pruned',
    lookFor:
      'Left: the correlation of |μ| and |μ|/σ in each round. Right: the share of the remaining weights on which both ' +
      'rules would make the same keep-or-prune choice. Find where the curves start to drop.',
    question: 'If both rules made the same choice for every weight, could the two tickets differ at all?',
    labSetting:
      'The lab measures the weights of hidden layer 1 of its small network (the weights from the input pixels, its ' +
      'largest layer), counting only weights that are still alive, on its reduced MNIST runs with 20 rounds. It ' +
      'does not test the paper’s last point, that signal-to-noise pruning pays off more where the correlation ' +
      'falls faster: the paper draws it by comparing tasks, and the lab measures one task, where the ' +
      'signal-to-noise ticket’s lead is too small to tell apart from the differences between seeds.',
    evidence: ['mnist-analyses'],
    view: 'correlation',
    sentence: 'correlation',
    labTab: 'analysis',
  },
  {
    id: 'mask-or-weights',
    title: 'Is it the mask or the weights?',
    short: 'Mask or weights',
    paper:
      'Following Vischer et al. (2021), the paper takes the ticket apart with control chains: keep the ticket’s mask ' +
      'but shuffle its starting weights within each layer (“ticket mask, shuffled weights”; the paper calls it ' +
      'mask/permuted); shuffle the mask too, keeping only how many weights each layer keeps (“shuffled mask and ' +
      'weights”, permuted/permuted); or draw everything at random (“random mask, new weights”, random/reinit). The ' +
      'drop from one curve to the next measures what each ingredient contributes.',
    source: 'Section 2 (baselines), after Vischer et al. 2021',
    claim: null,
    lookFor:
      'The curves from the ticket down to the random mask: the bigger a drop, the more that ingredient matters. ' +
      'The lab adds two more controls: the ticket’s mask with new random weights, and a random mask that keeps ' +
      'each layer’s share and the original weights. (The signal-to-noise ticket, also in these runs, is left out.)',
    question: 'If shuffling the starting weights changes little, where does the ticket keep what it knows?',
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
];
