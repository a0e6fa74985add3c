/**
 * Toy objectives for ES sanity checks and the UI's 2-D demo (docs/ALGORITHMS.md §2: "every ES improves a
 * toy objective", docs/ARCHITECTURE.md convention 12). Each maps a population [P, d] to LOSSES [P] on the backend;
 * the lab's score convention is score = −loss (the runner maximises scores).
 */
import * as tf from '@tensorflow/tfjs-core';

export interface ToyFunction {
  readonly id: string;
  readonly label: string;
  /** Plot/initialisation box per coordinate, [lo, hi]. */
  readonly domain: readonly [number, number];
  /** Fixed dimension (2 for himmelblau) or null for any d. */
  readonly dim: number | null;
  /** Global minimum value and one minimiser (for dimension d). */
  readonly optimum: { readonly value: number; readonly x: (d: number) => Float32Array };
  /** Loss per member: [P, d] → [P]. Pure: the caller disposes the result. */
  readonly loss: (x: tf.Tensor2D) => tf.Tensor1D;
}

const zerosAt = (d: number): Float32Array => new Float32Array(d);

export const sphere: ToyFunction = {
  id: 'sphere',
  label: 'Sphere Σx²',
  domain: [-5, 5],
  dim: null,
  optimum: { value: 0, x: zerosAt },
  loss: (x) => tf.tidy(() => tf.sum(tf.square(x), 1) as tf.Tensor1D),
};

export const rastrigin: ToyFunction = {
  id: 'rastrigin',
  label: 'Rastrigin 10d + Σ(x² − 10cos 2πx)',
  domain: [-5.12, 5.12],
  dim: null,
  optimum: { value: 0, x: zerosAt },
  loss: (x) =>
    tf.tidy(() => {
      const d = x.shape[1];
      const terms = tf.sub(tf.square(x), tf.mul(10, tf.cos(tf.mul(2 * Math.PI, x))));
      return tf.add(10 * d, tf.sum(terms, 1)) as tf.Tensor1D;
    }),
};

export const rosenbrock: ToyFunction = {
  id: 'rosenbrock',
  label: 'Rosenbrock Σ100(x₊−x²)² + (1−x)²',
  domain: [-2, 2],
  dim: null,
  optimum: { value: 0, x: (d) => new Float32Array(d).fill(1) },
  loss: (x) =>
    tf.tidy(() => {
      const d = x.shape[1];
      if (d < 2) throw new Error('rosenbrock needs d ≥ 2');
      const head = tf.slice(x, [0, 0], [-1, d - 1]);
      const tail = tf.slice(x, [0, 1], [-1, d - 1]);
      const a = tf.mul(100, tf.square(tf.sub(tail, tf.square(head))));
      return tf.sum(tf.add(a, tf.square(tf.sub(1, head))), 1) as tf.Tensor1D;
    }),
};

export const ackley: ToyFunction = {
  id: 'ackley',
  label: 'Ackley',
  domain: [-5, 5],
  dim: null,
  optimum: { value: 0, x: zerosAt },
  loss: (x) =>
    tf.tidy(() => {
      const a = tf.mul(-20, tf.exp(tf.mul(-0.2, tf.sqrt(tf.mean(tf.square(x), 1)))));
      const b = tf.neg(tf.exp(tf.mean(tf.cos(tf.mul(2 * Math.PI, x)), 1)));
      return tf.add(tf.add(a, b), 20 + Math.E) as tf.Tensor1D;
    }),
};

export const himmelblau: ToyFunction = {
  id: 'himmelblau',
  label: 'Himmelblau (2-D, four minima)',
  domain: [-5, 5],
  dim: 2,
  optimum: { value: 0, x: () => Float32Array.from([3, 2]) },
  loss: (x) =>
    tf.tidy(() => {
      if (x.shape[1] !== 2) throw new Error(`himmelblau is 2-D, got d = ${x.shape[1]}`);
      const u = tf.slice(x, [0, 0], [-1, 1]);
      const v = tf.slice(x, [0, 1], [-1, 1]);
      const t1 = tf.square(tf.sub(tf.add(tf.square(u), v), 11));
      const t2 = tf.square(tf.sub(tf.add(u, tf.square(v)), 7));
      return tf.reshape(tf.add(t1, t2), [-1]) as tf.Tensor1D;
    }),
};

/** Registry of toy objectives (the UI's 2-D demo and the ES tests iterate it). */
export const TOY_FUNCTIONS: readonly ToyFunction[] = [sphere, rastrigin, rosenbrock, ackley, himmelblau];

/** The toy function with this id; throws listing the valid ids. */
export function getToyFunction(id: string): ToyFunction {
  const f = TOY_FUNCTIONS.find((t) => t.id === id);
  if (!f) throw new Error(`unknown toy function "${id}" (valid: ${TOY_FUNCTIONS.map((t) => t.id).join(', ')})`);
  return f;
}
