/**
 * The tour's sparsity chart (paper Fig. 1–2 style): performance against weights remaining for the step's
 * chains, from the precomputed evidence; a live rerun streams on top as solid curves while the evidence
 * fades to dotted lines.
 */
import { useMemo } from 'react';
import { metricOf } from '../../core/tour/run-curves';
import { ChartFrame } from '../viz/ChartFrame';
import { sparsityXAxis } from '../experiment/sparsity-axis';
import { LiveChart } from '../viz/LiveChart';
import type { StepViewProps } from './step-types';
import { chainCurves, curvesTable, evidenceSeries } from './tour-series';

export function EvidenceSparsity({ step, run, live }: StepViewProps) {
  const evidence = useMemo(() => (run ? chainCurves(run.records, step.chains) : null), [run, step.chains]);
  const liveCurves = useMemo(
    () => (live?.records.length ? chainCurves(live.records, step.chains) : null),
    [live, step.chains],
  );
  const config = run?.config ?? live?.config;
  const accuracy = config ? metricOf(config) === 'accuracy' : true;
  const scale = accuracy ? 100 : 1;
  const series = useMemo(() => evidenceSeries(evidence, liveCurves, scale), [evidence, liveCurves, scale]);
  const x = useMemo(
    () => sparsityXAxis([...(evidence?.rows ?? []), ...(liveCurves?.rows ?? [])].map((r) => r.remainingPct)),
    [evidence, liveCurves],
  );
  const measure = accuracy ? 'test accuracy' : 'test return';
  const y = useMemo(
    () => ({
      label: accuracy ? `${measure} (%)` : measure,
      format: (v: number) => (accuracy ? v.toFixed(Math.abs(v) < 10 ? 1 : 0) : v.toFixed(0)),
    }),
    [accuracy, measure],
  );
  const table = useMemo(() => curvesTable(evidence, liveCurves, scale), [evidence, liveCurves, scale]);
  return (
    <div className="tour-chart">
      <ChartFrame fill id={`tour-${step.id}`} title={`Weights remaining vs ${measure}`} table={table}>
        <LiveChart
          series={series}
          x={x}
          y={y}
          ariaLabel={`${measure} against weights remaining, one curve per pruning method`}
          valueFormat={(v) => (accuracy ? `${v.toFixed(1)} %` : v.toFixed(1))}
          xReadout={(v) => `${v.toFixed(2)} % remaining`}
        />
      </ChartFrame>
    </div>
  );
}
