/**
 * The result table `lab imp`, `lab gd` and `lab transfer` print at the end: every column as wide as its
 * widest cell and two spaces apart, so long chain names (gd_random_reinit, gd_transfer_snr) stay separate
 * words, and each value sits under its own header. Above it, a line says what the numbers are: test
 * accuracy in % for image tasks (it used to print the bare fraction, 0.8588), the return for control
 * tasks, as a mean over which seeds. `lab summarize` says the same of its tables, and what their ± is.
 */
import { describe, expect, it } from 'vitest';
import { summaryTable, type PerfRow } from '../../../src/cli/imp-command';
import { perfUnit, summaryMarkdown } from '../../../src/cli/summarize-command';

describe('summaryTable', () => {
  const rows: PerfRow[] = [
    { seed: 0, method: 'gd_magnitude', roundNum: 1, finalPerf: 0.9, sparsityFrac: 0 },
    { seed: 0, method: 'gd_random_reinit', roundNum: 1, finalPerf: 0.8, sparsityFrac: 0 },
    { seed: 0, method: 'gd_transfer_snr', roundNum: 2, finalPerf: 0.7, sparsityFrac: 0.2 },
    { seed: 1, method: 'gd_transfer_snr', roundNum: 2, finalPerf: 0.5, sparsityFrac: 0.2 },
  ];

  it('keeps long header cells apart and averages each chain over seeds, accuracy in %', () => {
    const [caption, header, r1, r2] = summaryTable(rows, 'accuracy').split('\n');
    expect(caption).toBe(
      'final test accuracy in %, mean over seeds 0,1 (where a seed has not finished a round, over the seeds that have):',
    );
    expect(header.trim().split(/\s{2,}/)).toEqual([
      'round',
      'remaining %',
      'gd_magnitude',
      'gd_random_reinit',
      'gd_transfer_snr',
    ]);
    expect(r1.trim().split(/\s+/)).toEqual(['1', '100.00', '90.00', '80.00']);
    expect(r2.trim().split(/\s+/)).toEqual(['2', '80.00', '60.00']);
    // right-aligned under its header: the last value ends where the last header ends
    expect(r2.length).toBe(header.length);
  });

  it('shows a return as it is, and names the one seed of a one-seed run', () => {
    const control = [
      { seed: 3, method: 'snr', roundNum: 1, finalPerf: 385.141, sparsityFrac: 0 },
      { seed: 3, method: 'magnitude', roundNum: 1, finalPerf: -12.5, sparsityFrac: 0 },
    ];
    const [caption, , r1] = summaryTable(control, 'return').split('\n');
    expect(caption).toBe('final test return of seed 3:');
    expect(r1.trim().split(/\s+/)).toEqual(['1', '100.00', '385.14', '-12.50']);
    const full = summaryTable([...control, ...control.map((r) => ({ ...r, seed: 4 }))], 'return');
    expect(full.split('\n')[0]).toBe('final test return, mean over seeds 3,4:');
  });
});

describe('summarize tables', () => {
  const rows = [0, 1].flatMap((seed) =>
    ['magnitude', 'random_reinit'].map((method, i) => ({
      seed,
      method,
      roundNum: 1,
      sparsityFrac: 0,
      perf: 0.9 - 0.1 * i + 0.01 * seed,
    })),
  );

  it('say what the numbers are and that ± is the s.d. over seeds', () => {
    const md = summaryMarkdown(rows, 'random_reinit', perfUnit('accuracy')).split('\n');
    expect(md[0]).toBe(
      "Final test accuracy in % per chain and round: mean ± s.d. over seeds (sample s.d.), each seed's value in brackets, in seed order:",
    );
    expect(md).toContain('| 1 | 100.00 | 90.5 ± 0.7 (90.0 / 91.0) | 80.5 ± 0.7 (80.0 / 81.0) |');
  });

  it('--raw keeps accuracy a fraction, with the decimals a fraction needs', () => {
    const md = summaryMarkdown(rows, 'random_reinit', perfUnit('accuracy', true));
    expect(md).toContain('| 1 | 100.00 | 0.9050 ± 0.0071 (0.9000 / 0.9100) |');
    expect(md.split('\n')[0]).toMatch(/^Final test accuracy as a fraction per chain and round: mean ± s\.d\./);
    expect(perfUnit('return', true)).toEqual(perfUnit('return'));
  });

  it('one seed: no ± and no word of it', () => {
    const md = summaryMarkdown(
      rows.filter((r) => r.seed === 0),
      'random_reinit',
    );
    expect(md.split('\n')[0]).toBe('Final test accuracy in % per chain and round:');
    expect(md).toContain('| 1 | 100.00 | 90.0 | 80.0 |');
  });
});
