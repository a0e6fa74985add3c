/**
 * The Transfer tab's curve panels (src/ui/transfer/transfer-chart-data.ts): series named as every other
 * chart names a chain (not "snr ticket" / "random/reinit baseline"), and a panel with one test evaluation
 * (round 1 of a control run) that still has a y scale with ticks and an x range from generation 0.
 */
import { describe, expect, it } from 'vitest';
import {
  readableYAxis,
  singleEvaluationAt,
  sourceXDomain,
  transferSeries,
} from '../../../src/ui/transfer/transfer-chart-data';
import { sharedDomain, type TransferCurve } from '../../../src/state/transfer-store';

const round1: TransferCurve[] = [
  { role: 'ticket', method: 'snr', points: [[200, -164.13]] },
  { role: 'baseline', method: 'random_reinit', points: [[200, -164.13]] },
];

describe('transfer panels', () => {
  it('name the series as the other charts do, source and target', () => {
    expect(transferSeries(round1).map((s) => s.name)).toEqual([
      'Ticket (signal-to-noise pruning)',
      'Random mask, new weights (baseline)',
    ]);
    const target: TransferCurve[] = [
      { role: 'ticket', method: 'transfer_magnitude', points: [] },
      { role: 'baseline', method: 'random_reinit', points: [] },
    ];
    expect(transferSeries(target).map((s) => s.name)).toEqual([
      'Ticket (magnitude pruning), transferred',
      'Random mask, new weights (baseline)',
    ]);
  });

  it('draw the ticket dot larger, so it shows around a baseline dot at the same value', () => {
    const [ticket, baseline] = transferSeries(round1);
    expect(ticket.dotRadius!).toBeGreaterThan(baseline.dotRadius!);
  });

  it('give one evaluation a y scale with ticks around it and an x range from generation 0', () => {
    const flat = sharedDomain(round1, 1, 0)!;
    expect(flat[1] - flat[0]).toBe(0); // what the panel got before: a zero-height scale with no ticks
    const axis = readableYAxis(flat)!;
    expect(axis.domain[0]).toBeLessThan(-164.13);
    expect(axis.domain[1]).toBeGreaterThan(-164.13);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of axis.ticks) expect(t >= axis.domain[0] && t <= axis.domain[1]).toBe(true);
    expect(readableYAxis([0, 0])!.domain).toEqual([-1, 1]);
    expect(readableYAxis(null)).toBeNull();
    expect(sourceXDomain(round1)).toEqual([0, 200]);
    expect(sourceXDomain([{ role: 'ticket', method: 'snr', points: [] }])).toBeUndefined();
    expect(singleEvaluationAt(round1)).toBe(200);
  });

  it('leave a normal range alone', () => {
    expect(readableYAxis([40, 90])!.domain).toEqual([40, 90]);
    const curves: TransferCurve[] = [
      {
        role: 'ticket',
        method: 'snr',
        points: [
          [20, 0.5],
          [40, 0.7],
        ],
      },
    ];
    expect(singleEvaluationAt(curves)).toBeNull();
    expect(sourceXDomain(curves)).toEqual([0, 40]);
  });
});
