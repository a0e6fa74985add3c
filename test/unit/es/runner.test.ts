// Shared runner invariants over the strategy registry (docs/ALGORITHMS.md §1.1–1.3, §1.5;
// docs/ARCHITECTURE.md convention 12): determinism, checkpoint → restore continuation, flat tensor count,
// NaN robustness, antithetic layouts, σ modes, and clear errors.
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { STRATEGIES, getStrategy } from '../../../src/core/es/registry';
import { EsRunner, type EsRunnerOptions } from '../../../src/core/es/run-strategy';
import { sampleNormal, noiseTableSize } from '../../../src/core/es/noise';
import { sphere } from '../../../src/core/tasks/toy/functions';
import { Rng } from '../../../src/core/rng';

const D = 8;
const P = 10;
const opts = (id: string, seed = 7): EsRunnerOptions => ({ strategyId: id, popSize: P, dim: D, rng: new Rng(seed) });
const init = (): Float32Array => Float32Array.from({ length: D }, (_, i) => 1 + 0.1 * i);

/** One generation on the sphere (score = −loss); returns the population as host data. */
function step(r: EsRunner): Float32Array {
  const x = r.ask();
  const loss = sphere.loss(x);
  const scores = tf.neg(loss) as tf.Tensor1D;
  r.tell(x, scores);
  const host = Float32Array.from(x.dataSync());
  tf.dispose([x, loss, scores]);
  return host;
}

