// IMP run store + chart selectors + experiment choice store (live charts, sweeps):
// folding streamed progress, ETA that ignores resumed rounds, mean ± s.d. bands by hand, σ rows
// with shared round-1 records once, inline validation with field-named issues, seed parsing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GenerationMetrics } from '../../../src/core/experiments/events';
import {
  IMP_RUN_DEFAULT,
  foldGenerations,
  formatDuration,
  selectProgress,
  useImpStore,
} from '../../../src/state/imp-store';
import { meanStd, sigmaRows, sparsityCurves, thin } from '../../../src/state/imp-selectors';
import {
  EXPERIMENT_CHOICE_DEFAULT,
  issuesAt,
  labelIssue,
  parseSeedsText,
  seedsFromText,
  selectValidation,
  useExperimentStore,
} from '../../../src/state/experiment-store';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { roundRecord } from '../../helpers/round-record';

const rec = roundRecord;
const gen = (method: string, roundNum: number, g: number): GenerationMetrics => ({
  seed: 0,
  method,
  roundNum,
  gen: g,
  generations: 100,
  bestScore: g,
  meanScore: g / 2,
  esDim: 7,
  evalsPerSec: 1000 + g,
  lastEval: { gen: 10, perf: 0.5, loss: 1 },
});
const config = parseConfig(getPreset('mnist-quick').config);
const layout = {
  inputShape: [14, 14, 1],
  outputSize: 10,
  layers: [
    {
      name: 'Dense_0',
      kind: 'dense' as const,
      kernelShape: [196, 32],
      kernelOffset: 0,
      kernelSize: 6272,
      biasOffset: 6272,
      biasSize: 32,
      fanIn: 196,
    },
  ],
};

beforeEach(() => {
  useImpStore.setState(IMP_RUN_DEFAULT);
  useExperimentStore.setState(EXPERIMENT_CHOICE_DEFAULT);
});

describe('IMP run store', () => {
  it('folds start / gens / rounds; shared round 1 counts its generations once', () => {
    const s = () => useImpStore.getState();
    s().starting(config, 0);
    s().progress(
      {
        kind: 'start',
        runId: 'abc',
        netDescribe: 'mlp',
        paramCount: 6634,
        prunableCount: 6592,
        notes: ['n'],
        totalGens: 1000,
        doneGens: 0,
        resumedSeeds: [],
        layout,
      },
      0,
    );
    expect(s().status).toBe('running');
    expect(s().layout).toBe(layout);
    s().progress({ kind: 'gens', metrics: [gen('magnitude', 1, 10), gen('magnitude', 1, 20)] }, 0);
    expect(s().currentGen).toBe(20);
    expect(s().esDim).toBe(7);
    expect(s().current?.points.map((p) => p.testPerf)).toEqual([0.5, null]);
    s().progress({ kind: 'round', record: rec(0, 'magnitude', 1, 0.9, { sharedWith: ['magnitude', 'snr'] }) }, 0);
    s().progress({ kind: 'round', record: rec(0, 'snr', 1, 0.9, { sharedWith: ['magnitude', 'snr'] }) }, 0);
    expect(s().finishedGens).toBe(100);
    expect(s().records).toHaveLength(2);
    s().progress({ kind: 'storage-error', message: 'full' }, 0);
    expect(s().storageError).toBe('full');
  });

  it('a new round key starts a new fitness series', () => {
    const a = foldGenerations(null, [gen('magnitude', 2, 10), gen('magnitude', 2, 20)]);
    expect(a?.points).toHaveLength(2);
    const b = foldGenerations(a, [gen('snr', 2, 10)]);
    expect(b?.method).toBe('snr');
    expect(b?.points).toHaveLength(1);
  });

  it('progress and ETA: rate from generations trained in this tab only', () => {
    // resumed with 400 of 1000 done; 100 more trained in 10 s → 500 left at 10 gens/s = 50 s
    const p = selectProgress(
      { totalGens: 1000, finishedGens: 450, currentGen: 50, gensAtStart: 400, startedAtMs: 0 },
      10_000,
    );
    expect(p.fraction).toBeCloseTo(0.5);
    expect(p.etaMs).toBeCloseTo(50_000);
    expect(
      selectProgress({ totalGens: 10, finishedGens: 0, currentGen: 0, gensAtStart: 0, startedAtMs: 0 }, 5).etaMs,
    ).toBeNull();
    // paused at 10 s: the ETA stands still; resumed 20 s later: the pause does not count as training time
    const run = { totalGens: 1000, finishedGens: 450, currentGen: 50, gensAtStart: 400, startedAtMs: 0 };
    expect(selectProgress({ ...run, pausedAtMs: 10_000 }, 30_000).etaMs).toBeCloseTo(50_000);
    useImpStore.setState({ ...run, status: 'running', pausedAtMs: null });
    useImpStore.getState().setStatus('paused', 10_000);
    useImpStore.getState().setStatus('paused', 12_000); // a second pause request keeps the first time
    useImpStore.getState().setStatus('running', 30_000);
    expect(useImpStore.getState()).toMatchObject({ startedAtMs: 20_000, pausedAtMs: null });
    expect(selectProgress(useImpStore.getState(), 30_000).etaMs).toBeCloseTo(50_000);
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(3_900_000)).toBe('1 h 05 min');
  });
});

