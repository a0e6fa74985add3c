// The tour analysis file's ES-vs-GD, weight, correlation and cross-task rows (core/tour/analysis-from-runs.ts)
// and what the tour computes from them (es-vs-gd.ts, weights-evidence.ts, correlation-evidence.ts,
// cross-task.ts). The CSV lines are copied from the claims runs of docs/RESULTS.md §0 (runs-out/claims/…),
// so the expected numbers are the ones RESULTS reports: the 10-epoch GD falls below the ES signal-to-noise
// ticket from 2.25 % remaining (§0.3), its input-layer weights pass ES's from 10.7 % (§0.5), the Pearson
// correlation falls from 0.963 to 0.771 / 0.759 on seed 0 (§0.7), and MNIST's normalised effect at 8.6 % is
// 33 % (22 … 47) (§0.9).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/runs/csv-format';
import {
  correlationRows,
  crossTaskRows,
  curveRows,
  untrainedBySeed,
  weightsRows,
} from '../../../src/core/tour/analysis-from-runs';
import { roundResults } from '../../../src/core/tour/analysis-from-tables';
import {
  parseTourAnalysis,
  TOUR_ANALYSIS_FORMAT,
  TOUR_ANALYSIS_VERSION,
  type TourAnalysis,
} from '../../../src/core/tour/analysis-file';
import { aheadFrom, esVsGdSentence, gdComparisons } from '../../../src/core/tour/es-vs-gd';
import { weightsComparisons, weightsSentence } from '../../../src/core/tour/weights-evidence';
import { correlationCurves, correlationSentence } from '../../../src/core/tour/correlation-evidence';
import { crossTaskSentence, matchedPoints, taskEffects } from '../../../src/core/tour/cross-task';
import { MNIST_LAYERS } from './analysis-fixture';

const csv = (lines: string[]) => parseCsv(lines.join('\n') + '\n', 'x.csv');
const ROUNDS_HEAD = 'seed,method,round,sparsity,remaining_pct,prunable_active,es_dim,final_perf';

function file(extra: Partial<TourAnalysis>): TourAnalysis {
  const a = {
    format: TOUR_ANALYSIS_FORMAT,
    version: TOUR_ANALYSIS_VERSION,
    createdAt: '2026-12-06T00:00:00Z',
    commands: [],
    metric: 'accuracy',
    ...extra,
  };
  const got = parseTourAnalysis(JSON.stringify(a)); // every section must pass the tour's own parser
  if (!got.ok) throw new Error(got.message);
  return got.analysis;
}

// es-pgpe-s0 (snr chain) and gd-e10-s0 (gd_magnitude), rounds 1 and 16–20
const ES_SNR = [
  '0,snr,1,0.000000,100.000,6592,6634,0.873300',
  '0,snr,16,0.964816,3.518,232,274,0.857400',
  '0,snr,17,0.971853,2.815,186,228,0.854500',
  '0,snr,18,0.977482,2.252,148,190,0.848100',
  '0,snr,19,0.981986,1.801,119,161,0.840300',
  '0,snr,20,0.985588,1.441,95,137,0.816400',
];
const GD_E10 = [
  '0,gd_magnitude,1,0.000000,100.000,6592,6634,0.942100',
  '0,gd_magnitude,16,0.964816,3.518,232,274,0.883900',
  '0,gd_magnitude,17,0.971853,2.815,186,228,0.857800',
  '0,gd_magnitude,18,0.977482,2.252,148,190,0.836800',
  '0,gd_magnitude,19,0.981986,1.801,119,161,0.792900',
  '0,gd_magnitude,20,0.985588,1.441,95,137,0.773300',
];

