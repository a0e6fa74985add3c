/**
 * A small JSON file of analysis results that sits next to the precomputed run bundles (public/precomputed/)
 * and feeds the tour's steps that a single ES run bundle cannot: linear-mode-connectivity error barriers
 * (docs/ALGORITHMS.md §6), the fitted sharpness of 1-D loss slices (§7), tickets trained on another task,
 * strategy or by gradient descent (§5), accuracy per round of ES and gradient-descent chains side by side
 * (GD-IMP, §4), weight statistics per layer and the |μ|–SNR correlation (§6), and the ticket effect of
 * several tasks (§10, R2). Rows are plain tables, one row per measured pair / network / transfer / round
 * and seed, so the file can be written from the run folders and the CSV outputs of `lab lmc`, `lab
 * landscape`, `lab weights`, `lab correlation` and `lab transfer` without running anything again. Parsing
 * treats the file as untrusted: strict shapes, bounded sizes, field-named messages; it never throws.
 */
import { z } from 'zod';

export const TOUR_ANALYSIS_FORMAT = 'es-lottery-lab/tour-analysis';
export const TOUR_ANALYSIS_VERSION = 1;
const MAX_ROWS = 20_000;
const MAX_TEXT_CHARS = 8 * 2 ** 20;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().min(0);
const round = z.number().int().min(1);
const pctRange = finite.refine((v) => v >= 0 && v <= 100, 'must be a percentage in [0, 100]');
/** A chain id as in round records: 'magnitude', 'snr', 'random_reinit', 'gd_magnitude', … */
const chain = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a chain id such as "magnitude" or "gd_magnitude"');

/** One error barrier (a fraction of test error) between the networks A and B. */
const lmcRow = z.strictObject({
  /** 'rounds': two rounds of one chain and seed; 'seeds': one round of two seeds; 'es-gd': ES vs GD, same seed and round. */
  pair: z.enum(['rounds', 'seeds', 'es-gd']),
  chain,
  /** The other network's chain ('es-gd': the GD chain, e.g. 'gd_magnitude'); default: `chain`. */
  chainB: chain.optional(),
  seedA: count,
  seedB: count,
  roundA: round,
  roundB: round,
  remainingPctA: pctRange,
  remainingPctB: pctRange,
  /** Endpoint reading: the worst test error on the path minus the mean of the two endpoints' errors. */
  barrier: finite,
  /**
   * Excess reading: the worst test error on the path minus the straight line between the endpoints' errors
   * (docs/ALGORITHMS.md §6); it does not count a plain difference in the endpoints' accuracies as a barrier.
   */
  excessBarrier: finite.optional(),
});

/** Sharpness a of L(ξ) ≈ aξ² + bξ + c around one trained network (mean over directions). */
const sharpnessRow = z.strictObject({
  chain,
  seed: count,
  roundNum: round,
  remainingPct: pctRange,
  a: finite,
  aSe: finite.optional(),
  /** Direction normalisation the slices used: 'none', 'filter' or 'layer'. */
  norm: z.enum(['none', 'filter', 'layer']),
});

/** A transferred ticket, the target's random mask + new weights, and (optional) the target's own ticket. */
const transferRow = z.strictObject({
  /** 'task': another data set; 'strategy': another ES; 'es-to-gd' / 'gd-to-es': between ES and gradient descent. */
  kind: z.enum(['task', 'strategy', 'es-to-gd', 'gd-to-es']),
  /** Student-facing name, e.g. "MNIST → Fashion-MNIST". */
  label: z.string().min(1).max(80),
  seed: count,
  roundNum: round,
  remainingPct: pctRange,
  ticket: finite,
  baseline: finite,
  native: finite.optional(),
});

/** Which kind of training produced a chain: an evolution strategy, or gradient descent (GD-IMP). */
const trainer = z.enum(['es', 'gd']);
/** GD epochs per round: present exactly when the trainer is gradient descent. */
const epochs = z.number().int().min(1).max(10_000);
const gdNeedsEpochs = (r: { trainer: 'es' | 'gd'; epochs?: number }) =>
  (r.trainer === 'gd') === (r.epochs !== undefined);
const EPOCHS_RULE = { message: 'epochs is given for gradient-descent rows and only for them', path: ['epochs'] };

/** Which trained network a row describes: trainer (and GD budget), chain, seed and round. */
const trainedNetwork = {
  trainer,
  epochs: epochs.optional(),
  chain,
  seed: count,
  roundNum: round,
  remainingPct: pctRange,
};

/** Test result of one chain's trained network at one round and seed (ES or GD; read from rounds.csv). */
const curveRow = z.strictObject({ ...trainedNetwork, perf: finite }).refine(gdNeedsEpochs, EPOCHS_RULE);

