/**
 * Sparsity vs test performance (paper Fig. 2–3 style, live, with seed bands): x = weights
 * remaining (%, log axis, reversed so pruning moves right), one curve per pruning method incl. baselines;
 * with several seeds the mean over seeds and a ±1 s.d. band, per-seed curves on demand. Data come from
 * `sparsityCurves` (tested); the chart re-renders only when a round lands. A preset's precomputed result
 * (src/ui/run/precomputed*.ts) is drawn dotted and faded underneath, labelled, and can be hidden. A stored
 * GD-IMP run of the same task/network comes in `records` from the caller (chains 'gd_<method>', own
 * colours and labels in palette.ts) and is named in `note`.
 */
import { memo, useMemo } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import { fewerSeedsText, sparsityCurves } from '../../state/imp-selectors';
import { useViewStore } from '../../state/view-store';
import { LiveChart, type LiveSeries } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { methodColor, methodDash } from './palette';
import { methodName } from '../../core/names';
import { Term } from '../glossary/Term';
import { usePrecomputedOverlay } from '../run/precomputed-client';
import { precomputedSeries, withPrecomputedColumns } from '../run/precomputed-series';
import { PrecomputedNote } from '../run/PrecomputedNote';
import { sparsityXAxis } from './sparsity-axis';

export interface SparsityChartProps {
  readonly records: readonly RoundRecord[];
  /** Axis label of the performance ("test accuracy" or "test return"). */
  readonly perfLabel: string;
  readonly asPercent: boolean;
  /** What else is drawn (e.g. a stored GD-IMP run of the same task/network overlaid on the ES run). */
  readonly note?: string;
}

