/**
 * The shared ES runner (docs/ALGORITHMS.md §1.1 "the shared runner", §1.3; docs/ARCHITECTURE.md conventions 2, 6).
 * It owns what evosax's `Strategy` base class owns: fitness shaping, best-so-far tracking, mean decay
 * and the generation counter, around any registered strategy's init/ask/tell.
 *
 * This is the ONLY place where the lab's maximise-a-score convention is flipped into the strategies'
 * minimise form (inside `shapeFitness`). Noise for generation g comes from
 * `rng.split('gen').split(g)`, so a runner is stateless in its randomness: a restored checkpoint asks
 * exactly the same next population. No clipping of x: evosax's default bounds are ±float32-max.
 *
 * Fitness that is not a number (docs/RELIABILITY.md "non-finite fitness"): a generation in which no member
 * has a finite score, whose shaped fitness overflows float32, or whose update would leave a non-finite
 * value in the ES state is SKIPPED — the state stays as it was, the generation counter moves on (fresh
 * noise next time) and the skip is counted. After MAX_CONSECUTIVE_SKIPS such generations in a row the
 * runner stops the run with a NonFiniteFitnessError that says what to change. Generations with finite
 * fitness are untouched by this rule (same numbers as without it); members with a non-finite score in an
 * otherwise finite generation rank last (shaping.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { resolveParams, type AnyParamValues } from '../params';
import { Rng, type RngKey } from '../rng';
import { hostView, readRow } from './host-block';
import { requireEvenPop, samplePopulation, scaleVector } from './common';
import { drawPopulationOffsets } from './noise';
import type { PopulationRecipe } from './population-rows';
import { getStrategy } from './registry';
import { shapeFitness, type ShapingOptions } from './shaping';
import { allFinite, SkipCounter } from './fitness-guard';

import { plainToState, stateToPlain, type EsCheckpoint, type PlainState } from './checkpoint';
import type { EsContext, EsState, SigmaMode, Strategy } from './types';

export { MAX_CONSECUTIVE_SKIPS, NonFiniteFitnessError } from './fitness-guard';
export type { EsCheckpoint, PlainState, PlainTensor } from './checkpoint';

export interface EsRunnerOptions {
  strategyId: string;
  /** Strategy hyperparameters, validated against its paramSpecs (defaults filled in). */
  params?: Partial<AnyParamValues>;
  popSize: number;
  dim: number;
  /** The run/round stream; generation g samples with rng.split('gen').split(g). */
  rng: Rng;
  /** Fitness shaping (docs/ALGORITHMS.md §1.3); default: none beyond the maximise→minimise flip. */
  shaping?: ShapingOptions;
  /** γ of m ← (1 − γ)·m after every tell (docs/ALGORITHMS.md §1.1d); 0 = off. */
  meanDecay?: number;
}

function tensorsOf(state: EsState): Set<tf.Tensor> {
  return new Set(Object.values(state).filter((v): v is tf.Tensor => typeof v !== 'number'));
}

export class EsRunner {
  readonly strategy: Strategy;
  readonly ctx: EsContext;
  readonly params: AnyParamValues;
  private state: EsState;
  private gen = 0;
  private bestScore = -Infinity;
  private bestParams: Float32Array | null = null;
  private readonly skips = new SkipCounter();

  private constructor(
    private readonly opts: EsRunnerOptions,
    plain: PlainState | null,
    meanInit: Float32Array | null,
  ) {
    this.strategy = getStrategy(opts.strategyId);
    this.params = resolveParams(this.strategy.paramSpecs, opts.params ?? {});
    if (!Number.isInteger(opts.popSize) || opts.popSize < 2)
      throw new Error(`popSize must be an integer ≥ 2, got ${opts.popSize}`);
    if (!Number.isInteger(opts.dim) || opts.dim < 1) throw new Error(`dim must be a positive integer, got ${opts.dim}`);
    this.ctx = { popSize: opts.popSize, dim: opts.dim };
    if (plain) {
      this.state = plainToState(this.strategy, this.ctx, this.params, plain);
      return;
    }
    if (!meanInit || meanInit.length !== opts.dim)
      throw new Error(`meanInit must have length dim = ${opts.dim}, got ${meanInit?.length}`);
    const m = tf.tensor1d(meanInit, 'float32');
    try {
      this.state = this.strategy.init(this.ctx, this.params, m);
    } finally {
      m.dispose();
    }
  }