describe.each(STRATEGIES.map((s) => [s.id]))('runner with %s', (id) => {
  it('same seed ⇒ identical populations; different seed ⇒ different', () => {
    const a = EsRunner.create(opts(id), init());
    const b = EsRunner.create(opts(id), init());
    const c = EsRunner.create(opts(id, 8), init());
    for (let g = 0; g < 3; g++) {
      const xa = step(a);
      const xb = step(b);
      const xc = step(c);
      expect(xa).toEqual(xb);
      expect(xa).not.toEqual(xc);
    }
    [a, b, c].forEach((r) => r.dispose());
  });

  it('checkpoint → restore gives the identical next population and trajectory', () => {
    const a = EsRunner.create({ ...opts(id), shaping: { centeredRank: true }, meanDecay: 1e-3 }, init());
    for (let g = 0; g < 4; g++) step(a);
    const cp = structuredClone(a.checkpoint());
    const b = EsRunner.restore(cp);
    expect(b.generation).toBe(4);
    expect(b.best.score).toBe(a.best.score);
    for (let g = 0; g < 3; g++) expect(step(b)).toEqual(step(a));
    expect(b.mean()).toEqual(a.mean());
    expect(b.perParamStd('true')).toEqual(a.perParamStd('true'));
    a.dispose();
    b.dispose();
  });

  it('a checkpoint whose state does not fit the strategy is refused, naming the entry', () => {
    const a = EsRunner.create(opts(id), init());
    step(a);
    const cp = a.checkpoint();
    a.dispose();
    const before = tf.memory().numTensors;
    const extra = { ...cp, state: { ...cp.state, stray: 1 } };
    expect(() => EsRunner.restore(extra)).toThrow(/"stray" should be missing/);
    const { mean: _mean, ...noMean } = cp.state;
    expect(() => EsRunner.restore({ ...cp, state: noMean })).toThrow(
      /"mean" should be \[8\], the checkpoint has missing/,
    );
    const short = {
      ...cp,
      state: { ...cp.state, mean: { shape: [D - 1], dtype: 'float32' as const, data: new Float32Array(D - 1) } },
    };
    expect(() => EsRunner.restore(short)).toThrow(/"mean" should be \[8\], the checkpoint has \[7\]/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tensor count stays flat over 200 generations', () => {
    const r = EsRunner.create(opts(id), init());
    step(r);
    const before = tf.memory().numTensors;
    for (let g = 0; g < 200; g++) step(r);
    expect(tf.memory().numTensors).toBe(before);
    r.dispose();
  });

  it('NaN / −∞ scores neither crash nor count as best; state stays finite', () => {
    const r = EsRunner.create({ ...opts(id), shaping: { centeredRank: id === 'pgpe' || id === 'open_es' } }, init());
    for (let g = 0; g < 5; g++) {
      const x = r.ask();
      const s = Float32Array.from(sphere.loss(x).dataSync(), (v) => -v);
      s[0] = NaN;
      s[3] = -Infinity;
      r.tell(x, s);
      x.dispose();
    }
    expect(r.mean().every(Number.isFinite)).toBe(true);
    expect(r.perParamStd().every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(r.best.score)).toBe(true);
    r.dispose();
  });

  it('tracks the unshaped best-so-far score and member', () => {
    const r = EsRunner.create({ ...opts(id), shaping: { centeredRank: true } }, init());
    let best = -Infinity;
    for (let g = 0; g < 5; g++) {
      const x = r.ask();
      const loss = Array.from(sphere.loss(x).dataSync());
      r.tell(
        x,
        Float32Array.from(loss, (v) => -v),
      );
      best = Math.max(best, ...loss.map((v) => -v));
      x.dispose();
    }
    expect(r.best.score).toBeCloseTo(best, 4);
    const bx = r.best.params as Float32Array;
    expect(-bx.reduce((a, v) => a + v * v, 0)).toBeCloseTo(best, 4);
    r.dispose();
  });
});

describe('layouts, σ modes and errors', () => {
  const rows = (id: string): number[][] => {
    const r = EsRunner.create({ ...opts(id), popSize: 4 }, new Float32Array(D));
    const x = r.ask();
    const out = x.arraySync() as number[][];
    x.dispose();
    r.dispose();
    return out;
  };
  it('PGPE is interleaved, OpenES/ARS blocked (antithetic around a zero mean)', () => {
    const p = rows('pgpe');
    p[1].forEach((v, j) => expect(v).toBeCloseTo(-p[0][j], 6));
    for (const id of ['open_es', 'ars']) {
      const b = rows(id);
      b[2].forEach((v, j) => expect(v).toBeCloseTo(-b[0][j], 6));
    }
  });
  it('odd popsize with an antithetic strategy is a clear error', () => {
    for (const id of ['pgpe', 'open_es', 'ars']) {
      expect(() => EsRunner.create({ ...opts(id), popSize: 5 }, init())).toThrow(/even popSize/);
    }
  });
  it('unknown strategy and bad params name the valid choices', () => {
    expect(() => getStrategy('cma')).toThrow(/valid: pgpe, snes, sep_cma_es, des, open_es, ars/);
    expect(() => EsRunner.create({ ...opts('pgpe'), params: { sigmaSign: 'x' } }, init())).toThrow(/sigmaSign/);
  });
  it('Sep-CMA-ES σ modes: paper = C, sC = s·C, true = s·√C; isotropic strategies broadcast σ', () => {
    const r = EsRunner.create({ ...opts('sep_cma_es'), params: { sigma_init: 0.5 } }, init());
    for (let g = 0; g < 3; g++) step(r);
    const cp = r.checkpoint();
    const C = cp.state.C as { data: Float32Array };
    const s = cp.state.s as number;
    const paper = r.perParamStd('paper');
    const sC = r.perParamStd('sC');
    const tru = r.perParamStd('true');
    C.data.forEach((c, i) => {
      expect(paper[i]).toBeCloseTo(c, 6);
      expect(sC[i]).toBeCloseTo(s * c, 6);
      expect(tru[i]).toBeCloseTo(s * Math.sqrt(c), 6);
    });
    r.dispose();
    const o = EsRunner.create(opts('open_es'), init());
    expect(Array.from(o.perParamStd())).toEqual(new Array(D).fill(Math.fround(0.03)));
    expect(getStrategy('open_es').supportsSnr || getStrategy('ars').supportsSnr).toBe(false);
    o.dispose();
  });
});

describe('noise table', () => {
  it('same rng ⇒ identical block; moments ≈ N(0,1); clear error beyond table/4', () => {
    const a = sampleNormal(new Rng(3).split('x'), 64, 500);
    const b = sampleNormal(new Rng(3).split('x'), 64, 500);
    expect(a.dataSync()).toEqual(b.dataSync());
    const v = a.dataSync() as Float32Array;
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const varr = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(varr - 1)).toBeLessThan(0.05);
    tf.dispose([a, b]);
    expect(() => sampleNormal(new Rng(1), 2, noiseTableSize() / 4 + 1)).toThrow(/noise table limit/);
  });
});
