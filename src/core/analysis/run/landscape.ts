/**
 * Loss landscapes of real networks (paper §5, Fig. 6 bottom and SI Fig. 10; docs/ALGORITHMS.md §7;
 * Li et al. 2018). 1-D: L(ξ) = L_test(θ + ξ·η_d) for several masked random directions η_d, a least-squares
 * parabola per direction and the sharpness a as mean ± s.e. 2-D: L(ξ1, ξ2) on two directions, or on the
 * plane through three networks. Every grid is a population evaluated through the task's test protocol.
 * L_test is the task's test loss: cross-entropy (vision) or −return (control), docs/ALGORITHMS.md §7 [U].
 */
import type { LayerSpec } from '../../nets/types';
import type { Rng } from '../../rng';
import {
  landscapeDirection,
  planeGrid,
  planeThroughThree,
  projectionGrid1D,
  surfaceGrid2D,
  xiGrid,
  type DirectionNorm,
} from '../directions';
import { curvatureSummary, fitQuadratic, type CurvatureSummary, type QuadraticFit } from '../quadratic-fit';
import { evaluateGrids, type GridRunOptions, type GridTarget } from './evaluate-grid';

export interface DirectionSetup {
  /** The network at the centre of the landscape. */
  readonly theta: Float32Array;
  /** Its mask: directions are zero on pruned entries so those weights stay exactly 0 (docs/ALGORITHMS.md §7). */
  readonly mask: Uint8Array;
  /** Layer layout for 'filter'/'layer' normalisation (default: the net's layers). */
  readonly layers?: readonly LayerSpec[];
  readonly normalisation: DirectionNorm;
  /**
   * Direction d is drawn from rng.split('direction').split(d): the same rng gives the same underlying η
   * for every network of the same size (docs/ALGORITHMS.md §7: compare networks on shared directions).
   */
  readonly rng: Rng;
}

/** The d-th masked, normalised direction of a setup (deterministic in rng and d). */
export function directionOf(setup: DirectionSetup, layers: readonly LayerSpec[], d: number): Float32Array {
  return landscapeDirection(
    setup.rng.split('direction').split(d),
    setup.theta,
    setup.mask,
    setup.layers ?? layers,
    setup.normalisation,
  );
}

export interface Landscape1DInput extends GridTarget, DirectionSetup {
  /** Number of random directions (docs/ALGORITHMS.md §7 [U]: 10; reduced presets 5). */
  readonly directions: number;
  /** ξ points in [−range, range] (docs/ALGORITHMS.md §7: 41; reduced 21). */
  readonly points: number;
  /** Half-width of the ξ interval (default 1: ξ ∈ [−1, 1]). */
  readonly range?: number;
}

export interface Profile1D {
  readonly loss: number[];
  readonly perf: number[];
  /** L(ξ) ≈ a·ξ² + b·ξ + c by least squares on the grid. */
  readonly fit: QuadraticFit;
  /** ‖η_d‖₂ (after masking and normalisation), to compare scales across networks. */
  readonly directionNorm: number;
}

export interface Landscape1D {
  readonly xis: number[];
  readonly profiles: Profile1D[];
  /** Sharpness a over directions: mean ± s.e. (curvature at 0 is 2a). */
  readonly curvature: CurvatureSummary;
}

function norm2(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** 1-D random projections with a fitted parabola per direction and the curvature summary. */
export async function landscape1D(input: Landscape1DInput, opts: GridRunOptions = {}): Promise<Landscape1D> {
  const r = input.range ?? 1;
  const xis = xiGrid(input.points, -r, r);
  const norms: number[] = [];
  const grids = Array.from({ length: input.directions }, (_, d) => ({
    rowCount: xis.length,
    make: () => {
      const eta = directionOf(input, input.net.layers, d);
      norms[d] = norm2(eta);
      return projectionGrid1D(input.theta, eta, xis);
    },
  }));
  const metrics = await evaluateGrids(input, grids, opts);
  const profiles = metrics.map((m, d) => ({
    loss: Array.from(m.loss),
    perf: Array.from(m.perf),
    fit: fitQuadratic(xis, m.loss),
    directionNorm: norms[d],
  }));
  return { xis, profiles, curvature: curvatureSummary(profiles.map((p) => p.fit.a)) };
}

export interface Landscape2DInput extends GridTarget, DirectionSetup {
  /** Grid resolution per axis (docs/ALGORITHMS.md §7 [U]: 21 → 21×21 = 441 networks). */
  readonly points: number;
  readonly range?: number;
}

/** A 2-D surface: values row-major with index i1·n + i2 (first axis varies slowest). */
export interface Surface2D {
  readonly xs: number[];
  readonly ys: number[];
  readonly loss: Float64Array;
  readonly perf: Float64Array;
  /** Marked points in grid coordinates (the centre network, or the three networks of a plane). */
  readonly marks: readonly { readonly label: string; readonly x: number; readonly y: number }[];
}

/** L(θ + ξ1·η1 + ξ2·η2) over [−range, range]² on directions 0 and 1 of the setup. */
export async function landscape2D(input: Landscape2DInput, opts: GridRunOptions = {}): Promise<Surface2D> {
  const r = input.range ?? 1;
  const xis = xiGrid(input.points, -r, r);
  const [m] = await evaluateGrids(
    input,
    [
      {
        rowCount: xis.length * xis.length,
        make: () =>
          surfaceGrid2D(
            input.theta,
            directionOf(input, input.net.layers, 0),
            directionOf(input, input.net.layers, 1),
            xis,
          ),
      },
    ],
    opts,
  );
  return { xs: xis, ys: xis, loss: m.loss, perf: m.perf, marks: [{ label: 'θ', x: 0, y: 0 }] };
}

export interface PlaneInput extends GridTarget {
  /** Three networks (e.g. θ0, round k, round k+1) with labels for the marks. */
  readonly nets: readonly [
    { label: string; theta: Float32Array },
    { label: string; theta: Float32Array },
    { label: string; theta: Float32Array },
  ];
  readonly points: number;
  /** Margin around the three points, as a fraction of the larger coordinate span (default 0.25). */
  readonly marginFrac?: number;
}

/** The loss surface on the plane through three networks, framed to contain all three with a margin. */
export async function planeSurface(input: PlaneInput, opts: GridRunOptions = {}): Promise<Surface2D> {
  const [a, b, c] = input.nets;
  const plane = planeThroughThree(a.theta, b.theta, c.theta);
  const px = plane.points.map((p) => p[0]),
    py = plane.points.map((p) => p[1]);
  const span = Math.max(Math.max(...px) - Math.min(...px), Math.max(...py) - Math.min(...py));
  const m = (input.marginFrac ?? 0.25) * span;
  const xs = xiGrid(input.points, Math.min(...px) - m, Math.max(...px) + m);
  const ys = xiGrid(input.points, Math.min(...py) - m, Math.max(...py) + m);
  const [res] = await evaluateGrids(
    input,
    [{ rowCount: xs.length * ys.length, make: () => planeGrid(plane, xs, ys) }],
    opts,
  );
  return {
    xs,
    ys,
    loss: res.loss,
    perf: res.perf,
    marks: input.nets.map((n, i) => ({ label: n.label, x: px[i], y: py[i] })),
  };
}
