/**
 * Tasks turn a population of parameter vectors into scores (docs/ARCHITECTURE.md convention 6: strategies maximise
 * a score; a loss is negated once, in the task's fitness adapter).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ParamSpecs, AnyParamValues } from '../params';
import type { Rng } from '../rng';
import type { PopulationNet, NetworkIO } from '../nets/types';

export interface PopulationScores {
  /** [P] scores to maximise (e.g. −cross-entropy, or mean return). Caller disposes. */
  readonly scores: tf.Tensor1D;
}

export interface TestResult {
  /** The task's headline metric: test accuracy in [0, 1] for vision, mean return for control. */
  readonly perf: number;
  /** Test loss (cross-entropy) or −return. */
  readonly loss: number;
}

/**
 * What a task's test metric is (docs/ALGORITHMS.md §9): 'accuracy' — a fraction in [0, 1], shown in %,
 * test loss = cross-entropy, LMC reads error barriers; 'return' — the mean episode return, test loss =
 * −return, LMC reads return barriers.
 */
export type TestMetric = 'accuracy' | 'return';

/** A task instantiated with its data / environment, ready to evaluate networks. */
export interface TaskInstance {
  readonly id: string;
  readonly kind: 'vision' | 'control';
  readonly metric: TestMetric;
  readonly io: NetworkIO;
  /** Caveats shown in the UI and CLI (e.g. KMNIST's partial training set). */
  readonly notes: readonly string[];
  /**
   * True when a member's score depends only on its own parameters and the generation's data stream, not
   * on the other members, so the population may be split over evaluation workers with identical results
   * (experiments/parallel/split-evaluator.ts). Absent or false e.g. when rollouts update shared observation
   * statistics.
   */
  readonly independentMembers?: boolean;
  /** Fitness of a population on a fresh minibatch / episode set drawn from `rng` (shared by all members). */
  evaluatePopulation(net: PopulationNet, params: tf.Tensor2D, rng: Rng): PopulationScores;
  /**
   * Called before each training (an IMP round, a transfer): a stateful minibatch order (epoch sampling)
   * restarts, so what a training sees depends only on its own data stream and not on what trained
   * before in this instance. Without it a run resumed after a reload would differ from an uninterrupted one.
   */
  beginTraining?(): void;
  /** Test-set performance of each row of `params` [N, D] (N small: e.g. the mean, or an LMC grid). */
  evaluateTest(net: PopulationNet, params: tf.Tensor2D): Promise<TestResult[]>;
  dispose(): void;
}

/**
 * How a task reads its data files: the bytes of a path under public/data, and optionally a native gunzip
 * (Node's zlib inflates MNIST's 47 MB of training images faster than the JS inflate used otherwise) that
 * checks the gzip trailer and stops past `maxBytes` like the default one (vision/idx.ts).
 */
export interface DataIo {
  readBytes(path: string): Promise<Uint8Array>;
  gunzip?(gz: Uint8Array, maxBytes: number): Uint8Array;
}

/** Registry entry. `load` gets bytes through an injected reader so the same code runs in Node and browsers. */
export interface TaskDef {
  readonly id: string;
  readonly label: string;
  readonly help: string;
  /** The family, which decides the networks that can serve it (NetworkDef.taskKinds). */
  readonly kind: 'vision' | 'control';
  readonly metric: TestMetric;
  readonly paramSpecs: ParamSpecs;
  /** Network I/O for these (resolved) params, known without loading any data. */
  ioOf(params: AnyParamValues): NetworkIO;
  /** Whether the gradient-descent baseline can train it (core/experiments/gd/gd-eligibility.ts). */
  readonly supportsGd: boolean;
  /**
   * Tasks of the same group take each other's tickets (same input/output sizes, docs/ALGORITHMS.md §5);
   * null: no other task does.
   */
  readonly transferGroup: string | null;
  /**
   * Its inputs are image pixels: the IMP loop may skip the pixels a sparse first layer no longer reads
   * (nets/compact.ts); episodic tasks keep the full net, whose typed-array policy path probes it.
   */
  readonly pixelInputs: boolean;
  load(params: AnyParamValues, io: DataIo, rng: Rng): Promise<TaskInstance>;
  /**
   * True when, with these params, members' scores depend on each other (the loaded instance then has
   * `independentMembers` false), known before loading so that no evaluation worker is started in vain.
   * Left out: members are scored independently whenever the instance says so.
   */
  scoresTogether?(params: AnyParamValues): boolean;
  /**
   * Why training a population of `popSize` on this task with these params would not fit in memory, or
   * null (tasks without such a limit leave it out). Checked before a run starts (experiments/setup.ts).
   */
  memoryProblem?(params: AnyParamValues, popSize: number): { readonly path: string; readonly message: string } | null;
}
