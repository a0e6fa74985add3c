/**
 * The paper's two IMP criteria (paper §2–3; docs/ALGORITHMS.md §3.3, §3.6): prune by |μ| or by |μ|/σ,
 * then rewind the survivors to θ0 (no late rewinding).
 */
import type { PruneContext, PruneMethod, PruneResult } from './types';
import { applyMask } from './layout';
import { magnitudeScores, maskForScores, snrScores } from './scores';

function rewindResult(ctx: PruneContext, scores: Float32Array): PruneResult {
  const { mask, threshold } = maskForScores(ctx, scores);
  return { mask, init: applyMask(ctx.theta0, mask), threshold };
}

/** IMP-magnitude, es-lottery `final-ticket` (the paper's red "mask/weights" ticket curve). */
export const magnitudePrune: PruneMethod = {
  id: 'magnitude',
  label: 'Ticket (magnitude pruning)',
  help:
    'Prune the weights with the smallest |μ| of the final ES mean (global threshold), rewind survivors to θ0. ' +
    'The paper\'s red "mask/weights" IMP ticket curve (es-lottery final-ticket).',
  kind: 'criterion',
  needsStd: false,
  nested: true,
  paramSpecs: {},
  next: (ctx) => rewindResult(ctx, magnitudeScores(ctx.mean, ctx.mask)),
};

/** IMP-SNR, es-lottery `sig2noise` (the paper's black curves). */
export const snrPrune: PruneMethod = {
  id: 'snr',
  label: 'Ticket (signal-to-noise pruning)',
  help:
    "Prune the weights with the smallest |μ|/σ, using the strategy's per-parameter σ (Sep-CMA-ES: C_ii, paper-exact), " +
    'rewind survivors to θ0. The paper\'s black "SNR ticket" curve (es-lottery sig2noise); needs an ES with per-parameter σ.',
  kind: 'criterion',
  needsStd: true,
  nested: true,
  paramSpecs: {},
  next: (ctx) => rewindResult(ctx, snrScores(ctx.mean, ctx.std, ctx.mask)),
};
