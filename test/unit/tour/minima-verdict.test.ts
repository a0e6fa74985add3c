// The two halves of the "different minima" claim (src/core/tour/minima-verdict.ts): connectivity (R8) and
// curvature (R10) each get their own verdict and sentence, so a result opposite to the paper is named as such
// and not folded into "only in part"; and the sharpness legend names the ES curve next to the GD one.
import { describe, expect, it } from 'vitest';
import type { TourAnalysis } from '../../../src/core/tour/analysis-file';
import { minimaSentence } from '../../../src/core/tour/analysis-sentences';
import { sharpnessCurves } from '../../../src/core/tour/analysis-curves';
import { FILE, lmc, plain } from './analysis-fixture';

describe('ES and gradient descent find different minima, part by part', () => {
  it('says which half of the claim agrees: connectivity and curvature, each from its own numbers', () => {
    const s = minimaSentence(FILE);
    if (!s.ok) throw new Error(s.reason);
    expect(s.parts!.map((p) => [p.verdict, plain(p.text)])).toEqual([
      [
        'agrees',
        'Connectivity agrees with the paper: consecutive ES rounds join up as the weights are pruned (barrier 7.0 % ' +
          '→ 2.0 %), as in the paper; 1 pair of an ES and a gradient-descent network is separated, as in the paper.',
      ],
      [
        'agrees',
        "Curvature agrees with the paper: as the weights are pruned the ES minima get flatter (6.0 → 5.0) and gradient descent's " +
          "get sharper (4.0 → 12.0), and the ES minima are sharper than gradient descent's at 1 of 2 sparsities measured.",
      ],
    ]);
  });

  it('a curvature result opposite to the paper is called the reverse, not hidden in "only in part"', () => {
    // shaped like the lab's shipped result (docs/RESULTS.md R10): ES sharper at every sparsity, GD flattening
    const esGd = (seed: number, barrier: number) => ({
      ...lmc('es-gd', 'magnitude', [seed, 2, 80], [seed, 2, 80], barrier),
      chainB: 'gd_magnitude',
    });
    const sharp = (chain: string, roundNum: number, remainingPct: number, a: number) =>
      ({ chain, seed: 0, roundNum, remainingPct, a, norm: 'filter' }) as const;
    const reversed: TourAnalysis = {
      ...FILE,
      lmc: [...FILE.lmc!.filter((r) => r.pair !== 'es-gd'), esGd(0, 0.005), esGd(1, 0.03)],
      sharpness: [
        sharp('magnitude', 1, 100, 4.5),
        sharp('magnitude', 3, 64, 5.1),
        sharp('gd_magnitude', 1, 100, 1.6),
        sharp('gd_magnitude', 3, 64, 0.5),
      ],
    };
    const s = minimaSentence(reversed);
    if (!s.ok) throw new Error(s.reason);
    expect(s.verdict).toBe('partly');
    expect(s.values).toMatchObject({ esSharperAt: 2, sharpShared: 2 });
    const [connectivity, curvature] = s.parts!;
    expect(connectivity.verdict).toBe('partly');
    expect(plain(connectivity.text)).toMatch(/^Connectivity agrees with the paper only in part: consecutive ES rounds/);
    expect(plain(connectivity.text)).toContain(
      'only 1 of the 2 pairs of an ES and a gradient-descent network are separated, where the paper finds them all separated.',
    );
    expect(curvature.verdict).toBe('differs');
    expect(plain(curvature.text)).toBe(
      "Curvature is the reverse of the paper: as the weights are pruned the ES minima get sharper (4.5 → 5.1) and gradient descent's " +
        "get flatter (1.6 → 0.5), and the ES minima are sharper than gradient descent's at every sparsity measured (2 of 2).",
    );
    // sharpening faster yet flatter everywhere differs from the paper, but is no reversal
    const flatter = minimaSentence({
      ...reversed,
      sharpness: reversed.sharpness!.map((r) => ({ ...r, a: r.chain === 'magnitude' ? r.a / 20 : r.a })),
    });
    expect(flatter.ok && plain(flatter.parts![1].text)).toMatch(
      /^Curvature differs from the paper: .* no sharper than/,
    );
  });

  it('without two halves to tell apart there are no parts', () => {
    const s = minimaSentence({ ...FILE, sharpness: [] });
    expect(s.ok && s.parts).toBeUndefined();
  });

  it('the sharpness legend names the ES curve as it names the GD one', () => {
    expect(sharpnessCurves(FILE).map((c) => c.name)).toEqual([
      'ES · Ticket (signal-to-noise pruning)',
      'GD · Ticket (magnitude pruning)',
    ]);
  });
});
