// Host fast paths of the ES core (noise.ts sampleMirrored, host-block.ts, row-sums.ts; docs/ALGORITHMS.md
// §1.2, §2): they must give BIT-IDENTICAL results to the tfjs ops they replace, so that populations for a
// given seed never change. The pinned populations below were produced by the code before those paths
// existed (commit 1f3433c, tfjs ops only): generation 0 is backend-independent (table windows,
// m + σ⊙z), later generations depend on the backend's matMul rounding (exact on the default wasm
// backend, ulp-level differences on cpu).
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { STRATEGIES } from '../../../src/core/es/registry';
import { EsRunner } from '../../../src/core/es/run-strategy';
import {
  disposeNoiseTables,
  drawPopulationOffsets,
  mirroredPopulationWasm,
  sampleMirrored,
  sampleNormal,
} from '../../../src/core/es/noise';
import { sampleAround, unitNoise } from '../../../src/core/es/common';
import { readRow } from '../../../src/core/es/host-block';
import { aroundPopulation } from '../../../src/core/es/around-rows';
import { Rng } from '../../../src/core/rng';
import { ROW_SUM_CASES, expectRowSumsEqualOps } from '../../helpers/row-sum-cases';

/** Rows 0 and 5 of generation 0 and row 0 of generation 2 (P = 6, d = 5, seed 42, sphere, centered rank). */
const PINS: Record<string, number[][]> = {
  pgpe: [
    [0.5271894335746765, -1.2475537061691284, 2.071606397628784, 0.3821977972984314, -0.7196911573410034],
    [0.5576510429382324, -0.99144446849823, 1.8187847137451172, 0.30855441093444824, -0.7484158873558044],
    [0.41798049211502075, -0.8499387502670288, 1.675803542137146, 0.09760643541812897, -0.8004353046417236],
  ],
  snes: [
    [0.7718944549560547, -3.4755373001098633, 2.7160634994506836, 1.571977972984314, -0.4469117522239685],
    [0.6782692670822144, -0.858233630657196, 3.3916492462158203, -0.05913424491882324, -0.2012784481048584],
    [-0.723355233669281, -1.9157248735427856, 0.9491358995437622, -1.0684205293655396, -0.5293196439743042],
  ],
  sep_cma_es: [
    [0.7718944549560547, -3.4755373001098633, 2.7160634994506836, 1.571977972984314, -0.4469117522239685],
    [0.6782692670822144, -0.858233630657196, 3.3916492462158203, -0.05913424491882324, -0.2012784481048584],
    [-0.3507381081581116, -1.4135510921478271, 0.9011492729187012, 0.746240496635437, 0.8882313966751099],
  ],
  des: [
    [0.5271894335746765, -1.2475537061691284, 2.071606397628784, 0.3821977972984314, -0.7196911573410034],
    [0.5178269147872925, -0.985823392868042, 2.139164924621582, 0.21908657252788544, -0.6951278448104858],
    [0.4802815020084381, -1.0414942502975464, 1.7647643089294434, 0.4005519449710846, -0.5726165175437927],
  ],
  open_es: [
    [0.5081568360328674, -1.0742660760879517, 2.021481990814209, 0.2896593511104584, -0.7409073710441589],
    [0.5172953009605408, -0.9974333643913269, 1.945635437965393, 0.2675663232803345, -0.7495247721672058],
    [0.47357261180877686, -0.9457128643989563, 1.892748475074768, 0.20114587247371674, -0.7676089406013489],
  ],
  ars: [
    [0.5081568360328674, -1.0742660760879517, 2.021481990814209, 0.2896593511104584, -0.7409073710441589],
    [0.5172953009605408, -0.9974333643913269, 1.945635437965393, 0.2675663232803345, -0.7495247721672058],
    [0.3924303948879242, -0.9521729350090027, 1.8958418369293213, 0.19189931452274323, -0.7668213844299316],
  ],
};

describe('populations for a fixed seed are pinned', () => {
  it.each(STRATEGIES.map((s) => [s.id]))('%s', (id) => {
    const P = 6;
    const D = 5;
    const r = EsRunner.create(
      { strategyId: id, popSize: P, dim: D, rng: new Rng(42), shaping: { centeredRank: true } },
      Float32Array.from([0.5, -1, 2, 0.25, -0.75]),
    );
    const got: number[][] = [];
    for (let g = 0; g < 3; g++) {
      const x = r.ask();
      const v = Array.from(x.dataSync());
      if (g === 0) got.push(v.slice(0, D), v.slice((P - 1) * D));
      if (g === 2) got.push(v.slice(0, D));
      const scores = Float32Array.from(
        { length: P },
        (_, i) => -v.slice(i * D, (i + 1) * D).reduce((a, b) => a + b * b, 0),
      );
      r.tell(x, scores);
      x.dispose();
    }
    r.dispose();
    expect(got.slice(0, 2)).toEqual(PINS[id].slice(0, 2));
    if (tf.getBackend() === 'wasm') expect(got[2]).toEqual(PINS[id][2]);
    else got[2].forEach((v, j) => expect(Math.abs(v - PINS[id][2][j])).toBeLessThan(1e-6));
  });
});

