// The tour's one-sentence results from round records (core/tour/run-sentences.ts): reference values of the
// shipped bundles (docs/RESULTS.md §1.1–1.2 tables), the wording of every comparison, paired seeds, and
// the effect decomposition summing to the total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decompositionSentence,
  denseTrainingSentence,
  runResultSentence,
  snrSentence,
  ticketSentence,
  DECOMPOSITION_CHAINS,
} from '../../../src/core/tour/run-sentences';
import { direction } from '../../../src/core/tour/run-curves';
import { NBSP, perfText, remainingText } from '../../../src/core/tour/words';
import type { Sentence, SentenceOk } from '../../../src/core/tour/sentence';
import { mnistConfig, pendulumConfig, precomputedExists, shippedRun, table } from './fixtures';

const ok = (s: Sentence): SentenceOk => {
  if (!s.ok) throw new Error(`expected a sentence, got: ${s.reason}`);
  return s;
};
const plain = (s: string) => s.replaceAll(NBSP, ' ');

describe.skipIf(!precomputedExists('mnist-2min.json.gz'))('sentences over the shipped mnist-2min bundle', () => {
  const run = shippedRun('mnist-2min.json.gz');

  it('the ticket against random re-initialisation: 84.5 % vs 64.3 % at 11.6 % (docs/RESULTS.md §1.2)', () => {
    const s = ok(ticketSentence(run));
    expect(plain(s.text)).toBe(
      'At 11.6 % of the weights, the magnitude ticket still reaches 84.5 % test accuracy while a random mask with ' +
        'new random weights reaches only 64.3 % (mean of 3 seeds).',
    );
    expect(s.verdict).toBe('agrees');
    expect(s.values.round).toBe(6);
    expect(s.values.seeds).toBe(3);
  });

  it('round 1 trains the dense network to 84.4 % (docs/RESULTS.md §1.2, round 1)', () => {
    const s = ok(denseTrainingSentence(run));
    expect(plain(s.text)).toMatch(
      /^In round 1, PGPE trained all 6,634 weights .* to 84\.4 % after 150 generations of 64/,
    );
    expect(s.values.weights).toBe(6634);
  });

  it('the result of the whole run names every chain at the last round, tickets first', () => {
    const s = ok(runResultSentence(run));
    expect(plain(s.text)).toBe(
      'At 11.6 % of the weights (round 6), test accuracy: the magnitude ticket 84.5 %, the signal-to-noise ticket ' +
        '83.5 % and a random mask with new random weights 64.3 % (mean of 3 seeds).',
    );
  });
});

describe.skipIf(!precomputedExists('mnist-quick.json.gz'))('sentences over the shipped mnist-quick bundle', () => {
  it('SNR and magnitude are on par at 8.59 % (86.5 vs 86.4, seeds disagree; docs/RESULTS.md §1)', () => {
    const s = ok(snrSentence(shippedRun('mnist-quick.json.gz')));
    expect(plain(s.text)).toContain('At 8.59 % of the weights the signal-to-noise ticket reaches 86.5 % test accuracy');
    expect(plain(s.text)).toContain('the magnitude ticket 86.4 %: on par');
    expect(s.verdict).toBe('partly');
  });
});

