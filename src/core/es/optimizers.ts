/**
 * Gradient optimizers for the mean of PGPE, OpenES and ARS (docs/ALGORITHMS.md §1.4; evosax 0.1.4
 * `utils/optimizer.py`). All DESCEND on the gradient estimate g of the minimised fitness. The learning
 * rate follows η ← max(η·lrate_decay, lrate_limit), applied once per tell AFTER the step.
 *
 * Quirks kept on purpose (docs/ALGORITHMS.md §13 D15): SGD steps with the PREVIOUS momentum buffer (one-generation
 * lag; with μ = 0 its first step is zero), and ClipUp multiplies by η twice (in the velocity and in
 * the step). Adam uses evosax's β1 = 0.99, not 0.9, by default; `adam_beta1` / `adam_beta2` expose β1 and β2
 * as params (lab extension for the β1 = 0.9 vs 0.99 comparison, docs/RESULTS.md). At their evosax
 * defaults they are left out of the run id (`idOmitsDefault`), so configs made before they existed keep
 * their ids.
 *
 * Optimizer state lives inside the strategy's flat EsState under `opt_*` keys so that it is
 * checkpointed with the rest: opt_lrate, opt_t (steps taken), opt_m, and opt_v (Adam only).
 */
import * as tf from '@tensorflow/tfjs-core';
import { choice, num, type ParamValues } from '../params';

export type OptimizerName = 'adam' | 'sgd' | 'clipup';

/** Optimizer constants of evosax 0.1.4 (its `params_opt` defaults; not exposed by the paper). β1/β2 are params. */
export const ADAM = { beta1: 0.99, beta2: 0.999, eps: 1e-8 } as const;
export const SGD = { momentum: 0 } as const;
export const CLIPUP = { momentum: 0.9, maxSpeed: 0.3 } as const;

/** x ← max(x·decay, limit): evosax's `exp_decay`, used for η and σ schedules. */
export function expDecay(x: number, decay: number, limit: number): number {
  return Math.max(x * decay, limit);
}

/** Param specs shared by every optimizer-driven strategy; defaults differ per strategy. */
export function optimizerParamSpecs(d: { lrateInit: number; lrateDecay: number; lrateLimit: number }) {
  return {
    opt_name: choice<OptimizerName>(
      'adam',
      [
        { value: 'adam', label: 'Adam (β1 = 0.99 by default)' },
        { value: 'sgd', label: 'SGD (as the paper’s code: one-step lag)' },
        { value: 'clipup', label: 'ClipUp (as the paper’s code: η applied twice)' },
      ],
      'Optimizer',
      'Gradient optimizer for the mean (evosax 0.1.4 semantics, docs/ALGORITHMS.md §1.4).',
    ),
    lrate_init: num(d.lrateInit, 1e-5, 1, 1e-4, 'Learning rate η₀', 'Initial learning rate of the mean optimizer.', {
      log: true,
    }),
    lrate_decay: num(
      d.lrateDecay,
      0.9,
      1,
      1e-4,
      'η decay',
      'Per-generation multiplicative decay of η (applied after the step).',
    ),
    lrate_limit: num(d.lrateLimit, 0, 1, 1e-4, 'η floor', 'η never decays below this value.'),
    adam_beta1: num(
      ADAM.beta1,
      0,
      0.9999,
      1e-4,
      'Adam β1',
      'Adam first-moment decay. evosax 0.1.4 uses 0.99; 0.9 is the usual Adam default and reacts faster.',
      { idOmitsDefault: true },
    ),
    adam_beta2: num(ADAM.beta2, 0, 0.99999, 1e-5, 'Adam β2', 'Adam second-moment decay (evosax 0.1.4: 0.999).', {
      idOmitsDefault: true,
    }),
  };
}

