/**
 * Contour lines by marching squares (Lorensen & Cline's 2-D case), drawn over the
 * 2-D loss surface heatmap. Each grid cell is classified by which corners lie above the level; the iso-line
 * crosses the cell's edges at linearly interpolated points. Saddle cells (two opposite corners above) are
 * disambiguated by the cell-centre average, so contours never cross. Pure, tested in Node.
 */

/** One contour segment in data coordinates. */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * Segments of the iso-line `value = level` over a grid with values[ix · ys.length + iy] at (xs[ix], ys[iy])
 * (the x-major layout of core/analysis Surface2D). Non-finite corners skip the cell.
 */
export function contourSegments(
  values: ArrayLike<number>,
  xs: readonly number[],
  ys: readonly number[],
  level: number,
): Segment[] {
  const nx = xs.length,
    ny = ys.length;
  if (values.length !== nx * ny) throw new Error(`contourSegments: ${values.length} values for a ${nx}×${ny} grid`);
  const v = (ix: number, iy: number) => values[ix * ny + iy];
  const out: Segment[] = [];
  for (let ix = 0; ix < nx - 1; ix++) {
    for (let iy = 0; iy < ny - 1; iy++) {
      // Corners counter-clockwise from bottom-left: 0 (ix, iy), 1 (ix+1, iy), 2 (ix+1, iy+1), 3 (ix, iy+1).
      const c = [v(ix, iy), v(ix + 1, iy), v(ix + 1, iy + 1), v(ix, iy + 1)];
      if (!c.every(Number.isFinite)) continue;
      const px = [xs[ix], xs[ix + 1], xs[ix + 1], xs[ix]];
      const py = [ys[iy], ys[iy], ys[iy + 1], ys[iy + 1]];
      const above = c.map((z) => z > level);
      // Edge e joins corner e and corner (e + 1) mod 4; it is crossed when exactly one end is above.
      const cross = (e: number): [number, number] => {
        // Interpolate from the lower corner so a cell and its neighbour compute a shared edge's point
        // bit-identically (closed contours then have exactly matching endpoints).
        const [a, b] = c[e] < c[(e + 1) % 4] ? [e, (e + 1) % 4] : [(e + 1) % 4, e];
        const t = (level - c[a]) / (c[b] - c[a]);
        return [px[a] + t * (px[b] - px[a]), py[a] + t * (py[b] - py[a])];
      };
      const edges = [0, 1, 2, 3].filter((e) => above[e] !== above[(e + 1) % 4]);
      if (edges.length === 2) {
        const [p, q] = [cross(edges[0]), cross(edges[1])];
        out.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1] });
      } else if (edges.length === 4) {
        // Saddle: if the centre is on the same side as corner 0, corner 0's region connects through the
        // centre, so the lines cut off corners 1 and 3; otherwise they cut off corners 0 and 2.
        const centreAbove = (c[0] + c[1] + c[2] + c[3]) / 4 > level;
        const pairs =
          centreAbove === above[0]
            ? [
                [0, 1],
                [2, 3],
              ]
            : [
                [3, 0],
                [1, 2],
              ];
        for (const [e1, e2] of pairs) {
          const [p, q] = [cross(e1), cross(e2)];
          out.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1] });
        }
      }
    }
  }
  return out;
}

/** `count` evenly spaced levels strictly inside (min, max) of the finite values (none for a flat grid). */
export function contourLevels(values: ArrayLike<number>, count: number): number[] {
  let min = Infinity,
    max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const z = values[i];
    if (Number.isFinite(z)) {
      min = Math.min(min, z);
      max = Math.max(max, z);
    }
  }
  if (!(max > min) || count < 1) return [];
  return Array.from({ length: count }, (_, k) => min + ((k + 1) * (max - min)) / (count + 1));
}
