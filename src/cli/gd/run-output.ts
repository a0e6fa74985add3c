/**
 * Shared output of the GD and transfer commands: the event sink (every event goes to the run folder's
 * writer, run-writer.ts, and a progress line counts trainings: a GD round's steps depend on its data
 * size), and the closing report.
 */
import type { ImpEvent } from '../../core/experiments/events';
import { perfRow, summaryTable } from '../imp-command';
import type { ProgressLine } from '../progress';
import type { RunWriter } from '../run-writer';

/** After the last training: the notes of skipped generations on stderr, the summary table on stdout. */
export function closingReport(writer: RunWriter): void {
  process.stderr.write('\n');
  for (const note of writer.skippedNotes()) process.stderr.write(`note: ${note}\n`);
  process.stdout.write(summaryTable(writer.finishedRounds().map(perfRow)) + '\n');
}

/** Event sink: writes through `writer`, advances `progress` from `doneUnits` trainings already finished. */
export function trainingSink(writer: RunWriter, progress: ProgressLine, doneUnits: number): (e: ImpEvent) => void {
  let done = doneUnits;
  return (e) => {
    writer.onEvent(e);
    if (e.type === 'generation') {
      const m = e.metrics;
      progress.update(
        done + m.gen / Math.max(1, m.generations),
        `seed ${m.seed} ${m.method} r${m.roundNum} step ${m.gen}/${m.generations}` +
          (m.lastEval ? ` test ${(100 * m.lastEval.perf).toFixed(1)}` : ''),
      );
    } else if (e.type === 'round') {
      const shared = e.record.sharedWith;
      if (!shared || shared.length < 2 || shared[0] === e.record.method) done++;
    }
  };
}