/** The optimizer's parameter values; without the betas (raw params in tests) Adam uses evosax's. */
export type OptimizerParams = Omit<ParamValues<ReturnType<typeof optimizerParamSpecs>>, 'adam_beta1' | 'adam_beta2'> & {
  readonly adam_beta1?: number;
  readonly adam_beta2?: number;
};

/** The optimizer's entries of a strategy state: η, steps taken, first moment (or momentum buffer), Adam's second moment. */
export type OptState = {
  opt_lrate: number;
  opt_t: number;
  opt_m: tf.Tensor1D;
  opt_v?: tf.Tensor1D;
};

/** Fresh optimizer state for dimension `dim` (fresh per IMP round, docs/ALGORITHMS.md §1.1). */
export function optInit(params: OptimizerParams, dim: number): OptState {
  const st: OptState = { opt_lrate: params.lrate_init, opt_t: 0, opt_m: tf.zeros([dim]) };
  if (params.opt_name === 'adam') st.opt_v = tf.zeros([dim]);
  return st;
}

/**
 * One optimizer step m ← step(m, g) followed by the η decay. Returns the new mean and the new
 * `opt_*` entries. Does not dispose its inputs.
 */
export function optStep(
  params: OptimizerParams,
  mean: tf.Tensor1D,
  grad: tf.Tensor1D,
  st: OptState,
): { mean: tf.Tensor1D; opt: OptState } {
  const lr = st.opt_lrate;
  const t = st.opt_t + 1;
  const mOld = st.opt_m;
  const nextLr = expDecay(lr, params.lrate_decay, params.lrate_limit);
  return tf.tidy(() => {
    switch (params.opt_name) {
      case 'adam': {
        // Callers that pass raw params without the betas (tests, older checkpoints) get evosax's constants.
        const b1 = params.adam_beta1 ?? ADAM.beta1;
        const b2 = params.adam_beta2 ?? ADAM.beta2;
        const m = tf.add(tf.mul(b1, mOld), tf.mul(1 - b1, grad)) as tf.Tensor1D;
        if (!st.opt_v) throw new Error('Adam step: the optimizer state has no second moment (opt_v)');
        const v = tf.add(tf.mul(b2, st.opt_v), tf.mul(1 - b2, tf.square(grad))) as tf.Tensor1D;
        const mHat = tf.div(m, 1 - b1 ** t);
        const vHat = tf.div(v, 1 - b2 ** t);
        const newMean = tf.sub(mean, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), ADAM.eps))));
        const opt: OptState = { opt_lrate: nextLr, opt_t: t, opt_m: m, opt_v: v };
        return { mean: newMean as tf.Tensor1D, opt };
      }
      case 'sgd': {
        // 0.1.4: the step uses the OLD buffer, then the buffer becomes g + μ·b_old.
        const newMean = tf.sub(mean, tf.mul(lr, mOld));
        const m = tf.add(grad, tf.mul(SGD.momentum, mOld)) as tf.Tensor1D;
        const opt: OptState = { opt_lrate: nextLr, opt_t: t, opt_m: m };
        return { mean: newMean as tf.Tensor1D, opt };
      }
      case 'clipup': {
        const gHat = tf.div(grad, tf.add(tf.norm(grad), 1e-8));
        const vel = tf.add(tf.mul(CLIPUP.momentum, mOld), tf.mul(lr, gHat));
        const speed = tf.norm(vel).dataSync()[0];
        const u = (speed > CLIPUP.maxSpeed ? tf.mul(vel, CLIPUP.maxSpeed / (speed + 1e-8)) : vel) as tf.Tensor1D;
        const newMean = tf.sub(mean, tf.mul(lr, u)); // η applied a second time: 0.1.4 quirk
        const opt: OptState = { opt_lrate: nextLr, opt_t: t, opt_m: u };
        return { mean: newMean as tf.Tensor1D, opt };
      }
      default:
        throw new Error(`unknown optimizer "${String(params.opt_name)}" (valid: adam, sgd, clipup)`);
    }
  });
}
