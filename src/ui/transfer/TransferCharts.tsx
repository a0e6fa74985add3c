/**
 * Source and target side by side (docs/ALGORITHMS.md §5 "each panel compares the transferred
 * ticket with the random-reinit chain"): left, the source round's test curve (ticket, and the source run's
 * own random-mask baseline round); right, the target's — the transferred ticket (blue, as in the paper)
 * against the random-mask baseline at the same sparsity (yellow, dashed) — live while the job streams.
 * Series, names and axes come from transfer-chart-data.ts (names as every other chart's). Below, a
 * comparison table of final and best performance. Every chart sits in the shared ChartFrame (table
 * view, PNG/SVG/CSV); the numbers come from the tested selectors in state/transfer-store.ts.
 */
import { memo, useMemo } from 'react';
import {
  curveTable,
  sharedDomain,
  summaryRows,
  type TicketChoice,
  type TransferCurve,
} from '../../state/transfer-store';
import type { RoundRecord } from '../../core/experiments/events';
import { useThrottled } from '../use-throttled';
import { LiveChart } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { readableYAxis, singleEvaluationAt, sourceXDomain, transferSeries } from './transfer-chart-data';

interface CurveChartProps {
  readonly id: string;
  readonly title: string;
  readonly curves: readonly TransferCurve[];
  readonly xLabel: string;
  readonly asPercent: boolean;
  readonly empty: string;
  readonly note?: string;
  readonly xDomain?: readonly [number, number];
  readonly yDomain: readonly [number, number] | null;
}

/** One panel: test performance of the ES mean (or GD weights) against generation / optimizer step. */
export const CurveChart = memo(function CurveChart({
  id,
  title,
  curves,
  xLabel,
  asPercent,
  empty,
  note,
  xDomain,
  yDomain,
}: CurveChartProps) {
  const scaled = useMemo(
    () => curves.map((c) => ({ ...c, points: c.points.map(([x, y]) => [x, asPercent ? 100 * y : y] as const) })),
    [curves, asPercent],
  );
  const series = useMemo(() => transferSeries(scaled), [scaled]);
  const table = useMemo(() => curveTable(curves), [curves]);
  const y = useMemo(() => {
    // the same ticks in both panels, whatever their plot heights (legends may wrap differently)
    const axis = readableYAxis(yDomain);
    return {
      label: asPercent ? 'test accuracy (%)' : 'test return',
      format: (v: number) => v.toFixed(asPercent ? 0 : 1),
      domain: axis?.domain,
      ticks: axis?.ticks,
    };
  }, [asPercent, yDomain]);
  const x = useMemo(() => ({ label: xLabel, domain: xDomain }), [xLabel, xDomain]);
  return (
    <ChartFrame
      id={id}
      fill
      title={title}
      note={note}
      table={{ header: [xLabel, ...table.header.slice(1)], rows: table.rows }}
      empty={empty}
    >
      <LiveChart
        series={series}
        x={x}
        y={y}
        ariaLabel={`${title}: test performance against ${xLabel}`}
        valueFormat={(v) => (asPercent ? `${v.toFixed(1)} %` : v.toFixed(1))}
        xReadout={(v) => `${xLabel} ${v}`}
      />
    </ChartFrame>
  );
});

export interface TransferChartsProps {
  readonly ticket: TicketChoice;
  readonly source: readonly TransferCurve[];
  readonly target: readonly TransferCurve[];
  readonly records: readonly RoundRecord[];
  readonly sourceLabel: string;
  readonly targetLabel: string;
  readonly targetTaskId: string;
  readonly targetIsGd: boolean;
  /** Steps (generations / optimizer steps) of one target training, once the job has said. */
  readonly targetSteps: number | null;
  readonly asPercent: boolean;
}

export function TransferCharts({
  ticket,
  source,
  target,
  records,
  sourceLabel,
  targetLabel,
  targetTaskId,
  targetIsGd,
  targetSteps,
  asPercent,
}: TransferChartsProps) {
  const liveTarget = useThrottled(target, 400);
  const kept = (100 * (1 - ticket.sparsityFrac)).toFixed(1);
  const rows = useMemo(() => summaryRows(ticket, records, targetTaskId), [ticket, records, targetTaskId]);
  // One y scale for both panels (side-by-side reading), at least 10 points of accuracy tall.
  const yDomain = useMemo(
    () => sharedDomain([...source, ...liveTarget], asPercent ? 100 : 1, asPercent ? 10 : 0),
    [source, liveTarget, asPercent],
  );
  const xSource = useMemo(() => sourceXDomain(source), [source]);
  const onlyEval = singleEvaluationAt(source);
  const xTarget = useMemo(() => (targetSteps ? ([0, targetSteps] as const) : undefined), [targetSteps]);
  const fmt = (v: number) => (asPercent ? Number((100 * v).toFixed(2)) : Number(v.toFixed(2)));
  return (
    <div className="transfer-charts">
      <div className="chart-grid">
        <CurveChart
          id="transfer-source"
          title={`Source: ${sourceLabel}`}
          curves={source}
          xLabel="generation"
          asPercent={asPercent}
          yDomain={yDomain}
          xDomain={xSource}
          note={onlyEval === null ? undefined : `This round was tested once, after generation ${onlyEval}.`}
          empty="This round has no test evaluations."
        />
        <CurveChart
          id="transfer-target"
          title={`Target: ${targetLabel}`}
          curves={liveTarget}
          xLabel={targetIsGd ? 'optimizer step' : 'generation'}
          asPercent={asPercent}
          yDomain={yDomain}
          xDomain={xTarget}
          empty="Curves appear as the target trains (first test evaluation after the first step)."
        />
      </div>
      {/* A table, not a picture: the frame shows it as its own table (no chart to toggle to, CSV only), in its
          sideways-scrolling box, so on a phone the last column ("best") stays readable. */}
      <ChartFrame
        id="transfer-summary"
        title={`Final ${asPercent ? 'test accuracy (%)' : 'test return'} at ${kept} % of weights remaining`}
        table={{
          header: ['side', 'network', 'task', 'final', 'best'],
          rows: rows.map((r) => [r[0], r[1], r[2], fmt(r[3] as number), fmt(r[4] as number)]),
        }}
      />
    </div>
  );
}
