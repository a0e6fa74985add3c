/**
 * The result table `lab imp`, `lab gd` and `lab transfer` print at the end: every column as wide as its
 * widest cell and two spaces apart, so long chain names (gd_random_reinit, gd_transfer_snr) stay separate
 * words, and each value sits under its own header.
 */
import { describe, expect, it } from 'vitest';
import { summaryTable, type PerfRow } from '../../../src/cli/imp-command';

describe('summaryTable', () => {
  it('keeps long header cells apart and averages each chain over seeds', () => {
    const rows: PerfRow[] = [
      { method: 'gd_magnitude', roundNum: 1, finalPerf: 0.9, sparsityFrac: 0 },
      { method: 'gd_random_reinit', roundNum: 1, finalPerf: 0.8, sparsityFrac: 0 },
      { method: 'gd_transfer_snr', roundNum: 2, finalPerf: 0.7, sparsityFrac: 0.2 },
      { method: 'gd_transfer_snr', roundNum: 2, finalPerf: 0.5, sparsityFrac: 0.2 },
    ];
    const [header, r1, r2] = summaryTable(rows).split('\n');
    expect(header.trim().split(/\s{2,}/)).toEqual([
      'round',
      'remaining %',
      'gd_magnitude',
      'gd_random_reinit',
      'gd_transfer_snr',
    ]);
    expect(r1.trim().split(/\s+/)).toEqual(['1', '100.00', '0.9000', '0.8000']);
    expect(r2.trim().split(/\s+/)).toEqual(['2', '80.00', '0.6000']);
    // right-aligned under its header: the last value ends where the last header ends
    expect(r2.length).toBe(header.length);
  });
});
