/**
 * The words and number formats of the tour's result sentences (docs/ALGORITHMS.md §10: each claim stated
 * in one checkable sentence). Sentences speak to students: chains are named by what they do, not by their
 * ids, and every number is written the way the charts show it (accuracy in %, returns as plain numbers).
 */
import { PRUNE_METHODS } from '../prune/registry';

/** A non-breaking space: "84.5 %" never breaks between the number and its unit. */
export const NBSP = '\u00a0';

/** What a chain is, in a student's words (keyed by pruning-method id; GD chains add "trained by gradient descent"). */
export const CHAIN_WORDS: Readonly<Record<string, string>> = {
  magnitude: 'the magnitude ticket',
  snr: 'the signal-to-noise ticket',
  random_reinit: 'a random mask with new random weights',
  mask_reinit: "the ticket's mask with new random weights",
  permute_weights: "the ticket's mask with its starting weights shuffled",
  permute_mask_weights: 'a shuffled mask with shuffled weights (same count per layer)',
  layerwise_random: "a random mask with the ticket's count per layer",
};

/** Student-facing name of a chain id ('gd_magnitude' → "the magnitude ticket trained by gradient descent"). */
export function chainWords(chain: string): string {
  const gd = chain.startsWith('gd_');
  const id = gd ? chain.slice(3) : chain;
  const words = CHAIN_WORDS[id] ?? PRUNE_METHODS.find((m) => m.id === id)?.label ?? id;
  return gd ? `${words} trained by gradient descent` : words;
}

/** How a task's performance is measured and written. */
export type Metric = 'accuracy' | 'return';

/** A percentage with `digits` decimals and a non-breaking space: 84.5 → "84.5 %". */
export function pct(value: number, digits = 1): string {
  return `${value.toFixed(digits)}${NBSP}%`;
}

/**
 * Weights remaining, to three significant figures as the sparsity chart's ticks: 100 → "100 %",
 * 11.5976 → "11.6 %", 8.59 → "8.59 %", 1.44 → "1.44 %".
 */
export function remainingText(remainingPct: number): string {
  return `${Number(remainingPct.toPrecision(3))}${NBSP}%`;
}

/** A performance value as the charts show it: accuracy 0.845 → "84.5 %", return −697.8 → "−698". */
export function perfText(value: number, metric: Metric): string {
  if (metric === 'accuracy') return pct(100 * value);
  return minus(value.toFixed(0));
}

/** A performance with what it measures, for its first mention: "84.5 % test accuracy", "a test return of −698". */
export function measuredText(value: number, metric: Metric): string {
  return metric === 'accuracy'
    ? `${perfText(value, metric)} test accuracy`
    : `a test return of ${perfText(value, metric)}`;
}

/** A difference of performances: accuracy 0.202 → "20.2 points", return 234.9 → "235". */
export function gapText(diff: number, metric: Metric): string {
  return metric === 'accuracy' ? `${(100 * diff).toFixed(1)} points` : minus(diff.toFixed(0));
}

/** Typographic minus for negative numbers in running text. */
export function minus(s: string): string {
  return s.replace(/^-/, '\u2212');
}

/** "1 seed" / "3 seeds". */
export function seedsText(n: number): string {
  return n === 1 ? '1 seed' : `${n} seeds`;
}

/** Integers with thousands separators, locale-independent: 6634 → "6,634". */
export function countText(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
