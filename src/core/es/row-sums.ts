/**
 * The [P, d] → [d] reductions of every strategy's `tell` (docs/ALGORITHMS.md §2.1–2.6): weighted sums
 * over the population rows of t = (x − m)/div and of t², e.g. SNES ∇m = Σ_r w_r s_(r) and
 * ∇σ = Σ_r w_r (s_(r)² − 1), Sep-CMA-ES y_w and Σ w y², PGPE's g and Σ a ε².
 *
 * Why a host kernel: written as tfjs ops these are 2–4 elementwise [P, d] passes plus a
 * [1, P]×[P, d] matMul per sum, and on wasm each such matMul repacks its FRESH [P, d] right-hand side
 * for XNNPACK (~30 ms at 128×80 000, vs ~2 ms for the multiply itself). On the host-memory backends
 * (wasm, cpu) the population is read in place (host-block.ts) and both sums come out of ONE pass with
 * no [P, d] temporaries; rows whose weights are all zero are skipped (PGPE uses only the "+" rows,
 * Sep-CMA-ES the μ elites, ARS the b elite pairs). GPU backends keep the tfjs ops.
 *
 * Bit-identical to the tfjs ops (so populations and trajectories did not change when this was
 * introduced): each elementwise step is rounded to float32 exactly as the kernel does it, and the
 * sums follow the backend's matMul order. wasm/XNNPACK accumulates in float32, sequentially over rows;
 * tfjs-cpu adds float64 partial sums over blocks of 48 rows into a float32 result. The only difference:
 * a zero-weight row holding ±∞/NaN would turn a matMul result into NaN, and is skipped here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostView, tensorFromHost } from './host-block';
import { esKernels, heapOffset, type EsKernels } from './wasm/es-kernels';

export interface RowSumSpec {
  /** m [d], subtracted from every row first (t = x − m). */
  center?: tf.Tensor1D;
  /** Divides after centering: a per-coordinate [d] tensor or a scalar (used as float32, like tf.div). */
  divisor?: tf.Tensor1D | number;
  /** Row weights of Σ_r lin_r·t_r (original row order). */
  lin?: ArrayLike<number>;
  /** Use the raw rows x_r instead of t_r in the `lin` sum (DES's m̄ = Σ w x). */
  linOnRaw?: boolean;
  /** Row weights of Σ_r sq_r·t_r². */
  sq?: ArrayLike<number>;
}

export interface RowSums {
  lin?: tf.Tensor1D;
  sq?: tf.Tensor1D;
}

/** tfjs-cpu's matMul block size (MathBackendCPU.blockSize): its partial sums restart every 48 rows. */
const CPU_BLOCK = 48;

/** Weighted row sums of `x` [P, d] as described by `spec`; the caller owns the returned tensors. */
export function weightedRowSums(x: tf.Tensor2D, spec: RowSumSpec): RowSums {
  const backend = tf.getBackend();
  if (backend === 'wasm') {
    const kernels = esKernels();
    if (kernels) return kernelRowSums(kernels, x, spec);
  }
  if (backend === 'wasm' || backend === 'cpu') {
    const host = hostRowSums(x, spec, backend === 'cpu');
    if (host) return host;
  }
  return tf.tidy(() => {
    let t: tf.Tensor2D = x;
    if (spec.center) t = tf.sub(t, spec.center);
    if (spec.divisor !== undefined) t = tf.div(t, spec.divisor);
    const out: RowSums = {};
    if (spec.lin) out.lin = matVec(spec.lin, spec.linOnRaw ? x : t);
    if (spec.sq) out.sq = matVec(spec.sq, tf.square(t));
    return out as Record<string, tf.Tensor>;
  }) as RowSums;
}

/** Σ_i w_i·rows_i as one [1,P]×[P,d] matMul. */
function matVec(w: ArrayLike<number>, rows: tf.Tensor2D): tf.Tensor1D {
  const wt = tf.tensor2d(Float32Array.from(w), [1, w.length]);
  return tf.reshape(tf.matMul(wt, rows), [rows.shape[1]]);
}

/** Indices of the rows with a non-zero weight in either sum (the rows a pass must visit). */
function activeRows(wl: Float32Array, wq: Float32Array): number[] {
  const active: number[] = [];
  for (let r = 0; r < wl.length; r++) if (wl[r] !== 0 || wq[r] !== 0) active.push(r);
  return active;
}

