/**
 * The Runs tab's sweep chart data (core/sweep/overlay.ts): one curve per configuration and method with
 * the mean and sample s.d. over seeds per round, labels split into the sweep's name and each
 * configuration, and no shared name when the labels disagree.
 */
import { describe, expect, it } from 'vitest';
import { sweepOverlay } from '../../../src/core/sweep/overlay';

const rec = (seed: number, method: string, roundNum: number, finalPerf: number) => ({
  seed,
  method,
  roundNum,
  sparsityFrac: 1 - 0.5 ** (roundNum - 1),
  finalPerf,
});

describe('sweepOverlay', () => {
  const o = sweepOverlay([
    {
      label: 'grid: es.id=snes',
      records: [rec(0, 'snr', 1, 10), rec(1, 'snr', 1, 14), rec(0, 'snr', 2, 8), rec(1, 'snr', 2, 8)],
    },
    {
      label: 'grid: es.id=pgpe',
      records: [rec(0, 'snr', 1, 5), rec(0, 'random_reinit', 1, 5), rec(0, 'random_reinit', 2, 1)],
    },
  ]);

  it('splits the sweep name from the configurations', () => {
    expect(o.name).toBe('grid');
    expect(o.configLabels).toEqual(['es.id=snes', 'es.id=pgpe']);
    expect(o.methods).toEqual(['snr', 'random_reinit']);
  });

  it('gives mean ± sample s.d. over seeds per configuration, method and round', () => {
    expect(o.curves.map((c) => c.key)).toEqual(['0/snr', '1/snr', '1/random_reinit']);
    const snes = o.curves[0].points;
    expect(snes.map((p) => [p.roundNum, p.remainingPct, p.n, p.mean])).toEqual([
      [1, 100, 2, 12],
      [2, 50, 2, 8],
    ]);
    expect(snes[0].sd).toBeCloseTo(Math.SQRT2 * 2, 12); // values 10 and 14
    expect(snes[1].sd).toBe(0);
    expect(o.curves[2].points.map((p) => p.mean)).toEqual([5, 1]);
  });

  it('keeps whole labels when they do not share a sweep name', () => {
    const mixed = sweepOverlay([
      { label: 'a: x', records: [rec(0, 'snr', 1, 1)] },
      { label: 'b: y', records: [rec(0, 'snr', 1, 2)] },
    ]);
    expect(mixed.name).toBeNull();
    expect(mixed.configLabels).toEqual(['a: x', 'b: y']);
  });
});
