// Tour analysis files (core/tour/analysis-file.ts): strict parsing with field-named messages, and the
// sentences and chart data of the connectivity/flatness and transfer steps (analysis-sentences.ts,
// analysis-curves.ts), on a file shaped like the lab's mnist-quick analyses (docs/RESULTS.md §3, §5).
import { describe, expect, it } from 'vitest';
import { parseTourAnalysis, type TourAnalysis } from '../../../src/core/tour/analysis-file';
import { minimaSentence } from '../../../src/core/tour/analysis-sentences';
import { transferSentence } from '../../../src/core/tour/transfer-sentence';
import { combineVerdicts } from '../../../src/core/tour/sentence';
import { barrierCurves, barrierReading, sharpnessCurves, transferTable } from '../../../src/core/tour/analysis-curves';
import { FILE, lmc, plain } from './analysis-fixture';

describe('parsing a tour analysis file', () => {
  it('accepts a valid file, as text or bytes', () => {
    const text = JSON.stringify(FILE);
    expect(parseTourAnalysis(text)).toEqual({ ok: true, analysis: FILE });
    expect(parseTourAnalysis(new TextEncoder().encode(text)).ok).toBe(true);
  });

  it('names the field that is wrong', () => {
    const bad = (patch: object) => parseTourAnalysis(JSON.stringify({ ...FILE, ...patch }));
    expect(bad({ version: 2 })).toMatchObject({ ok: false, message: expect.stringMatching(/^version:/) });
    expect(bad({ lmc: [{ ...FILE.lmc![0], pair: 'diagonal' }] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^lmc\.0\.pair:/),
    });
    expect(bad({ sharpness: [{ ...FILE.sharpness![0], remainingPct: 130 }] })).toMatchObject({
      ok: false,
      message: 'sharpness.0.remainingPct: must be a percentage in [0, 100]',
    });
    expect(bad({ extra: 1 }).ok).toBe(false); // strict: unknown keys are another format
    expect(parseTourAnalysis('{not json').ok).toBe(false);
    expect(parseTourAnalysis(new Uint8Array([0xff, 0xfe])).ok).toBe(false);
  });
});