  /** A runner with fresh strategy state around `meanInit` (length d), docs/ALGORITHMS.md §1.1 "fresh state per round". */
  static create(opts: EsRunnerOptions, meanInit: Float32Array): EsRunner {
    return new EsRunner(opts, null, meanInit);
  }

  /** Generations completed (number of tells so far). */
  get generation(): number {
    return this.gen;
  }

  /** Generations skipped so far because their fitness was not a number (see the module comment). */
  get skipped(): number {
    return this.skips.total;
  }

  /** Best-so-far unshaped (maximise-form) score and the member that achieved it. */
  get best(): { score: number; params: Float32Array | null } {
    return { score: this.bestScore, params: this.bestParams };
  }

  /** Population [P, d] of the current generation; the caller disposes it. */
  ask(): tf.Tensor2D {
    return this.draw();
  }

  /**
   * The population [P, d] (the caller disposes it) and the same population as a recipe: mean, scale and
   * table offsets (population-rows.ts), from which evaluation workers rebuild any member's row exactly.
   */
  askWithRecipe(): { x: tf.Tensor2D; recipe: PopulationRecipe } {
    return { x: this.ask(), recipe: this.recipe() };
  }

  /**
   * The current generation's population as a recipe only, without building the [P, d] block: `ask()`
   * afterwards (before `tell`) builds exactly the population it describes, since a generation's noise
   * comes from its own stream. A population split posts the recipe first, so its workers start at once.
   */
  recipe(): PopulationRecipe {
    const { offsets, dist, release } = this.distribution();
    try {
      const { popSize, dim } = this.ctx;
      const mean = Float32Array.from(hostView(dist.mean) ?? (dist.mean.dataSync() as Float32Array));
      const scale =
        scaleVector(dist.scale, dim)?.slice() ??
        Float32Array.from((dist.scale as tf.Tensor).dataSync() as Float32Array);
      return { layout: this.strategy.antithetic, popSize, dim, offsets, mean, scale };
    } finally {
      release();
    }
  }

  private draw(): tf.Tensor2D {
    const { offsets, dist, release } = this.distribution();
    try {
      return samplePopulation(dist.mean, dist.scale, this.strategy.antithetic, offsets, this.ctx);
    } finally {
      release();
    }
  }

  /** This generation's table offsets and search distribution; `release` frees a scale made for it. */
  private distribution() {
    const layout = this.strategy.antithetic;
    const { popSize, dim } = this.ctx;
    if (layout !== 'none') requireEvenPop(this.strategy.id, this.ctx);
    const offsets = drawPopulationOffsets(this.opts.rng.split('gen').split(this.gen), layout, popSize, dim);
    const dist = this.strategy.sampling(this.ctx, this.state, this.params);
    const release = () => {
      if (typeof dist.scale !== 'number' && !tensorsOf(this.state).has(dist.scale)) dist.scale.dispose();
    };
    return { offsets, dist, release };
  }

  /**
   * Updates the strategy with raw MAXIMISE-form scores of `x` (NaN/−∞ = worst). Does not dispose `x`
   * or `scores`; disposes the superseded state tensors. Returns false when the generation was skipped
   * because its fitness was not usable (module comment); throws NonFiniteFitnessError when that happened
   * MAX_CONSECUTIVE_SKIPS times in a row.
   */
  tell(x: tf.Tensor2D, scores: tf.Tensor1D | Float32Array): boolean {
    const raw = scores instanceof Float32Array ? scores : Float32Array.from(scores.dataSync() as Float32Array);
    if (raw.length !== this.ctx.popSize || x.shape[0] !== this.ctx.popSize || x.shape[1] !== this.ctx.dim) {
      throw new Error(
        `tell: expected x [${this.ctx.popSize}, ${this.ctx.dim}] and ${this.ctx.popSize} scores, got x [${x.shape}] and ${raw.length}`,
      );
    }
    if (!raw.some((v) => Number.isFinite(v))) return this.skip('no member of the population had a finite fitness');
    const shaping = this.opts.shaping ?? {};
    let rowMeanSq: Float32Array | undefined;
    if ((shaping.wDecay ?? 0) > 0) {
      const t = tf.tidy(() => tf.mean(tf.square(x), 1));
      rowMeanSq = Float32Array.from(t.dataSync() as Float32Array);
      t.dispose();
    }
    const shaped = shapeFitness(raw, shaping, rowMeanSq);
    if (!shaped.every((v) => Number.isFinite(v)))
      return this.skip('the fitness values were too large for 32-bit floats (|fitness| above about 3e38)');
    const fShaped = tf.tensor1d(shaped, 'float32');
    let next: EsState;
    try {
      next = this.strategy.tell(this.ctx, x, fShaped, this.state, this.params);
    } finally {
      fShaped.dispose();
    }
    const gamma = this.opts.meanDecay ?? 0;
    if (gamma > 0) {
      const old = next.mean;
      next = { ...next, mean: tf.mul(1 - gamma, old) as tf.Tensor1D };
      old.dispose();
    }
    if (!allFinite([...tensorsOf(next)])) {
      const keep = tensorsOf(this.state);
      for (const t of tensorsOf(next)) if (!keep.has(t)) t.dispose();
      return this.skip('the update would have made the ES mean or σ not a number');
    }
    this.trackBest(x, raw);
    this.replaceState(next);
    this.gen += 1;
    this.skips.applied();
    return true;
  }

