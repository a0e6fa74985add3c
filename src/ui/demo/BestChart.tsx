import { memo } from 'react';
/**
 * Best-so-far f(x) vs generation (recharts), with a "show as table" alternative (STYLE.md §11). The
 * series is thinned by `selectBestSeries`; the chart plots f = −score (lower is better), on a log axis
 * when every value is positive.
 */
import { useShallow } from 'zustand/react/shallow';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { selectBestSeries, useProgressStore } from '../../state/progress-store';
import { useViewStore } from '../../state/view-store';
import { useThrottled } from '../use-throttled';

/** Chart refresh interval while a run streams (ms). */
const CHART_REFRESH_MS = 400;

const fmt = (v: number) => (Math.abs(v) < 1e-2 || Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toPrecision(4));

/** Memoised: it has no props, so parent re-renders (one per streamed batch) skip it. */
export const BestChart = memo(function BestChart() {
  const series = useThrottled(useProgressStore(useShallow((s) => selectBestSeries(s, 200))), CHART_REFRESH_MS);
  const asTable = useViewStore((s) => s.bestAsTable);
  const toggle = useViewStore((s) => s.toggleBestAsTable);
  const data = series.map((p) => ({ generation: p.generation, bestF: -p.bestScore, popMeanF: -p.popMeanScore }));
  const logY = data.length > 0 && data.every((d) => d.bestF > 0 && d.popMeanF > 0);
  return (
    <section className="chart-block" aria-labelledby="best-h">
      <div className="panel-head">
        <h3 id="best-h">Best f(x) so far</h3>
        <button type="button" className="link-button" aria-pressed={asTable} onClick={toggle}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      {data.length === 0 ? <p className="muted">Start a run to see the curve.</p> : asTable ? (
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">Generation</th><th scope="col">Best f</th><th scope="col">Population mean f</th></tr></thead>
            <tbody>{data.map((d) => <tr key={d.generation}><td>{d.generation}</td><td>{fmt(d.bestF)}</td><td>{fmt(d.popMeanF)}</td></tr>)}</tbody>
          </table>
        </div>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid stroke="#ddd" />
              <XAxis dataKey="generation" type="number" domain={['dataMin', 'dataMax']} label={{ value: 'generation', position: 'insideBottom', offset: -12 }} />
              <YAxis scale={logY ? 'log' : 'auto'} domain={['auto', 'auto']} tickFormatter={fmt} width={64} allowDataOverflow />
              <Tooltip formatter={(v) => fmt(Number(v))} />
              <Line type="monotone" dataKey="bestF" name="best f" stroke="#0072b2" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="popMeanF" name="population mean f" stroke="#e69f00" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <p className="chart-key"><span className="swatch" style={{ background: '#0072b2' }} /> best so far · <span className="swatch" style={{ background: "#e69f00" }} /> population mean</p>
    </section>
  );
});