/** One layer of one trained network: how much of the layer remains and the mean |W| of its alive weights. */
const weightsRow = z
  .strictObject({
    ...trainedNetwork,
    /** Layer name as the network registry gives it, e.g. "Dense_0" (the input layer). */
    layer: z.string().min(1).max(40),
    /** Position of the layer from the input (0 = the input layer). */
    layerIndex: z.number().int().min(0).max(100),
    layerRemainingPct: pctRange,
    /** Mean |W| over the alive weights of the layer (pruned weights would only dilute it). */
    meanAbsW: finite.refine((v) => v >= 0, 'must be ≥ 0'),
  })
  .refine(gdNeedsEpochs, EPOCHS_RULE);

/** Agreement of |μ| and |μ|/σ over the alive weights of one layer of one ES network (docs/ALGORITHMS.md §6). */
const correlationRow = z.strictObject({
  chain,
  seed: count,
  roundNum: round,
  remainingPct: pctRange,
  layer: z.string().min(1).max(40),
  pearson: finite.refine((v) => v >= -1 && v <= 1, 'must be in [-1, 1]'),
  spearman: finite.refine((v) => v >= -1 && v <= 1, 'must be in [-1, 1]'),
  /** Share of the alive weights on which the two criteria make the same keep/prune decision next round. */
  agree: finite.refine((v) => v >= 0 && v <= 1, 'must be a fraction in [0, 1]'),
});

/**
 * The ticket and the random mask with new weights of one task at one round and seed, with that seed's
 * dense result and untrained result (the test after the first generation of round 1): what the effect
 * normalised by the task's range (docs/RESULTS.md, R2) is computed from. Metrics differ between tasks.
 */
const crossTaskRow = z.strictObject({
  /** Student-facing task name, e.g. "MNIST (14×14)". */
  task: z.string().min(1).max(60),
  /** The strategy and budget, e.g. "PGPE, 300 generations per round". */
  setting: z.string().min(1).max(120),
  metric: z.enum(['accuracy', 'return']),
  seed: count,
  roundNum: round,
  remainingPct: pctRange,
  ticket: finite,
  baseline: finite,
  dense: finite,
  untrained: finite,
});

/** A task the paper's claim names that the evidence does not hold, and why (shown, never hidden). */
const crossTaskMissing = z.strictObject({
  task: z.string().min(1).max(60),
  note: z.string().min(1).max(300),
});

export const tourAnalysisSchema = z.strictObject({
  format: z.literal(TOUR_ANALYSIS_FORMAT),
  version: z.literal(TOUR_ANALYSIS_VERSION),
  /** Student-facing title, e.g. "Analyses of the MNIST quick runs". */
  title: z.string().max(200).optional(),
  /** ISO 8601 date the analyses were made. */
  createdAt: z.string().min(10).max(40),
  /** The commands that produced the numbers (shown as provenance). */
  commands: z.array(z.string().max(2000)).max(200),
  /** How `ticket` / `baseline` / `native` are measured: test accuracy as a fraction in [0, 1], or test return. */
  metric: z.enum(['accuracy', 'return']),
  lmc: z.array(lmcRow).max(MAX_ROWS).optional(),
  sharpness: z.array(sharpnessRow).max(MAX_ROWS).optional(),
  transfer: z.array(transferRow).max(MAX_ROWS).optional(),
  curves: z.array(curveRow).max(MAX_ROWS).optional(),
  weights: z.array(weightsRow).max(MAX_ROWS).optional(),
  correlation: z.array(correlationRow).max(MAX_ROWS).optional(),
  crossTask: z.array(crossTaskRow).max(MAX_ROWS).optional(),
  crossTaskMissing: z.array(crossTaskMissing).max(50).optional(),
});

export type TourAnalysis = z.infer<typeof tourAnalysisSchema>;
export type LmcRow = NonNullable<TourAnalysis['lmc']>[number];
export type SharpnessRow = NonNullable<TourAnalysis['sharpness']>[number];
export type TransferRow = NonNullable<TourAnalysis['transfer']>[number];
export type CurveRow = NonNullable<TourAnalysis['curves']>[number];
export type WeightsRow = NonNullable<TourAnalysis['weights']>[number];
export type CorrelationRow = NonNullable<TourAnalysis['correlation']>[number];
export type CrossTaskRow = NonNullable<TourAnalysis['crossTask']>[number];
export type CrossTaskMissing = NonNullable<TourAnalysis['crossTaskMissing']>[number];

export type TourAnalysisParse =
  { readonly ok: true; readonly analysis: TourAnalysis } | { readonly ok: false; readonly message: string };

/** Parses a tour analysis file (text or UTF-8 bytes). Never throws. */
export function parseTourAnalysis(input: string | Uint8Array): TourAnalysisParse {
  if (input.length > MAX_TEXT_CHARS) return { ok: false, message: `the file is larger than ${MAX_TEXT_CHARS} bytes` };
  let json: unknown;
  try {
    const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not a JSON file (${(e as Error).message})` };
  }
  const got = tourAnalysisSchema.safeParse(json);
  if (!got.success) {
    const issue = got.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'the file';
    return { ok: false, message: `${where}: ${issue.message}` };
  }
  return { ok: true, analysis: got.data };
}
