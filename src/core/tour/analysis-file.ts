/**
 * A small JSON file of analysis results that sits next to the precomputed run bundles (public/precomputed/)
 * and feeds the tour's connectivity, flatness and transfer steps: linear-mode-connectivity error barriers
 * (docs/ALGORITHMS.md §6), the fitted sharpness of 1-D loss slices (§7) and tickets trained on another
 * task, strategy or by gradient descent (§5). Rows are plain tables, one row per measured pair / network /
 * transfer and seed, so the file can be written from the CSV outputs of `lab lmc`, `lab landscape` and
 * `lab transfer` + `lab summarize` without running anything again. Parsing treats the file as untrusted:
 * strict shapes, bounded sizes, field-named messages; it never throws.
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
});

export type TourAnalysis = z.infer<typeof tourAnalysisSchema>;
export type LmcRow = NonNullable<TourAnalysis['lmc']>[number];
export type SharpnessRow = NonNullable<TourAnalysis['sharpness']>[number];
export type TransferRow = NonNullable<TourAnalysis['transfer']>[number];

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