export const SparsityChart = memo(function SparsityChart({
  records,
  perfLabel: livePerfLabel,
  asPercent: liveAsPercent,
  note,
}: SparsityChartProps) {
  const pre = usePrecomputedOverlay();
  const preCurves = useMemo(
    () => (pre.entry?.overlay && pre.visible ? sparsityCurves(pre.entry.overlay.records) : null),
    [pre.entry, pre.visible],
  );
  // Nothing of this tab's yet: label the axis for the overlay's task (a CartPole preset shows returns).
  const asPercent = records.length || !pre.entry?.overlay ? liveAsPercent : pre.vision;
  const perfLabel =
    records.length || !pre.entry?.overlay ? livePerfLabel : pre.vision ? 'test accuracy' : 'test return';
  const perSeed = useViewStore((s) => s.perSeed);
  const togglePerSeed = useViewStore((s) => s.togglePerSeed);
  const curves = useMemo(() => sparsityCurves(records), [records]);
  const multiSeed = curves.seeds.length > 1;
  // A point over fewer seeds (one stopped early or is still running) looks like the others: say which.
  const fewerSeeds = useMemo(
    () => [fewerSeedsText(curves), preCurves && fewerSeedsText(preCurves)],
    [curves, preCurves],
  );
  const scale = asPercent ? 100 : 1;
  const series = useMemo(() => {
    const num = (v: unknown) => (typeof v === 'number' ? v * scale : NaN);
    const out: LiveSeries[] = [];
    for (const m of curves.methods) {
      const rows = curves.rows.filter((r) => typeof r[m] === 'number');
      if (perSeed && multiSeed) {
        for (const seed of curves.seeds) {
          out.push({
            key: `${m}#${seed}`,
            name: `${methodName(m)} seed ${seed}`,
            legend: false,
            color: methodColor(m),
            width: 1,
            opacity: 0.45,
            points: curves.rows
              .filter((r) => typeof r[`${m}#${seed}`] === 'number')
              .map((r) => [r.remainingPct, num(r[`${m}#${seed}`])] as const),
          });
        }
      }
      out.push({
        key: m,
        name: methodName(m),
        color: methodColor(m),
        dash: methodDash(m),
        width: 2.2,
        dots: true,
        points: rows.map((r) => [r.remainingPct, num(r[m])] as const),
        band: multiSeed
          ? rows.map((r) => {
              const b = r[`${m}:band`] as readonly [number, number];
              return [r.remainingPct, b[0] * scale, b[1] * scale] as const;
            })
          : undefined,
      });
    }
    return preCurves ? [...precomputedSeries(preCurves, scale), ...out] : out;
  }, [curves, scale, perSeed, multiSeed, preCurves]);
  const axisRows = useMemo(
    () => (preCurves && preCurves.rows.length > curves.rows.length ? preCurves.rows : curves.rows),
    [curves, preCurves],
  );
  const x = useMemo(() => sparsityXAxis(axisRows.map((d) => d.remainingPct)), [axisRows]);
  const y = useMemo(
    () => ({
      label: asPercent ? `${perfLabel} (%)` : perfLabel,
      format: (v: number) => (asPercent ? v.toFixed(Math.abs(v) < 10 ? 1 : 0) : v.toFixed(0)),
    }),
    [asPercent, perfLabel],
  );
  // The table and CSV in the chart's units (% where the chart shows %), one named column per curve.
  const table = useMemo(() => {
    const unit = asPercent ? ' (%)' : '';
    const v = (x: number | null | undefined) => (typeof x === 'number' ? x * scale : null);
    const own = {
      header: [
        'round',
        'weights remaining (%)',
        ...curves.methods.flatMap((m) =>
          multiSeed
            ? [`${methodName(m)}: mean ${perfLabel}${unit}`, `${methodName(m)}: s.d.${unit}`]
            : [`${methodName(m)}: ${perfLabel}${unit}`],
        ),
      ],
      rows: curves.rows.map((r) => [
        r.roundNum,
        Number(r.remainingPct.toFixed(3)),
        ...curves.methods.flatMap((m) => {
          const mean = r[m] as number | undefined,
            band = r[`${m}:band`] as [number, number] | undefined;
          return multiSeed ? [v(mean), band ? v((band[1] - band[0]) / 2) : null] : [v(mean)];
        }),
      ]),
    };
    return preCurves
      ? withPrecomputedColumns(own, preCurves, {
          scale,
          column: (m) => `${methodName(m)}: precomputed ${perfLabel}${unit}`,
        })
      : own;
  }, [curves, multiSeed, preCurves, scale, asPercent, perfLabel]);
  return (
    <ChartFrame
      id="sparsity"
      fill
      title={`Weights remaining vs ${perfLabel}`}
      table={table}
      empty="Curves appear as rounds finish (round 1 is dense, 100 %)."
      footer={
        <>
          <p className="muted small chart-note">
            Each <Term id="round">round</Term> prunes some weights and <Term id="rewind">rewinds</Term> the rest; moving
            right, fewer weights remain (<Term id="sparsity">sparsity</Term> grows). A <Term id="ticket">ticket</Term>{' '}
            that keeps its {perfLabel} while its <Term id="baseline">baselines</Term> fall found something real. Dashed
            lines: baselines (precomputed ones: dotted with dots).
          </p>
          {note ? (
            <p className="muted small" data-testid="sparsity-overlay">
              {note}
            </p>
          ) : null}
          {multiSeed ? (
            <label className="inline-check">
              <input type="checkbox" checked={perSeed} onChange={togglePerSeed} /> per-seed curves (
              {curves.seeds.length} seeds; band = mean ± 1 s.d.)
            </label>
          ) : null}
          {fewerSeeds[0] ? (
            <p className="muted small" data-testid="sparsity-fewer-seeds">
              {fewerSeeds[0]}
            </p>
          ) : null}
          {fewerSeeds[1] ? <p className="muted small">Precomputed curves: {fewerSeeds[1]}</p> : null}
          {pre.entry ? <PrecomputedNote entry={pre.entry} visible={pre.visible} /> : null}
        </>
      }
    >
      <LiveChart
        series={series}
        x={x}
        y={y}
        ariaLabel={`${perfLabel} against weights remaining, one curve per pruning method`}
        valueFormat={(v) => (asPercent ? `${v.toFixed(1)} %` : v.toFixed(1))}
        xReadout={(v) => `${v.toFixed(2)} % remaining`}
      />
    </ChartFrame>
  );
});
