/**
 * Where one call of the host MLP forward (host-mlp.ts) keeps its data in the forward's wasm arena
 * (nets/wasm/host-forward-kernels.ts), so that its kernels read and write in place: the population's
 * params, the first layer's matMul rows, the activations, one layer's weights, a pair's biases, the
 * product y and the outputs (which the loss then reads from the arena too, tasks/vision/host-fitness.ts).
 */
import type { FirstLayerRows } from './host-mlp';
import { pairMembers } from './host-mlp';
import type { LayerSpec } from './types';
import { arenaOf, type ForwardArena } from './wasm/host-forward-kernels';

/** The views of one forward call (valid until the arena next grows). */
export interface ForwardRegions {
  readonly params: Float32Array;
  readonly rows: Float32Array;
  readonly centre: Float64Array;
  readonly scale0: Float64Array;
  readonly h: [Float64Array, Float64Array, Float64Array];
  readonly weights: Float32Array;
  readonly biases: Float32Array;
  readonly y: Float32Array;
  readonly out: Float32Array;
}

export interface RegionSizes {
  readonly members: number;
  readonly batch: number;
  readonly nIn: number;
  readonly nOut: number;
  /** widest layer × batch: one activation buffer. */
  readonly activations: number;
  /** the largest later layer's weights + bias. */
  readonly laterWeights: number;
  readonly nOutLast: number;
}

/**
 * Reserves the call's regions (after the arena's base, 16-byte aligned) and takes their views. `params` is
 * copied in unless it already lies in this arena (then it is used in place).
 */
export function forwardRegions(arena: ForwardArena, s: RegionSizes, params: Float32Array): ForwardRegions {
  // Read before the reserve: a growing reserve detaches `params` when it lies in this arena.
  const inPlace = arenaOf(params) === arena ? params.byteOffset : -1,
    length = params.length;
  const rowsMax = (s.members + 1) * s.nOut; // pair rows (P/2 + 1 blocks) or plain rows (P blocks)
  const sizes: [string, number, 4 | 8][] = [
    ['params', inPlace >= 0 ? 0 : length, 4],
    ['rows', rowsMax * s.nIn, 4],
    ['centre', s.nIn * s.nOut, 8],
    ['scale0', s.nIn * s.nOut, 8],
    ['h', 3 * s.activations, 8],
    ['weights', s.laterWeights, 4],
    ['biases', 2 * s.nOut, 4],
    ['y', rowsMax * s.batch, 4],
    ['out', s.members * s.batch * s.nOutLast, 4],
  ];
  const at = new Map<string, number>();
  let end = Math.max(arena.base, inPlace >= 0 ? inPlace + 4 * length : 0);
  for (const [name, count, bytes] of sizes) {
    end = Math.ceil(end / 16) * 16;
    at.set(name, end);
    end += count * bytes;
  }
  arena.reserve(end);
  const f32 = (name: string, n: number) => arena.f32(at.get(name)!, n);
  const f64 = (name: string, n: number) => arena.f64(at.get(name)!, n);
  const p = inPlace >= 0 ? arena.f32(inPlace, length) : f32('params', length);
  if (inPlace < 0) p.set(params);
  const h0 = at.get('h')!;
  return {
    params: p,
    rows: f32('rows', rowsMax * s.nIn),
    centre: f64('centre', s.nIn * s.nOut),
    scale0: f64('scale0', s.nIn * s.nOut),
    h: [0, 1, 2].map((i) => arena.f64(h0 + 8 * s.activations * i, s.activations)) as ForwardRegions['h'],
    weights: f32('weights', s.laterWeights),
    biases: f32('biases', 2 * s.nOut),
    y: f32('y', rowsMax * s.batch),
    out: f32('out', s.members * s.batch * s.nOutLast),
  };
}

/**
 * host-mlp.ts `pairRows` by the arena's kernel (the same bits): the rows in `r.rows`, or null when the
 * population is not c ± ε_k in `layout` (then the plain product is used).
 */
export function arenaPairRows(
  arena: ForwardArena,
  r: ForwardRegions,
  members: number,
  dim: number,
  layer: LayerSpec,
  layout: 'interleaved' | 'blocked',
  centreOnlyPairs: number,
  tol: number,
): FirstLayerRows | null {
  if (members < 2 || members % 2 !== 0) return null;
  const [nIn, nOut] = layer.kernelShape;
  const half = members / 2,
    skip = Math.min(centreOnlyPairs, half);
  const ok = arena.pairRows(
    r.params,
    dim,
    layer.kernelOffset,
    half,
    skip,
    nIn,
    nOut,
    layout === 'blocked',
    r.rows,
    r.centre,
    r.scale0,
    tol,
  );
  if (!ok) return null;
  const { plus, minus } = pairMembers(layout, members);
  const count = (half + 1 - skip) * nOut;
  return {
    rows: r.rows.subarray(0, count * nIn),
    count,
    pairs: { plus: plus.subarray(skip), minus: minus.subarray(skip) },
  };
}