describe('host fast paths equal the tfjs ops bit for bit', () => {
  it('sampleMirrored = ±sampleNormal in the interleaved and blocked layouts, same rng consumption', () => {
    for (const layout of ['interleaved', 'blocked'] as const) {
      const ra = new Rng(9).split('m');
      const rb = new Rng(9).split('m');
      const before = tf.memory().numTensors;
      const got = sampleMirrored(ra, 5, 301, layout);
      const half = sampleNormal(rb, 5, 301);
      const want = tf.tidy(() =>
        layout === 'blocked'
          ? tf.concat([half, tf.neg(half)], 0)
          : tf.reshape(tf.stack([half, tf.neg(half)], 1), [10, 301]),
      );
      expect(got.shape).toEqual([10, 301]);
      expect(got.dataSync()).toEqual(want.dataSync());
      expect(ra.int(1 << 30)).toBe(rb.int(1 << 30));
      tf.dispose([got, half, want]);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it.runIf(tf.getBackend() === 'wasm').each(['interleaved', 'blocked'] as const)(
    'wasm: m ± scale⊙z built from the pair windows = m + scale⊙(±z) (%s, vector and scalar scale, d with a SIMD tail)',
    (layout) => {
      const d = 301,
        p = 10;
      const offsets = drawPopulationOffsets(new Rng(6), layout, p, d);
      const mean = tf.randomNormal([d], 0, 1, 'float32', 7) as tf.Tensor1D;
      const vec = tf.randomUniform([d], 0.01, 0.3, 'float32', 8) as tf.Tensor1D;
      for (const scale of [vec, 0.037]) {
        const want = sampleAround(mean, scale, unitNoise(layout, offsets, { popSize: p, dim: d }));
        const before = tf.memory().numTensors;
        // Both wasm routes: the backend's kernels and rows, and the fused wasm `around` kernel.
        for (const got of [
          mirroredPopulationWasm(mean, scale, offsets, d, layout),
          aroundPopulation(mean, scale, offsets, d, layout)!,
        ]) {
          expect(got.shape).toEqual([p, d]);
          expect(got.dataSync()).toEqual(want.dataSync());
          got.dispose();
        }
        expect(tf.memory().numTensors).toBe(before);
        want.dispose();
      }
      tf.dispose([mean, vec]);
    },
  );

  it('readRow equals tf.slice of that row', () => {
    const x = tf.randomNormal([7, 33], 0, 1, 'float32', 3) as tf.Tensor2D;
    const row = tf.slice(x, [4, 0], [1, 33]);
    expect(readRow(x, 4)).toEqual(row.dataSync());
    tf.dispose([x, row]);
  });

  it.each(ROW_SUM_CASES)('weightedRowSums: %s', (_name, make) => expectRowSumsEqualOps(make));
});

describe('GPU route (tfjs ops) gives the same values as the host route', () => {
  // A stand-in "GPU" backend: tfjs-cpu's kernels registered under another name, so noise.ts,
  // row-sums.ts and host-block.ts take their non-host branch (gather / ops / slice).
  it('populations and trajectories match a cpu run bit for bit', async () => {
    const original = tf.getBackend();
    if (!tf.findBackend('fake-gpu')) {
      tf.registerBackend('fake-gpu', () => new MathBackendCPU());
      for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'fake-gpu' });
    }
    const run = async (backend: string): Promise<number[][]> => {
      await tf.setBackend(backend);
      const out: number[][] = [];
      for (const s of STRATEGIES) {
        const r = EsRunner.create(
          { strategyId: s.id, popSize: 8, dim: 301, rng: new Rng(5) },
          new Float32Array(301).fill(0.5),
        );
        for (let g = 0; g < 3; g++) {
          const x = r.ask();
          const v = Array.from(x.dataSync());
          r.tell(
            x,
            Float32Array.from({ length: 8 }, (_, i) => -v.slice(i * 301, (i + 1) * 301).reduce((a, b) => a + b * b, 0)),
          );
          x.dispose();
          out.push(v);
        }
        out.push(Array.from(r.best.params as Float32Array));
        r.dispose();
      }
      disposeNoiseTables();
      return out;
    };
    try {
      expect(await run('fake-gpu')).toEqual(await run('cpu'));
    } finally {
      await tf.setBackend(original);
    }
  });
});
