/**
 * Training a network by ES (the tour's second step): test performance of the mean network during the
 * dense round 1, from the precomputed seeds (band: ±1 s.d.); a live rerun's evaluations stream on top as
 * they are made. What the measure means is said above the chart; the table (training-table.ts) has units.
 */
import { useMemo } from 'react';
import { denseLearningCurve } from '../../core/tour/training-curve';
import { metricOf } from '../../core/tour/run-curves';
import { useImpStore } from '../../state/imp-store';
import { ChartFrame } from '../viz/ChartFrame';
import { LiveChart, type LiveSeries } from '../viz/LiveChart';
import { PRECOMPUTED_DASH } from '../run/precomputed-series';
import type { StepViewProps } from './step-types';
import { measureLabel, measureNote, trainingTable } from './training-table';

const EVIDENCE_COLOUR = '#0072b2',
  LIVE_COLOUR = '#d55e00';

/** The live run's round-1 evaluations: from its finished record, or as they stream in. */
function useLivePoints(live: StepViewProps['live']): (readonly [number, number])[] {
  const current = useImpStore((s) => s.current);
  return useMemo(() => {
    if (!live) return [];
    const done = denseLearningCurve(live.records);
    if (done.length) return done.map((p) => [p.gen, p.mean] as const);
    if (!current || current.roundNum !== 1) return [];
    return current.points.filter((p) => p.testPerf !== null).map((p) => [p.gen, p.testPerf as number] as const);
  }, [live, current]);
}

export function EvidenceTraining({ step, run, live }: StepViewProps) {
  const curve = useMemo(() => (run ? denseLearningCurve(run.records) : []), [run]);
  const livePoints = useLivePoints(live);
  const config = run?.config ?? live?.config;
  const accuracy = config ? metricOf(config) === 'accuracy' : true;
  const scale = accuracy ? 100 : 1;
  const series = useMemo(() => {
    const out: LiveSeries[] = [];
    const faded = livePoints.length > 0;
    if (curve.length)
      out.push({
        key: 'evidence',
        name: `${faded ? 'precomputed — ' : ''}mean of ${curve[0].n} seed${curve[0].n > 1 ? 's' : ''}`,
        color: EVIDENCE_COLOUR,
        width: faded ? 2 : 2.6,
        dash: faded ? PRECOMPUTED_DASH : undefined,
        opacity: faded ? 0.55 : 1,
        dots: !faded,
        points: curve.map((p) => [p.gen, p.mean * scale] as const),
        band: curve[0].n > 1 && !faded ? curve.map((p) => [p.gen, p.lo * scale, p.hi * scale] as const) : undefined,
      });
    if (faded)
      out.push({
        key: 'live',
        name: 'your run',
        color: LIVE_COLOUR,
        width: 2.6,
        dots: true,
        points: livePoints.map(([g, v]) => [g, v * scale] as const),
      });
    return out;
  }, [curve, livePoints, scale]);
  const measure = accuracy ? 'test accuracy' : 'test return';
  const generations = config?.budget.generationsPerRound;
  const x = useMemo(
    () => ({ label: 'generation of round 1', domain: generations ? ([0, generations] as const) : undefined }),
    [generations],
  );
  const y = useMemo(() => ({ label: measureLabel(accuracy), format: (v: number) => v.toFixed(0) }), [accuracy]);
  const table = useMemo(
    () =>
      trainingTable(
        curve.map((p) => ({ gen: p.gen, value: p.mean })),
        livePoints.map(([gen, value]) => ({ gen, value })),
        { accuracy, seeds: curve[0]?.n ?? 0 },
      ),
    [curve, livePoints, accuracy],
  );
  return (
    <div className="tour-chart">
      <ChartFrame
        fill
        id={`tour-${step.id}`}
        title={`Round 1: ${measure} of the dense network`}
        note={measureNote(accuracy)}
        table={table}
      >
        <LiveChart
          series={series}
          x={x}
          y={y}
          ariaLabel={`${measure} of the mean network against the generation of round 1`}
          valueFormat={(v) => (accuracy ? `${v.toFixed(1)} %` : v.toFixed(1))}
          xReadout={(g) => `generation ${g}`}
        />
      </ChartFrame>
    </div>
  );
}
