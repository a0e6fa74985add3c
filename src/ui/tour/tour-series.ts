/**
 * Chart data of the tour's sparsity view (numbers from the tested `sparsityCurves`,
 * docs/ARCHITECTURE.md convention 11): the evidence's chains as solid curves with their seed band, or — while a live
 * rerun
 * streams over them — dotted and faded (the precomputed overlay's style), with the live run solid on top.
 * The table joins both by round, so what is drawn is what the table and the CSV say.
 */
import type { RoundRecord } from '../../core/experiments/events';
import { sparsityCurves, type SparsityCurves } from '../../state/imp-selectors';
import { methodColor, methodDash } from '../experiment/palette';
import { methodName, sourcedName } from '../../core/names';
import { precomputedSeries } from '../run/precomputed-series';
import type { LiveSeries } from '../viz/LiveChart';
import type { DataTable } from '../../core/table';

/** Curves of the chains in `chains` (in that order) that the records hold. */
export function chainCurves(records: readonly RoundRecord[], chains: readonly string[] | undefined): SparsityCurves {
  const kept = chains ? records.filter((r) => chains.includes(r.method)) : records;
  const curves = sparsityCurves(kept);
  const order = chains ?? curves.methods;
  return { ...curves, methods: order.filter((m) => curves.methods.includes(m)) };
}

/** Solid curves (mean over seeds, ±1 s.d. band with several seeds); `source` ("your run") joins the legend names. */
export function solidSeries(curves: SparsityCurves, scale: number, source?: string): LiveSeries[] {
  const multi = curves.seeds.length > 1;
  return curves.methods.map((m) => {
    const rows = curves.rows.filter((r) => typeof r[m] === 'number');
    return {
      key: `${source ?? ''}:${m}`,
      name: source ? sourcedName(m, source) : methodName(m),
      color: methodColor(m),
      dash: methodDash(m),
      width: 2.4,
      dots: true,
      points: rows.map((r) => [r.remainingPct, (r[m] as number) * scale] as const),
      band: multi
        ? rows.map((r) => {
            const b = r[`${m}:band`] as readonly [number, number];
            return [r.remainingPct, b[0] * scale, b[1] * scale] as const;
          })
        : undefined,
    };
  });
}

/** The evidence alone (solid), or faded under a live run (solid, "your run"). */
export function evidenceSeries(
  evidence: SparsityCurves | null,
  live: SparsityCurves | null,
  scale: number,
): LiveSeries[] {
  if (!live || !live.rows.length) return evidence ? solidSeries(evidence, scale) : [];
  return [...(evidence ? precomputedSeries(evidence, scale) : []), ...solidSeries(live, scale, 'your run')];
}

/** One row per round: remaining %, then each evidence chain's mean, then each live chain's (× `scale`, as drawn). */
export function curvesTable(evidence: SparsityCurves | null, live: SparsityCurves | null, scale: number): DataTable {
  const parts = [
    ...(evidence ? [{ c: evidence, source: live?.rows.length ? 'precomputed' : null }] : []),
    ...(live?.rows.length ? [{ c: live, source: 'your run' }] : []),
  ];
  const rounds = [...new Set(parts.flatMap((p) => p.c.rows.map((r) => r.roundNum)))].sort((a, b) => a - b);
  return {
    header: [
      'round',
      'weights remaining %',
      ...parts.flatMap((p) => p.c.methods.map((m) => (p.source ? sourcedName(m, p.source) : methodName(m)))),
    ],
    rows: rounds.map((k) => {
      const rows = parts.map((p) => p.c.rows.find((r) => r.roundNum === k));
      const any = rows.find((r) => r !== undefined)!;
      return [
        k,
        Number(any.remainingPct.toFixed(3)),
        ...parts.flatMap((p, i) =>
          p.c.methods.map((m) => (typeof rows[i]?.[m] === 'number' ? (rows[i]![m] as number) * scale : null)),
        ),
      ];
    }),
  };
}
