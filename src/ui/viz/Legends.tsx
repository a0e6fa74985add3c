/** Legends for any sequential colour map (gradient with end/middle values) and for categorical colours. */
import { gradientCss, type Rgb } from './palettes';
import { compactNumber } from './number-format';

/** Legend end and middle values: three digits, exponent form for tiny or huge values. */
const fmt = (v: number) => compactNumber(v, 3, 1);

export interface GradientLegendProps {
  readonly title: string;
  /** t ∈ [0, 1] → colour. */
  readonly map: (t: number) => Rgb;
  readonly mapName: string;
  readonly min: number;
  readonly max: number;
}

/** Horizontal colour bar from min (left) to max (right), labelled at both ends and the middle (linear). */
export function GradientLegend({ title, map, mapName, min, max }: GradientLegendProps) {
  return (
    <div className="legend" role="img" aria-label={`${title}: ${mapName} colour scale from ${fmt(min)} to ${fmt(max)}`}>
      <div className="legend-title">
        {title} ({mapName})
      </div>
      <div className="legend-bar" style={{ background: gradientCss(map) }} />
      <div className="legend-ticks">
        <span>{fmt(min)}</span>
        <span>{fmt((min + max) / 2)}</span>
        <span>{fmt(max)}</span>
      </div>
    </div>
  );
}

export interface CategoryLegendProps {
  readonly title: string;
  readonly items: readonly { readonly label: string; readonly colour: string; readonly count?: number }[];
}

/** Swatch + label (+ count) per category. */
export function CategoryLegend({ title, items }: CategoryLegendProps) {
  return (
    <div className="legend category-legend">
      <div className="legend-title">{title}</div>
      <ul className="swatches">
        {items.map((it) => (
          <li key={it.label}>
            <span className="cat-swatch" style={{ background: it.colour }} aria-hidden="true" />
            {it.label}
            {it.count !== undefined ? `: ${it.count.toLocaleString()}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
