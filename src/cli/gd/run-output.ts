/**
 * Shared output plumbing of the GD and transfer commands: streams ImpEvents into a RunFolder (rounds as
 * they finish, generation/epoch rows in batches) and a progress line, like `lab imp` does.
 */
import type { GenerationMetrics, ImpEvent, RoundRecord } from '../../core/experiments/events';
import { RunFolder } from '../run-folder';
import { ProgressLine } from '../progress';

export class RunWriter {
  readonly records: RoundRecord[] = [];
  private pending: GenerationMetrics[] = [];
  private writes: Promise<void> = Promise.resolve();
  private done = 0;

  constructor(
    readonly folder: RunFolder,
    private readonly progress: ProgressLine,
  ) {}

  /** Event sink for runGdImp / runTransfer. */
  readonly onEvent = (e: ImpEvent): void => {
    if (e.type === 'generation') {
      this.pending.push(e.metrics);
      const m = e.metrics;
      this.progress.update(
        this.done + m.gen / Math.max(1, m.generations),
        `seed ${m.seed} ${m.method} r${m.roundNum} step ${m.gen}/${m.generations}` +
          (m.lastEval ? ` test ${(100 * m.lastEval.perf).toFixed(1)}` : ''),
      );
    } else if (e.type === 'round') {
      this.records.push(e.record);
      if (!e.record.sharedWith || e.record.sharedWith[0] === e.record.method) this.done++;
      const r = e.record;
      this.writes = this.writes.then(() => this.folder.appendRound(r));
    }
  };

  /** Gate for the trainers: flushes generation rows now and then. */
  readonly gate = async (): Promise<void> => {
    if (this.pending.length >= 200) await this.flush();
  };

  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    await this.writes;
    await this.folder.appendGenerations(rows);
  }
}
