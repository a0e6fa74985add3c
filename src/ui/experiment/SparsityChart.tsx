/**
 * Sparsity vs test performance (paper Fig. 2–3 style; issue 5 live chart, issue 9 seed bands): x = weights
 * remaining (%, log axis, reversed so pruning moves right), one curve per pruning method incl. baselines;
 * with several seeds the mean over seeds and a ±1 s.d. band, per-seed curves on demand. Data come from
 * `sparsityCurves` (tested); the chart re-renders only when a round lands.
 */
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundRecord } from '../../core/experiments/events';
import { sparsityCurves } from '../../state/imp-selectors';
import { useViewStore } from '../../state/view-store';
import { ChartFrame } from './ChartFrame';
import { methodColor, methodDash, methodLabel } from './palette';

const TICKS = [100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1];

export interface SparsityChartProps {
  readonly records: readonly RoundRecord[];
  /** Axis label of the performance ("test accuracy" or "test return"). */
  readonly perfLabel: string;
  readonly asPercent: boolean;
}

export const SparsityChart = memo(function SparsityChart({ records, perfLabel, asPercent }: SparsityChartProps) {
  const perSeed = useViewStore((s) => s.perSeed);
  const togglePerSeed = useViewStore((s) => s.togglePerSeed);
  const curves = useMemo(() => sparsityCurves(records), [records]);
  const multiSeed = curves.seeds.length > 1;
  const scale = asPercent ? 100 : 1;
  const fmt = (v: number) => (asPercent ? `${(100 * v).toFixed(1)} %` : v.toFixed(1));
  const data = useMemo(() => curves.rows.map((r) => {
    const out: Record<string, number | [number, number]> = { remainingPct: r.remainingPct };
    for (const [k, v] of Object.entries(r)) if (k !== 'remainingPct' && k !== 'roundNum') out[k] = Array.isArray(v) ? [v[0] * scale, v[1] * scale] : (v as number) * scale;
    return out;
  }), [curves, scale]);
  const minPct = data.length ? Math.min(...data.map((d) => d.remainingPct as number)) : 100;
  // Few rounds: tick every round's own remaining %; many: the 1-2-5 ladder (log axis).
  const ticks = data.length <= 8 ? data.map((d) => Number((d.remainingPct as number).toPrecision(3))) : TICKS.filter((t) => t >= minPct * 0.999);
  const table = useMemo(() => ({
    columns: ['round', 'remaining %', ...curves.methods.flatMap((m) => (multiSeed ? [`${m} mean`, `${m} s.d.`] : [m]))],
    rows: curves.rows.map((r) => [r.roundNum, Number(r.remainingPct.toFixed(3)), ...curves.methods.flatMap((m) => {
      const mean = r[m] as number | undefined, band = r[`${m}:band`] as [number, number] | undefined;
      return multiSeed ? [mean ?? null, band ? (band[1] - band[0]) / 2 : null] : [mean ?? null];
    })]),
  }), [curves, multiSeed]);
  return (
    <ChartFrame id="sparsity" title={`Weights remaining vs ${perfLabel}`} table={table} empty="Curves appear as rounds finish (round 1 is dense, 100 %)."
      footer={multiSeed ? <label className="inline-check"><input type="checkbox" checked={perSeed} onChange={togglePerSeed} /> per-seed curves ({curves.seeds.length} seeds; band = mean ± 1 s.d.)</label> : null}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 18, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis dataKey="remainingPct" type="number" scale="log" domain={[Math.min(...ticks, minPct), 100]} reversed ticks={ticks}
            tickFormatter={(v: number) => `${v}`} allowDataOverflow label={{ value: 'weights remaining (%, log)', position: 'insideBottom', offset: -12 }} />
          <YAxis domain={['auto', 'auto']} width={58} tickFormatter={(v: number) => (asPercent ? `${v.toFixed(0)}` : v.toFixed(0))}
            label={{ value: asPercent ? `${perfLabel} (%)` : perfLabel, angle: -90, position: 'insideLeft', offset: 12, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v, name) => [Array.isArray(v) ? v.map((x) => fmt(Number(x) / scale)).join(' – ') : fmt(Number(v) / scale), name]}
            labelFormatter={(v) => `${Number(v).toFixed(2)} % remaining`} />
          <Legend verticalAlign="top" height={28} />
          {multiSeed && curves.methods.map((m) => (
            <Area key={`${m}:band`} dataKey={`${m}:band`} name={`${methodLabel(m)} ±1 s.d.`} legendType="none" stroke="none"
              fill={methodColor(m)} fillOpacity={0.15} isAnimationActive={false} connectNulls />
          ))}
          {perSeed && multiSeed && curves.methods.flatMap((m) => curves.seeds.map((seed) => (
            <Line key={`${m}#${seed}`} dataKey={`${m}#${seed}`} name={`${methodLabel(m)} seed ${seed}`} legendType="none" stroke={methodColor(m)}
              strokeOpacity={0.45} strokeWidth={1} dot={false} isAnimationActive={false} connectNulls />
          )))}
          {curves.methods.map((m) => (
            <Line key={m} dataKey={m} name={methodLabel(m)} stroke={methodColor(m)} strokeWidth={2.2} strokeDasharray={methodDash(m)}
              dot={{ r: 3 }} isAnimationActive={false} connectNulls />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
