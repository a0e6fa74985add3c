/**
 * Linear mode connectivity on real networks (paper §5; docs/ALGORITHMS.md §6; Frankle et al. 2020).
 * θ(α) = α·θ_A + (1 − α)·θ_B on an α grid is a population evaluated through the task's test protocol.
 * Vision: error E = 1 − accuracy, the endpoint-mean barrier B = max_α E − ½(E_A + E_B) and the excess
 * barrier over the straight line between E_A and E_B; control: the same two readings on the return
 * (B_R = ½(R_A + R_B) − min_α R), and B_R divided by the dense round-1 return of the source chain when the
 * caller knows it (withDenseReturn). Pairs: any list of networks (K×K matrix, one path per pair).
 */
import { alphaGrid, errorBarrier, interpolateRows, isLinearlyConnected, returnBarrier } from '../interpolation';
import { evaluateGrids, type GridRunOptions, type GridTarget } from './evaluate-grid';
import type { TestMetric } from '../../tasks/types';

/** One path between θ_A (α = 1) and θ_B (α = 0). */
export interface LmcPath {
  readonly alphas: number[];
  /** Test accuracy (vision) or mean return (control) at each α. */
  readonly perf: number[];
  /** Test loss (cross-entropy or −return) at each α. */
  readonly loss: number[];
  /** 'error' for classification (E = 1 − acc), 'return' for control. */
  readonly barrierKind: 'error' | 'return';
  /** Frankle et al.'s endpoint-mean barrier: B (vision, error) or B_R (control, return). */
  readonly endpointBarrier: number;
  /** Excess over the straight line between the endpoints (error above it / return below it). */
  readonly excessBarrier: number;
  /** Vision: excess barrier below LMC_CONNECTED_BELOW; control: null (returns have no common scale). */
  readonly connected: boolean | null;
  /** α at which the path is worst (max error / min return) within [0, 1]. */
  readonly worstAlpha: number;
  /**
   * Control: B_R / |R_dense|, R_dense the source chain's dense round-1 return (withDenseReturn); NaN for
   * vision and until a dense return is given.
   */
  readonly normalisedBarrier: number;
}

export interface LmcPathInput extends GridTarget {
  readonly thetaA: Float32Array;
  readonly thetaB: Float32Array;
  /** Grid points in [0, 1] (docs/ALGORITHMS.md: 30 for the paper preset, 15 for the reduced ones). */
  readonly points: number;
  /** Continue the grid to [−0.5, 1.5] (the barrier is still taken over [0, 1]). */
  readonly extended?: boolean;
}

/**
 * Turns a path's metrics into both barrier readings (pure: shared by lmcPath and lmcMatrix); control paths
 * also get B_R normalised by `denseReturn` when it is given.
 */
export function pathFromMetrics(
  metric: TestMetric,
  alphas: number[],
  perf: ArrayLike<number>,
  loss: ArrayLike<number>,
  denseReturn?: number,
): LmcPath {
  const p = Array.from(perf),
    l = Array.from(loss);
  if (metric === 'accuracy') {
    const b = errorBarrier(
      p.map((a) => 1 - a),
      alphas,
    );
    return {
      alphas,
      perf: p,
      loss: l,
      barrierKind: 'error',
      endpointBarrier: b.endpointBarrier,
      excessBarrier: b.excessBarrier,
      connected: isLinearlyConnected(b.excessBarrier),
      worstAlpha: alphas[b.argmaxIndex],
      normalisedBarrier: NaN,
    };
  }
  const b = returnBarrier(p, alphas, denseReturn);
  return {
    alphas,
    perf: p,
    loss: l,
    barrierKind: 'return',
    endpointBarrier: b.endpointBarrier,
    excessBarrier: b.excessBarrier,
    connected: null,
    worstAlpha: alphas[b.argminIndex],
    normalisedBarrier: b.normalised,
  };
}

/**
 * A control path with B_R normalised by the source chain's dense round-1 return (docs/ALGORITHMS.md §6),
 * which is known only once that network has been evaluated; vision paths come back unchanged.
 */
export function withDenseReturn(path: LmcPath, denseReturn: number | undefined): LmcPath {
  if (path.barrierKind !== 'return') return path;
  return { ...path, normalisedBarrier: returnBarrier(path.perf, path.alphas, denseReturn).normalised };
}

