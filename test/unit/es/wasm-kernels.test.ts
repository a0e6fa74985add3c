// The hand-written WebAssembly kernels (src/core/es/wasm/): the generated modules match their .wat
// sources, the row-sum kernel is reachable on the wasm backend (so the default route really uses it),
// and it gives the same bits as the JS loop it replaces (docs/PERFORMANCE.md "The tell's row sums").
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { compileWat, generatedModule, watSources } from '../../../scripts/build-wasm-kernels.mjs';
import { esKernels } from '../../../src/core/es/wasm/es-kernels';
import { weightedRowSums } from '../../../src/core/es/row-sums';
import { hostView } from '../../../src/core/es/host-block';

describe('wasm kernels', () => {
  it.each(watSources())(
    'the generated module of %s/%s.wat is up to date (else: node scripts/build-wasm-kernels.mjs)',
    async (dir, name) => {
      const generated = fs.readFileSync(path.join(dir, `${name}-wasm.ts`), 'utf8');
      expect(generated).toBe(generatedModule(name, await compileWat(path.join(dir, `${name}.wat`))));
    },
  );

  it.runIf(tf.getBackend() === 'wasm')('the kernels are available on the wasm backend', () => {
    expect(esKernels()).not.toBeNull();
  });

  it.runIf(tf.getBackend() === 'wasm')(
    'row sums with non-finite entries and rows wider than the heap views: kernel and JS rounding agree',
    () => {
      // Values chosen so that float32 rounding matters at every step, plus ±∞ and NaN in weighted rows.
      const p = 6;
      const d = 1027;
      const xs = Float32Array.from({ length: p * d }, (_, i) => Math.sin(i * 0.61) * 1e3 + 1 / (1 + i));
      xs[5] = Infinity;
      xs[d + 9] = NaN;
      xs[3 * d + 1026] = -Infinity;
      const x = tf.tensor2d(xs, [p, d]);
      const m = tf.tensor1d(Float32Array.from({ length: d }, (_, j) => Math.cos(j) * 7));
      const s = tf.tensor1d(Float32Array.from({ length: d }, (_, j) => 0.1 + (j % 13) / 3));
      const lin = [0.3, -1.7, 0, 2.5e-3, 11, -0.25];
      const sq = [1, 0, 0.5, -3, 0, 1e-4];
      const got = weightedRowSums(x, { center: m, divisor: s, lin, sq });
      // The JS reference: float32 rounding after every operation, rows in order.
      const fr = Math.fround;
      const mv = hostView(m)!.slice();
      const sv = hostView(s)!.slice();
      const wantLin = new Float32Array(d);
      const wantSq = new Float32Array(d);
      for (let r = 0; r < p; r++) {
        if (lin[r] === 0 && sq[r] === 0) continue;
        for (let j = 0; j < d; j++) {
          const u = fr(fr(xs[r * d + j] - mv[j]) / sv[j]);
          wantLin[j] = fr(wantLin[j] + fr(fr(lin[r]) * u));
          wantSq[j] = fr(wantSq[j] + fr(fr(sq[r]) * fr(u * u)));
        }
      }
      expect(got.lin!.dataSync()).toEqual(wantLin);
      expect(got.sq!.dataSync()).toEqual(wantSq);
      tf.dispose([x, m, s, got.lin!, got.sq!]);
    },
  );
});