describe('chart selectors', () => {
  it('sparsity curves: mean and sample s.d. over seeds per method and round (by hand)', () => {
    const c = sparsityCurves([
      rec(0, 'magnitude', 1, 0.8),
      rec(1, 'magnitude', 1, 0.9),
      rec(0, 'snr', 1, 0.7),
      rec(0, 'magnitude', 2, 0.6),
    ]);
    expect(c.methods).toEqual(['magnitude', 'snr']);
    expect(c.seeds).toEqual([0, 1]);
    expect(c.rows.map((r) => r.roundNum)).toEqual([1, 2]);
    expect(c.rows[0].remainingPct).toBe(100);
    expect(c.rows[1].remainingPct).toBeCloseTo(80);
    expect(c.rows[0].magnitude).toBeCloseTo(0.85);
    const [lo, hi] = c.rows[0]['magnitude:band'] as [number, number];
    expect(hi - lo).toBeCloseTo(2 * Math.sqrt(0.005)); // s.d. of {0.8, 0.9} with n−1 = √0.005
    expect(c.rows[0]['magnitude#1']).toBe(0.9);
    expect(c.rows[1].snr).toBeUndefined();
    expect(meanStd([3]).std).toBe(0);
  });

  it('σ rows: shared round-1 record shown once; thinning keeps the last point', () => {
    const rows = sigmaRows([
      rec(0, 'magnitude', 1, 0.2, { sharedWith: ['magnitude', 'snr'] }),
      rec(0, 'snr', 1, 0.2, { sharedWith: ['magnitude', 'snr'] }),
      rec(0, 'magnitude', 2, 0.4),
      rec(1, 'magnitude', 2, 0.6),
    ]);
    expect(rows.map((r) => `${r.roundNum}${r.method}`)).toEqual(['1magnitude', '2magnitude']);
    expect(rows[1].sigmaMean).toBeCloseTo(0.5);
    const t = thin(
      Array.from({ length: 1001 }, (_, i) => i),
      100,
    );
    expect(t.length).toBeLessThanOrEqual(101);
    expect(t[t.length - 1]).toBe(1000);
  });
});

describe('experiment choice store', () => {
  it('defaults to the quick preset (valid); edits give field-named inline issues', () => {
    const st = useExperimentStore.getState;
    expect(st().presetId).toBe('mnist-2min');
    expect(selectValidation(st()).config).not.toBeNull();
    st().patch('es', { popSize: 63 });
    expect(st().presetId).toBeNull();
    expect(issuesAt(selectValidation(st()), 'es.popSize').join()).toMatch(/even/);
    // named as the form shows the field, not by its config key
    expect(issuesAt(selectValidation(st()), 'es.popSize', 'Population size').join()).toMatch(
      /population size must be even/,
    );
    expect(issuesAt(selectValidation(st()), 'es.popSize', 'Population size').join()).not.toMatch(/popSize/);
    st().patch('budget', { generationsPerRound: 0 });
    expect(issuesAt(selectValidation(st()), 'budget')).toHaveLength(1);
    st().applyPreset('cartpole-reduced');
    expect(selectValidation(st()).issues).toEqual([]);
    expect(selectValidation(st())).toBe(selectValidation(st())); // memoised per draft
  });

  it('switching the ES resets its params to the new defaults; methods toggle; snr needs per-parameter σ', () => {
    const st = useExperimentStore.getState;
    st().setEntry('es', 'open_es');
    expect(issuesAt(selectValidation(st()), 'prune.methods').join()).toMatch(/σ/);
    st().toggleMethod('snr');
    expect(st().draft.prune.methods).not.toContain('snr');
    expect(selectValidation(st()).issues).toEqual([]);
    st().setParam('es', 'sigma_init', 1e9);
    expect(issuesAt(selectValidation(st()), 'es.params.sigma_init')).toHaveLength(1);
  });

  it('parses seed lists and ranges', () => {
    expect(parseSeedsText('0, 2, 5-7')).toEqual({ seeds: [0, 2, 5, 6, 7] });
    expect(parseSeedsText('1,1')).toHaveProperty('error');
    expect(parseSeedsText('x')).toHaveProperty('error');
    expect(parseSeedsText('')).toHaveProperty('error');
  });

  it('a Seeds text that does not parse leaves the draft without seeds, so nothing can start', () => {
    // typing "0-100" passes through "0-10", which parses: the field must not leave those 11 seeds behind
    const st = useExperimentStore.getState;
    st().applyPreset('mnist-2min');
    st().setSeeds(seedsFromText('0-10').seeds);
    expect(selectValidation(st()).config?.seeds).toHaveLength(11);
    const typed = seedsFromText('0-100');
    expect(typed.error).toMatch(/at most 32 seeds/);
    st().setSeeds(typed.seeds);
    expect(selectValidation(st()).config).toBeNull();
    expect(seedsFromText('abc')).toEqual({ seeds: [], error: expect.stringMatching(/not a seed/) });
    expect(seedsFromText('3, 1')).toEqual({ seeds: [3, 1], error: null });
  });
});

describe("validation messages in the form's words", () => {
  it('replace the config key by the label; a NaN box asks for a number; other text stays', () => {
    expect(labelIssue('popSize must be an integer in [4, 4096]', 'es.popSize', 'Population size')).toBe(
      'Population size must be an integer in [4, 4096]',
    );
    expect(labelIssue('prune.rounds must be an integer in [1, 40]', 'prune.rounds', 'Rounds')).toBe(
      'Rounds must be an integer in [1, 40]',
    );
    expect(labelIssue('sigma_init = -1 is outside [0.0001, 10]', 'es.params.sigma_init', 'σ₀')).toBe(
      'σ₀ = -1 is outside [0.0001, 10]',
    );
    expect(labelIssue('Invalid input: expected number, received NaN', 'budget.evalEvery', 'Test every')).toBe(
      'Test every: enter a number',
    );
    expect(labelIssue('needs at least one method', 'prune.methods', 'Methods')).toBe('needs at least one method');
  });
});
