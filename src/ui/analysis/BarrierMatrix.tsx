/**
 * The barrier of every pair of networks as a heatmap table (paper §5 LMC; docs/ALGORITHMS.md §6): one
 * row and one column per network, each cell shaded by its barrier (cividis, light = high) with the
 * number written in it, so the pattern reads at a glance and every value stays readable (and a screen
 * reader gets a real table with row and column headers).
 */
import { cividis, luminance } from '../viz/palettes';

export interface BarrierMatrixProps {
  /** Network names, in matrix order ("round 1", …). */
  readonly labels: readonly string[];
  /** Symmetric K×K barriers (diagonal 0). */
  readonly barrier: readonly (readonly number[])[];
  /** Multiplier for display (100: error fractions as percentage points). */
  readonly scale: number;
  readonly unit: string;
}

export function BarrierMatrix({ labels, barrier, scale, unit }: BarrierMatrixProps) {
  const values = barrier.flatMap((row, i) => row.filter((_, j) => j !== i)).filter(Number.isFinite);
  const hi = Math.max(1e-12, ...values.map((v) => Math.abs(v)));
  const cell = (v: number, i: number, j: number) => {
    if (i === j || !Number.isFinite(v)) return <td key={j} className="matrix-diag" aria-label="same network" />;
    const rgb = cividis(Math.min(1, Math.max(0, v / hi))).map(Math.round) as [number, number, number];
    return (
      <td key={j} style={{ background: `rgb(${rgb.join(',')})`, color: luminance(rgb) > 128 ? '#111' : '#fff' }}>
        {(v * scale).toFixed(scale === 100 ? 1 : 2)}
        {unit}
      </td>
    );
  };
  return (
    <div className="barrier-matrix">
      <table className="data-table matrix-table">
        <caption className="sr-only">
          Barrier between each pair of networks{unit ? ' in percentage points' : ''}
        </caption>
        <thead>
          <tr>
            <td />
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {labels.map((_, j) => cell(barrier[i]?.[j] ?? NaN, i, j))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Darker: lower barrier (better connected). Lighter: higher barrier.</p>
    </div>
  );
}
