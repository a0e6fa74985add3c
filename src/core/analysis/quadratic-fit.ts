/**
 * Curvature of 1-D loss profiles (paper §5, Fig. 6 bottom; docs/ALGORITHMS.md §7): least-squares fit of
 * L(ξ) ≈ a·ξ² + b·ξ + c on the ξ grid; the sharpness is a (curvature at 0 is 2a), reported as the mean
 * ± standard error over random directions.
 */

export interface QuadraticFit {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Residual sum of squares. */
  readonly rss: number;
  /** Coefficient of determination (1 for an exact fit; NaN if y is constant). */
  readonly r2: number;
}

/** Solves the 3×3 system M·x = r by Gaussian elimination with partial pivoting. */
function solve3(M: number[][], r: number[]): number[] {
  const A = M.map((row, i) => [...row, r[i]]);
  for (let col = 0; col < 3; col++) {
    let piv = col;
    for (let i = col + 1; i < 3; i++) if (Math.abs(A[i][col]) > Math.abs(A[piv][col])) piv = i;
    if (Math.abs(A[piv][col]) < 1e-300) throw new Error('fitQuadratic: singular system (need ≥ 3 distinct ξ)');
    [A[col], A[piv]] = [A[piv], A[col]];
    for (let i = col + 1; i < 3; i++) {
      const f = A[i][col] / A[col][col];
      for (let j = col; j < 4; j++) A[i][j] -= f * A[col][j];
    }
  }
  const x = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let s = A[i][3];
    for (let j = i + 1; j < 3; j++) s -= A[i][j] * x[j];
    x[i] = s / A[i][i];
  }
  return x;
}

/** Least-squares a·ξ² + b·ξ + c through (xs, ys) via the normal equations (in float64). Non-finite ys are an error. */
export function fitQuadratic(xs: ArrayLike<number>, ys: ArrayLike<number>): QuadraticFit {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`fitQuadratic: ${n} ξ values but ${ys.length} losses`);
  const S = [0, 0, 0, 0, 0]; // Σ ξ^k, k = 0..4
  const T = [0, 0, 0]; // Σ ξ^k·y, k = 0..2
  for (let i = 0; i < n; i++) {
    const x = xs[i],
      y = ys[i];
    if (!Number.isFinite(y)) throw new Error(`fitQuadratic: loss at ξ = ${x} is ${y}`);
    let p = 1;
    for (let k = 0; k <= 4; k++) {
      S[k] += p;
      if (k <= 2) T[k] += p * y;
      p *= x;
    }
  }
  const [a, b, c] = solve3(
    [
      [S[4], S[3], S[2]],
      [S[3], S[2], S[1]],
      [S[2], S[1], S[0]],
    ],
    [T[2], T[1], T[0]],
  );
  let rss = 0,
    mean = 0,
    tss = 0;
  for (let i = 0; i < n; i++) mean += ys[i] / n;
  for (let i = 0; i < n; i++) {
    const e = ys[i] - (a * xs[i] * xs[i] + b * xs[i] + c);
    rss += e * e;
    tss += (ys[i] - mean) ** 2;
  }
  return { a, b, c, rss, r2: tss > 0 ? 1 - rss / tss : NaN };
}

export interface CurvatureSummary {
  readonly mean: number;
  /** Standard error of the mean: sample s.d. / √n (NaN for n < 2). */
  readonly se: number;
  readonly sd: number;
  readonly n: number;
}

/** Mean ± s.e. of the fitted sharpness a over directions. */
export function curvatureSummary(as: ArrayLike<number>): CurvatureSummary {
  const n = as.length;
  if (n === 0) return { mean: NaN, se: NaN, sd: NaN, n: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += as[i] / n;
  if (n < 2) return { mean, se: NaN, sd: NaN, n };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (as[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, se: sd / Math.sqrt(n), sd, n };
}

/** Fits every direction's profile L_d(ξ) on the shared ξ grid and summarises their sharpness a. */
export function curvatureOfProfiles(
  xis: ArrayLike<number>,
  profiles: readonly ArrayLike<number>[],
): CurvatureSummary & { fits: QuadraticFit[] } {
  const fits = profiles.map((p) => fitQuadratic(xis, p));
  return { ...curvatureSummary(fits.map((f) => f.a)), fits };
}
