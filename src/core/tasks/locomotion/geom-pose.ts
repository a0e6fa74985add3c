/**
 * Side-view (x–z plane) poses of a MuJoCo model's geoms, for the rollout viewer
 * (a 2-D canvas projection of the body geoms from the model's data). A pose is
 * [x, z, ux, uz]: the geom centre and its main axis projected onto the x–z plane — the capsule /
 * cylinder axis (local z) scaled by the half-length, or the box's local x axis (unit). Pure numbers,
 * so a record crosses the worker boundary and renders without MuJoCo.
 */
import type { LocomotionSim } from './sim';

/** Numbers per geom in a pose row. */
export const GEOM_FIELDS = 4;

/** MuJoCo mjtGeom codes the viewer draws (others are skipped). */
export const GEOM_TYPE = { plane: 0, sphere: 2, capsule: 3, ellipsoid: 4, cylinder: 5, box: 6 } as const;

export interface GeomInfo {
  readonly type: number;
  /** MuJoCo geom_size: radius / half-sizes, meaning per type. */
  readonly size: readonly [number, number, number];
}

/** The geom table of `sim`'s model. */
export function geomTableOf(sim: LocomotionSim): GeomInfo[] {
  const types = sim.model.geom_type as Int32Array;
  const sizes = sim.model.geom_size as Float64Array;
  return Array.from(types, (type, g) => ({ type, size: [sizes[3 * g], sizes[3 * g + 1], sizes[3 * g + 2]] as const }));
}

/** Writes every geom's pose of copy `i` into `out` (GEOM_FIELDS per geom). geom_xmat is row-major 3×3. */
export function writeGeomPoses(sim: LocomotionSim, i: number, out: number[]): void {
  const d = sim.data(i);
  const pos = d.geom_xpos as Float64Array;
  const mat = d.geom_xmat as Float64Array;
  const types = sim.model.geom_type as Int32Array;
  const sizes = sim.model.geom_size as Float64Array;
  for (let g = 0; g < types.length; g++) {
    const m = 9 * g,
      o = GEOM_FIELDS * g;
    out[o] = pos[3 * g];
    out[o + 1] = pos[3 * g + 2];
    if (types[g] === GEOM_TYPE.box) {
      out[o + 2] = mat[m];
      out[o + 3] = mat[m + 6];
    } else {
      const h = sizes[3 * g + 1];
      out[o + 2] = h * mat[m + 2];
      out[o + 3] = h * mat[m + 8];
    }
  }
}
