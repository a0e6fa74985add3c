/**
 * σ statistics per round (docs/ALGORITHMS.md §1.5: SNR pruning scores |μ|/σ): mean and median σ over the
 * active weights at the end of each round, per pruning method, on a log axis. Rows from `sigmaRows`.
 */
import { memo, useMemo } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import { sigmaRows } from '../../state/imp-selectors';
import { LiveChart, type LiveSeries } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { methodColor, methodDash } from './palette';
import { methodName } from '../../core/names';
import { Term } from '../glossary/Term';

export const SigmaChart = memo(function SigmaChart({ records }: { readonly records: readonly RoundRecord[] }) {
  const rows = useMemo(
    () => sigmaRows(records).filter((r) => Number.isFinite(r.sigmaMean) && r.sigmaMean > 0),
    [records],
  );
  const series = useMemo(() => {
    const methods = [...new Set(rows.map((r) => r.method))];
    const mine = (m: string) => rows.filter((r) => r.method === m);
    return methods.flatMap((m): LiveSeries[] => [
      {
        key: m,
        name: methodName(m),
        color: methodColor(m),
        dash: methodDash(m),
        width: 2,
        dots: true,
        points: mine(m).map((r) => [r.roundNum, r.sigmaMean] as const),
      },
      {
        key: `${m}:median`,
        name: `${methodName(m)} median`,
        legend: false,
        color: methodColor(m),
        dash: '2 3',
        width: 1,
        points: mine(m).map((r) => [r.roundNum, r.sigmaMedian] as const),
      },
    ]);
  }, [rows]);
  const x = useMemo(() => {
    const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b);
    const lo = rounds[0] ?? 1,
      hi = rounds[rounds.length - 1] ?? 1;
    return {
      label: 'round',
      domain: [lo - 0.3, hi + 0.3] as const,
      ticks: rounds.length <= 12 ? rounds : undefined,
      format: (v: number) => String(Math.round(v)),
    };
  }, [rows]);
  const table = useMemo(
    () => ({
      header: ['round', 'pruning method', 'mean σ', 'median σ', 'smallest σ', 'largest σ'],
      rows: rows.map((r) => [r.roundNum, methodName(r.method), r.sigmaMean, r.sigmaMedian, r.sigmaMin, r.sigmaMax]),
    }),
    [rows],
  );
  return (
    <ChartFrame
      id="sigma"
      fill
      title="σ of the remaining weights at the end of each round"
      table={table}
      empty="σ statistics appear as rounds finish."
      footer={
        <p className="muted small chart-note">
          <Term id="sigma">σ</Term> is how widely the evolution strategy searches around each weight. Solid: mean over
          the remaining weights; dotted: median.
        </p>
      }
    >
      <LiveChart
        series={series}
        x={x}
        y={Y_AXIS}
        ariaLabel="mean and median σ of active weights per round and pruning method"
        xReadout={(k) => `round ${k}`}
      />
    </ChartFrame>
  );
});

const Y_AXIS = {
  label: 'σ (log scale)',
  scale: 'log' as const,
  format: (v: number) => (v >= 1e-3 && v < 1e3 ? String(Number(v.toPrecision(3))) : v.toExponential(2)),
};
