/**
 * σ statistics per round (issue 5; spec §1.5: SNR pruning scores |μ|/σ): mean and median σ over the
 * active weights at the end of each round, per pruning method, on a log axis. Rows from `sigmaRows`.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundRecord } from '../../core/experiments/events';
import { sigmaRows } from '../../state/imp-selectors';
import { ChartFrame } from './ChartFrame';
import { methodColor, methodDash, methodLabel } from './palette';

export const SigmaChart = memo(function SigmaChart({ records }: { readonly records: readonly RoundRecord[] }) {
  const rows = useMemo(() => sigmaRows(records).filter((r) => Number.isFinite(r.sigmaMean) && r.sigmaMean > 0), [records]);
  const methods = useMemo(() => [...new Set(rows.map((r) => r.method))], [rows]);
  const data = useMemo(() => {
    const byRound = new Map<number, Record<string, number>>();
    for (const r of rows) byRound.set(r.roundNum, { ...(byRound.get(r.roundNum) ?? { roundNum: r.roundNum }), [r.method]: r.sigmaMean, [`${r.method}:median`]: r.sigmaMedian });
    return [...byRound.values()];
  }, [rows]);
  const table = useMemo(() => ({
    columns: ['round', 'method', 'σ mean', 'σ median', 'σ min', 'σ max'],
    rows: rows.map((r) => [r.roundNum, r.method, r.sigmaMean, r.sigmaMedian, r.sigmaMin, r.sigmaMax]),
  }), [rows]);
  return (
    <ChartFrame id="sigma" title="σ of active weights per round (mean; dotted: median)" table={table} empty="σ statistics appear as rounds finish.">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis dataKey="roundNum" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} label={{ value: 'round', position: 'insideBottom', offset: -12 }} />
          <YAxis scale="log" domain={['auto', 'auto']} tickFormatter={(v: number) => v.toExponential(1)} width={58} allowDataOverflow />
          <Tooltip formatter={(v) => Number(v).toExponential(3)} />
          <Legend verticalAlign="top" height={28} />
          {methods.map((m) => <Line key={m} dataKey={m} name={methodLabel(m)} stroke={methodColor(m)} strokeDasharray={methodDash(m)} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls />)}
          {methods.map((m) => <Line key={`${m}:median`} dataKey={`${m}:median`} name={`${methodLabel(m)} median`} legendType="none" stroke={methodColor(m)} strokeDasharray="2 3" strokeWidth={1} dot={false} isAnimationActive={false} connectNulls />)}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