describe('ES and gradient descent find different minima (R8, R10)', () => {
  it('one sentence of the clauses the file has, each compared with the paper', () => {
    const s = minimaSentence(FILE);
    if (!s.ok) throw new Error(s.reason);
    expect(plain(s.text)).toBe(
      'In the chain of the magnitude ticket, two ES runs from different starting weights are separated by an error barrier of 20.0 % on average (runs ' +
        'from different starting weights are expected to be separated whatever the optimiser); an ES and a ' +
        'gradient-descent network grown from the same start by an error barrier of 4.0 %; consecutive rounds of one ES run by 7.0 % at first and 2.0 % at ' +
        '64 % of the weights; and the sharpness of the ES minima (the signal-to-noise ticket) goes from 6.0 to 5.0 as the weights fall to 64 % while ' +
        "gradient descent's goes from 4.0 to 12.0.",
    );
    expect(s.verdict).toBe('agrees');
  });

  it('connected networks (barrier below 2 %) disagree with the paper; without data there is no sentence', () => {
    const connected = {
      ...FILE,
      lmc: FILE.lmc!.map((r) => ({ ...r, barrier: r.pair === 'seeds' ? r.barrier : 0.001 })),
      sharpness: [],
    };
    const s = minimaSentence(connected);
    // ES–GD connected and no fall across rounds: both differ; runs from different starts carry no verdict
    expect(s.ok && s.verdict).toBe('differs');
    const apart = minimaSentence({ ...FILE, lmc: FILE.lmc!.filter((r) => r.pair !== 'es-gd'), sharpness: [] });
    expect(apart.ok && apart.verdict).toBe('agrees'); // only the consecutive-round clause (7.0 % → 2.0 %)
    expect(minimaSentence({ ...FILE, lmc: [], sharpness: [] }).ok).toBe(false);
    expect(combineVerdicts(['differs', 'differs'])).toBe('differs');
    expect(combineVerdicts([])).toBeNull();
  });

  it('ES vs GD is judged pair by pair: a mean above 2 % with most pairs connected is only partly the paper', () => {
    const esGd = (seed: number, barrier: number) => ({
      ...lmc('es-gd', 'magnitude', [seed, 2, 80], [seed, 2, 80], barrier),
      chainB: 'gd_magnitude',
    });
    // mean 2.1 % (above the line), yet two of the three pairs are connected
    const mixed = { ...FILE, lmc: [esGd(0, 0.005), esGd(1, 0.008), esGd(2, 0.05)], sharpness: [] };
    const s = minimaSentence(mixed);
    expect(s.ok && plain(s.text)).toContain(
      'by an error barrier of 2.1 % on average (1 of 3 pairs of the same seed and round separated by 2 % or more)',
    );
    expect(s.ok && s.verdict).toBe('partly');
    const allApart = minimaSentence({ ...mixed, lmc: [esGd(0, 0.03), esGd(1, 0.02), esGd(2, 0.05)] });
    expect(allApart.ok && allApart.verdict).toBe('agrees');
  });

  it('reads the excess barrier when the file has it, says so, and gives the GD control for different starts', () => {
    const withExcess: TourAnalysis = {
      ...FILE,
      lmc: [
        ...FILE.lmc!.map((r) => ({ ...r, excessBarrier: r.pair === 'es-gd' ? 0.01 : r.barrier })),
        { ...lmc('seeds', 'gd_magnitude', [0, 1, 100], [1, 1, 100], 0.2), excessBarrier: 0.15 },
      ],
      sharpness: [],
    };
    const s = minimaSentence(withExcess);
    if (!s.ok) throw new Error(s.reason);
    expect(plain(s.text)).toContain('separated by an excess error barrier of 20.0 % on average (gradient-descent runs');
    expect(plain(s.text)).toContain('from different starts: 15.0 %)');
    // 1 % excess between ES and GD is below the 2 % connectivity threshold: that clause differs from the paper
    expect(plain(s.text)).toContain('from the same start by an excess error barrier of 1.0 %');
    expect(s.verdict).toBe('partly');
    expect(barrierReading(withExcess)).toBe('excess');
    expect(barrierReading(FILE)).toBe('endpoint');
    expect(barrierCurves(withExcess).find((c) => c.key === 'es-gd')!.points).toEqual([[80, 0.01]]);
  });

  it('without gradient descent’s sharpness, flatness is said not to be compared', () => {
    const s = minimaSentence({ ...FILE, sharpness: FILE.sharpness!.filter((r) => r.chain === 'snr') });
    expect(s.ok && s.text).toContain("(gradient descent's was not measured, so flatness is not compared).");
  });

  it('the barrier chart draws the ES chain the sentence reads, and both name it', () => {
    // a second ES chain with other barriers: the chart once averaged it in while the sentence read magnitude only
    const both: TourAnalysis = {
      ...FILE,
      lmc: [
        ...FILE.lmc!,
        lmc('rounds', 'snr', [0, 1, 100], [0, 2, 80], 0.2),
        lmc('rounds', 'snr', [0, 2, 80], [0, 3, 64], 0.2),
        lmc('seeds', 'snr', [0, 1, 100], [1, 1, 100], 0.5),
      ],
    };
    const s = minimaSentence(both);
    if (!s.ok) throw new Error(s.reason);
    const curve = (key: string) => barrierCurves(both).find((c) => c.key === key)!;
    expect(curve('rounds-es').points[0]).toEqual([100, s.values.roundsFirst]);
    expect(curve('rounds-es').points.at(-1)).toEqual([80, s.values.roundsLast]);
    expect(curve('seeds').points.map((p) => p[1])).toEqual([0.3, 0.1]); // the magnitude pairs, mean 20 %
    expect(s.values.seedsBarrier).toBeCloseTo(0.2, 12);
    expect(plain(s.text)).toMatch(/^In the chain of the magnitude ticket, two ES runs/);
    expect(curve('rounds-es').name).toBe('consecutive rounds, ES (magnitude ticket)');
  });

  it('chart data: one curve per kind of pair (consecutive rounds only), one per chain for sharpness', () => {
    const curves = barrierCurves(FILE);
    expect(curves.map((c) => c.key)).toEqual(['seeds', 'es-gd', 'rounds-es']);
    expect(curves.find((c) => c.key === 'rounds-es')!.points).toEqual([
      [100, 0.07],
      [80, 0.02],
    ]);
    expect(sharpnessCurves(FILE).map((c) => [c.key, c.points])).toEqual([
      [
        'snr',
        [
          [100, 6],
          [64, 5],
        ],
      ],
      [
        'gd_magnitude',
        [
          [100, 4],
          [64, 12],
        ],
      ],
    ]);
  });
});

