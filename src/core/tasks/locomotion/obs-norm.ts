/**
 * Running observation normaliser with evojax's semantics (`evojax/obs_norm.py`, ObsNormalizer), which
 * the paper's Brax runs use (docs/ALGORITHMS.md §9.2: "observations are normalised with evojax's running
 * mean/var, updated from training rollouts"). State: step count n, mean μ, summed squared deviations M2.
 *   normalise(o) = clip((o − μ) / sqrt(clip(M2 / (n + 1), 1e−6, 1e6)), −5, 5)
 *   update: n′ = n + b; μ′ = μ + Σ(o − μ)/n′; M2′ = M2 + Σ(o − μ′)(o − μ)   (b observations)
 * With n = 0 the variance clips to 1e−6, so evojax's first generation sees clip(o / 1e−3, ±5); the
 * original does this, so it is kept.
 */
export class ObsNormalizer {
  count = 0;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private pending = 0;

  constructor(
    readonly dim: number,
    readonly clipValue = 5,
    readonly varMin = 1e-6,
    readonly varMax = 1e6,
  ) {
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(dim);
    this.s1 = new Float64Array(dim);
    this.s2 = new Float64Array(dim);
  }

  /** Normalises `obs[offset … offset + dim)` in place with the current (frozen) statistics. */
  normalize(obs: Float32Array, offset: number): void {
    for (let k = 0; k < this.dim; k++) {
      const v = Math.min(this.varMax, Math.max(this.varMin, this.m2[k] / (this.count + 1)));
      const z = (obs[offset + k] - this.mean[k]) / Math.sqrt(v);
      obs[offset + k] = Math.max(-this.clipValue, Math.min(this.clipValue, z));
    }
  }

  /** Queues one raw observation for the next `commit` (statistics stay frozen during a rollout, as in evojax). */
  record(obs: Float32Array, offset: number): void {
    for (let k = 0; k < this.dim; k++) {
      const d = obs[offset + k] - this.mean[k];
      this.s1[k] += d;
      this.s2[k] += d * d;
    }
    this.pending++;
  }

  /**
   * Applies the recorded observations as one batch update (evojax update_obs_params). With d = o − μ,
   * S1 = Σd, S2 = Σd²: μ′ = μ + S1/n′ and Σ(o − μ′)(o − μ) = S2 − (S1/n′)·S1, so no observation is stored.
   */
  commit(): void {
    if (this.pending === 0) return;
    const total = this.count + this.pending;
    for (let k = 0; k < this.dim; k++) {
      const shift = this.s1[k] / total;
      this.mean[k] += shift;
      this.m2[k] += this.s2[k] - shift * this.s1[k];
    }
    this.count = total;
    this.s1.fill(0);
    this.s2.fill(0);
    this.pending = 0;
  }

  /** Drops pending observations and resets the statistics (start of a new IMP round). */
  reset(): void {
    this.count = 0;
    this.mean.fill(0);
    this.m2.fill(0);
    this.s1.fill(0);
    this.s2.fill(0);
    this.pending = 0;
  }
}
