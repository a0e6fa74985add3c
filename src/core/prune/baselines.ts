/**
 * Control chains of the paper (paper §2 "baselines", after Vischer et al. 2021; docs/ALGORITHMS.md §3.7).
 * Each baseline is its own chain: its trained round-k mean gives a global magnitude mask, which the
 * baseline then perturbs (mask, weights or both). Effect decomposition (docs/ALGORITHMS.md §3.7 notes):
 * ticket = mask/weights − random/reinit; weights = mask/weights − mask/permuted;
 * mask = mask/permuted − permuted/permuted; layer ratios = permuted/permuted − random/reinit.
 */
import { choice } from '../params';
import type { PruneContext, PruneMethod, PruneResult } from './types';
import { applyMask, prunableIndices, prunableLayers } from './layout';
import { prunedCountAt } from './schedule';
import { checkContext, magnitudeMask } from './scores';
import { permuteLayerMask, survivingValues, writeIntoSurvivors, type MaskPermuteMode } from './permute';

/** es-lottery `random-reinit`: global random sparsity-matched mask AND fresh init, redrawn every round. */
export const randomReinit: PruneMethod = {
  id: 'random_reinit',
  label: 'Random mask, new weights (baseline)',
  help:
    'The paper\'s "random reinitialisation" curve (es-lottery random-reinit): every round a fresh global random mask ' +
    'with the same number of pruned weights (ignoring layer structure, not nested) and a fresh network init.',
  kind: 'baseline',
  needsStd: false,
  nested: false,
  paramSpecs: {},
  next(ctx: PruneContext): PruneResult {
    checkContext(ctx);
    const exclude = ctx.exclude ?? [];
    const candidates = prunableIndices(ctx.layers, exclude);
    const mask = Uint8Array.from(ctx.mask);
    for (let k = 0; k < candidates.length; k++) mask[candidates[k]] = 1;
    const n = prunedCountAt(ctx.targetSparsity, candidates.length);
    for (const k of ctx.rng.split('prune-mask').sampleWithoutReplacement(candidates.length, n)) mask[candidates[k]] = 0;
    return { mask, init: applyMask(ctx.reinit(ctx.rng.split('reinit')), mask), threshold: NaN };
  },
};

/** es-lottery `mask-reinit`: the magnitude mask with a fresh init ("same mask, new init"). */
export const maskReinit: PruneMethod = {
  id: 'mask_reinit',
  label: 'Ticket mask, new weights (baseline)',
  help:
    'Global magnitude mask, but the survivors start from a fresh network init instead of θ0 (es-lottery mask-reinit). ' +
    "Not in the paper's figures; isolates the value of the original initialisation.",
  kind: 'baseline',
  needsStd: false,
  nested: true,
  paramSpecs: {},
  next(ctx: PruneContext): PruneResult {
    const { mask, threshold } = magnitudeMask(ctx);
    return { mask, init: applyMask(ctx.reinit(ctx.rng.split('reinit')), mask), threshold };
  },
};

/** es-lottery `final-ticket_permute`: magnitude mask; θ0 survivors shuffled among the same positions per layer. */
export const permuteWeights: PruneMethod = {
  id: 'permute_weights',
  label: 'Ticket mask, shuffled weights (baseline)',
  help:
    'The paper\'s "mask/permuted" curve (es-lottery final-ticket_permute): keep the magnitude mask, but shuffle the ' +
    'surviving θ0 values among the surviving positions of each layer. Measures the weight (initialisation) effect.',
  kind: 'baseline',
  needsStd: false,
  nested: true,
  paramSpecs: {},
  next(ctx: PruneContext): PruneResult {
    const { mask, threshold } = magnitudeMask(ctx);
    const init = applyMask(ctx.theta0, mask);
    const rng = ctx.rng.split('prune-weights');
    for (const l of prunableLayers(ctx.layers, ctx.exclude ?? [])) {
      writeIntoSurvivors(init, mask, l, rng.shuffle(survivingValues(ctx.theta0, mask, l)));
    }
    return { mask, init, threshold };
  },
};

/** Per prunable layer, permutes the magnitude mask in place (each layer keeps its count of survivors). */
function permuteMaskPerLayer(ctx: PruneContext, magMask: Uint8Array, mode: MaskPermuteMode): Uint8Array {
  const mask = Uint8Array.from(magMask);
  const rng = ctx.rng.split('prune-mask');
  for (const l of prunableLayers(ctx.layers, ctx.exclude ?? [])) permuteLayerMask(mask, l, mode, rng);
  return mask;
}

const maskPermuteSpecs = {
  maskPermute: choice<MaskPermuteMode>(
    'elementwise',
    [
      { value: 'elementwise', label: 'element-wise (Vischer et al.)' },
      { value: 'rows', label: 'whole rows (as the paper’s code)' },
    ],
    'Mask permutation',
    "Element-wise shuffle of each layer's mask (canonical), or whole slices along the kernel's first axis as es-lottery's jax permutation does (docs/ALGORITHMS.md D4).",
  ),
};

/**
 * es-lottery `final_permute-ticket_permute`: per layer a permuted magnitude mask M'; the layer's surviving
 * θ0 values θ0_ℓ[M_ℓ = 1] are shuffled and written row-major into the positions where M'_ℓ = 1.
 */
export const permuteMaskWeights: PruneMethod = {
  id: 'permute_mask_weights',
  label: 'Shuffled mask and weights (baseline)',
  help:
    'The paper\'s "permuted/permuted" curve (es-lottery final_permute-ticket_permute): permute each layer\'s magnitude mask ' +
    "(keeping the layer's sparsity) and shuffle the surviving θ0 values into the new positions. Keeps only layer-wise ratios.",
  kind: 'baseline',
  needsStd: false,
  nested: false,
  paramSpecs: maskPermuteSpecs,
  next(ctx, params): PruneResult {
    const { mask: magMask, threshold } = magnitudeMask(ctx);
    const mask = permuteMaskPerLayer(ctx, magMask, (params.maskPermute ?? 'elementwise') as MaskPermuteMode);
    const init = applyMask(ctx.theta0, mask);
    const rng = ctx.rng.split('prune-weights');
    for (const l of prunableLayers(ctx.layers, ctx.exclude ?? [])) {
      writeIntoSurvivors(init, mask, l, rng.shuffle(survivingValues(ctx.theta0, magMask, l)));
    }
    return { mask, init, threshold };
  },
};

/** Layer-wise random mask (each layer keeps its magnitude-mask count); every survivor keeps its own θ0 value. */
export const layerwiseRandom: PruneMethod = {
  id: 'layerwise_random',
  label: 'Random mask per layer, original weights (baseline)',
  help:
    'A random mask per layer with the same count as the magnitude mask; survivors start from their own θ0 values. ' +
    "Not a paper curve: random pruning at the ticket's layer-wise ratios (isolates the layer-ratio effect with θ0).",
  kind: 'baseline',
  needsStd: false,
  nested: false,
  paramSpecs: {},
  next(ctx): PruneResult {
    const { mask: magMask, threshold } = magnitudeMask(ctx);
    const mask = permuteMaskPerLayer(ctx, magMask, 'elementwise');
    return { mask, init: applyMask(ctx.theta0, mask), threshold };
  },
};