describe('ES and gradient-descent curves (R4)', () => {
  const curves = [
    ...curveRows(roundResults(csv([ROUNDS_HEAD, ...ES_SNR])), { trainer: 'es' }),
    ...curveRows(roundResults(csv([ROUNDS_HEAD, ...GD_E10])), { trainer: 'gd', epochs: 10 }, ['gd_magnitude']),
  ];

  it('rows carry the trainer and, for GD only, its epochs per round; the file refuses a GD row without them', () => {
    expect(curves[0]).toEqual({
      trainer: 'es',
      chain: 'snr',
      seed: 0,
      roundNum: 1,
      remainingPct: 100,
      perf: 0.8733,
    });
    expect(curves.at(-1)).toMatchObject({ trainer: 'gd', epochs: 10, chain: 'gd_magnitude', remainingPct: 1.441 });
    const bad = { ...curves.at(-1)!, epochs: undefined };
    expect(() => file({ curves: [bad] })).toThrow(/curves\.0\.epochs/);
    expect(() => file({ curves: [{ ...curves[0], epochs: 2 }] })).toThrow(/epochs/);
  });

  it('the 10-epoch GD falls below the ES ticket from 2.25 % remaining and ends 4.3 points lower', () => {
    const a = file({ curves });
    const [c] = gdComparisons(a);
    expect(c).toMatchObject({ epochs: 10, seeds: [0], gdDense: 0.9421, esDense: 0.8733, esAheadFromPct: 2.252 });
    expect(c.lastGap).toBeCloseTo(0.0431, 6);
    const s = esVsGdSentence(a);
    expect(s.ok && s.verdict).toBe('agrees');
    expect(s.ok && s.text.replaceAll('\u00a0', ' ')).toContain(
      'gradient descent with 10 epochs per round (dense 94.2 %, seed 0 only) falls below it from 2.25 % of the weights on and ends 4.3 points lower at 1.44 %',
    );
  });

  it('a GD budget still ahead at the last round gives no crossing and a differing verdict', () => {
    const lead = curves.map((r) => (r.trainer === 'gd' ? { ...r, perf: r.perf + 0.1 } : r));
    const a = file({ curves: lead });
    expect(gdComparisons(a)[0].esAheadFromPct).toBeNull();
    const s = esVsGdSentence(a);
    expect(s.ok && s.verdict).toBe('differs');
    expect(s.ok && s.text).toContain('stays ahead of it down to');
  });

  it('with several seeds, a mean crossing that hides a seed still behind says where ES leads on every seed', () => {
    // seed 1 copies seed 0, except that its GD stays 0.5 points above ES at 2.25 % (the mean still crosses there)
    const seed1 = curves.map((r) =>
      r.trainer === 'gd' && r.roundNum === 18 ? { ...r, seed: 1, perf: 0.8531 } : { ...r, seed: 1 },
    );
    const a = file({ curves: [...curves, ...seed1] });
    const [c] = gdComparisons(a);
    expect(c).toMatchObject({ seeds: [0, 1], esAheadFromPct: 2.252, esAheadEverySeedFromPct: 1.801 });
    const s = esVsGdSentence(a);
    expect(s.ok && s.text.replaceAll('\u00a0', ' ')).toContain(
      'falls below it on average from 2.25 % of the weights on (on every seed from 1.8 %) and ends',
    );
    // where the seeds agree the sentence stays as it was
    const same = esVsGdSentence(file({ curves: [...curves, ...curves.map((r) => ({ ...r, seed: 1 }))] }));
    expect(same.ok && same.text.replaceAll('\u00a0', ' ')).toContain(
      'falls below it from 2.25 % of the weights on and',
    );
  });

  it('aheadFrom: the first round of the final run where a > b, never an earlier lead that was lost', () => {
    const p = (roundNum: number, a: number, b: number) => ({ roundNum, a, b });
    expect(aheadFrom([p(1, 2, 1), p(2, 0, 1), p(3, 2, 1), p(4, 3, 1)])?.roundNum).toBe(3);
    expect(aheadFrom([p(1, 2, 1), p(2, 0, 1)])).toBeNull();
    expect(aheadFrom([p(2, 2, 1), p(1, 2, 1)])?.roundNum).toBe(1); // order of the input does not matter
  });
});