/**
 * The wasm-order pass in WebAssembly (wasm/es-kernels.ts): the same row pairs in the same order as
 * `accumulatePair`, with every operand a tensor in the backend's heap. A missing centre is a zero
 * vector, a missing or scalar divisor a filled one (x − 0 and t/1 are exact, as in the JS loop).
 */
function kernelRowSums(kernels: EsKernels, x: tf.Tensor2D, spec: RowSumSpec): RowSums {
  const [p, d] = x.shape;
  const wl = Float32Array.from(spec.lin ?? new Float32Array(p));
  const wq = Float32Array.from(spec.sq ?? new Float32Array(p));
  const temps: tf.Tensor[] = [];
  const temp = <T extends tf.Tensor>(t: T): T => (temps.push(t), t);
  // Filled from JS (tf.zeros/tf.fill on wasm cost ≈ 25 µs each, a third of the kernel's time here).
  const filled = (v: number) => tensorFromHost([d], (view) => view.fill(v)) as tf.Tensor1D;
  const center = spec.center ?? temp(filled(0));
  const divisor = spec.divisor instanceof tf.Tensor ? spec.divisor : temp(filled(Math.fround(spec.divisor ?? 1)));
  const lin = filled(0);
  const sq = filled(0);
  const [xo, mo, so, lo, qo] = [x, center, divisor, lin, sq].map(heapOffset);
  const rowBytes = 4 * d;
  const raw = spec.linOnRaw ? 1 : 0;
  const active = activeRows(wl, wq);
  for (let i = 0; i < active.length; i += 2) {
    const r0 = active[i];
    const r1 = active[i + 1] ?? -1; // a lone row is paired with itself at weight 0
    const o1 = xo + rowBytes * (r1 < 0 ? r0 : r1);
    const [a1, b1] = r1 < 0 ? [0, 0] : [wl[r1], wq[r1]];
    kernels.pairSums(xo + rowBytes * r0, o1, mo, so, lo, qo, d, wl[r0], a1, wq[r0], b1, raw);
  }
  tf.dispose(temps);
  if (!spec.sq) sq.dispose();
  if (!spec.lin) lin.dispose();
  return { ...(spec.lin ? { lin } : {}), ...(spec.sq ? { sq } : {}) };
}

/** The host pass; null when a tensor is not readable in place. */
function hostRowSums(x: tf.Tensor2D, spec: RowSumSpec, cpuOrder: boolean): RowSums | null {
  const [p, d] = x.shape;
  const xv = hostView(x);
  const mv = spec.center ? hostView(spec.center) : new Float32Array(d); // x − 0 = x exactly
  const vecDiv = spec.divisor !== undefined && typeof spec.divisor !== 'number';
  const dv = vecDiv ? hostView(spec.divisor as tf.Tensor1D) : null;
  if (!xv || !mv || (vecDiv && !dv)) return null;
  // A scalar divisor is a float32 scalar tensor in tf.div; no divisor = ÷1, which is exact.
  const sv = dv ?? new Float32Array(d).fill(typeof spec.divisor === 'number' ? Math.fround(spec.divisor) : 1);
  const wl = Float32Array.from(spec.lin ?? new Float32Array(p));
  const wq = Float32Array.from(spec.sq ?? new Float32Array(p));
  const lin = new Float32Array(d);
  const sq = new Float32Array(d);
  const rows: Row2 = {
    xv,
    mv,
    sv,
    wl,
    wq,
    d,
    raw: !!spec.linOnRaw,
    needSq: !!spec.sq,
    unitDiv: spec.divisor === undefined,
  };
  const active = activeRows(wl, wq);
  if (!cpuOrder) {
    for (let i = 0; i < active.length; i += 2) accumulatePair(rows, active[i], active[i + 1] ?? -1, lin, sq);
  } else {
    const bl = new Float64Array(d);
    const bq = new Float64Array(d);
    for (let k0 = 0; k0 < p; k0 += CPU_BLOCK) {
      const inBlock = active.filter((r) => r >= k0 && r < k0 + CPU_BLOCK);
      if (!inBlock.length) continue;
      bl.fill(0);
      bq.fill(0);
      for (let i = 0; i < inBlock.length; i += 2) accumulatePair(rows, inBlock[i], inBlock[i + 1] ?? -1, bl, bq);
      for (let j = 0; j < d; j++) {
        lin[j] += bl[j];
        sq[j] += bq[j];
      }
    }
  }
  const out: RowSums = {};
  if (spec.lin) out.lin = tf.tensor1d(lin, 'float32');
  if (spec.sq) out.sq = tf.tensor1d(sq, 'float32');
  return out;
}

