/**
 * One evaluation thread's share of a population split (split.ts): it rebuilds its members' full
 * parameter rows from the generation's recipe (es/population-rows.ts: the mean, the scale and the
 * shared-table offsets, never the [P, d] block) and scores them with the task's own `evaluatePopulation`
 * on the generation's data stream. The thread that runs the ES uses one for its own slice; every
 * evaluation worker holds one (protocol.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostView, tensorFromHost } from '../../es/host-block';
import { windowsAround } from '../../es/noise';
import { aroundRows } from '../../es/around-rows';
import { memberNoise, writeMemberRow, writePairRows, type PopulationRecipe } from '../../es/population-rows';
import { withPopulationLayout, type PopulationLayout, type PopulationNet } from '../../nets/types';
import type { Rng } from '../../rng';
import type { TaskInstance } from '../../tasks/types';
import { activeIndices } from '../masked-params';

export interface ReplicaRound {
  readonly net: PopulationNet;
  readonly mask: Uint8Array;
  readonly layout: PopulationLayout;
  /** The slice's members (indices into the whole population) in sub-population row order. */
  readonly members: Int32Array;
  /** Leading pairs of the slice that only supply the centre (split.ts `centreOnlyPairs`); default 0. */
  readonly centreOnlyPairs?: number;
}

export class EvalReplica {
  private round: {
    base: PopulationNet;
    layout: PopulationLayout;
    net: PopulationNet;
    positions: Int32Array;
    fullLength: number;
    members: Int32Array;
  } | null = null;

  constructor(readonly task: TaskInstance) {}

  /** Starts a round: the task restarts its minibatch order, as the whole-population evaluator does. */
  beginRound(r: ReplicaRound): void {
    this.task.beginTraining?.();
    this.round = {
      base: r.net,
      layout: r.layout,
      net: withPopulationLayout(r.net, r.layout, r.centreOnlyPairs ?? 0),
      positions: activeIndices(r.mask),
      fullLength: r.mask.length,
      members: r.members,
    };
  }

  /** A new slice for the current round: the task's minibatch order is NOT restarted (same round). */
  setMembers(members: Int32Array, centreOnlyPairs = 0): void {
    if (!this.round) throw new Error('EvalReplica.setMembers before beginRound');
    const { base, layout } = this.round;
    this.round = { ...this.round, members, net: withPopulationLayout(base, layout, centreOnlyPairs) };
  }

  /**
   * Scores of the slice's members, in `members` order. `packed`, when given, is the [P, d] population
   * that `recipe` describes (the ES thread has it): its rows are copied instead of rebuilt from the
   * table — the same values (population-rows.ts), for less work on the thread that also runs the ES.
   */
  evaluate(recipe: PopulationRecipe, rng: Rng, packed?: tf.Tensor2D): Float32Array {
    const r = this.round;
    if (!r) throw new Error('EvalReplica.evaluate before beginRound');
    if (recipe.dim !== r.positions.length)
      throw new Error(`EvalReplica: recipe has d = ${recipe.dim}, the round's mask ${r.positions.length}`);
    const { members, positions, fullLength } = r;
    const dim = recipe.dim,
      dense = dim === fullLength;
    // On wasm a worker writes a dense slice's rows in place with the `around` kernel, or else builds them
    // with the backend's kernels first (no tensor may be made in the fill).
    const direct = !packed && dense ? directRows(recipe, members) : null;
    if (direct) return this.score(direct, rng);
    const built = packed ? null : kernelRows(recipe, members);
    let rows: tf.Tensor2D;
    try {
      rows = tensorFromHost([members.length, fullLength], (out) => {
        if (!dense) out.fill(0); // pruned entries are exact zeros, as ScatterPlan writes them
        const at = (i: number) => i * fullLength,
          pos = dense ? undefined : positions;
        // Member i's packed row is view[o … o + d): copied, or scattered to the mask's positions.
        const copyRows = (rowOf: (i: number) => [Float32Array, number]) => {
          for (let i = 0; i < members.length; i++) {
            const [view, o] = rowOf(i);
            if (dense) out.set(view.subarray(o, o + dim), at(i));
            else for (let j = 0; j < dim; j++) out[at(i) + positions[j]] = view[o + j];
          }
        };
        // Views are read in the callback: they must be taken after the new tensor's heap memory exists.
        const src = packed && hostView(packed);
        if (src) copyRows((i) => [src, members[i] * dim]);
        else if (built) {
          const plus = hostView(built.plus)!,
            minus = built.minus && hostView(built.minus);
          copyRows((i) => [built.sign[i] > 0 ? plus : minus!, built.index[i] * dim]);
        } else {
          // Rebuilt from the table, both members of a ± pair in one pass (a pair never straddles slices).
          const minusOf = partnerRows(recipe, members);
          for (let i = 0; i < members.length; i++) {
            const { row, sign } = memberNoise(recipe.layout, recipe.popSize, members[i]);
            if (minusOf.has(row)) {
              if (sign > 0) writePairRows(recipe, row, out, at(i), at(minusOf.get(row)!), pos);
            } else writeMemberRow(recipe, members[i], out, at(i), pos);
          }
        }
      }) as tf.Tensor2D;
    } finally {
      built?.dispose();
    }
    return this.score(rows, rng);
  }