describe('weight statistics (R9)', () => {
  // es-pgpe-s0/weights-vs-gd-e10-s0.csv, layer Dense_0, rounds 1, 10, 11, 20 (one Dense_1 row to check the index)
  const t = csv([
    'run,method,seed,round,sparsity,layer,layer_remaining_frac,mean_abs_w,mean_w',
    'es-pgpe-s0,magnitude,0,1,0.0000,Dense_0,1.0000,0.247221,-0.004231',
    'es-pgpe-s0,magnitude,0,1,0.0000,Dense_1,1.0000,0.278223,0.011869',
    'es-pgpe-s0,magnitude,0,10,0.8657,Dense_0,0.1291,0.296254,-0.003587',
    'es-pgpe-s0,magnitude,0,11,0.8926,Dense_0,0.1016,0.302828,-0.005812',
    'es-pgpe-s0,magnitude,0,20,0.9856,Dense_0,0.0100,0.781410,0.127704',
    'gd-e10-s0,gd_magnitude,0,1,0.0000,Dense_0,1.0000,0.086409,-0.014093',
    'gd-e10-s0,gd_magnitude,0,10,0.8657,Dense_0,0.1113,0.277485,-0.091354',
    'gd-e10-s0,gd_magnitude,0,11,0.8926,Dense_0,0.0843,0.319881,-0.102429',
    'gd-e10-s0,gd_magnitude,0,20,0.9856,Dense_0,0.0072,0.954702,-0.402688',
  ]);
  const rows = weightsRows(t, (c) => (c.startsWith('gd_') ? { trainer: 'gd', epochs: 10 } : { trainer: 'es' }));

  it('one row per chain, seed, round and layer; layers numbered from the input', () => {
    expect(rows).toHaveLength(9);
    expect(rows[1]).toMatchObject({ layer: 'Dense_1', layerIndex: 1, trainer: 'es' });
    expect(rows.at(-1)).toEqual({
      trainer: 'gd',
      epochs: 10,
      chain: 'gd_magnitude',
      seed: 0,
      roundNum: 20,
      remainingPct: 1.44,
      layer: 'Dense_0',
      layerIndex: 0,
      layerRemainingPct: 0.72,
      meanAbsW: 0.954702,
    });
  });

  it('GD’s alive weights pass ES’s from 10.7 % on, but GD keeps less of the first layer: partly', () => {
    const a = file({ weights: rows });
    const [c] = weightsComparisons(a);
    expect(c).toMatchObject({ epochs: 10, gdAbs: 0.954702, esAbs: 0.78141, gdLargerFromPct: 10.74 });
    expect(c.gdLayerPct).toBeCloseTo(0.72, 9);
    expect(c.esLayerPct).toBeCloseTo(1.0, 9);
    const s = weightsSentence(a, MNIST_LAYERS);
    expect(s.ok && s.verdict).toBe('partly');
    expect(s.ok && s.text.replaceAll('\u00a0', ' ')).toContain(
      "average |W| = 0.95 against ES's 0.78 (larger from 10.7 % on) and it keeps 0.7 % of the layer against ES's 1.0 %",
    );
  });
});

describe('magnitude–SNR correlation (R11)', () => {
  const rows = correlationRows(
    csv([
      'method,seed,round,sparsity,layer,n,pearson,spearman,next_sparsity,agree_frac,survivor_iou,sigma',
      'magnitude,0,1,0.0000,Dense_0,6272,0.9630,0.9801,0.2000,0.9723,0.9658,per-weight',
      'magnitude,0,20,0.9856,Dense_0,63,0.7712,0.8042,0.9885,0.8730,0.8462,per-weight',
      'snr,0,1,0.0000,Dense_0,6272,0.9630,0.9801,0.2000,0.9723,0.9658,per-weight',
      'snr,0,20,0.9856,Dense_0,58,0.7585,0.6303,0.9885,0.8621,0.8400,per-weight',
    ]),
  );

  it('keeps Pearson, Spearman and the share of same decisions; falls in both chains: agrees', () => {
    expect(rows[1]).toEqual({
      chain: 'magnitude',
      seed: 0,
      roundNum: 20,
      remainingPct: 1.44,
      layer: 'Dense_0',
      pearson: 0.7712,
      spearman: 0.8042,
      agree: 0.873,
    });
    const a = file({ correlation: rows });
    expect(correlationCurves(a).map((c) => c.chain)).toEqual(['magnitude', 'snr']);
    const s = correlationSentence(a, MNIST_LAYERS);
    expect(s.ok && s.verdict).toBe('agrees');
    expect(s.ok && s.text.replaceAll('\u00a0', ' ')).toContain(
      'falls from 0.96 with all weights to 0.77 in the chain of the magnitude ticket and 0.76 in the chain of the signal-to-noise ticket at 1.44 %',
    );
    expect(s.ok && s.text.replaceAll('\u00a0', ' ')).toContain('for 87 % and 86 % of the alive weights');
  });

  it('a correlation that rises in one chain is not reported as falling', () => {
    const up = rows.map((r) => (r.chain === 'snr' && r.roundNum === 20 ? { ...r, pearson: 0.99 } : r));
    const s = correlationSentence(file({ correlation: up }), MNIST_LAYERS);
    expect(s.ok && s.verdict).toBe('partly');
    expect(s.ok && s.text).toContain('goes from 0.96');
  });
});

