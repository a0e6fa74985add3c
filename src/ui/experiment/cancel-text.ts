/**
 * What the confirmation before cancelling a run says, in a student's words. Cancel keeps every finished
 * round (stored in this browser, still drawn and listed in the Runs tab) but throws away the round in
 * progress. A cancelled run is stored as interrupted, so the Runs tab offers to continue it from its last
 * finished round (run/RunsPanel.tsx). Pure, tested in Node.
 */
import { roundsReachedText, trainedNetworksText } from '../../state/stored-progress';

export interface CancelText {
  readonly title: string;
  readonly kept: string;
  readonly lost: string;
  readonly instead: string;
  readonly confirm: string;
  readonly keep: string;
}

/**
 * What a run has kept so far: the rounds every seed × method chain finished (state/stored-progress.ts, as
 * the run panel counts them) and the round records stored, one per chain and round, which the text calls
 * trained networks (16 records in a 6-round run are not "16 rounds").
 */
export interface KeptSoFar {
  readonly roundsDone: number;
  readonly planned: number;
  readonly records: number;
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

function keptText({ roundsDone, planned, records }: KeptSoFar): string {
  // "this run" trained nothing: rounds stored before it (an import started again from round 1) stay
  if (records === 0) return 'No round has finished yet, so this run has nothing to keep.';
  const see = 'You can still see the results here and in the Runs tab.';
  const networks = trainedNetworksText(records);
  if (roundsDone === 0)
    return `${networks} ${records === 1 ? 'is' : 'are'} kept, though no round has finished yet for every seed and pruning method. ${see}`;
  const rounds = roundsReachedText({ roundsDone, planned });
  const kept = `${capital(rounds)} finished and ${roundsDone === 1 ? 'is' : 'are'} kept`;
  // One method and one seed: a round is one network, and the count would only repeat the rounds.
  return records === roundsDone ? `${kept}. ${see}` : `${kept}: ${networks}. ${see}`;
}

/**
 * `kept`: what the run has stored so far; `paused`: the run is paused now; `verb`: the word of the button
 * that asked — the lab's Cancel, or the tour's "Stop the live run" (the question repeats the button's word).
 */
export function cancelText(kept: KeptSoFar, paused: boolean, verb: 'cancel' | 'stop' = 'cancel'): CancelText {
  const stop = verb === 'stop';
  return {
    title: stop ? 'Stop the live run?' : 'Cancel this run?',
    kept: keptText(kept),
    lost: `The round ${paused ? 'that is paused' : 'being trained right now'} is not finished, so its progress is lost.`,
    instead:
      kept.records === 0
        ? 'Starting it again later begins from the first round.'
        : 'You can continue it later from the Runs tab: it goes on from its last finished round.',
    confirm: stop ? 'Stop the run' : 'Cancel the run',
    keep: paused ? 'Keep it paused' : 'Keep running',
  };
}
