/**
 * Writes the run folder of `lab imp`, `lab gd` and `lab transfer` as a run streams its events, so that the
 * folder is always a consistent record of the rounds that finished (docs/RELIABILITY.md):
 *   - each finished round's mask, mean and σ files are written first (temporary name + rename);
 *   - then generations.csv and rounds.csv are rewritten whole with that round's rows and renamed into
 *     place, rounds.csv last: a round counts as finished once its row is in rounds.csv. Rounds trained
 *     once and shared by several chains (round 1) are recorded together, in one rounds.csv write;
 *   - the folder is locked while the command runs (a second process on it is refused), and Ctrl-C or
 *     SIGTERM stops the run at the trainers' next gate with the lock released (interrupt.ts).
 * A folder interrupted at any point therefore reopens as "this run, k rounds finished" (run-state.ts),
 * and the command continues from there.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImpEvent, RoundRecord } from '../core/experiments/events';
import { GEN_COLUMNS, ROUND_COLUMNS, generationRow, parseRoundsCsv, roundRow, type RoundRow } from '../core/runs/csv';
import { CliError } from './args';
import { FolderLockedError, LOCK_FILE, isLockFile, lockFolder, writeFileAtomic } from './fs-safe';
import { watchInterrupts, type Interruption } from './interrupt';
import { GENERATIONS_FILE, ROUNDS_FILE, RunFolder } from './run-folder';
import { runFolderStatus, type RunIdentity } from './run-state';

const TMP_NAME = /^\..+\.tmp-\d+-\d+$/;

/**
 * What config.json records of how a run folder was made: the run id, the kind's own settings (`extra`,
 * e.g. `{ kind: 'gd', gd }`), the command line, the backend and the time.
 */
export function runMeta(
  runId: string,
  command: string,
  backend: string,
  extra: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return { runId, ...extra, command, backend, createdAt: new Date().toISOString() };
}

/** Removes temporary files a killed process left behind (only called while holding the folder's lock). */
async function removeLeftovers(dir: string): Promise<void> {
  for (const sub of ['', 'masks', 'params', 'theta0']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    // Lock files (the lock, a lock or takeover claim being made) are another process's business: deleting
    // one while it is made fails that process with a bare "no such file" instead of "locked".
    for (const n of names)
      if (TMP_NAME.test(n) && !isLockFile(n)) await unlink(join(dir, sub, n)).catch(() => undefined);
  }
}

/** True when this record ends a group of rounds recorded together (a shared round's last chain). */
function endsGroup(r: RoundRecord): boolean {
  const shared = r.sharedWith;
  return !shared || shared.length < 2 || shared[shared.length - 1] === r.method;
}

export class RunWriter {
  private roundsText: string;
  private gensText: string;
  private pendingRows: string[] = [];
  private pendingGens: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly skipNotes: string[] = [];
  private readonly interruption: Interruption;

  private constructor(
    readonly folder: RunFolder,
    readonly resumed: boolean,
    texts: { rounds: string; generations: string },
    private readonly unlock: () => Promise<void>,
    /** The run's rounds when finished, and what they are called ("rounds", "trainings"), for messages. */
    private readonly total: { readonly count: number; readonly units: string },
  ) {
    this.roundsText = texts.rounds;
    this.gensText = texts.generations;
    this.interruption = watchInterrupts(folder.path(LOCK_FILE), () => this.progressText());
  }

