/**
 * Best-so-far f(x) vs generation in the shared ChartFrame (table alternative and export, docs/ARCHITECTURE.md
 * convention 11). The series is
 * thinned by `selectBestSeries`; the chart plots f = −score (lower is better), on a log axis when every
 * value is positive. Drawn by the light SVG LiveChart, not recharts: recharts re-measured every label and
 * path (getTotalLength) on each refresh, 100+ ms main-thread tasks while the demo streams at 30 batches/s
 * (the main thread must stay responsive), which also starved the e2e test's clicks on a loaded 2-core machine.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectBestSeries, useDemoProgressStore } from '../../state/demo-progress-store';
import { useThrottled } from '../use-throttled';
import { LiveChart } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { compactNumber } from '../viz/number-format';

/** Chart refresh interval while a run streams (ms). */
const CHART_REFRESH_MS = 400;

const fmt = (v: number) => compactNumber(v, 4, 2);

/** Memoised: it has no props, so parent re-renders (one per streamed batch) skip it. */
export const BestChart = memo(function BestChart() {
  const series = useThrottled(useDemoProgressStore(useShallow((s) => selectBestSeries(s, 200))), CHART_REFRESH_MS);
  const data = useMemo(
    () => series.map((p) => ({ generation: p.generation, bestF: -p.bestScore, popMeanF: -p.popMeanScore })),
    [series],
  );
  const logY = data.length > 0 && data.every((d) => d.bestF > 0 && d.popMeanF > 0);
  const lines = useMemo(
    () => [
      {
        key: 'best',
        name: 'best f',
        color: BEST_COLOR,
        width: 2,
        points: data.map((d) => [d.generation, d.bestF] as const),
      },
      {
        key: 'mean',
        name: 'population mean f',
        color: MEAN_COLOR,
        width: 1.5,
        points: data.map((d) => [d.generation, d.popMeanF] as const),
      },
    ],
    [data],
  );
  const y = useMemo(() => ({ scale: logY ? ('log' as const) : ('linear' as const), format: fmt }), [logY]);
  const table = useMemo(
    () => ({
      header: ['generation', 'best f', 'population mean f'],
      rows: data.map((d) => [d.generation, d.bestF, d.popMeanF]),
    }),
    [data],
  );
  return (
    <ChartFrame id="best" fill title="Best f(x) so far" table={table} empty="Start a run to see the curve.">
      <LiveChart
        series={lines}
        x={X_AXIS}
        y={y}
        ariaLabel="best and population-mean f per generation"
        xReadout={(g) => `generation ${g}`}
      />
    </ChartFrame>
  );
});

const BEST_COLOR = '#0072b2';
const MEAN_COLOR = '#e69f00';
const X_AXIS = { label: 'generation' };