  private skip(why: string): false {
    this.gen += 1;
    this.skips.skipped(this.gen, why);
    return false;
  }

  private trackBest(x: tf.Tensor2D, raw: Float32Array): void {
    let bestIdx = -1;
    for (let i = 0; i < raw.length; i++) {
      if (!Number.isNaN(raw[i]) && raw[i] > this.bestScore && (bestIdx < 0 || raw[i] > raw[bestIdx])) bestIdx = i;
    }
    if (bestIdx < 0) return;
    this.bestScore = raw[bestIdx];
    // Host read of one row: tf.slice on wasm would first copy all of x out of the heap (host-block.ts).
    this.bestParams = readRow(x, bestIdx);
  }

  private replaceState(next: EsState): void {
    const keep = tensorsOf(next);
    for (const t of tensorsOf(this.state)) if (!keep.has(t)) t.dispose();
    this.state = next;
  }

  /** A copy of the mean the caller disposes. */
  meanTensor(): tf.Tensor1D {
    return tf.clone(this.state.mean);
  }

  /** The mean as a host array. */
  mean(): Float32Array {
    return Float32Array.from(this.state.mean.dataSync() as Float32Array);
  }

  /** Per-coordinate σ for SNR pruning (docs/ALGORITHMS.md §1.5); `mode` matters only for Sep-CMA-ES. */
  perParamStd(mode: SigmaMode = 'paper'): Float32Array {
    const t = this.strategy.perParamStd(this.ctx, this.state, this.params, mode);
    const out = Float32Array.from(t.dataSync() as Float32Array);
    t.dispose();
    return out;
  }

  /** Plain snapshot: restoring it yields the identical next population and trajectory. */
  checkpoint(): EsCheckpoint {
    return {
      version: 1,
      strategyId: this.strategy.id,
      params: { ...this.params },
      popSize: this.ctx.popSize,
      dim: this.ctx.dim,
      rngKey: [this.opts.rng.key[0], this.opts.rng.key[1]],
      shaping: { ...(this.opts.shaping ?? {}) },
      meanDecay: this.opts.meanDecay ?? 0,
      generation: this.gen,
      best: { score: this.bestScore, params: this.bestParams ? Float32Array.from(this.bestParams) : null },
      state: stateToPlain(this.state),
    };
  }

  static restore(cp: EsCheckpoint): EsRunner {
    if (cp.version !== 1) throw new Error(`unsupported ES checkpoint version ${String(cp.version)}`);
    const key: RngKey = [cp.rngKey[0], cp.rngKey[1]];
    const r = new EsRunner(
      {
        strategyId: cp.strategyId,
        params: cp.params,
        popSize: cp.popSize,
        dim: cp.dim,
        rng: new Rng(key),
        shaping: cp.shaping,
        meanDecay: cp.meanDecay,
      },
      cp.state,
      null,
    );
    r.gen = cp.generation;
    r.bestScore = cp.best.score;
    r.bestParams = cp.best.params ? Float32Array.from(cp.best.params) : null;
    return r;
  }

  /** Frees every state tensor; the runner is unusable afterwards. */
  dispose(): void {
    for (const t of tensorsOf(this.state)) t.dispose();
  }
}
