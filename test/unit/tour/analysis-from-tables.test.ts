// The tour's analysis rows built from the CLI's own tables (core/tour/analysis-from-tables.ts): both barrier
// readings kept, remaining % from sparsity, transfer rows paired with their baseline and the target's own
// ticket at the same seed and round, and a bad cell refused with its line and column.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/runs/csv-format';
import {
  lmcRowsEsVsGd,
  lmcRowsWithinRun,
  roundResults,
  sharpnessRows,
  transferRows,
} from '../../../src/core/tour/analysis-from-tables';
import { parseTourAnalysis, TOUR_ANALYSIS_FORMAT, TOUR_ANALYSIS_VERSION } from '../../../src/core/tour/analysis-file';

const csv = (lines: string[]) => parseCsv(lines.join('\n') + '\n', 'x.csv');

describe('tour analysis rows from CLI tables', () => {
  it('lmc.csv and lmc-runs-*.csv keep both readings; the result loads in the tour', () => {
    const within = lmcRowsWithinRun(
      csv([
        'method,pair,seed_a,seed_b,round_a,round_b,sparsity_a,sparsity_b,perf_a,perf_b,endpoint_barrier,excess_barrier,connected,worst_alpha',
        'magnitude,rounds,0,0,1,2,0.0000,0.2000,0.87,0.86,0.0300,0.0100,1,0.5',
        'magnitude,seeds,0,1,20,20,0.9856,0.9856,0.80,0.81,0.1500,0.1450,0,0.5',
      ]),
    );
    expect(within[0]).toEqual({
      pair: 'rounds',
      chain: 'magnitude',
      seedA: 0,
      seedB: 0,
      roundA: 1,
      roundB: 2,
      remainingPctA: 100,
      remainingPctB: 80,
      barrier: 0.03,
      excessBarrier: 0.01,
    });
    expect(within[1].pair).toBe('seeds');
    expect(within[1].remainingPctA).toBeCloseTo(1.44, 6);
    const esGd = lmcRowsEsVsGd(
      csv([
        'seed,round,sparsity_a,sparsity_b,perf_a,perf_b,endpoint_barrier,excess_barrier,connected,worst_alpha',
        '2,12,0.9141,0.9141,0.86,0.88,0.0700,0.0500,0,0.5',
      ]),
      'magnitude',
      'gd_magnitude',
    );
    expect(esGd).toEqual([
      expect.objectContaining({
        pair: 'es-gd',
        chainB: 'gd_magnitude',
        seedA: 2,
        seedB: 2,
        roundA: 12,
        excessBarrier: 0.05,
      }),
    ]);
    const file = {
      format: TOUR_ANALYSIS_FORMAT,
      version: TOUR_ANALYSIS_VERSION,
      createdAt: '2026-12-05T00:00:00Z',
      commands: [],
      metric: 'accuracy',
      lmc: [...within, ...esGd],
    };
    expect(parseTourAnalysis(JSON.stringify(file)).ok).toBe(true);
  });

  it('landscape sharpness: mean and s.e. over directions per chain, seed and round', () => {
    const rows = sharpnessRows(
      csv([
        'run,method,seed,round,sparsity,perf_at_0,loss_at_0,a_mean,a_se,a_sd,fit_r2_min,a_0',
        'es-pgpe,magnitude,0,20,0.9856,0.80,0.6,12.5,1.5,3.3,0.99,12.5',
        'gd-e2,gd_magnitude,0,20,0.9856,0.56,1.2,40.0,4.0,9.0,0.98,40.0',
      ]),
      'filter',
    );
    expect(rows.map((r) => [r.chain, r.a, r.aSe, r.norm])).toEqual([
      ['magnitude', 12.5, 1.5, 'filter'],
      ['gd_magnitude', 40, 4, 'filter'],
    ]);
  });

  it('transfer rows pair each ticket with its baseline and the target’s own ticket at the same seed and round', () => {
    const head = 'seed,method,round,remaining_pct,final_perf';
    const transfer = roundResults(
      csv([
        head,
        '0,gd_transfer_snr,12,8.590,0.85',
        '0,gd_random_reinit,12,8.590,0.60',
        '0,gd_transfer_snr,16,3.518,0.70',
        '0,gd_random_reinit,16,3.518,0.30',
        '1,gd_transfer_snr,12,8.590,0.84', // no baseline for seed 1: left out
      ]),
    );
    const native = roundResults(csv([head, '0,gd_magnitude,12,8.590,0.86', '0,gd_magnitude,16,4.000,0.80']));
    const spec = {
      kind: 'es-to-gd',
      label: 'ES → GD',
      ticket: 'gd_transfer_snr',
      baseline: 'gd_random_reinit',
      nativeChain: 'gd_magnitude',
    } as const;
    const rows = transferRows(transfer, spec, native);
    expect(rows).toEqual([
      {
        kind: 'es-to-gd',
        label: 'ES → GD',
        seed: 0,
        roundNum: 12,
        remainingPct: 8.59,
        ticket: 0.85,
        baseline: 0.6,
        native: 0.86,
      },
      // the native row at round 16 has another sparsity: not a fair comparison, so no native value
      { kind: 'es-to-gd', label: 'ES → GD', seed: 0, roundNum: 16, remainingPct: 3.518, ticket: 0.7, baseline: 0.3 },
    ]);
  });

  it('a bad cell is refused with its line and column', () => {
    expect(() =>
      lmcRowsWithinRun(
        csv([
          'method,pair,seed_a,seed_b,round_a,round_b,sparsity_a,sparsity_b,endpoint_barrier,excess_barrier',
          'magnitude,diagonal,0,0,1,2,0,0.2,0.03,0.01',
        ]),
      ),
    ).toThrow(/x\.csv.*line 2.*pair/);
  });
});
