/** Horizontal viridis legend for a ValueScale, labelled with the values at both ends and the middle. */
import { viridisCss, type ValueScale } from './colormap';
import { compactNumber } from './number-format';

/** Legend end and middle values: three digits, exponent form for tiny or huge values. */
const fmt = (v: number) => compactNumber(v, 3, 1);

/** Value at unit position t, inverting `scale.toUnit`. */
function valueAt(scale: ValueScale, t: number): number {
  const span = scale.max - scale.min;
  return scale.kind === 'linear' ? scale.min + t * span : scale.min + (Math.pow(1 + span, t) - 1);
}

export function ColorLegend({ scale, title }: { scale: ValueScale; title: string }) {
  return (
    <div
      className="legend"
      role="img"
      aria-label={`${title}: colour from ${fmt(scale.min)} (dark purple) to ${fmt(scale.max)} (yellow), ${scale.kind} scale`}
    >
      <div className="legend-title">
        {title} ({scale.kind} scale)
      </div>
      <div className="legend-bar" style={{ background: viridisCss() }} />
      <div className="legend-ticks">
        <span>{fmt(scale.min)}</span>
        <span>{fmt(valueAt(scale, 0.5))}</span>
        <span>{fmt(scale.max)}</span>
      </div>
    </div>
  );
}
