/**
 * Per-generation fitness of the round in progress (issue 5): best and population-mean score, plus the
 * test performance of the ES mean where it was evaluated. Throttled to a few renders per second (the
 * store gets ≤ 10 batches/s) and thinned to ≤ 300 points.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useImpStore, type FitnessPoint } from '../../state/imp-store';
import { thin } from '../../state/imp-selectors';
import { useThrottled } from '../use-throttled';
import { ChartFrame } from './ChartFrame';
import { methodLabel } from './palette';

const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : v.toPrecision(4));

export const FitnessChart = memo(function FitnessChart() {
  const current = useThrottled(useImpStore((s) => s.current), 500);
  const data = useMemo(() => thin(current?.points ?? [], 300), [current]);
  const table = useMemo(() => ({
    columns: ['generation', 'best score', 'mean score', 'test perf'],
    rows: data.map((p) => [p.gen, p.best, p.mean, p.testPerf]),
  }), [data]);
  const title = current ? `Fitness this round — ${methodLabel(current.method)}, round ${current.roundNum}, seed ${current.seed}` : 'Fitness this round';
  return (
    <ChartFrame id="fitness" title={title} table={table} empty="Shown while a round trains.">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data as FitnessPoint[]} margin={{ top: 8, right: 16, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis dataKey="gen" type="number" domain={[1, current?.generations ?? 'dataMax']} label={{ value: 'generation', position: 'insideBottom', offset: -12 }} />
          <YAxis domain={['auto', 'auto']} tickFormatter={fmt} width={58} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Line dataKey="best" name="best score" stroke="#0072b2" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="mean" name="population mean score" stroke="#e69f00" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
