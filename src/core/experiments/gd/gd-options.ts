/**
 * Settings of the gradient-descent baseline (docs/ALGORITHMS.md §4.1, §12 guideline 3), described once
 * as self-describing ParamSpecs (docs/ARCHITECTURE.md convention 4) from which the zod schema is generated. They live
 * beside, not inside, the ES experiment config (runs/config.ts), whose schema GD must not change.
 *
 * Defaults: Adam (optax defaults β1 0.9, β2 0.999, ε 1e-8), lr 3e-4, batch 128, 1 epoch per IMP round
 * (the reduced presets' budget; the paper's sgd_mnist.yaml uses 2 and the ES→GD transfer 20, docs/ALGORITHMS.md D9).
 */
import { z } from 'zod';
import { choice, int, num, type ParamSpec, type ParamSpecs, type ParamValues } from '../../params';

export const GD_OPTIMIZERS = ['adam', 'sgd'] as const;
export type GdOptimizerId = (typeof GD_OPTIMIZERS)[number];

export const gdParamSpecs = {
  optimizer: choice<GdOptimizerId>(
    'adam',
    [
      { value: 'adam', label: 'Adam (β1 0.9, β2 0.999, ε 1e-8; the paper)' },
      { value: 'sgd', label: 'SGD (optional momentum)' },
    ],
    'Optimizer',
    'Gradient optimizer of the GD baseline; the paper uses Adam (docs/ALGORITHMS.md §4.1).',
  ),
  lr: num(3e-4, 1e-6, 1, 1e-5, 'Learning rate', 'Constant step size (paper: 3e-4 with Adam).', { log: true }),
  momentum: num(0, 0, 0.999, 0.01, 'SGD momentum', 'Heavy-ball momentum for SGD; ignored by Adam.'),
  batchSize: int(128, 1, 8192, 'Batch size', 'Training images per gradient step (paper: 128).'),
  epochs: int(
    1,
    1,
    200,
    'Epochs per round',
    'Shuffled passes over the training set per IMP round (paper 2; ES→GD transfer 20; reduced presets 1).',
  ),
};
export type GdOptions = ParamValues<typeof gdParamSpecs>;

function zodOf(spec: ParamSpec): z.ZodType {
  switch (spec.kind) {
    case 'number': {
      const range = `must be ${spec.integer ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}]`;
      let s = z.number({ message: range }).min(spec.min, range).max(spec.max, range);
      if (spec.integer) s = s.int(range);
      return s.default(spec.default);
    }
    case 'boolean':
      return z.boolean().default(spec.default);
    case 'choice': {
      const values = spec.options.map((o) => o.value) as [string, ...string[]];
      return z.enum(values, { message: `must be one of ${values.join(', ')}` }).default(spec.default);
    }
  }
}

/** A strict zod object schema generated from ParamSpecs: defaults filled, unknown keys rejected. */
export function schemaOfSpecs(specs: ParamSpecs) {
  return z.strictObject(Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, zodOf(s)])));
}

export const gdOptionsSchema = schemaOfSpecs(gdParamSpecs);

/** Validates GD options (any subset; defaults filled). Throws one Error naming every bad field. */
export function parseGdOptions(input: unknown): GdOptions {
  const r = gdOptionsSchema.safeParse(input ?? {});
  if (!r.success) {
    throw new Error(
      r.error.issues.map((i) => `gd.${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('\n'),
    );
  }
  return r.data as GdOptions;
}
