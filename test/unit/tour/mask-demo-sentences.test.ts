// What the masks keep (core/tour/mask-sentences.ts) on a hand-made 4×4 image and on the shipped bundle,
// and the 2-D demo's sentence (core/tour/demo-sentence.ts).
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/core/nets/types';
import { borderWidth, centreBorder, inputPixelSentence, meanPixelUsage } from '../../../src/core/tour/mask-sentences';
import { inputPixelUsage } from '../../../src/core/analysis/mask-stats';
import { demoSentence, shortNumber } from '../../../src/core/tour/demo-sentence';
import { NBSP } from '../../../src/core/tour/words';
import { mnistConfig, precomputedExists, rec, shippedRun } from './fixtures';

/** A dense first layer over a 4×4 single-channel image with 2 hidden units: kernel [16, 2] at offset 0. */
const layer: LayerSpec = {
  name: 'Dense_0',
  kind: 'dense',
  kernelShape: [16, 2],
  kernelOffset: 0,
  kernelSize: 32,
  biasOffset: 32,
  biasSize: 2,
} as unknown as LayerSpec;
const shape = [4, 4, 1];

/** A mask keeping `keep(pixel)` of the 2 outgoing weights of each pixel (row-major), biases kept. */
function maskOf(keep: (row: number, col: number) => 0 | 1 | 2): Uint8Array {
  const m = new Uint8Array(34).fill(1);
  for (let p = 0; p < 16; p++) {
    const k = keep(Math.floor(p / 4), p % 4);
    m[2 * p] = k >= 1 ? 1 : 0;
    m[2 * p + 1] = k >= 2 ? 1 : 0;
  }
  return m;
}
const centre = (r: number, c: number) => r >= 1 && r <= 2 && c >= 1 && c <= 2;

describe('centre against border of the input layer', () => {
  it('the border ring is round(side / 7) wide, at least 1', () => {
    expect(borderWidth(14, 14)).toBe(2);
    expect(borderWidth(28, 28)).toBe(4);
    expect(borderWidth(4, 4)).toBe(1);
  });

  it('counts kept shares and unread pixels of a hand-made mask', () => {
    const cb = centreBorder(
      inputPixelUsage(
        maskOf((r, c) => (centre(r, c) ? 2 : r === 0 ? 0 : 1)),
        layer,
        shape,
      ),
    );
    expect(cb).toEqual({ centreKept: 1, borderKept: 8 / 24, centrePixels: 4, borderPixels: 12, unread: 4 });
  });

  it('states the ticket and the baseline at the sparsest round, averaged over seeds', () => {
    const ticket = maskOf((r, c) => (centre(r, c) ? 2 : 0));
    const random = maskOf(() => 1);
    const records = [
      rec(0, 'magnitude', 1, 0.9, { mask: maskOf(() => 2) }),
      rec(0, 'magnitude', 2, 0.8, { mask: ticket }),
      rec(0, 'random_reinit', 1, 0.9, { mask: maskOf(() => 2) }),
      rec(0, 'random_reinit', 2, 0.7, { mask: random }),
    ];
    const s = inputPixelSentence({ records, config: mnistConfig }, [layer], shape);
    if (!s.ok) throw new Error(s.reason);
    expect(s.text.replaceAll(NBSP, ' ')).toBe(
      'At 65 % of the weights, the magnitude ticket keeps 100.0 % of the connections from the 4 central pixels and ' +
        '0.0 % from the 12 border pixels (nothing of the border), while a random mask ' +
        'with new random weights keeps 50.0 % and 50.0 % (seed 0).',
    );
  });

  it('a network without a dense first layer over an image has no pixel picture', () => {
    const conv = { ...layer, kind: 'conv' } as unknown as LayerSpec;
    expect(inputPixelSentence({ records: [], config: mnistConfig }, [conv], shape).ok).toBe(false);
  });
});

describe.skipIf(!precomputedExists('mnist-2min.json.gz'))('the shipped mnist-2min masks', () => {
  it('the mean map over seeds has the mean of the seeds’ centre/border shares', () => {
    const run = shippedRun('mnist-2min.json.gz');
    const first = run.layers![0];
    const seeds = [0, 1, 2];
    const mean = centreBorder(meanPixelUsage(run, 'magnitude', 6, seeds, first, run.inputShape!));
    const each = seeds.map((seed) => {
      const r = run.records.find((x) => x.method === 'magnitude' && x.seed === seed && x.roundNum === 6)!;
      return centreBorder(inputPixelUsage(r.mask, first, run.inputShape!));
    });
    expect(mean.centreKept).toBeCloseTo(each.reduce((a, b) => a + b.centreKept, 0) / 3, 6);
    expect(mean.borderKept).toBeCloseTo(each.reduce((a, b) => a + b.borderKept, 0) / 3, 6);
    const s = inputPixelSentence(run, run.layers!, run.inputShape!);
    expect(s.ok && s.text.replaceAll(NBSP, ' ')).toMatch(
      /^At 11\.6 % of the weights, the magnitude ticket keeps 12\.2 % .* 9\.4 % from the 96 border pixels/,
    );
  });
});

describe('the 2-D demo', () => {
  it('reads the best value and the distance of the mean from the minimum', () => {
    const s = demoSentence({
      strategyLabel: 'PGPE',
      popSize: 16,
      bestScores: [-24.4, -3, -0.0004],
      firstMean: [-3.5, 3.5],
      lastMean: [0.03, 0.04],
      optimum: [0, 0],
    });
    if (!s.ok) throw new Error(s.reason);
    expect(s.text).toBe(
      'In 3 generations of 16 samples each, PGPE lowered the best value of f from 24.4 to 0.0004 and moved its mean ' +
        'from 4.95 to 0.05 away from the minimum at (0, 0), without computing a gradient.',
    );
  });

  it('before it runs there is nothing to say', () => {
    expect(
      demoSentence({
        strategyLabel: 'PGPE',
        popSize: 16,
        bestScores: [],
        firstMean: [0, 0],
        lastMean: [],
        optimum: [0, 0],
      }).ok,
    ).toBe(false);
  });

  it('short numbers: three significant figures, scientific when tiny', () => {
    expect(shortNumber(0.0323)).toBe('0.0323');
    expect(shortNumber(0.00041234)).toBe('0.00041');
    expect(shortNumber(123456)).toBe('123,456');
    expect(shortNumber(3e-9)).toBe('less than 0.000001');
    expect(shortNumber(-2.5)).toBe('\u22122.5');
  });
});
