/**
 * Per-generation fitness of the round in progress: best and population-mean score, plus the
 * test performance of the ES mean where it was evaluated. Throttled to a few renders per second (the
 * store gets ≤ 10 batches/s) and thinned to ≤ 300 points.
 */
import { memo, useMemo } from 'react';
import { useImpStore } from '../../state/imp-store';
import { thin } from '../../state/imp-selectors';
import { useThrottled } from '../use-throttled';
import { LiveChart } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { methodLabel } from './palette';

const fmt = (v: number) =>
  Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : v.toPrecision(4);

export const FitnessChart = memo(function FitnessChart() {
  const current = useThrottled(
    useImpStore((s) => s.current),
    500,
  );
  const data = useMemo(() => thin(current?.points ?? [], 300), [current]);
  const table = useMemo(
    () => ({
      header: ['generation', 'best score', 'mean score', 'test perf'],
      rows: data.map((p) => [p.gen, p.best, p.mean, p.testPerf]),
    }),
    [data],
  );
  const series = useMemo(
    () => [
      {
        key: 'best',
        name: 'best score',
        color: '#0072b2',
        width: 2,
        points: data.map((p) => [p.gen, p.best] as const),
      },
      {
        key: 'mean',
        name: 'population mean score',
        color: '#e69f00',
        width: 1.5,
        points: data.map((p) => [p.gen, p.mean] as const),
      },
    ],
    [data],
  );
  const generations = current?.generations;
  const x = useMemo(
    () => ({ label: 'generation', domain: generations ? ([1, generations] as const) : undefined }),
    [generations],
  );
  const title = current
    ? `Fitness this round — ${methodLabel(current.method)}, round ${current.roundNum}, seed ${current.seed}`
    : 'Fitness this round';
  return (
    <ChartFrame id="fitness" fill title={title} table={table} empty="Shown while a round trains.">
      <LiveChart
        series={series}
        x={x}
        y={Y_AXIS}
        ariaLabel="best and mean population score per generation of the current round"
        xReadout={(g) => `generation ${g}`}
      />
    </ChartFrame>
  );
});

const Y_AXIS = { format: fmt };
