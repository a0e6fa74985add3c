/**
 * Turns a `PopulationNet` (nets/types.ts) into a `RowPolicy` for control rollouts (docs/ALGORITHMS.md
 * §9.2). Fast path: the typed-array MLP forward of policy-forward.ts over the same flat layout.
 *
 * `PopulationNet` does not state its activations, so the fast path is *verified, not assumed*: once
 * per net, the net's own tfjs `forward` is run on fixed random parameters and observations, and the
 * hidden/output activation pair whose typed-array forward reproduces it is cached. A net that no pair
 * reproduces (conv layers, other activations) falls back to `tfRowPolicy`, which is exact but does P×
 * redundant work per step. A net may also declare `activations` itself (see `DeclaredActivations`).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PopulationNet } from '../../nets/types';
import { Rng } from '../../rng';
import { forwardRows, mlpLayoutFromLayers } from './policy-forward';
import type { HiddenActivation, MlpLayout, OutputActivation } from './policy-forward';
import { mlpRowPolicy } from './rollout';
import type { RowPolicy } from './rollout';

/** Optional self-description a net may carry; when present it is still checked by the probe. */
export interface DeclaredActivations {
  readonly activations?: { readonly hidden: HiddenActivation; readonly output: OutputActivation };
}

const CANDIDATES: readonly (readonly [HiddenActivation, OutputActivation])[] = [
  ['tanh', 'none'],
  ['tanh', 'tanh'],
  ['relu', 'none'],
  ['relu', 'tanh'],
];
const PROBE_MEMBERS = 2;
const PROBE_ROWS = 6;
const PROBE_TOL = 1e-4;

const layoutCache = new WeakMap<PopulationNet, MlpLayout | null>();

/** Does the typed-array forward under `layout` reproduce `net.forward` on the probe inputs? */
function matchesNet(
  net: PopulationNet,
  layout: MlpLayout,
  params: Float32Array,
  obs: Float32Array,
  reference: Float32Array,
): boolean {
  const rows = PROBE_MEMBERS * PROBE_ROWS;
  const memberOfRow = Int32Array.from({ length: rows }, (_, r) => Math.floor(r / PROBE_ROWS));
  const tiledObs = new Float32Array(rows * net.inputSize);
  for (let r = 0; r < rows; r++)
    tiledObs.set(
      obs.subarray((r % PROBE_ROWS) * net.inputSize, ((r % PROBE_ROWS) + 1) * net.inputSize),
      r * net.inputSize,
    );
  const out = new Float32Array(rows * net.outputSize);
  forwardRows(layout, params, memberOfRow, tiledObs, rows, out);
  // reference is [P, B, out] = member-major, the same row order as memberOfRow.
  return out.every((v, k) => Math.abs(v - reference[k]) <= PROBE_TOL * (1 + Math.abs(reference[k])));
}

/**
 * The verified typed-array layout of `net`, or null when the net is not a plain dense MLP with
 * relu/tanh hidden units and a linear/tanh output. Cached per net object.
 */
export function verifiedMlpLayout(net: PopulationNet): MlpLayout | null {
  const cached = layoutCache.get(net);
  if (cached !== undefined) return cached;
  let found: MlpLayout | null = null;
  if (net.layers.length > 0 && net.layers.every((l) => l.kind === 'dense' && l.kernelShape.length === 2)) {
    // Random N(0, 1) weights make every pre-activation O(1), where relu, tanh and identity all differ.
    const rng = new Rng(0x5eed).split('policy-probe');
    const params = Float32Array.from({ length: PROBE_MEMBERS * net.paramCount }, () => rng.normal());
    const obs = Float32Array.from({ length: PROBE_ROWS * net.inputSize }, () => 1.5 * rng.normal());
    const reference = tf.tidy(
      () =>
        net
          .forward(tf.tensor2d(params, [PROBE_MEMBERS, net.paramCount]), tf.tensor2d(obs, [PROBE_ROWS, net.inputSize]))
          .dataSync() as Float32Array,
    );
    const declared = (net as PopulationNet & DeclaredActivations).activations;
    const order = declared ? [[declared.hidden, declared.output] as const, ...CANDIDATES] : CANDIDATES;
    for (const [hidden, output] of order) {
      const layout = mlpLayoutFromLayers(net.layers, net.paramCount, hidden, output);
      if (matchesNet(net, layout, params, obs, reference)) {
        found = layout;
        break;
      }
    }
  }
  layoutCache.set(net, found);
  return found;
}

/**
 * Exact fallback through tfjs: each step evaluates every member on every live row's observation
 * (one `net.forward`) and keeps row r's own member's outputs. Costs P× the necessary compute.
 */
export function tfRowPolicy(net: PopulationNet, params: tf.Tensor2D): RowPolicy {
  const outDim = net.outputSize;
  return (memberOfRow, obs, rows, out) => {
    const all = tf.tidy(() =>
      net.forward(params, tf.tensor2d(obs.subarray(0, rows * net.inputSize), [rows, net.inputSize])).dataSync(),
    );
    for (let r = 0; r < rows; r++) {
      const src = (memberOfRow[r] * rows + r) * outDim;
      for (let o = 0; o < outDim; o++) out[r * outDim + o] = all[src + o];
    }
  };
}

/**
 * The fastest exact RowPolicy for `net` on the population `params` [P, D]. `flatParams` is
 * `params.dataSync()`, read once per generation by the caller.
 */
export function rowPolicyFor(net: PopulationNet, params: tf.Tensor2D, flatParams: Float32Array): RowPolicy {
  const layout = verifiedMlpLayout(net);
  return layout ? mlpRowPolicy(layout, flatParams) : tfRowPolicy(net, params);
}
