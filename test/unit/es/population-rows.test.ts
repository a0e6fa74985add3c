// Populations as recipes (population-rows.ts; docs/ALGORITHMS.md §1.1, §1.2): the rows an evaluation
// worker rebuilds from the mean, the scale and the table offsets must equal the runner's population bit
// for bit, for every strategy and layout, after the state has moved away from its initial values.
import { describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { STRATEGIES } from '../../../src/core/es/registry';
import { EsRunner } from '../../../src/core/es/run-strategy';
import { memberNoise, writeMemberRow, writePairRows } from '../../../src/core/es/population-rows';
import { adoptNoiseTable, hostNoiseTable } from '../../../src/core/es/noise-table';
import { Rng } from '../../../src/core/rng';

describe('population recipes rebuild the population exactly', () => {
  it.each(STRATEGIES.map((s) => [s.id]))('%s', (id) => {
    const P = 10,
      d = 37;
    const rng = new Rng(7);
    const init = Float32Array.from({ length: d }, (_, j) => Math.sin(j) * 0.3);
    const runner = EsRunner.create({ strategyId: id, popSize: P, dim: d, rng, shaping: { centeredRank: true } }, init);
    for (let g = 0; g < 4; g++) {
      const { x, recipe } = runner.askWithRecipe();
      const want = x.dataSync() as Float32Array;
      const got = new Float32Array(P * d);
      for (let p = 0; p < P; p++) writeMemberRow(recipe, p, got, p * d);
      expect(Array.from(got)).toEqual(Array.from(want));
      // Scattered into a wider vector at given positions: the same values there, the rest untouched.
      const positions = Int32Array.from({ length: d }, (_, j) => 2 * j + 1);
      const wide = new Float32Array(2 * d + 1).fill(-7);
      writeMemberRow(recipe, P - 1, wide, 0, positions);
      expect(Array.from(positions, (q) => wide[q])).toEqual(Array.from(want.subarray((P - 1) * d)));
      expect(wide[0]).toBe(-7);
      // Antithetic layouts: both rows of a ± pair written in one pass are the same rows.
      if (recipe.layout !== 'none') {
        const pairs = new Float32Array(P * d);
        for (let k = 0; k < P / 2; k++) {
          const [plus, minus] = recipe.layout === 'interleaved' ? [2 * k, 2 * k + 1] : [k, k + P / 2];
          writePairRows(recipe, k, pairs, plus * d, minus * d);
        }
        expect(Array.from(pairs)).toEqual(Array.from(want));
        const widePair = new Float32Array(2 * (2 * d + 1)).fill(-7);
        writePairRows(recipe, 0, widePair, 0, 2 * d + 1, positions);
        const [p0, m0] = recipe.layout === 'interleaved' ? [0, 1] : [0, P / 2];
        expect(Array.from(positions, (q) => widePair[q])).toEqual(Array.from(want.subarray(p0 * d, (p0 + 1) * d)));
        expect(Array.from(positions, (q) => widePair[2 * d + 1 + q])).toEqual(
          Array.from(want.subarray(m0 * d, (m0 + 1) * d)),
        );
      }
      const scores = Float32Array.from(
        { length: P },
        (_, p) => -want.subarray(p * d, (p + 1) * d).reduce((a, v) => a + (v - 0.1) ** 2, 0),
      );
      runner.tell(x, scores);
      x.dispose();
    }
    // ask and askWithRecipe draw the same population for the same generation.
    const a = runner.ask();
    const b = runner.askWithRecipe().x;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
    runner.dispose();
  });

  it('maps members to noise rows and signs in each layout', () => {
    expect([0, 1, 2, 3].map((p) => memberNoise('interleaved', 4, p))).toEqual([
      { row: 0, sign: 1 },
      { row: 0, sign: -1 },
      { row: 1, sign: 1 },
      { row: 1, sign: -1 },
    ]);
    expect([0, 1, 2, 3].map((p) => memberNoise('blocked', 4, p))).toEqual([
      { row: 0, sign: 1 },
      { row: 1, sign: 1 },
      { row: 0, sign: -1 },
      { row: 1, sign: -1 },
    ]);
    expect(memberNoise('none', 4, 3)).toEqual({ row: 3, sign: 1 });
  });
});

describe('the shared noise table', () => {
  it('Rng.fillNormal gives the values and end state of repeated normal() calls', () => {
    for (const n of [0, 1, 2, 7, 1000]) {
      const a = new Rng(11),
        b = new Rng(11);
      a.normal(); // leaves a spare normal behind: fillNormal must use it first
      b.normal();
      const want = Float32Array.from({ length: n }, () => a.normal());
      const got = new Float32Array(n);
      b.fillNormal(got);
      expect(Array.from(got)).toEqual(Array.from(want));
      expect(b.normal()).toBe(a.normal());
      expect(b.uniform()).toBe(a.uniform());
    }
  });

  it('adopts a copy of the table and refuses anything else', async () => {
    const table = hostNoiseTable();
    expect(adoptNoiseTable(table.slice())).toBe(true); // already built here: keeps its own
    expect(hostNoiseTable()).toBe(table);
    vi.resetModules(); // a fresh module = a thread that has not built its table yet
    const fresh = await import('../../../src/core/es/noise-table');
    expect(fresh.adoptNoiseTable(new Float32Array(1000))).toBe(false);
    const wrong = table.slice();
    wrong[5] += 1;
    expect(fresh.adoptNoiseTable(wrong)).toBe(false);
    const copy = table.slice();
    expect(fresh.adoptNoiseTable(copy)).toBe(true);
    expect(fresh.hostNoiseTable()).toBe(copy);
  });
});
