/**
 * What the confirmation before cancelling a run says, in a student's words. Cancel keeps every finished
 * round (stored in this browser, still drawn and listed in the Runs tab) but throws away the round in
 * progress. A cancelled run is stored as interrupted, so the Runs tab offers to continue it from its last
 * finished round (run/RunsPanel.tsx). Pure, tested in Node.
 */

export interface CancelText {
  readonly title: string;
  readonly kept: string;
  readonly lost: string;
  readonly instead: string;
  readonly confirm: string;
  readonly keep: string;
}

/** `finished`: round records stored so far (every chain and seed counts); `paused`: the run is paused now. */
export function cancelText(finished: number, paused: boolean): CancelText {
  return {
    title: 'Cancel this run?',
    kept:
      finished === 0
        ? 'No round has finished yet, so nothing of this run is kept.'
        : `The ${finished === 1 ? 'round that has finished is' : `${finished.toLocaleString('en')} rounds that have finished are`} kept: you can still see ${finished === 1 ? 'its' : 'their'} results here and in the Runs tab.`,
    lost: `The round ${paused ? 'that is paused' : 'being trained right now'} is not finished, so its progress is lost.`,
    instead:
      finished === 0
        ? 'Starting it again later begins from the first round.'
        : 'You can continue it later from the Runs tab: it goes on from its last finished round.',
    confirm: 'Cancel the run',
    keep: paused ? 'Keep it paused' : 'Keep running',
  };
}
