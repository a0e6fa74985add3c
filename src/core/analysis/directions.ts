/**
 * Random directions and grids for loss landscapes (paper §5; docs/ALGORITHMS.md §7, D13; Li et al. 2018).
 * η ~ N(0, I) masked by the network's own mask (pruned weights stay exactly 0), optionally rescaled
 * per output unit ("filter": ‖η_unit‖ = ‖θ_unit‖, bias directions 0) or per layer. Grids:
 * L(ξ) = L(θ + ξ·η) and L(ξ1, ξ2) = L(θ + ξ1·η1 + ξ2·η2), returned as population rows.
 */
import type { LayerSpec } from '../nets/types';
import type { Rng } from '../rng';
import { combinationRows } from './rows';

/** Direction normalisation: paper-literal none, Li et al.'s filter-wise, or layer-wise. */
export type DirectionNorm = 'none' | 'filter' | 'layer';

/**
 * η ~ N(0, I) of length D, zeroed where `mask` is 0. The full vector is always drawn before masking, so
 * the same rng gives the same underlying η for every network of the same size (docs/ALGORITHMS.md §7: shared directions).
 */
export function randomDirection(rng: Rng, paramCount: number, mask?: Uint8Array): Float32Array {
  if (mask && mask.length !== paramCount)
    throw new Error(`randomDirection: mask length ${mask.length} ≠ ${paramCount}`);
  const eta = new Float32Array(paramCount);
  for (let i = 0; i < paramCount; i++) {
    const z = rng.normal();
    eta[i] = mask && !mask[i] ? 0 : z;
  }
  return eta;
}

/** Flat indices of output unit `unit` of layer `l` (the kernel's last axis, for dense [in,out] and HWIO conv). */
function unitIndices(l: LayerSpec, unit: number): number[] {
  const out = l.kernelShape[l.kernelShape.length - 1];
  const idx: number[] = [];
  for (let j = unit; j < l.kernelSize; j += out) idx.push(l.kernelOffset + j);
  return idx;
}

/** Rescales η at `idx` so ‖η_idx‖ = ‖θ_idx‖ (left unchanged where ‖η_idx‖ = 0, e.g. a fully pruned unit). */
function matchNorm(eta: Float32Array, theta: Float32Array, idx: readonly number[]): void {
  let ne = 0,
    nt = 0;
  for (const i of idx) {
    ne += eta[i] * eta[i];
    nt += theta[i] * theta[i];
  }
  if (ne === 0) return;
  const s = Math.sqrt(nt / ne);
  for (const i of idx) eta[i] *= s;
}

/**
 * A normalised copy of η. 'none' returns η unchanged (biases keep their noise, docs/ALGORITHMS.md §7 [U]); 'filter'
 * matches ‖η_unit‖ = ‖θ_unit‖ for every output unit's incoming weights; 'layer' matches ‖η_ℓ‖ = ‖θ_ℓ‖
 * over each kernel. Both rescaled modes set bias directions to 0. Zeros (pruned entries) stay zero.
 */
export function normaliseDirection(
  eta: Float32Array,
  theta: Float32Array,
  layers: readonly LayerSpec[],
  mode: DirectionNorm,
): Float32Array {
  if (eta.length !== theta.length)
    throw new Error(`normaliseDirection: η length ${eta.length} ≠ θ length ${theta.length}`);
  const out = Float32Array.from(eta);
  if (mode === 'none') return out;
  for (const l of layers) {
    out.fill(0, l.biasOffset, l.biasOffset + l.biasSize);
    if (mode === 'layer') {
      matchNorm(
        out,
        theta,
        Array.from({ length: l.kernelSize }, (_, i) => l.kernelOffset + i),
      );
    } else {
      const units = l.kernelShape[l.kernelShape.length - 1];
      for (let u = 0; u < units; u++) matchNorm(out, theta, unitIndices(l, u));
    }
  }
  return out;
}

