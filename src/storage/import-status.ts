/**
 * How an imported bundle is stored. A file exported mid-run (paused, cancelled, a closed tab) is the usual
 * way a student carries a run to another machine to go on with it, so only a bundle whose every seed ×
 * method chain reached the planned rounds is stored as finished ('done'); any other is 'interrupted'.
 * Rounds are counted by the run's summary (run-summary.ts: the last round every chain finished, the
 * count state/stored-progress.ts makes for the run panel; storage may not import the state layer).
 *
 * Resume continues each chain from the training state saved after its last finished round (the bundle's
 * `chains`: the app's own export carries them; a CLI or precomputed bundle does not). A chain that has
 * rounds but no such state would be trained again from round 1 by Resume, so an unfinished import without
 * every state is marked `resumable: false`: the Runs tab then offers no Resume and says that Start trains
 * it anew (the "already run to the end" guard lets it, as the run is not finished).
 *
 * Older versions stored every import as 'done'. Such a run is not rewritten: it is read by what it holds
 * (`asRead`), so the Runs list and the run it opens show it interrupted, with Resume where its states allow.
 */
import { recordMethodIds, type ExperimentConfig } from '../core/runs/config';
import type { RunBundle } from '../core/runs/bundle';
import { reachedPlannedRounds, type RunSummary } from './run-summary';
import type { StoredRun, StoredRunStatus } from './lab-db';

export interface ImportedState {
  readonly status: StoredRunStatus;
  /** false: unfinished, and some chain lacks the state Resume continues from. */
  readonly resumable?: false;
}

/** What a saved chain state says about resuming: whose chain it is and the round it continues with. */
export type ChainResumePoint = { readonly seed: number; readonly method: string; readonly nextRoundNum: number };

/** Every chain with a round has the state saved after its last one (the state's next round follows it). */
function carriesResumeStates(
  config: ExperimentConfig,
  chains: readonly ChainResumePoint[],
  summary: RunSummary,
): boolean {
  const recordIds = recordMethodIds(config);
  const next = new Map(
    chains.map((c) => [
      // chain states name the prune method; a GD run's records name it gd_<method>
      `${c.seed}\u0000${recordIds[config.prune.methods.indexOf(c.method)]}`,
      c.nextRoundNum,
    ]),
  );
  return summary.chains.every((c) => c.roundsDone === 0 || next.get(`${c.seed}\u0000${c.method}`) === c.roundsDone + 1);
}

/** The status an imported bundle (whose records `summary` sums up) is stored with, and whether Resume can continue it. */
export function importedState(bundle: RunBundle, summary: RunSummary): ImportedState {
  if (reachedPlannedRounds(summary)) return { status: 'done' };
  return carriesResumeStates(bundle.config, bundle.chains ?? [], summary)
    ? { status: 'interrupted' }
    : { status: 'interrupted', resumable: false };
}

/**
 * A run stored 'done' though some chain stopped short of the planned rounds: what older versions stored
 * for every import, and what a run whose last rounds could not be saved is left with.
 */
export function doneTooEarly(run: StoredRun): boolean {
  return run.status === 'done' && !reachedPlannedRounds(run.summary);
}

/**
 * The run as the app lists and opens it: a run `doneTooEarly` reads as interrupted, not resumable unless
 * `chains` (its saved chain states) hold what Resume continues from. Computed on every read; the stored
 * record keeps what was written, so an older version reading the same database still finds its run.
 */
export function asRead(run: StoredRun, chains: readonly ChainResumePoint[]): StoredRun {
  if (!doneTooEarly(run)) return run;
  const { resumable: _, ...rest } = run;
  return carriesResumeStates(run.config, chains, run.summary)
    ? { ...rest, status: 'interrupted' }
    : { ...rest, status: 'interrupted', resumable: false };
}
