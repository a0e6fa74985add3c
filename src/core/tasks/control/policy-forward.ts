/**
 * Typed-array forward pass of a population of small MLP policies (docs/ALGORITHMS.md §9.2: GymMLP
 * obs → h → h → act, tanh hidden layers, linear or tanh output).
 *
 * Why not tfjs: every env copy has its own observation *and* its own member's weights, and one step
 * is a few hundred MACs per copy. tfjs's shared-input `PopulationNet.forward` would compute every
 * member on every copy's observation (P× waste) and pays ~50 µs dispatch per op; a plain loop over
 * the flat parameter vector is far cheaper (see bench numbers in the module report).
 *
 * Parameter layout is `nets/types.ts` LayerSpec: dense kernel [in, out] row-major at `kernelOffset`,
 * bias [out] at `biasOffset`, member p's vector at params[p·D … (p+1)·D).
 */
import type { LayerSpec } from '../../nets/types';

export type HiddenActivation = 'relu' | 'tanh';
export type OutputActivation = 'none' | 'tanh';

export interface MlpLayerLayout {
  readonly inSize: number;
  readonly outSize: number;
  readonly kernelOffset: number;
  readonly biasOffset: number;
}

export interface MlpLayout {
  readonly layers: readonly MlpLayerLayout[];
  /** D: length of one member's parameter vector. */
  readonly paramCount: number;
  readonly hidden: HiddenActivation;
  readonly output: OutputActivation;
  readonly inputSize: number;
  readonly outputSize: number;
}

/** Layout from a network's LayerSpecs (dense layers only; throws on conv). */
export function mlpLayoutFromLayers(
  layers: readonly LayerSpec[],
  paramCount: number,
  hidden: HiddenActivation,
  output: OutputActivation,
): MlpLayout {
  if (layers.length === 0) throw new Error('mlpLayoutFromLayers: no layers');
  const out = layers.map((l) => {
    if (l.kind !== 'dense' || l.kernelShape.length !== 2)
      throw new Error(`policy forward supports dense layers only, got ${l.name} (${l.kind})`);
    return {
      inSize: l.kernelShape[0],
      outSize: l.kernelShape[1],
      kernelOffset: l.kernelOffset,
      biasOffset: l.biasOffset,
    };
  });
  for (let k = 1; k < out.length; k++) {
    if (out[k].inSize !== out[k - 1].outSize)
      throw new Error(`layer ${k} input ${out[k].inSize} ≠ previous output ${out[k - 1].outSize}`);
  }
  return { layers: out, paramCount, hidden, output, inputSize: out[0].inSize, outputSize: out[out.length - 1].outSize };
}

/** Packed layout for sizes [in, h1, …, out] (kernel then bias per layer), as the policy MLP packs it. */
export function mlpLayoutFromSizes(
  sizes: readonly number[],
  hidden: HiddenActivation,
  output: OutputActivation,
): MlpLayout {
  const layers: MlpLayerLayout[] = [];
  let offset = 0;
  for (let k = 0; k + 1 < sizes.length; k++) {
    const kernelOffset = offset;
    const biasOffset = kernelOffset + sizes[k] * sizes[k + 1];
    offset = biasOffset + sizes[k + 1];
    layers.push({ inSize: sizes[k], outSize: sizes[k + 1], kernelOffset, biasOffset });
  }
  return { layers, paramCount: offset, hidden, output, inputSize: sizes[0], outputSize: sizes[sizes.length - 1] };
}

/** Reusable scratch buffers for `forwardRows` (sized for the widest layer). */
export class ForwardScratch {
  readonly a: Float64Array;
  readonly b: Float64Array;
  constructor(layout: MlpLayout) {
    const width = Math.max(layout.inputSize, ...layout.layers.map((l) => l.outSize));
    this.a = new Float64Array(width);
    this.b = new Float64Array(width);
  }
}

/**
 * Outputs for `rows` observations: row r uses member `memberOfRow[r]`'s parameters
 * (`params[member·D …]`) on `obs[r·inputSize …]`, writing `out[r·outputSize …]`.
 * Accumulates in float64; parameters and observations are float32 as in tfjs.
 */
export function forwardRows(
  layout: MlpLayout,
  params: Float32Array,
  memberOfRow: ArrayLike<number>,
  obs: Float32Array,
  rows: number,
  out: Float32Array,
  scratch: ForwardScratch = new ForwardScratch(layout),
): void {
  const { layers, paramCount: dim, inputSize, outputSize } = layout;
  const last = layers.length - 1;
  for (let r = 0; r < rows; r++) {
    const base = memberOfRow[r] * dim;
    let x = scratch.a;
    let y = scratch.b;
    for (let i = 0; i < inputSize; i++) x[i] = obs[r * inputSize + i];
    for (let k = 0; k <= last; k++) {
      const { inSize, outSize, kernelOffset, biasOffset } = layers[k];
      const kBase = base + kernelOffset;
      const bBase = base + biasOffset;
      for (let o = 0; o < outSize; o++) y[o] = params[bBase + o];
      for (let i = 0; i < inSize; i++) {
        const xi = x[i];
        if (xi === 0) continue; // relu zeros and pruned inputs cost nothing
        const wRow = kBase + i * outSize;
        for (let o = 0; o < outSize; o++) y[o] += xi * params[wRow + o];
      }
      const act = k === last ? layout.output : layout.hidden;
      if (act === 'tanh') for (let o = 0; o < outSize; o++) y[o] = Math.tanh(y[o]);
      else if (act === 'relu') for (let o = 0; o < outSize; o++) y[o] = y[o] > 0 ? y[o] : 0;
      const swap = x;
      x = y;
      y = swap;
    }
    for (let o = 0; o < outputSize; o++) out[r * outputSize + o] = x[o];
  }
}