describe('tickets transfer (R5–R7)', () => {
  it('at the sparsest round of each transfer, paired by seed', () => {
    const s = transferSentence(FILE);
    if (!s.ok) throw new Error(s.reason);
    expect(plain(s.text)).toBe(
      'At 8.59 % of the weights, all 2 transferred tickets beat a random mask with new random weights on every seed, ' +
        "by 10.0 points (MNIST → F-MNIST) to 40.5 points (ES → GD), and 0 of 1 reach the target's own ticket (mean of 2 seeds each).",
    );
    expect(s.verdict).toBe('agrees');
    expect(transferTable(FILE)).toEqual(
      [
        { label: 'MNIST → F-MNIST', remainingPct: 8.59, ticket: 0.71, baseline: 0.61, native: 0.73, seeds: 2 },
        { label: 'ES → GD', remainingPct: 8.59, ticket: 0.72, baseline: 0.315, native: null, seeds: 2 },
      ].map((r) => ({
        ...r,
        ticket: expect.closeTo(r.ticket, 12),
        baseline: expect.closeTo(r.baseline, 12),
        native: r.native === null ? null : expect.closeTo(r.native, 12),
      })),
    );
  });

  it('a transfer that loses on one seed is not counted as beating the baseline', () => {
    const rows = FILE.transfer!.map((r) => (r.label === 'ES → GD' && r.seed === 1 ? { ...r, ticket: 0.3 } : r));
    const s = transferSentence({ ...FILE, transfer: rows });
    expect(s.ok && s.text).toContain('1 of 2 transferred tickets beat');
    expect(s.ok && s.verdict).toBe('partly');
    expect(transferSentence({ ...FILE, transfer: [] }).ok).toBe(false);
  });

  it('a transfer tied with the random mask on one seed does not beat it "on every seed"', () => {
    const rows = FILE.transfer!.map((r) => (r.label === 'ES → GD' && r.seed === 1 ? { ...r, ticket: r.baseline } : r));
    const s = transferSentence({ ...FILE, transfer: rows });
    expect(s.ok && s.text).toContain(
      '1 of 2 transferred tickets beat a random mask with new random weights on every seed',
    );
    expect(s.ok && s.verdict).toBe('partly');
  });

  it('the ES mask trained by gradient descent is set against gradient descent’s own ticket round by round', () => {
    const esToGd = (seed: number, roundNum: number, remainingPct: number, ticket: number, native: number) =>
      ({ kind: 'es-to-gd', label: 'ES → GD', seed, roundNum, remainingPct, ticket, baseline: 0.2, native }) as const;
    const rows = [
      esToGd(0, 12, 8.59, 0.82, 0.85),
      esToGd(1, 12, 8.59, 0.83, 0.87),
      esToGd(0, 20, 1.44, 0.74, 0.55),
      esToGd(1, 20, 1.44, 0.72, 0.56),
    ];
    const s = transferSentence({ ...FILE, transfer: rows });
    expect(s.ok && plain(s.text)).toContain(
      " Trained by gradient descent, the ES mask is measured against gradient descent's own ticket: below it on " +
        'every seed at 8.59 % (82.5 % against 86.0 %) and above it on every seed at 1.44 % (73.0 % against 55.5 %).',
    );
    const mixed = rows.map((r) => (r.seed === 1 && r.roundNum === 12 ? { ...r, ticket: 0.9 } : r));
    const m = transferSentence({ ...FILE, transfer: mixed });
    expect(m.ok && plain(m.text)).toContain('on par with it (the seeds disagree) at 8.59 %');
  });
});
