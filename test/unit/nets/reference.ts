// Plain-JS, one-member-at-a-time reference forward passes (no tfjs), straight from the layer
// definitions in docs/ALGORITHMS.md §9.1/§9.2. The population forward passes must match these.
import type { LayerSpec } from '../../../src/core/nets/types';

export type Act = 'relu' | 'tanh' | 'none';
const act = (v: number, a: Act): number => (a === 'relu' ? Math.max(0, v) : a === 'tanh' ? Math.tanh(v) : v);

/** y[b, o] = act(Σ_i x[b, i]·W[i, o] + bias[o]) for one member's flat params θ. */
export function refDense(x: Float64Array, batch: number, theta: Float32Array, l: LayerSpec, a: Act): Float64Array {
  const [nIn, nOut] = l.kernelShape;
  const y = new Float64Array(batch * nOut);
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < nOut; o++) {
      let s = theta[l.biasOffset + o];
      for (let i = 0; i < nIn; i++) s += x[b * nIn + i] * theta[l.kernelOffset + i * nOut + o];
      y[b * nOut + o] = act(s, a);
    }
  }
  return y;
}

/** SAME conv (stride 1, HWIO kernel) → ReLU → 2×2/2 VALID max-pool, on [batch, h, w, cin] (HWC). */
export function refConvReluPool(
  x: Float64Array,
  batch: number,
  h: number,
  w: number,
  theta: Float32Array,
  l: LayerSpec,
): Float64Array {
  const [k, , cin, cout] = l.kernelShape;
  const lo = Math.floor((k - 1) / 2);
  const conv = new Float64Array(batch * h * w * cout);
  for (let b = 0; b < batch; b++)
    for (let r = 0; r < h; r++)
      for (let c = 0; c < w; c++)
        for (let o = 0; o < cout; o++) {
          let s = theta[l.biasOffset + o];
          for (let dy = 0; dy < k; dy++)
            for (let dx = 0; dx < k; dx++) {
              const rr = r + dy - lo,
                cc = c + dx - lo;
              if (rr < 0 || rr >= h || cc < 0 || cc >= w) continue;
              for (let i = 0; i < cin; i++) {
                s +=
                  x[((b * h + rr) * w + cc) * cin + i] * theta[l.kernelOffset + ((dy * k + dx) * cin + i) * cout + o];
              }
            }
          conv[((b * h + r) * w + c) * cout + o] = Math.max(0, s);
        }
  const h2 = Math.floor(h / 2),
    w2 = Math.floor(w / 2);
  const out = new Float64Array(batch * h2 * w2 * cout);
  for (let b = 0; b < batch; b++)
    for (let r = 0; r < h2; r++)
      for (let c = 0; c < w2; c++)
        for (let o = 0; o < cout; o++) {
          let m = -Infinity;
          for (let dy = 0; dy < 2; dy++)
            for (let dx = 0; dx < 2; dx++) m = Math.max(m, conv[((b * h + 2 * r + dy) * w + 2 * c + dx) * cout + o]);
          out[((b * h2 + r) * w2 + c) * cout + o] = m;
        }
  return out;
}

/** Runs one member through conv layers (if any) then dense layers; returns [batch, out]. */
export function refForward(
  x: Float32Array,
  batch: number,
  theta: Float32Array,
  layers: readonly LayerSpec[],
  denseActs: readonly Act[],
  imageHW?: [number, number],
): Float64Array {
  let h: Float64Array = Float64Array.from(x);
  let [hh, ww] = imageHW ?? [0, 0];
  let di = 0;
  for (const l of layers) {
    if (l.kind === 'conv') {
      h = refConvReluPool(h, batch, hh, ww, theta, l);
      hh = Math.floor(hh / 2);
      ww = Math.floor(ww / 2);
    } else h = refDense(h, batch, theta, l, denseActs[di++]);
  }
  return h;
}