/** Inputs of one host pass: x, m, divisor as [d] arrays, float32 row weights. */
interface Row2 {
  xv: Float32Array;
  mv: Float32Array;
  sv: Float32Array;
  wl: Float32Array;
  wq: Float32Array;
  d: number;
  raw: boolean;
  needSq: boolean;
  /** No divisor (PGPE's ε = x − m): `sv` is all 1 and fl(t/1) = t, so the division is skipped. */
  unitDiv: boolean;
}

/**
 * Adds rows r0 and r1 (r1 = −1: none) to the sums, in that order. With float32 accumulators (wasm
 * order) every addition is rounded to float32 (a Float32Array store after a double addition of two
 * float32 values is exactly that); with Float64Array accumulators (cpu block sums) nothing is rounded.
 * t = fl(fl(x − m)/s); a zero weight adds ±0, which leaves a sum unchanged. Two rows per pass halve
 * the loads and stores of the accumulators (~2× faster than one row at a time, measured).
 */
function accumulatePair(
  q: Row2,
  r0: number,
  r1: number,
  lin: Float32Array | Float64Array,
  sq: Float32Array | Float64Array,
): void {
  const { xv, mv, sv, d } = q;
  const o0 = r0 * d;
  const o1 = r1 < 0 ? o0 : r1 * d; // a lone row is paired with itself at weight 0
  const a0 = q.wl[r0];
  const a1 = r1 < 0 ? 0 : q.wl[r1];
  const b0 = q.wq[r0];
  const b1 = r1 < 0 ? 0 : q.wq[r1];
  const fr = Math.fround;
  if (!(lin instanceof Float32Array && sq instanceof Float32Array)) {
    // cpu order: double partial sums
    for (let j = 0; j < d; j++) {
      const x0 = xv[o0 + j];
      const x1 = xv[o1 + j];
      const u0 = fr(fr(x0 - mv[j]) / sv[j]);
      const u1 = fr(fr(x1 - mv[j]) / sv[j]);
      lin[j] = lin[j] + a0 * (q.raw ? x0 : u0) + a1 * (q.raw ? x1 : u1);
      if (q.needSq) sq[j] = sq[j] + b0 * fr(u0 * u0) + b1 * fr(u1 * u1);
    }
    return;
  }
  // wasm order, one monomorphic loop per case (a branch inside the loop cost ~40 %).
  if (!q.needSq) {
    for (let j = 0; j < d; j++) {
      const u0 = fr(fr(xv[o0 + j] - mv[j]) / sv[j]);
      const u1 = fr(fr(xv[o1 + j] - mv[j]) / sv[j]);
      lin[j] = fr(lin[j] + fr(a0 * u0)) + fr(a1 * u1);
    }
  } else if (!q.raw && q.unitDiv) {
    for (let j = 0; j < d; j++) {
      const u0 = fr(xv[o0 + j] - mv[j]);
      const u1 = fr(xv[o1 + j] - mv[j]);
      lin[j] = fr(lin[j] + fr(a0 * u0)) + fr(a1 * u1);
      sq[j] = fr(sq[j] + fr(b0 * fr(u0 * u0))) + fr(b1 * fr(u1 * u1));
    }
  } else if (!q.raw) {
    for (let j = 0; j < d; j++) {
      const u0 = fr(fr(xv[o0 + j] - mv[j]) / sv[j]);
      const u1 = fr(fr(xv[o1 + j] - mv[j]) / sv[j]);
      lin[j] = fr(lin[j] + fr(a0 * u0)) + fr(a1 * u1);
      sq[j] = fr(sq[j] + fr(b0 * fr(u0 * u0))) + fr(b1 * fr(u1 * u1));
    }
  } else {
    for (let j = 0; j < d; j++) {
      const x0 = xv[o0 + j];
      const x1 = xv[o1 + j];
      const u0 = fr(fr(x0 - mv[j]) / sv[j]);
      const u1 = fr(fr(x1 - mv[j]) / sv[j]);
      lin[j] = fr(lin[j] + fr(a0 * x0)) + fr(a1 * x1);
      sq[j] = fr(sq[j] + fr(b0 * fr(u0 * u0))) + fr(b1 * fr(u1 * u1));
    }
  }
}
