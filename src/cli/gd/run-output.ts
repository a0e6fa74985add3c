/**
 * Shared output of the GD and transfer commands: the event sink (every event goes to the run folder's
 * writer, run-writer.ts, and a progress line counts trainings: a GD round's steps depend on its data
 * size), and the closing report.
 */
import type { ImpEvent } from '../../core/experiments/events';
import type { TestMetric } from '../../core/tasks/types';
import { perfRow, perfText, summaryTable } from '../imp-command';
import type { ProgressLine } from '../progress';
import type { RunWriter } from '../run-writer';

/** After the last training: the notes of skipped generations on stderr, the summary table on stdout. */
export function closingReport(writer: RunWriter, metric: TestMetric): void {
  process.stderr.write('\n');
  for (const note of writer.skippedNotes()) process.stderr.write(`note: ${note}\n`);
  process.stdout.write(summaryTable(writer.finishedRounds().map(perfRow), metric) + '\n');
}

/**
 * Event sink: writes through `writer`, advances `progress` from `doneUnits` trainings already finished.
 * The progress line reads as imp's: `gen` for ES trainings, `step` for GD (whose "generations" are
 * optimizer steps), and the test metric with its unit (perfText).
 */
export function trainingSink(
  writer: RunWriter,
  progress: ProgressLine,
  doneUnits: number,
  shown: { readonly metric: TestMetric; readonly gd: boolean },
): (e: ImpEvent) => void {
  let done = doneUnits;
  return (e) => {
    writer.onEvent(e);
    if (e.type === 'generation') {
      const m = e.metrics;
      progress.update(
        done + m.gen / Math.max(1, m.generations),
        `seed ${m.seed} ${m.method} r${m.roundNum} ${shown.gd ? 'step' : 'gen'} ${m.gen}/${m.generations}` +
          (m.lastEval ? ` ${perfText(shown.metric, m.lastEval.perf)}` : ''),
      );
    } else if (e.type === 'round') {
      const shared = e.record.sharedWith;
      if (!shared || shared.length < 2 || shared[0] === e.record.method) done++;
    }
  };
}