/** Evaluates the interpolation path between two networks and its barrier. */
export async function lmcPath(input: LmcPathInput, opts: GridRunOptions = {}): Promise<LmcPath> {
  const alphas = alphaGrid(input.points, input.extended ?? false);
  const [m] = await evaluateGrids(
    input,
    [{ rowCount: alphas.length, make: () => interpolateRows(input.thetaA, input.thetaB, alphas) }],
    opts,
  );
  return pathFromMetrics(input.task.metric, alphas, m.perf, m.loss);
}

/** A trained network with a display label (e.g. "r4" for round 4, "s1" for seed 1). */
export interface LabeledTheta {
  readonly label: string;
  readonly theta: Float32Array;
}

export interface LmcMatrix {
  readonly labels: string[];
  /** endpointBarrier[i][j] = B(θ_i, θ_j); symmetric, 0 on the diagonal (a network with itself). */
  readonly endpointBarrier: number[][];
  /** Same layout for the excess barrier over the straight line. */
  readonly excessBarrier: number[][];
  /** Every evaluated pair i < j with its full path (for the interpolation-curve chart). */
  readonly pairs: { readonly i: number; readonly j: number; readonly path: LmcPath }[];
}

export interface LmcMatrixInput extends GridTarget {
  readonly nets: readonly LabeledTheta[];
  readonly points: number;
  readonly extended?: boolean;
}

/**
 * K×K barrier matrix over all pairs of `nets` (K(K−1)/2 paths, one progress bar). B is symmetric in its
 * endpoints up to float rounding of the grid, so only i < j is evaluated; B(θ, θ) = 0 exactly.
 */
export async function lmcMatrix(input: LmcMatrixInput, opts: GridRunOptions = {}): Promise<LmcMatrix> {
  const K = input.nets.length;
  const alphas = alphaGrid(input.points, input.extended ?? false);
  const index: { i: number; j: number }[] = [];
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) index.push({ i, j });
  // θ_A = nets[j], θ_B = nets[i]: α runs from the earlier entry (α = 0) to the later one (α = 1).
  const metrics = await evaluateGrids(
    input,
    index.map(({ i, j }) => ({
      rowCount: alphas.length,
      make: () => interpolateRows(input.nets[j].theta, input.nets[i].theta, alphas),
    })),
    opts,
  );
  const square = () => Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const endpointBarrier = square(),
    excessBarrier = square();
  const pairs = index.map(({ i, j }, p) => {
    const path = pathFromMetrics(input.task.metric, alphas, metrics[p].perf, metrics[p].loss);
    endpointBarrier[i][j] = endpointBarrier[j][i] = path.endpointBarrier;
    excessBarrier[i][j] = excessBarrier[j][i] = path.excessBarrier;
    return { i, j, path };
  });
  return { labels: input.nets.map((n) => n.label), endpointBarrier, excessBarrier, pairs };
}

/**
 * Test performance of each network of a matrix, read off the path endpoints (α = 0 is nets[i], α = 1 is
 * nets[j] for pair (i, j)); NaN for a lone network that has no pair.
 */
export function endpointPerf(m: LmcMatrix): number[] {
  const out = m.labels.map(() => NaN);
  for (const { i, j, path } of m.pairs) {
    out[i] = path.perf[path.alphas.indexOf(0)];
    out[j] = path.perf[path.alphas.indexOf(1)];
  }
  return out;
}

/** The round records of one (seed, method) chain, in round order, as labelled networks "r<k>". */
export function chainNets(
  records: readonly { seed: number; method: string; roundNum: number; mean: Float32Array }[],
  seed: number,
  method: string,
): LabeledTheta[] {
  return records
    .filter((r) => r.seed === seed && r.method === method)
    .sort((a, b) => a.roundNum - b.roundNum)
    .map((r) => ({ label: `r${r.roundNum}`, theta: r.mean }));
}

/** One round of one method across seeds, as labelled networks "s<seed>". */
export function seedNets(
  records: readonly { seed: number; method: string; roundNum: number; mean: Float32Array }[],
  method: string,
  roundNum: number,
): LabeledTheta[] {
  return records
    .filter((r) => r.method === method && r.roundNum === roundNum)
    .sort((a, b) => a.seed - b.seed)
    .map((r) => ({ label: `s${r.seed}`, theta: r.mean }));
}