describe('the ticket effect across tasks (R2)', () => {
  // es-pgpe/rounds.csv (magnitude, random_reinit; rounds 1 and 12) and the first evaluation of round 1
  const rounds = roundResults(
    csv([
      ROUNDS_HEAD,
      '0,magnitude,1,0.000000,100.000,6592,6634,0.873300',
      '0,random_reinit,1,0.000000,100.000,6592,6634,0.873300',
      '0,magnitude,12,0.914101,8.590,566,608,0.858100',
      '0,random_reinit,12,0.914101,8.590,566,608,0.689100',
      '1,magnitude,1,0.000000,100.000,6592,6634,0.874400',
      '1,random_reinit,1,0.000000,100.000,6592,6634,0.874400',
      '1,magnitude,12,0.914101,8.590,566,608,0.864600',
      '1,random_reinit,12,0.914101,8.590,566,608,0.638700',
      '2,magnitude,1,0.000000,100.000,6592,6634,0.873000',
      '2,random_reinit,1,0.000000,100.000,6592,6634,0.873000',
      '2,magnitude,12,0.914101,8.590,566,608,0.868700',
      '2,random_reinit,12,0.914101,8.590,566,608,0.516700',
    ]),
  );
  const untrained = untrainedBySeed(
    csv([
      'seed,method,round,gen,best_score,mean_score,test_perf,evals_per_sec',
      '0,magnitude,1,10,-2.095431,-2.361667,0.112200,726.4',
      '0,magnitude,1,1,-2.482496,-2.850886,0.112200,108.8',
      '1,magnitude,1,1,-2.888260,-3.466229,0.088500,123.1',
      '2,magnitude,1,1,-2.429093,-2.856961,0.162100,7.5',
      '2,magnitude,2,1,-2.4,-2.8,0.9,7.5', // round 2 is not the untrained network
    ]),
  );
  const mnist = crossTaskRows(rounds, untrained, { task: 'MNIST', setting: 'PGPE', metric: 'accuracy' });

  it('the untrained result is the first evaluation of round 1 per seed', () => {
    expect([...untrained]).toEqual([
      [0, 0.1122],
      [1, 0.0885],
      [2, 0.1621],
    ]);
    expect(mnist).toHaveLength(6);
    expect(mnist[1]).toMatchObject({ seed: 0, roundNum: 12, ticket: 0.8581, baseline: 0.6891, dense: 0.8733 });
  });

  it('MNIST at 8.6 %: 33 % of the range (22 … 47), as docs/RESULTS.md §0.9 reports', () => {
    const [t] = taskEffects(file({ crossTask: mnist }));
    expect(t.dense - t.untrained).toBeCloseTo(0.87357 - 0.12093, 4);
    const p = t.points.find((x) => x.roundNum === 12)!;
    expect(Math.round(100 * p.normalised)).toBe(33);
    expect([Math.round(100 * p.lo), Math.round(100 * p.hi)]).toEqual([22, 47]);
  });

  it('tasks are compared at matched sparsity only, and the missing tasks are named', () => {
    // a second task pruned 40 % per round: 8.64 % matches MNIST's 8.59 % (within 5 %), 60 % matches nothing
    const other = mnist.map((r) => ({
      ...r,
      task: 'Other',
      metric: 'return' as const,
      remainingPct: r.roundNum === 1 ? 100 : 8.64,
      ticket: r.roundNum === 1 ? r.ticket : r.dense,
    }));
    const extra = { ...other[1], roundNum: 2, remainingPct: 60 };
    const a = file({
      crossTask: [...mnist, ...other, extra],
      crossTaskMissing: [{ task: 'Hopper', note: 'not run' }],
    });
    const tasks = taskEffects(a);
    expect(matchedPoints(tasks).map((m) => m.at)).toEqual([8.59]);
    const s = crossTaskSentence(a);
    expect(s.ok && s.verdict).toBeNull();
    expect(s.ok && s.text.replaceAll('\u00a0', ' ')).toMatch(
      /^At about 8\.59 % of the weights, .* is 33 % on MNIST and \d+ % on Other \(3 seeds each\); Hopper is not in this evidence/,
    );
  });
});