describe('comparisons are paired by seed and worded by their direction', () => {
  it('every seed ahead → "still reaches … only", agrees with the paper', () => {
    const s = ok(
      ticketSentence({ records: table({ magnitude: [[0.9, 0.8]], random_reinit: [[0.9, 0.6]] }), config: mnistConfig }),
    );
    expect(plain(s.text)).toContain(
      'still reaches 80.0 % test accuracy while a random mask with new random weights reaches only 60.0 %',
    );
    expect(plain(s.text)).toContain('(1 seed, seed 0)');
    expect(s.verdict).toBe('agrees');
  });

  it('seeds that disagree → "no clear winner", partly', () => {
    const records = table({
      magnitude: [
        [0.9, 0.8],
        [0.9, 0.6],
      ],
      random_reinit: [
        [0.9, 0.7],
        [0.9, 0.7],
      ],
    });
    const s = ok(ticketSentence({ records, config: mnistConfig }));
    expect(s.text).toContain('no clear winner, the seeds disagree');
    expect(s.verdict).toBe('partly');
  });

  it('every seed behind → "below", differs; exactly equal → "exactly as much"', () => {
    const below = ok(
      ticketSentence({ records: table({ magnitude: [[0.9, 0.5]], random_reinit: [[0.9, 0.6]] }), config: mnistConfig }),
    );
    expect(below.text).toContain('below a random mask');
    expect(below.verdict).toBe('differs');
    const tie = ok(
      ticketSentence({ records: table({ magnitude: [[1, 1]], random_reinit: [[1, 1]] }), config: mnistConfig }),
    );
    expect(tie.text).toContain('exactly as much as');
  });

  it('a tie on one seed does not undo the others (CartPole saturating at 500), but is no lead either', () => {
    expect(direction([1, 15])).toBe('above');
    expect(direction([0, 15])).toBe('aboveWithTies');
    expect(direction([-1, -3])).toBe('below');
    expect(direction([0, -3])).toBe('belowWithTies');
    expect(direction([0, 0])).toBe('equal');
    expect(direction([2, -1])).toBe('mixed');
  });

  it('"on every seed" only when every seed is strictly ahead: a tie is said as a tie', () => {
    // seed 2 ties exactly, as the shipped MNIST runs do at round 11 (both tickets at 86.98 %)
    const tied = {
      snr: [
        [0.9, 0.82],
        [0.9, 0.8],
        [0.9, 0.87],
      ],
      magnitude: [
        [0.9, 0.8],
        [0.9, 0.79],
        [0.9, 0.87],
      ],
    };
    const snr = ok(snrSentence({ records: table(tied), config: mnistConfig }));
    expect(plain(snr.text)).not.toContain('on every seed');
    expect(plain(snr.text)).toContain(
      'ahead by 1.0 points on average and never behind: ahead on 2 of 3 seeds and tied on 1 (mean of 3 seeds).',
    );
    expect(snr.verdict).toBe('agrees'); // the step's claim: "at least as well"
    const strict = ok(
      snrSentence({ records: table({ ...tied, snr: [...tied.snr.slice(0, 2), [0.9, 0.88]] }), config: mnistConfig }),
    );
    expect(plain(strict.text)).toContain('ahead by 1.3 points on every seed');
    const cartpole = {
      magnitude: [
        [500, 500],
        [500, 500],
        [500, 480],
      ],
      random_reinit: [
        [500, 500],
        [500, 320],
        [500, 210],
      ],
    };
    const ticket = ok(ticketSentence({ records: table(cartpole), config: pendulumConfig }));
    expect(plain(ticket.text)).toContain(': ahead on 2 of 3 seeds and tied on 1 (mean of 3 seeds).');
    expect(plain(ticket.text)).not.toContain('reaches only');
  });

  it('compares where the most seeds finished, not past a seed that stopped early', () => {
    // seed 1 stops after round 2: round 2 has both seeds, round 3 only seed 0
    const records = table({ magnitude: [[0.9, 0.8, 0.7]], random_reinit: [[0.9, 0.6, 0.5]] }).concat(
      table({ magnitude: [[], [0.9, 0.85]], random_reinit: [[], [0.9, 0.55]] }),
    );
    const s = ok(ticketSentence({ records, config: mnistConfig }));
    expect(s.values.round).toBe(2);
    expect(s.values.seeds).toBe(2);
    expect(s.values.ticket).toBeCloseTo(0.825, 12);
  });

  it('control tasks state returns, with a typographic minus', () => {
    const s = ok(
      ticketSentence({
        records: table({ magnitude: [[-180, -697.8]], random_reinit: [[-180, -932.7]] }),
        config: pendulumConfig,
      }),
    );
    expect(s.text).toContain('a test return of \u2212698 while');
    expect(s.text).toContain('only \u2212933');
  });

  it('a missing chain or an unpruned run gives a reason instead of a sentence', () => {
    const s = ticketSentence({ records: table({ magnitude: [[0.9, 0.8]] }), config: mnistConfig });
    expect(s).toEqual({ ok: false, reason: 'this run does not include a random mask with new random weights' });
    const dense = ticketSentence({
      records: table({ magnitude: [[0.9]], random_reinit: [[0.9]] }),
      config: mnistConfig,
    });
    expect(dense.ok).toBe(false);
    expect(snrSentence({ records: [], config: mnistConfig }).ok).toBe(false);
  });
});

describe('decomposition of the ticket effect (docs/ALGORITHMS.md §3.7)', () => {
  it('the three parts add up to the total, for any performances', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (p) => {
        const perf = Object.fromEntries(DECOMPOSITION_CHAINS.map((c, i) => [c, [[0.9, p[i]]]]));
        const s = ok(decompositionSentence({ records: table(perf), config: mnistConfig }));
        const { total, weights, mask, layers } = s.values;
        expect(weights + mask + layers).toBeCloseTo(total, 12);
        expect(total).toBeCloseTo(p[0] - p[3], 12);
      }),
    );
  });

  it('names the largest part', () => {
    const records = table({
      magnitude: [[0.9, 0.8]],
      permute_weights: [[0.9, 0.79]],
      permute_mask_weights: [[0.9, 0.65]],
      random_reinit: [[0.9, 0.6]],
    });
    const s = ok(decompositionSentence({ records, config: mnistConfig }));
    expect(plain(s.text)).toContain('20.0 points above a random mask');
    expect(plain(s.text)).toContain('14.0 points come from where the mask keeps weights');
    expect(s.text).toMatch(/the largest share is where the mask keeps weights/);
  });
});

describe('the result of any finished run', () => {
  it('gradient-descent chains are named as such, tickets first', () => {
    const records = table({ gd_random_reinit: [[0.88, 0.31]], gd_magnitude: [[0.88, 0.795]] });
    const s = ok(runResultSentence({ records, config: mnistConfig }));
    expect(plain(s.text)).toBe(
      'At 65 % of the weights (round 2), test accuracy: the magnitude ticket trained by gradient descent 79.5 % and ' +
        'a random mask with new random weights trained by gradient descent 31.0 % (1 seed, seed 0).',
    );
  });

  it('a dense-only run says what round 1 reached', () => {
    const s = ok(runResultSentence({ records: table({ magnitude: [[0.84]] }), config: mnistConfig }));
    expect(s.text).toMatch(/^In round 1, PGPE trained all 100 weights/);
  });

  it('nothing finished → no sentence', () => {
    expect(runResultSentence({ records: [], config: mnistConfig }).ok).toBe(false);
  });
});

describe('number words', () => {
  it('remaining weights to three significant figures, performance as the chart shows it', () => {
    expect(plain(remainingText(11.60290625))).toBe('11.6 %');
    expect(plain(remainingText(8.589934592))).toBe('8.59 %');
    expect(plain(remainingText(100))).toBe('100 %');
    expect(plain(perfText(0.8445, 'accuracy'))).toBe('84.5 %');
    expect(perfText(-697.8, 'return')).toBe('\u2212698');
  });
});
