/**
 * The words and the table of the tour's "Train a network" step (EvidenceTraining.tsx): what the measure is
 * in a sentence, and one row per evaluated generation with the measure in its unit, rounded to what the
 * chart can show (0.1 %, 0.1 of a return). The table is also the CSV, so both read the same. Pure, tested
 * in Node.
 */
import type { DataTable } from '../../core/table';

export interface TrainingPoint {
  readonly gen: number;
  /** Accuracy as a fraction (0.843), or a return, as the round records hold it. */
  readonly value: number;
}

/** The measure's name with its unit, e.g. "test accuracy (%)". */
export function measureLabel(accuracy: boolean): string {
  return accuracy ? 'test accuracy (%)' : 'test return';
}

/** What the numbers mean, in one sentence for a student. */
export function measureNote(accuracy: boolean): string {
  return accuracy
    ? 'Test accuracy: the share of test images (never used in training) that the network labels correctly, in %. Guessing gets about 10 %.'
    : 'Test return: the reward the controller collects in a test episode, averaged over the test episodes. Higher is better.';
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Generation, then the precomputed mean over `seeds` seeds, then — only when there is one — the live run.
 * Accuracies are shown in %, every value to one decimal.
 */
export function trainingTable(
  evidence: readonly TrainingPoint[],
  live: readonly TrainingPoint[],
  o: { accuracy: boolean; seeds: number },
): DataTable {
  const scale = o.accuracy ? 100 : 1;
  const unit = o.accuracy ? ' (%)' : '';
  const measure = o.accuracy ? 'test accuracy' : 'test return';
  const seeds = `mean of ${o.seeds} seed${o.seeds === 1 ? '' : 's'}`;
  const header = [
    'generation of round 1',
    ...(evidence.length ? [`${measure}, ${seeds}${unit}`] : []),
    ...(live.length ? [`${measure}, your run${unit}`] : []),
  ];
  const cell = (pts: readonly TrainingPoint[], g: number) => {
    const v = pts.find((p) => p.gen === g)?.value;
    return v === undefined || !Number.isFinite(v) ? null : round1(v * scale);
  };
  const gens = [...new Set([...evidence, ...live].map((p) => p.gen))].sort((a, b) => a - b);
  return {
    header,
    rows: gens.map((g) => [
      g,
      ...(evidence.length ? [cell(evidence, g)] : []),
      ...(live.length ? [cell(live, g)] : []),
    ]),
  };
}
