import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importSummaries } from '../../../src/core/runs/import-summaries';
import { parseCsv } from '../../../src/core/runs/csv-format';
import { csvField, generationsCsv, roundRow, roundsCsv, ROUND_COLUMNS } from '../../../src/core/runs/csv';
import { fakeRecord, quickConfig } from './fixtures';

const rec = fakeRecord(quickConfig, 0, 'snr', 3);

describe('metric CSV rows (shared by the CLI run folder and the UI export)', () => {
  it('formats one round row with the documented columns', () => {
    const cells = roundRow(rec).split(',');
    expect(cells).toHaveLength(ROUND_COLUMNS.length);
    expect(cells.slice(0, 5)).toEqual(['0', 'snr', '3', '0.360000', '64.000']); // s_3 = 1 − 0.8² (docs/ALGORITHMS.md §3.2)
    expect(cells[7]).toBe('0.803000');
    expect(cells[13]).toBe(rec.layerSparsity.map((s) => s.toFixed(4)).join(';'));
    expect(cells[13]).toMatch(/^0\.3[56]\d\d;0\.3[56]\d\d$/);
  });

  it('writes whole files and quotes free text', () => {
    expect(roundsCsv([rec]).split('\n')).toEqual([ROUND_COLUMNS.join(','), roundRow(rec), '']);
    expect(
      generationsCsv([
        {
          seed: 1,
          method: 'a,b',
          roundNum: 2,
          gen: 10,
          generations: 300,
          bestScore: -0.5,
          meanScore: -1,
          esDim: 10,
          evalsPerSec: 1234.56,
        },
      ]),
    ).toBe(
      'seed,method,round,gen,best_score,mean_score,test_perf,evals_per_sec\n1,"a,b",2,10,-0.500000,-1.000000,,1234.6\n',
    );
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    const table = parseCsv('a,b\n"x, ""y""\nz",2\r\n', 'f.csv');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records.map((r) => r.cells)).toEqual([['x, "y"\nz', '2']]);
  });
});

describe('importing result summaries', () => {
  it("reads the lab's own rounds.csv back", () => {
    const r = importSummaries(roundsCsv([fakeRecord(quickConfig, 0, 'magnitude', 1), rec]));
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings).toEqual([]);
    expect(r.rows).toEqual([
      { seed: 0, method: 'magnitude', roundNum: 1, sparsityFrac: 0, finalPerf: 0.801, bestPerf: 0.811 },
      { seed: 0, method: 'snr', roundNum: 3, sparsityFrac: 0.36, finalPerf: 0.803, bestPerf: 0.813 },
    ]);
  });

  it('collapses an es-lottery learning-curve log (imp_iter 0-based, num_gens) to one row per round', () => {
    const csv = [
      'imp_iter,num_gens,baseline_name,sparsity,test_perf,prune_threshold',
      '0,100,sig2noise,0.0,0.50,0.01',
      '0,4000,sig2noise,0.0,0.90,0.01',
      '0,2000,sig2noise,0.0,0.95,0.01',
      '1,4000,final-ticket,0.2,0.91,0.02',
    ].join('\n');
    const r = importSummaries(csv);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toEqual([
      {
        seed: 0,
        method: 'magnitude',
        roundNum: 2,
        sparsityFrac: 0.2,
        finalPerf: 0.91,
        bestPerf: 0.91,
        generations: 4000,
        pruneThreshold: 0.02,
      },
      {
        seed: 0,
        method: 'snr',
        roundNum: 1,
        sparsityFrac: 0,
        finalPerf: 0.9,
        bestPerf: 0.95,
        generations: 4000,
        pruneThreshold: 0.01,
      },
    ]);
  });

  it('reads JSON rows and JSON column arrays; assumes the paper schedule without a sparsity column', () => {
    const cols = importSummaries(JSON.stringify({ round: [1, 2, 3], final_perf: [0.9, 0.8, 0.7], seed_id: [4, 4, 4] }));
    if (!cols.ok) throw new Error(cols.message);
    expect(cols.rows.map((r) => [r.seed, r.method, r.roundNum, +r.sparsityFrac.toFixed(4)])).toEqual([
      [4, 'imported', 1, 0],
      [4, 'imported', 2, 0.2],
      [4, 'imported', 3, 0.36],
    ]);
    expect(cols.warnings[0]).toMatch(/schedule/);
    const rows = importSummaries(
      JSON.stringify({ rows: [{ Round: 2, Remaining_Pct: 80, Accuracy: 0.5, Method: 'snr' }] }),
    );
    expect(rows.ok && rows.rows[0]).toEqual({
      seed: 0,
      method: 'snr',
      roundNum: 2,
      sparsityFrac: expect.closeTo(0.2, 12),
      finalPerf: 0.5,
      bestPerf: 0.5,
    });
  });

  it('rejects unusable input with a message and never throws', () => {
    const msg = (t: string) => {
      const r = importSummaries(t);
      return r.ok ? '' : r.message;
    };
    expect(msg('round,sparsity\n1,0')).toMatch(/no performance column/);
    expect(msg('perf\n0.5')).toMatch(/no round column/);
    expect(msg('round,perf,sparsity\n1,0.5,20')).toMatch(/outside \[0, 1\]/);
    expect(msg('round,perf\n1,NaN')).toMatch(/row 1: perf "NaN" is not a finite number/);
    expect(msg('round,perf\n1')).toMatch(/has 1 fields/);
    expect(msg('{"a":[1],"b":[1,2]}')).toMatch(/different lengths/);
    expect(msg('round,perf\n"1,0.5')).toMatch(/quoted field/);
    expect(msg('')).toMatch(/empty|no data/);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (t) => {
          const r = importSummaries(t);
          if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
          else
            for (const row of r.rows)
              expect(row.sparsityFrac >= 0 && row.sparsityFrac <= 1 && Number.isFinite(row.finalPerf)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
