/**
 * A collected sweep's configurations on one chart (Runs tab): weights remaining (log, reversed) vs final
 * test performance, one colour per configuration, one dash style per pruning method, mean over seeds with
 * a ±1 s.d. band. A method picker thins the chart to one method; the table view lists every number.
 * Data: core/sweep/overlay.ts (tested); state: state/sweep-overlay-store.ts.
 */
import { memo, useMemo } from 'react';
import { useSweepOverlayStore } from '../../state/sweep-overlay-store';
import { LiveChart, type LiveSeries } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { methodDash, paletteColor } from '../experiment/palette';
import { methodName } from '../../core/names';

export const SweepOverlayChart = memo(function SweepOverlayChart() {
  const { overlay, vision, files, method, setMethod, clear } = useSweepOverlayStore();
  const scale = vision ? 100 : 1;
  const perfLabel = vision ? 'test accuracy (%)' : 'test return';
  const shown = useMemo(
    () => (overlay ? overlay.curves.filter((c) => method === null || c.method === method) : []),
    [overlay, method],
  );
  const series = useMemo<LiveSeries[]>(
    () =>
      shown.map((c) => ({
        key: c.key,
        name: method === null ? `${c.configLabel} · ${methodName(c.method)}` : c.configLabel,
        color: paletteColor(c.configIndex),
        dash: methodDash(c.method),
        width: 2,
        dots: true,
        points: c.points.map((p) => [p.remainingPct, scale * p.mean] as const),
        band: c.points.some((p) => p.n > 1)
          ? c.points.map((p) => [p.remainingPct, scale * (p.mean - p.sd), scale * (p.mean + p.sd)] as const)
          : undefined,
      })),
    [shown, method, scale],
  );
  const ticks = useMemo(() => {
    const pcts = [...new Set(shown.flatMap((c) => c.points.map((p) => Number(p.remainingPct.toPrecision(3)))))];
    return pcts.sort((a, b) => b - a);
  }, [shown]);
  const table = useMemo(
    () => ({
      header: ['configuration', 'method', 'round', 'remaining %', 'seeds', 'mean', 's.d.'],
      rows: shown.flatMap((c) =>
        c.points.map((p) => [
          c.configLabel,
          c.method,
          p.roundNum,
          Number(p.remainingPct.toFixed(3)),
          p.n,
          scale * p.mean,
          scale * p.sd,
        ]),
      ),
    }),
    [shown, scale],
  );
  if (!overlay) return null;
  const minPct = ticks.length ? Math.min(...ticks) : 1;
  return (
    <div className="sweep-overlay" data-testid="sweep-overlay">
      <ChartFrame
        fill
        id="sweep-overlay"
        title={`Sweep${overlay.name ? ` ${overlay.name}` : ''}: ${overlay.configLabels.length} configurations`}
        table={table}
        footer={
          <div className="button-row">
            <label>
              Pruning method{' '}
              <select value={method ?? ''} onChange={(e) => setMethod(e.target.value || null)}>
                <option value="">all methods</option>
                {overlay.methods.map((m) => (
                  <option key={m} value={m}>
                    {methodName(m)}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted small">
              from {files.length} file{files.length > 1 ? 's' : ''}; band = mean ± 1 s.d. over seeds
            </span>
            <button type="button" onClick={clear}>
              Close sweep
            </button>
          </div>
        }
      >
        <LiveChart
          series={series}
          x={{
            label: 'weights remaining (%, log)',
            scale: 'log',
            reversed: true,
            ticks: ticks.length <= 8 ? ticks : undefined,
            domain: [minPct / 1.08, 105],
            format: (v) => `${v}`,
          }}
          y={{ label: perfLabel, format: (v) => (vision ? v.toFixed(Math.abs(v) < 10 ? 1 : 0) : v.toFixed(0)) }}
          ariaLabel={`${perfLabel} against weights remaining, one curve per configuration of the sweep`}
          valueFormat={(v) => (vision ? `${v.toFixed(1)} %` : v.toFixed(1))}
          xReadout={(v) => `${v.toFixed(2)} % remaining`}
        />
      </ChartFrame>
    </div>
  );
});
