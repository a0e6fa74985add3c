// The host forward's wasm dense-layer kernel (src/core/nets/wasm/host-forward-kernels.*) against the JS
// loops it replaces (host-dense.ts denseColumns): the same bits for every shape the loops special-case —
// groups of four and leftover inputs, all-zero (pruned) groups, single zero weights, odd batches, NaN/∞
// activations — since trajectories must not change when the kernel is used.
import { describe, it, expect } from 'vitest';
import { ForwardArena } from '../../../src/core/nets/wasm/host-forward-kernels';
import { denseColumns } from '../../../src/core/nets/host-dense';
import { memberActivations, pairActivations } from '../../../src/core/nets/host-loops';
import { withPopulationLayout, type LayerSpec } from '../../../src/core/nets/types';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { antitheticRows } from '../../helpers/antithetic';
import { meanLogLikelihoodHost } from '../../../src/core/tasks/vision/host-fitness';
import { expHost } from '../../../src/core/nets/host-exp';
import { pairRows } from '../../../src/core/nets/host-mlp';
import { arenaPairRows, forwardRegions } from '../../../src/core/nets/host-mlp-arena';

const SHAPES: [number, number, number][] = [
  [32, 10, 256], // mnist-quick's output layer
  [7, 3, 5],
  [9, 1, 1],
  [4, 4, 3],
  [16, 5, 2],
];

/**
 * A fresh arena holding a random first-layer product y of 3 row blocks [3·nOut, batch] after `head` bytes
 * (left for the test's outputs); `nanAt` ≥ 0 puts a NaN at that offset into block 2.
 */
function productInArena(rng: Rng, nOut: number, batch: number, head: number, nanAt: number) {
  const rows = 3 * nOut * batch;
  const arena = ForwardArena.create()!;
  arena.reserve(head + 4 * rows);
  const y = arena.f32(head, rows);
  y.set(Float32Array.from({ length: rows }, () => rng.normal() * 2));
  if (nanAt >= 0) y[2 * nOut * batch + nanAt] = NaN;
  return { arena, y };
}

