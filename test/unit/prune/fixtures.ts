// Test fixtures for pruning and analysis: hand-built LayerSpec layouts (kernel then bias per layer, as in
// src/core/nets/types.ts) and a fake "trained round" so pruning chains can run without an ES.
import type { LayerSpec } from '../../../src/core/nets/types';
import type { PruneContext } from '../../../src/core/prune/types';
import { Rng } from '../../../src/core/rng';

/** Layer specs for a stack of layers given their kernel shapes (dense [in,out] or conv HWIO). */
export function makeLayers(shapes: { name: string; kind?: 'dense' | 'conv'; shape: number[] }[]): {
  layers: LayerSpec[];
  paramCount: number;
} {
  let off = 0;
  const layers = shapes.map(({ name, kind = 'dense', shape }) => {
    const kernelSize = shape.reduce((a, b) => a * b, 1);
    const out = shape[shape.length - 1];
    const l: LayerSpec = {
      name,
      kind,
      kernelShape: shape,
      kernelOffset: off,
      kernelSize,
      biasOffset: off + kernelSize,
      biasSize: out,
      fanIn: kernelSize / out,
    };
    off += kernelSize + out;
    return l;
  });
  return { layers, paramCount: off };
}

/** A small MLP 12-8-6-3 plus a conv layer, ~250 parameters. */
export const NET = makeLayers([
  { name: 'Conv_0', kind: 'conv', shape: [3, 3, 2, 4] },
  { name: 'Dense_0', shape: [12, 8] },
  { name: 'Dense_1', shape: [8, 6] },
  { name: 'Dense_2', shape: [6, 3] },
]);

export function gaussianVector(rng: Rng, n: number, scale = 1): Float32Array {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = scale * rng.normal();
  return v;
}

/**
 * A fake end-of-round state: mean = init + noise at active entries (0 at pruned), σ ∈ [0.05, 1) at
 * active entries and 1e20 at pruned ones (docs/ALGORITHMS.md §1.5).
 */
export function fakeTrainedRound(
  rng: Rng,
  mask: Uint8Array,
  init: Float32Array,
): { mean: Float32Array; std: Float32Array } {
  const mean = new Float32Array(mask.length),
    std = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) {
    mean[i] = mask[i] ? init[i] + 0.3 * rng.normal() : 0;
    std[i] = mask[i] ? 0.05 + 0.95 * rng.uniform() : 1e20;
  }
  return { mean, std };
}

/** A prune context over `NET` (or given layers) with the given state. */
export function makeContext(opts: {
  rng: Rng;
  mask: Uint8Array;
  mean: Float32Array;
  std: Float32Array;
  theta0: Float32Array;
  targetSparsity: number;
  scope?: 'global' | 'layerwise';
  exclude?: string[];
  net?: { layers: LayerSpec[]; paramCount: number };
}): PruneContext {
  const net = opts.net ?? NET;
  return {
    layers: net.layers,
    paramCount: net.paramCount,
    mask: opts.mask,
    mean: opts.mean,
    std: opts.std,
    theta0: opts.theta0,
    targetSparsity: opts.targetSparsity,
    scope: opts.scope ?? 'global',
    exclude: opts.exclude,
    rng: opts.rng,
    reinit: (r) => gaussianVector(r, net.paramCount, 0.5),
  };
}
