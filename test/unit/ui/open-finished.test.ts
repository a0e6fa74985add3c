/**
 * "Open the finished run" (open-finished.ts) answers the press at once, and is never silent: the notice says
 * it is opening the stored run before the read (in the lab worker, faked here) answers, says so when the read
 * takes unusually long, and says what went wrong when it fails. A second press while the read is in flight
 * does not queue another read behind it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { useImpStore } from '../../../src/state/imp-store';
import type { StoredRun } from '../../../src/storage/run-store';
import {
  OPEN_SLOW_MS,
  OPEN_SLOW_TEXT,
  openFinishedRun,
  openedText,
  openingText,
} from '../../../src/ui/run/open-finished';
import { showStoredIfAny } from '../../../src/ui/run/run-db';
import { quickConfig } from '../runs/fixtures';

vi.mock('../../../src/ui/run/run-db', () => ({ showStoredIfAny: vi.fn(), finishedRunOf: vi.fn() }));

const config = parseConfig({ ...quickConfig, seeds: [0] });
const run = { id: runId(config), updatedAt: Date.UTC(2025, 4, 1, 12) } as StoredRun;
const notice = () => useImpStore.getState().notice;

/** A read the test answers when it wants. */
function pendingRead(): (shown: boolean) => void {
  let answer!: (shown: boolean) => void;
  vi.mocked(showStoredIfAny).mockReturnValueOnce(new Promise((r) => (answer = r)));
  return answer;
}

beforeEach(() => {
  vi.mocked(showStoredIfAny).mockReset();
  useImpStore.setState({ notice: null });
});
afterEach(() => vi.useRealTimers());

describe('opening the finished run', () => {
  it('says it is opening the run at the press, before the read answers, then that it shows it', async () => {
    const answer = pendingRead();
    const opened = openFinishedRun(config, run);
    expect(notice()).toBe(openingText(run));
    expect(notice()).toMatch(/^Opening the finished run of these settings \(saved .+\)…$/);
    answer(true);
    await opened;
    expect(notice()).toBe(openedText(run));
    expect(showStoredIfAny).toHaveBeenCalledOnce();
    expect(vi.mocked(showStoredIfAny).mock.calls[0][0]).toBe(config);
  });

  it('says so when the read takes unusually long, and still shows the run when it answers', async () => {
    vi.useFakeTimers();
    const answer = pendingRead();
    const opened = openFinishedRun(config, run);
    await vi.advanceTimersByTimeAsync(OPEN_SLOW_MS - 1);
    expect(notice()).toBe(openingText(run));
    await vi.advanceTimersByTimeAsync(1);
    expect(notice()).toBe(OPEN_SLOW_TEXT);
    expect(OPEN_SLOW_TEXT).toMatch(/taking longer than usual .* Nothing is computed over the finished run/);
    // a second press waits on the same read (a stuck worker would answer a second read no sooner)
    void openFinishedRun(config, run);
    expect(showStoredIfAny).toHaveBeenCalledOnce();
    expect(notice()).toBe(OPEN_SLOW_TEXT);
    answer(true);
    await opened;
    expect(notice()).toBe(openedText(run));
  });

  it('a slow read of other settings that answers after a later open neither shows its run nor speaks', async () => {
    const other = parseConfig({ ...quickConfig, seeds: [1] });
    const otherRun = { id: runId(other), updatedAt: Date.UTC(2025, 4, 2, 12) } as StoredRun;
    const answerSlow = pendingRead();
    const slow = openFinishedRun(config, run);
    const answerLater = pendingRead();
    const later = openFinishedRun(other, otherRun);
    const [slowWanted, laterWanted] = vi.mocked(showStoredIfAny).mock.calls.map((c) => c[1]!);
    expect(slowWanted()).toBe(false); // showStoredIfAny asks this before it shows the rounds it read
    expect(laterWanted()).toBe(true);
    answerLater(true);
    await later;
    expect(notice()).toBe(openedText(otherRun));
    answerSlow(false);
    await slow;
    expect(notice()).toBe(openedText(otherRun));
  });

  it('says what went wrong when the read fails or finds no round', async () => {
    vi.mocked(showStoredIfAny).mockRejectedValueOnce(new Error('the compute worker stopped'));
    await openFinishedRun(config, run);
    expect(notice()).toBe(
      'The stored run of these settings could not be opened: the compute worker stopped. Nothing was computed over ' +
        'it. Press the button again or reload the page; to run these settings anew, delete the run under Runs first.',
    );
    vi.mocked(showStoredIfAny).mockResolvedValueOnce(false);
    await openFinishedRun(config, run);
    expect(notice()).toMatch(/could not be opened: its rounds were not found in the browser’s storage\./);
  });
});