/** A masked, normalised random direction for network θ with mask M (the usual one-call entry point). */
export function landscapeDirection(
  rng: Rng,
  theta: Float32Array,
  mask: Uint8Array,
  layers: readonly LayerSpec[],
  mode: DirectionNorm,
): Float32Array {
  return normaliseDirection(randomDirection(rng, theta.length, mask), theta, layers, mode);
}

/** ξ grid: `n` evenly spaced values in [lo, hi] (docs/ALGORITHMS.md §7 [U]: 41 in [−1, 1]; 21 for 2-D surfaces). */
export function xiGrid(n: number, lo = -1, hi = 1): number[] {
  if (!Number.isInteger(n) || n < 2) throw new Error(`xiGrid: n must be an integer ≥ 2, got ${n}`);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/** Rows θ + ξ_i·η, one per ξ, as a [xis.length, D] population. */
export function projectionGrid1D(theta: Float32Array, eta: Float32Array, xis: readonly number[]): Float32Array {
  return combinationRows(
    [theta, eta],
    xis.map((x) => [1, x]),
  );
}

/** Rows θ + ξ1·η1 + ξ2·η2 over xis × xis; row index = i1·n + i2 (ξ1 = xis[i1] varies slowest). */
export function surfaceGrid2D(
  theta: Float32Array,
  eta1: Float32Array,
  eta2: Float32Array,
  xis: readonly number[],
): Float32Array {
  const w: number[][] = [];
  for (const x1 of xis) for (const x2 of xis) w.push([1, x1, x2]);
  return combinationRows([theta, eta1, eta2], w);
}

/** An orthonormal plane through three networks (Garipov et al. 2018 style), and their 2-D coordinates. */
export interface Plane {
  readonly origin: Float32Array;
  readonly u: Float32Array;
  readonly v: Float32Array;
  /** Coordinates (x, y) of θ1, θ2, θ3 in the plane: (0,0), (‖θ2−θ1‖, 0), (⟨θ3−θ1,u⟩, ⟨θ3−θ1,v⟩). */
  readonly points: readonly (readonly [number, number])[];
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The plane through θ1, θ2, θ3: u ∝ θ2 − θ1, v ∝ the part of θ3 − θ1 orthogonal to u (Gram–Schmidt). */
export function planeThroughThree(theta1: Float32Array, theta2: Float32Array, theta3: Float32Array): Plane {
  const D = theta1.length;
  const d2 = new Float64Array(D),
    d3 = new Float64Array(D);
  for (let i = 0; i < D; i++) {
    d2[i] = theta2[i] - theta1[i];
    d3[i] = theta3[i] - theta1[i];
  }
  const n2 = Math.sqrt(dot(d2, d2));
  if (n2 === 0) throw new Error('planeThroughThree: θ1 and θ2 coincide');
  const u = new Float64Array(D);
  for (let i = 0; i < D; i++) u[i] = d2[i] / n2;
  const p = dot(d3, u);
  const v = new Float64Array(D);
  for (let i = 0; i < D; i++) v[i] = d3[i] - p * u[i];
  const nv = Math.sqrt(dot(v, v));
  // Relative tolerance: float32 inputs are never exactly collinear.
  if (nv <= 1e-6 * Math.max(n2, Math.sqrt(dot(d3, d3))))
    throw new Error('planeThroughThree: the three networks are collinear');
  for (let i = 0; i < D; i++) v[i] /= nv;
  return {
    origin: Float32Array.from(theta1),
    u: Float32Array.from(u),
    v: Float32Array.from(v),
    points: [
      [0, 0],
      [n2, 0],
      [p, nv],
    ],
  };
}

/** Rows origin + x·u + y·v over xs × ys (row index = ix·ys.length + iy). */
export function planeGrid(plane: Plane, xs: readonly number[], ys: readonly number[]): Float32Array {
  const w: number[][] = [];
  for (const x of xs) for (const y of ys) w.push([1, x, y]);
  return combinationRows([plane.origin, plane.u, plane.v], w);
}
