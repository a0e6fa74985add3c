/**
 * What the confirmation before cancelling a run says, in a student's words. Cancel keeps every finished
 * round (stored in this browser, still drawn and listed in the Runs tab) but throws away the round in
 * progress, and a cancelled run cannot be resumed later, while a paused one can (run/RunsPanel.tsx offers
 * Resume only for paused or interrupted runs). Pure, tested in Node.
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
    instead: paused
      ? 'A cancelled run cannot be continued later. To continue later, keep it paused.'
      : 'A cancelled run cannot be continued later. To stop for a while and continue later, use Pause instead.',
    confirm: 'Cancel the run',
    keep: paused ? 'Keep it paused' : 'Keep running',
  };
}