describe('host forward wasm kernel: dense layer', () => {
  it('is available here (wasm SIMD)', () => {
    expect(ForwardArena.create()).not.toBeNull();
  });

  it.each(SHAPES)('nIn %i, nOut %i, batch %i: the same bits as the JS loops', (nIn, nOut, batch) => {
    const rng = new Rng(nIn * 100 + nOut * 10 + batch);
    const kernel = nIn * nOut;
    // params row: 3 unused values, the kernel [nIn, nOut], then the bias [nOut]
    const params = Float32Array.from({ length: 3 + kernel + nOut }, () => rng.normal());
    for (let m = 0; m < nOut; m++) {
      if (m % 2 === 0) for (let n = 0; n < Math.min(4, nIn); n++) params[3 + n * nOut + m] = 0; // a pruned group
      if (nIn > 5) params[3 + 5 * nOut + m] = 0; // a single zero weight
      if (m === 1 && nIn % 4) params[3 + (nIn - 1) * nOut + m] = 0; // a zero leftover input
    }
    const layer = { kernelShape: [nIn, nOut], kernelOffset: 3, biasOffset: 3 + kernel } as unknown as LayerSpec;
    const h = Float64Array.from({ length: nIn * batch }, () => rng.normal() * 3);
    if (nIn * batch > 7) h[7] = NaN;
    if (nIn * batch > 11) h[11] = Infinity;
    for (const act of ['none', 'relu', 'tanh'] as const) {
      const want = new Float64Array(nOut * batch);
      denseColumns(h, batch, params, 0, layer, act, want);
      const arena = ForwardArena.create()!;
      const size = Math.max(nIn, nOut) * batch;
      arena.reserve(16 * size + 4 * (kernel + nOut));
      const ha = arena.f64(0, size),
        out = arena.f64(8 * size, nOut * batch);
      ha.set(h);
      denseColumns(ha, batch, params, 0, layer, act, out, { arena, weights: arena.f32(16 * size, kernel + nOut) });
      expect(out).toEqual(want);
    }
  });

  it.each([
    [32, 256, false],
    [5, 7, false],
    [3, 1, false],
    [4, 9, true], // a NaN in the product: the exact JS pass takes over
  ] as const)('pair activations, nOut %i, batch %i (NaN %s): the same bits as the JS pass', (nOut, batch, nan) => {
    const rng = new Rng(nOut + batch);
    const params = Float32Array.from({ length: 20 + 2 * nOut }, () => rng.normal());
    const { arena, y } = productInArena(rng, nOut, batch, 32 * nOut * batch + 8 * nOut, nan ? 3 : -1);
    for (const act of ['relu', 'tanh', 'none'] as const) {
      const [wp, wm] = [new Float64Array(nOut * batch), new Float64Array(nOut * batch)];
      pairActivations(y, 2, nOut, batch, params, 20, 20 + nOut, act, wp, wm);
      const [hp, hm] = [arena.f64(0, nOut * batch), arena.f64(16 * nOut * batch, nOut * batch)];
      const biases = arena.f32(32 * nOut * batch, 2 * nOut);
      pairActivations(y, 2, nOut, batch, params, 20, 20 + nOut, act, hp, hm, { arena, biases });
      expect(hp).toEqual(wp);
      expect(hm).toEqual(wm);
    }
  });

  it.each([
    [32, 256, false],
    [5, 7, false],
    [4, 9, true], // a NaN in the product: the exact JS loop takes over
  ] as const)('member activations, nOut %i, batch %i (NaN %s): the same bits as the JS loop', (nOut, batch, nan) => {
    const rng = new Rng(3 * nOut + batch);
    const params = Float32Array.from({ length: 10 + nOut }, () => rng.normal());
    const { arena, y } = productInArena(rng, nOut, batch, 8 * nOut * batch + 8 * nOut, nan ? 1 : -1);
    for (const act of ['relu', 'tanh', 'none'] as const) {
      const want = new Float64Array(nOut * batch);
      memberActivations(y, 2, nOut, batch, params, 10, act, want);
      const h = arena.f64(0, nOut * batch);
      memberActivations(y, 2, nOut, batch, params, 10, act, h, {
        arena,
        biases: arena.f32(8 * nOut * batch, 2 * nOut),
      });
      expect(h).toEqual(want);
    }
  });

  it.each([
    [4, 7, 10],
    [3, 5, 3], // odd number of rows: the scalar tail
  ])('cross-entropy of logits in the arena (%i members × %i images × %i classes) = the JS expHost sums', (p, b, c) => {
    const rng = new Rng(p * b * c);
    const logits = Float32Array.from({ length: p * b * c }, () => rng.normal() * 20);
    logits[3] = 800; // e^x beyond expHost's table range: Math.exp, and the max-shifted log-softmax
    logits[c + 1] = -750;
    logits[2 * c] = NaN;
    logits[5 * c + 2] = Infinity;
    logits[logits.length - 1] = 699.5;
    const labels = Uint8Array.from({ length: b }, (_, i) => i % c);
    const want = meanLogLikelihoodHost(logits, p, b, c, labels);
    const arena = ForwardArena.create()!;
    arena.reserve(arena.base + 4 * logits.length);
    const inArena = arena.f32(arena.base, logits.length);
    inArena.set(logits);
    expect(meanLogLikelihoodHost(inArena, p, b, c, labels)).toEqual(want);
    // The float64 sums themselves (the scores above are rounded to float32).
    const rows = p * b;
    arena.reserve(arena.base + 4 * logits.length + 8 * rows + 8);
    const z = arena.f64(arena.base + 8 * Math.ceil(logits.length / 2), rows);
    arena.expSums(arena.f32(arena.base, logits.length), rows, c, z);
    const zWant = Float64Array.from({ length: rows }, (_, r) => {
      let sum = 0;
      for (let k = 0; k < c; k++) sum += expHost(logits[r * c + k]);
      return sum;
    });
    expect(z).toEqual(zWant);
    expect(Number.isNaN(want[0])).toBe(true); // the NaN logit's member
  });

  it.each([
    ['interleaved', 7, 5, 8, 0],
    ['blocked', 7, 5, 8, 1],
    ['interleaved', 4, 6, 6, 1],
    ['blocked', 3, 1, 4, 0],
  ] as const)(
    'first-layer pair rows (%s, nIn %i, nOut %i, P %i, centre-only %i): the same bits as the JS pairRows',
    (layout, nIn, nOut, p, skip) => {
      const rng = new Rng(nIn * nOut * p + skip);
      const dim = 2 + nIn * nOut + 3;
      const layer = { kernelShape: [nIn, nOut], kernelOffset: 2, biasOffset: 2 + nIn * nOut } as unknown as LayerSpec;
      const m = Float32Array.from({ length: dim }, () => rng.normal());
      const pop = antitheticRows(m, p / 2, () => 0.1 * rng.normal(), layout);
      const arena = ForwardArena.create()!;
      const sizes = { members: p, batch: 3, nIn, nOut, activations: 3 * nOut, laterWeights: 4, nOutLast: 2 };
      const want = pairRows(pop, p, dim, layer, layout, undefined, skip)!;
      const got = arenaPairRows(arena, forwardRegions(arena, sizes, pop), p, dim, layer, layout, skip, 2 ** -21)!;
      expect(got.count).toBe(want.count);
      expect(got.rows).toEqual(want.rows.subarray(0, want.count * nIn));
      expect(got.pairs).toEqual(want.pairs);
      // Not an ES pair population: both refuse.
      const broken = Float32Array.from(pop);
      broken[(p - 1) * dim + 2 + nIn * nOut - 1] += 0.5;
      expect(pairRows(broken, p, dim, layer, layout, undefined, skip)).toBeNull();
      expect(
        arenaPairRows(arena, forwardRegions(arena, sizes, broken), p, dim, layer, layout, skip, 2 ** -21),
      ).toBeNull();
    },
  );

  it('params read in place from the forward’s buffer (grown on the first call) = params passed as an array', () => {
    const io = { inputShape: [6, 6, 1], outputSize: 10 } as const;
    const build = () =>
      withPopulationLayout(getNetwork('mlp').build({ hiddenLayers: 1, width: 256 }, io), 'interleaved');
    const rng = new Rng(3),
      p = 6,
      batch = 5;
    const plain = build(),
      inPlace = build(); // a fresh arena: the first call must grow it after the params were written
    const d = plain.paramCount;
    const m = Float32Array.from({ length: d }, () => rng.normal());
    const pop = antitheticRows(m, p / 2, () => 0.1 * rng.normal());
    const x = Float32Array.from({ length: batch * 36 }, () => rng.uniform());
    const buffer = inPlace.hostParamsBuffer!(pop.length);
    buffer.set(pop);
    const got = Float32Array.from(inPlace.forwardHost!(buffer, p, x, batch));
    expect(got).toEqual(Float32Array.from(plain.forwardHost!(pop, p, x, batch)));
    expect(got.some((v) => v !== 0)).toBe(true);
  });

  it('views taken after a growing reserve see the memory; earlier ones are detached', () => {
    const arena = ForwardArena.create()!;
    arena.reserve(16);
    const before = arena.f64(0, 2);
    before[1] = 5;
    arena.reserve(1 << 20);
    expect(arena.f64(0, 2)[1]).toBe(5);
    expect(before.length).toBe(0);
  });
});
