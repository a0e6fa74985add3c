// Adam β1/β2 as params (docs/ALGORITHMS.md §1.4): the step follows the Adam equation for the given βs,
// the evosax 0.1.4 defaults reproduce the constants, and at their defaults the βs stay out of the run id.
import { describe, it, expect } from 'vitest';
import { ADAM, type OptimizerParams } from '../../../src/core/es/optimizers';
import { optimizerSteps } from './optimizer-steps';
import { getStrategy } from '../../../src/core/es/registry';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { resolveParams } from '../../../src/core/params';

/** Independent scalar Adam (docs/ALGORITHMS.md §1.4 table) for a constant per-coordinate gradient sequence. */
function adamRef(m0: number, grads: number[], lr: number, b1: number, b2: number): number {
  let a = 0,
    v = 0,
    m = m0;
  grads.forEach((g, i) => {
    const t = i + 1;
    a = b1 * a + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    m -= (lr * (a / (1 - b1 ** t))) / (Math.sqrt(v / (1 - b2 ** t)) + ADAM.eps);
  });
  return m;
}

const run = (params: OptimizerParams, m0: number[], grads: number[][]): number[] =>
  optimizerSteps(params, m0, grads).mean;

describe('Adam β1 / β2 params', () => {
  const m0 = [1.0, -2.0, 0.5];
  const grads = [
    [0.4, -0.1, 2.0],
    [-0.3, 0.2, 1.0],
    [0.1, 0.5, -1.5],
  ];
  const base: OptimizerParams = { opt_name: 'adam', lrate_init: 0.05, lrate_decay: 1, lrate_limit: 0 };

  it.each([
    [0.9, 0.999],
    [0.99, 0.999],
    [0.5, 0.9],
  ])('β1 = %f, β2 = %f follows the Adam equation', (b1, b2) => {
    const got = run({ ...base, adam_beta1: b1, adam_beta2: b2 }, m0, grads);
    got.forEach((x, i) =>
      expect(x).toBeCloseTo(
        adamRef(
          m0[i],
          grads.map((g) => g[i]),
          0.05,
          b1,
          b2,
        ),
        5,
      ),
    );
  });

  it('defaults are evosax 0.1.4 constants, and omitting the βs equals passing them', () => {
    const specs = getStrategy('pgpe').paramSpecs;
    expect(specs.adam_beta1.default).toBe(0.99);
    expect(specs.adam_beta2.default).toBe(0.999);
    const filled = resolveParams(specs, {
      lrate_init: 0.05,
      lrate_decay: 1,
      lrate_limit: 0,
    }) as unknown as OptimizerParams;
    expect(run(filled, m0, grads)).toEqual(run(base, m0, grads));
  });

  it('β1 changes the step: after a gradient sign flip, 0.9 turns back ~10× more than 0.99', () => {
    // g: +1 then −1. The bias-corrected first moment after step 2 is −0.005 for β1 = 0.99 and −0.053 for
    // β1 = 0.9, so the second step undoes about 10× more of the first (why 0.99 reacts slowly).
    const flips = [[1], [-1]];
    const d99 = run({ ...base, adam_beta1: 0.99 }, [0], flips)[0];
    const d90 = run({ ...base, adam_beta1: 0.9 }, [0], flips)[0];
    expect(d90).toBeCloseTo(adamRef(0, [1, -1], 0.05, 0.9, 0.999), 6);
    expect(d99).toBeCloseTo(adamRef(0, [1, -1], 0.05, 0.99, 0.999), 6);
    expect((d90 + 0.05) / (d99 + 0.05)).toBeCloseTo(10.5, 0);
  });

  it('at their defaults the βs are left out of the run id; a non-default β1 changes it', () => {
    const cfg = {
      task: { id: 'mnist', params: { pool: '14x14', batchSize: 256 } },
      network: { id: 'mlp', params: { width: 32 } },
      es: { id: 'pgpe', popSize: 64, params: { lrate_init: 0.02 } },
      prune: { methods: ['magnitude'], rounds: 2 },
      budget: { generationsPerRound: 10, evalEvery: 5 },
      seeds: [0],
    };
    const plain = parseConfig(cfg);
    const explicit = parseConfig({
      ...cfg,
      es: { ...cfg.es, params: { lrate_init: 0.02, adam_beta1: 0.99, adam_beta2: 0.999 } },
    });
    const changed = parseConfig({ ...cfg, es: { ...cfg.es, params: { lrate_init: 0.02, adam_beta1: 0.9 } } });
    expect('adam_beta1' in plain.es.params).toBe(false);
    expect(runId(explicit)).toBe(runId(plain));
    expect(changed.es.params.adam_beta1).toBe(0.9);
    expect(runId(changed)).not.toBe(runId(plain));
  });
});