  /** The task's scores of the slice's rows (disposed here), as a host array. */
  private score(rows: tf.Tensor2D, rng: Rng): Float32Array {
    try {
      const scores = this.task.evaluatePopulation(this.round!.net, rows, rng).scores;
      const out = Float32Array.from(scores.dataSync() as Float32Array);
      scores.dispose();
      return out;
    } finally {
      rows.dispose();
    }
  }
}

/**
 * The noise rows a slice uses, in first-use order ("slots"): each slot's table offset, the slice index of its
 * "+" and "−" member (−1: not in this slice), and each member's slot and sign.
 */
function sliceNoise(recipe: PopulationRecipe, members: Int32Array) {
  const slotOf = new Map<number, number>();
  const plus: number[] = [],
    minus: number[] = [];
  const index = new Int32Array(members.length),
    sign = new Int8Array(members.length);
  members.forEach((p, i) => {
    const m = memberNoise(recipe.layout, recipe.popSize, p);
    if (!slotOf.has(m.row)) {
      slotOf.set(m.row, slotOf.size);
      plus.push(-1);
      minus.push(-1);
    }
    const k = slotOf.get(m.row)!;
    (m.sign > 0 ? plus : minus)[k] = i;
    index[i] = k;
    sign[i] = m.sign;
  });
  const offsets = Int32Array.from(slotOf.keys(), (row) => recipe.offsets[row]);
  return { offsets, plus: Int32Array.from(plus), minus: Int32Array.from(minus), index, sign };
}

/** The recipe's mean and scale as tensors for the duration of `use` (wasm heap tensors for the kernels). */
function withMeanScale<T>(recipe: PopulationRecipe, use: (mean: tf.Tensor1D, scale: tf.Tensor1D) => T): T {
  const mean = tf.tensor1d(recipe.mean),
    scale = tf.tensor1d(recipe.scale);
  try {
    return use(mean, scale);
  } finally {
    tf.dispose([mean, scale]);
  }
}

/**
 * wasm with the ES kernels: the dense slice's rows written in place by the `around` kernel (es/around-rows.ts),
 * member i's row at row i. Null when the kernels are unavailable or a noise row has no "+" member here.
 */
function directRows(recipe: PopulationRecipe, members: Int32Array): tf.Tensor2D | null {
  if (tf.getBackend() !== 'wasm') return null;
  const { offsets, plus, minus } = sliceNoise(recipe, members);
  if (plus.some((i) => i < 0)) return null;
  return withMeanScale(recipe, (mean, scale) =>
    aroundRows(mean, scale, offsets, recipe.dim, members.length, plus, minus),
  );
}

/**
 * wasm: the slice's rows m + scale⊙z and (antithetic layouts) m − scale⊙z for each noise row it uses, by
 * the backend's kernels (noise.ts `windowsAround`) — the same values as writeMemberRow/writePairRows,
 * ~2.5× faster than those JS loops. `index[i]`/`sign[i]`: the block row and the sign of member i. Null on
 * other backends.
 */
function kernelRows(
  recipe: PopulationRecipe,
  members: Int32Array,
): { plus: tf.Tensor2D; minus: tf.Tensor2D | null; index: Int32Array; sign: Int8Array; dispose(): void } | null {
  if (tf.getBackend() !== 'wasm') return null;
  const { offsets, index, sign } = sliceNoise(recipe, members);
  const { plus, minus } = withMeanScale(recipe, (mean, scale) =>
    windowsAround(mean, scale, offsets, recipe.dim, recipe.layout !== 'none'),
  );
  return { plus, minus, index, sign, dispose: () => tf.dispose(minus ? [plus, minus] : [plus]) };
}

/** Noise row → slice index of its "−" member, for the rows whose "+" and "−" members are both in the slice. */
function partnerRows(recipe: PopulationRecipe, members: Int32Array): Map<number, number> {
  const plus = new Set<number>(),
    minus = new Map<number, number>();
  if (recipe.layout === 'none') return minus;
  members.forEach((p, i) => {
    const { row, sign } = memberNoise(recipe.layout, recipe.popSize, p);
    if (sign > 0) plus.add(row);
    else minus.set(row, i);
  });
  for (const row of minus.keys()) if (!plus.has(row)) minus.delete(row);
  return minus;
}
