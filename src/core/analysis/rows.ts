/**
 * Parameter-space grids as populations (docs/ALGORITHMS.md §6–7). Every grid the analyses evaluate —
 * an interpolation path, a 1-D projection, a 2-D surface, a plane through three networks — is a set of
 * linear combinations Σ_j w_j·v_j of a few full-length vectors. Rows come back as one row-major
 * Float32Array [rows, D], which is exactly the [P, D] population a PopulationNet evaluates in one call.
 */

/**
 * Rows r = Σ_j weights[r][j] · vectors[j], accumulated in float64 so endpoints (weights 0/1) are exact.
 * @param vectors the basis vectors, all of length D.
 * @param weights one coefficient list per row, each of length vectors.length.
 */
export function combinationRows(
  vectors: readonly Float32Array[],
  weights: readonly (readonly number[])[],
): Float32Array {
  if (vectors.length === 0) throw new Error('combinationRows: need at least one vector');
  const D = vectors[0].length;
  for (const v of vectors)
    if (v.length !== D) throw new Error(`combinationRows: vector lengths differ (${v.length} vs ${D})`);
  const out = new Float32Array(weights.length * D);
  for (let r = 0; r < weights.length; r++) {
    const w = weights[r];
    if (w.length !== vectors.length)
      throw new Error(`combinationRows: row ${r} has ${w.length} weights for ${vectors.length} vectors`);
    const base = r * D;
    for (let i = 0; i < D; i++) {
      let s = 0;
      for (let j = 0; j < vectors.length; j++) s += w[j] * vectors[j][i];
      out[base + i] = s;
    }
  }
  return out;
}

/** Row `r` of a row-major [rows, D] array, as a view. */
export function rowOf(rows: Float32Array, D: number, r: number): Float32Array {
  return rows.subarray(r * D, (r + 1) * D);
}
