// A stored run's progress is counted in rounds: the last round every seed × method chain finished — the
// same count as the summary stored next to the run (storage/run-summary.ts), which the Runs list shows.
import { describe, expect, it } from 'vitest';
import { parseConfig, recordMethodIds } from '../../../src/core/runs/config';
import { Rng } from '../../../src/core/rng';
import { emptySummary, withRound } from '../../../src/storage/run-summary';
import { getPreset } from '../../../src/core/runs/presets';
import {
  roundsReachedText,
  storedProgress,
  storedProgressText,
  trainedNetworksText,
} from '../../../src/state/stored-progress';
import { roundRecord } from '../../helpers/round-record';

const base = getPreset('mnist-2min').config;
const config = parseConfig({
  ...base,
  seeds: [0, 1],
  prune: { ...base.prune, methods: ['magnitude', 'snr'], rounds: 4 },
});
const chains = (upTo: number) =>
  [0, 1].flatMap((seed) =>
    Array.from({ length: upTo }, (_, i) => i + 1).flatMap((r) =>
      ['magnitude', 'snr'].map((m) => roundRecord(seed, m, r, 0.5)),
    ),
  );

describe('stored run progress', () => {
  it('a finished run: every chain reached the planned round', () => {
    const p = storedProgress(config, chains(4));
    expect(p).toMatchObject({ roundsDone: 4, planned: 4 });
    expect(p.last).toMatchObject({ seed: 1, method: 'snr', roundNum: 4 });
    expect(storedProgressText(p)).toBe('finished: all 4 rounds saved');
  });

  it('a stopped run counts the round every chain finished, not the furthest one', () => {
    const records = [...chains(2), roundRecord(0, 'magnitude', 3, 0.5), roundRecord(0, 'snr', 3, 0.5)];
    const p = storedProgress(config, records);
    expect(p.roundsDone).toBe(2);
    expect(p.last).toMatchObject({ seed: 0, method: 'snr', roundNum: 3 });
    expect(storedProgressText(p)).toBe('rounds 1–2 of 4 saved (the Runs tab shows how to continue it)');
  });

  it('a chain with no round at all (a seed not started) means no round is complete', () => {
    const seed0 = chains(3).filter((r) => r.seed === 0);
    const p = storedProgress(config, seed0);
    expect(p.roundsDone).toBe(0);
    expect(storedProgressText(p)).toMatch(/^no round finished yet for every seed and pruning method/);
  });

  it("a GD run's records carry gd_ method ids", () => {
    // storedProgress reads the trainer's presence only (recordMethodIds), not its parameters
    const gd = { ...config, trainer: { id: 'gd', params: {} } } as unknown as typeof config;
    const records = [0, 1].flatMap((seed) => ['gd_magnitude', 'gd_snr'].map((m) => roundRecord(seed, m, 4, 0.9)));
    expect(storedProgress(gd, records).roundsDone).toBe(4);
  });

  it('counts rounds as rounds and names a count of records as trained networks', () => {
    expect(roundsReachedText({ roundsDone: 6, planned: 6 })).toBe('all 6 rounds');
    expect(roundsReachedText({ roundsDone: 5, planned: 6 })).toBe('rounds 1–5 of 6');
    expect(roundsReachedText({ roundsDone: 1, planned: 6 })).toBe('round 1 of 6');
    expect(roundsReachedText({ roundsDone: 0, planned: 6 })).toBe(
      'no round finished yet for every seed and pruning method',
    );
    expect(trainedNetworksText(54)).toBe('54 trained networks (one per round, pruning method and seed)');
    expect(trainedNetworksText(1)).toMatch(/^1 trained network \(/);
  });
});

describe('the run panel and the stored summary', () => {
  it('count the same rounds for any set of stored records', () => {
    const rng = new Rng(7);
    const methods = [...recordMethodIds(config), 'random_reinit']; // a chain the config does not train
    const seen = new Set<number>();
    for (let trial = 0; trial < 200; trial++) {
      // records as a run stores them: in any order, a resumed round stored twice, chains left short
      const records = Array.from({ length: rng.int(20) }, () =>
        roundRecord(rng.int(3), methods[rng.int(methods.length)], 1 + rng.int(4), 0.5),
      );
      const summary = records.reduce(
        (s, r) => withRound(s, r, true),
        emptySummary(recordMethodIds(config), config.seeds, config.prune.rounds),
      );
      expect(storedProgress(config, records).roundsDone, `trial ${trial}`).toBe(summary.roundsDone);
      seen.add(summary.roundsDone);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]); // empty, partial and finished runs
  });
});
