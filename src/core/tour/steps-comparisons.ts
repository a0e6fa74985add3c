/**
 * The later steps of the paper tour (steps.ts): tickets on other tasks (R2), ES against gradient descent
 * under pruning (R4), where the two end up (R8, R10), what their weights look like (R9) and tickets moved to
 * another task or trainer (R5–R7), all read from the tour analysis file (docs/ALGORITHMS.md §10).
 */
import type { TourStep } from './steps';

export const COMPARISON_STEPS: readonly TourStep[] = [
  {
    id: 'across-tasks',
    title: 'Tickets on other tasks',
    short: 'Other tasks',
    paper:
      'The paper looks for tickets on image classification, on control tasks such as Pendulum and on simulated ' +
      'robots (Hopper, HalfCheetah). Tickets exist on all of them, but the size of the effect differs: it is larger ' +
      'on classification and Pendulum and smaller on HalfCheetah and Hopper. To compare tasks scored so differently, ' +
      'the lab divides the ticket’s lead by how far training lifts the task from untrained to dense.',
    source: 'Section 3, Fig. 1–2',
    claim: 'the effect is larger on classification and Pendulum than on Hopper and HalfCheetah',
    lookFor:
      'Each curve is one task: the ticket’s lead over a random mask with new weights, as a share of the task’s range. ' +
      'Compare the tasks at the same weights remaining, and read which tasks are missing.',
    question:
      'CartPole either balances the pole for the whole episode or drops it. What does that do to an average over three seeds?',
    labSetting:
      'The lab’s control runs are far shorter than the paper’s (100–200 generations per round instead of 2,000), ' +
      'Pendulum prunes 40 % per round, and the robot tasks were not run to high sparsity.',
    evidence: ['task-effects'],
    view: 'crossTask',
    sentence: 'crossTask',
  },
  {
    id: 'es-vs-gd',
    title: 'ES and gradient descent under pruning',
    short: 'ES vs GD',
    paper:
      'Gradient descent (GD) can prune and rewind too (GD-IMP). The paper compares the two kinds of training at the ' +
      'same sparsity: the signal-to-noise ES ticket loses accuracy more gracefully, while GD’s accuracy drops ' +
      'earlier on the vision tasks, so at very high sparsity ES ends ahead.',
    source: 'Section 3, Fig. 3',
    claim: 'the signal-to-noise ES ticket degrades more gracefully than gradient descent and ends ahead of it',
    lookFor:
      'The ES tickets against gradient descent trained for 2, 10 and 20 epochs per round. Find where each GD curve ' +
      'falls below the ES signal-to-noise ticket: the table under the chart lists it.',
    question:
      'Gradient descent trained longer starts higher and falls below ES later. Why is it important to say how long ' +
      'a baseline was trained?',
    labSetting:
      'The lab trains GD with Adam on the same small network, start weights and pruning schedule as ES. The paper’s ' +
      'setting of 2 epochs per round leaves GD short of convergence here, so the lab also ran 10 and 20 epochs per ' +
      'round, drawn here with one seed. The 10-epoch runs were later repeated on two more seeds, with the same ' +
      'picture: gradient descent ahead down to 3.5 % of the weights on every seed, below ES from 1.8 % on.',
    evidence: ['mnist-analyses'],
    view: 'esVsGd',
    sentence: 'esVsGd',
    labTab: 'analysis',
  },
  {
    id: 'minima',
    title: 'ES and gradient descent find different minima',
    short: 'Different minima',
    paper:
      'Where do the two kinds of training end up? Walk along the straight line between two trained networks and ' +
      'measure the error barrier: how much worse the networks in between are. Networks trained by gradient descent ' +
      'in consecutive pruning rounds are linearly connected; ES networks show barriers between early rounds and ' +
      'between independent runs, and ES and gradient-descent networks are not connected. The curvature of the ' +
      'minima differs too: as weights are pruned, the minima of gradient descent quickly get sharper, while the ' +
      'curvature of ES minima rises more slowly.',
    source: 'Section 5, Fig. 6 (top: connectivity; bottom: curvature)',
    // the paper's curvature finding is about how fast sharpness rises with pruning, not which minimum is flatter
    claim:
      'independent ES runs, and ES and gradient descent, end in different basins; as weights are pruned, ' +
      'gradient-descent minima sharpen quickly while the curvature of ES minima rises more slowly',
    lookFor:
      'First the error barrier between two networks: how far the test error rises above the straight line joining ' +
      'the two ends (near 0: a path without a bump). Then the sharpness a: the curvature of a parabola fitted to the ' +
      'test loss along random directions around each network (a larger a means a narrower valley). Two runs from ' +
      'different starting weights are expected to be separated whatever trains them; the sentence gives gradient ' +
      'descent’s number for comparison.',
    question: 'Two hikers reach the bottom of two valleys. How could they find out whether it is the same valley?',
    // Both GD budgets, for connectivity and curvature alike: the 10-epoch sharpness (seed 0) is not in the
    // step's analysis file, so its numbers are stated here, from the lab's own landscape run of that chain.
    labSetting:
      'The paper measures this with ARS on its CNN; the lab uses its reduced MNIST runs and evaluates on the first ' +
      '2,000 test images. The sentence and the charts compare ES with gradient descent trained 2 epochs per round ' +
      '(3 seeds), short of convergence (56 % test accuracy at 1.44 % of the weights). Gradient descent trained 10 ' +
      'epochs per round (seed 0; not drawn here) is separated from ES at every round after the first, and its ' +
      'minima get sharper as weights are pruned (2.7 → 4.5 down to 3.5 %): about as sharp as ES’s from 51 % down ' +
      'to 8.6 %, and flatter than ES’s only with all weights and from 3.5 % on (3.8 against 6.2 at 1.44 %). So ' +
      'the sentence’s “reverse of the paper”, which compares all weights with 1.44 %, is the 2-epoch budget’s (its ' +
      'minima sharpen a little down to 21 % and then get flatter). With 10 epochs it is the paper’s pattern down to ' +
      '8.6 %: gradient descent sharpens faster than ES there (2.7 → 4.2, while ES goes 4.0 → 4.2); the two rises ' +
      'are level at 3.5 %, and ES’s is the larger at 1.44 %. Seeds 1 and 2 of the 10-epoch runs, made later and ' +
      'not drawn either: one is separated from ES at every round, the other at 14 of 20 rounds, and on both ' +
      'gradient descent’s minima sharpen more than ES’s at every sparsity down to 1.44 %.',
    evidence: ['mnist-analyses'],
    view: 'minima',
    sentence: 'minima',
    labTab: 'analysis',
  },
  {
    id: 'weights',
    title: 'What the weights look like',
    short: 'Weights',
    paper:
      'Do ES and gradient descent leave different networks behind? The paper compares the trained weights layer by ' +
      'layer: gradient-descent networks have larger weights, and gradient descent prunes the input layer (the lab’s ' +
      '“hidden layer 1”, the weights from the input pixels) less than ES.',
    source: 'Section 5, SI Fig. 11',
    claim: 'gradient descent has larger weights and keeps more of the input layer (hidden layer 1) than ES',
    lookFor:
      'Left: the average size |W| of the weights still alive in hidden layer 1. Right: the share of that layer ' +
      'kept, divided by the share of all weights kept; above 1 the layer is pruned less than the rest of the ' +
      'network. Compare ES with each gradient-descent budget.',
    question: 'Why could a network trained for longer end up with larger weights?',
    labSetting:
      'The lab compares ES with gradient descent trained for 2 epochs per round (3 seeds), as in the paper’s ' +
      'gradient-descent pruning runs, and for 10 and 20 epochs per round (seed 0 only), all on its small network. ' +
      'The paper uses a larger network and does not say how long gradient descent trained for this comparison.',
    evidence: ['mnist-analyses'],
    view: 'weights',
    sentence: 'weights',
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
    claim:
      'transferred tickets beat a random mask with new random weights on the new task or trainer; an ES mask helps ' +
      'gradient descent where ES was on par with or better than gradient descent',
    lookFor: 'For each transfer, the transferred ticket against the random mask with new weights on the same target.',
    question: 'A mask found for digits also helps on pictures of clothes. What could the two tasks have in common?',
    labSetting:
      'The lab transfers the tickets of its reduced MNIST runs; the paper used Fashion-MNIST, K-MNIST and Ant as ' +
      'sources and targets. ES → gradient descent trains 2 epochs per round (3 seeds): at 8.6 % of the weights, ' +
      'where ES and gradient descent are on par, the ES mask is below gradient descent’s own ticket on every seed. ' +
      'With 10 epochs (3 seeds, not drawn here) it stays below at 8.6 % and 3.5 % and beats it only at ' +
      '1.44 %, on every seed.',
    evidence: ['mnist-analyses'],
    view: 'transfer',
    sentence: 'transfer',
    labTab: 'transfer',
  },
];