  /**
   * Locks `dir` and opens it for the run `identity`: a new folder gets config.json (`config` + `meta`)
   * and empty CSVs; a folder of this same run is continued (rows of an unfinished round dropped,
   * temporary files removed). Any other folder is refused with a CliError, nothing written.
   */
  static async open(
    dir: string,
    identity: RunIdentity,
    fresh: { config: unknown; meta: Record<string, unknown> },
    /** Finished rounds the caller saw (and planned from) before locking; a different count is refused. */
    expectDone = 0,
    /** What the command calls its rounds in messages (a transfer's are "trainings"). */
    units = 'rounds',
  ): Promise<RunWriter> {
    let unlock: () => Promise<void>;
    try {
      unlock = await lockFolder(dir);
    } catch (e) {
      if (e instanceof FolderLockedError) throw new CliError(e.message);
      throw e;
    }
    const total = { count: identity.expected.length, units };
    try {
      const status = await runFolderStatus(dir, identity);
      const folder = new RunFolder(dir);
      if (status.state === 'foreign') throw new CliError(status.message);
      if ((status.state === 'absent' ? 0 : status.done) !== expectDone)
        throw new CliError(`${dir} changed while this command was starting (another process?); run it again`);
      if (status.state === 'absent') {
        await folder.create(fresh.config, fresh.meta);
        const texts = { rounds: ROUND_COLUMNS.join(',') + '\n', generations: GEN_COLUMNS.join(',') + '\n' };
        return new RunWriter(folder, false, texts, unlock, total);
      }
      await removeLeftovers(dir);
      // Continue exactly the finished rounds: rewrite both CSVs without the rows of an unfinished round.
      await writeFileAtomic(folder.path(GENERATIONS_FILE), status.generationsText);
      await writeFileAtomic(folder.path(ROUNDS_FILE), status.roundsText);
      const texts = { rounds: status.roundsText, generations: status.generationsText };
      return new RunWriter(folder, true, texts, unlock, total);
    } catch (e) {
      await unlock();
      throw e;
    }
  }

  /** Event sink for runImp / runGdImp / runTransfer. */
  readonly onEvent = (e: ImpEvent): void => {
    if (e.type === 'generation') this.pendingGens.push(generationRow(e.metrics));
    else if (e.type === 'round') this.addRound(e.record);
  };

  private addRound(r: RoundRecord): void {
    if (r.skippedGens)
      this.skipNotes.push(
        `seed ${r.seed} ${r.method} round ${r.roundNum}: ${r.skippedGens} of ${r.generations} generations skipped because their fitness was not a number (the ES did not update in those)`,
      );
    this.pendingRows.push(roundRow(r));
    this.queue = this.queue.then(() => this.folder.writeRoundFiles(r));
    if (!endsGroup(r)) return;
    const rows = this.pendingRows,
      gens = this.pendingGens;
    this.pendingRows = [];
    this.pendingGens = [];
    this.queue = this.queue.then(() => this.commit(rows, gens));
  }

  private async commit(rows: readonly string[], gens: readonly string[]): Promise<void> {
    if (gens.length) {
      this.gensText += gens.join('\n') + '\n';
      await writeFileAtomic(this.folder.path(GENERATIONS_FILE), this.gensText);
    }
    this.roundsText += rows.join('\n') + '\n';
    await writeFileAtomic(this.folder.path(ROUNDS_FILE), this.roundsText);
  }

  /**
   * Gate for the trainers, called between generations: waits for the writes so far (a failed write stops
   * the run with its error), then stops it with InterruptedError after Ctrl-C or SIGTERM (interrupt.ts).
   */
  readonly gate = async (): Promise<void> => {
    await this.queue;
    await this.interruption.checkpoint();
  };

  async writeTheta0(seed: number, theta0: Float32Array): Promise<void> {
    await this.queue;
    await this.folder.writeTheta0(seed, theta0);
  }

  /** Waits for every write; records a group left open (never the case for a finished run). */
  async finish(): Promise<void> {
    if (this.pendingRows.length) {
      const rows = this.pendingRows,
        gens = this.pendingGens;
      this.pendingRows = [];
      this.pendingGens = [];
      this.queue = this.queue.then(() => this.commit(rows, gens));
    }
    await this.queue;
  }

  /** Releases the folder (after finish, or after a failure: what was recorded stays consistent). */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.unlock();
    this.interruption.stop();
  }

  /** "k of n rounds": the finished rounds of the folder out of the run's. */
  private progressText(): string {
    return `${this.finishedRounds().length} of ${this.total.count} ${this.total.units}`;
  }

  /** The line that says a rerun continues: "continuing: k of n rounds were already finished", or ''. */
  continuingLine(): string {
    return this.resumed ? `continuing: ${this.progressText()} were already finished\n` : '';
  }

  /** One line per round of this command that skipped generations (docs/RELIABILITY.md "non-finite fitness"). */
  skippedNotes(): readonly string[] {
    return this.skipNotes;
  }

  /** Every finished round of the folder (earlier runs' and this one's), as rounds.csv holds them. */
  finishedRounds(): RoundRow[] {
    return parseRoundsCsv(this.roundsText, this.folder.path(ROUNDS_FILE)).rows;
  }
}
