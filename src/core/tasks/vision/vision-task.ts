/**
 * Vision classification tasks (docs/ALGORITHMS.md §9.1): fitness of a population = −mean cross-entropy
 * (log-softmax of the net's logits) on one shared training minibatch per generation, so the ES maximises
 * the negative loss (the one sign flip, docs/ARCHITECTURE.md convention 6); test metric = accuracy on the test set.
 * The preprocessed datasets live on the tfjs backend once per instance (tf.keep) and are freed in dispose().
 */
import * as tf from '@tensorflow/tfjs-core';
import { choice, int, resolveParams, type AnyParamValues, type ParamValues } from '../../params';
import type { Rng } from '../../rng';
import type { NetworkIO, PopulationNet } from '../../nets/types';
import { hostMemoryBackend, readFloat32, takeRows } from '../../nets/tensor-util';
import type { PopulationScores, TaskDef, TaskInstance, TestResult } from '../types';
import { loadDataset, type DatasetDef, type PoolMode, type VisionData } from './datasets';
import { IDX_IMAGE_SIDE } from './idx';
import { createSampler, type BatchSampling } from './minibatch';
import { gatherRowsHost, meanLogLikelihoodHost } from './host-fitness';
import { testMetrics } from './test-metrics';

export const NUM_CLASSES = 10;

export const visionParamSpecs = {
  pool: choice<PoolMode>(
    '28x28',
    [
      { value: '28x28', label: '28×28 (paper)' },
      { value: '14x14', label: '14×14 (2×2 average pool, reduced presets)' },
    ],
    'Image size',
    "Input resolution; 14×14 is the reduced-budget presets' downsampling (docs/ALGORITHMS.md §12).",
  ),
  batchSize: int(
    1024,
    8,
    8192,
    'Fitness batch size',
    'Training images per generation, shared by all members (paper: 1024).',
  ),
  testSubset: int(0, 0, 10000, 'Test images', 'Evaluate on the first N test images; 0 = all 10 000 (paper).'),
  batchSampling: choice<BatchSampling>(
    'epoch',
    [
      { value: 'epoch', label: 'epochs (shuffled, disjoint batches)' },
      { value: 'independent', label: 'independent batches (as the paper’s code)' },
    ],
    'Batch sampling',
    "How each generation's minibatch is drawn; both draw without replacement within a batch.",
  ),
};
export type VisionParams = ParamValues<typeof visionParamSpecs>;

/** Per-member Σ_b log p(y_b | x_b) / B from logits [P, B, C] and one-hot labels [B, C] → [P]. */
export function meanLogLikelihood(logits: tf.Tensor3D, oneHot: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.div(tf.sum(tf.mul(tf.logSoftmax(logits), oneHot), [1, 2]), logits.shape[1]) as tf.Tensor1D);
}

function checkNet(net: PopulationNet, side: number): void {
  if (net.inputSize !== side * side || net.outputSize !== NUM_CLASSES) {
    throw new Error(
      `${net.describe} expects ${net.inputSize} inputs → ${net.outputSize} outputs, but this task gives ${side}×${side} images → ${NUM_CLASSES} classes`,
    );
  }
}

/** A task instance over already-preprocessed data (exported for tests with small synthetic data). */
export function createVisionInstance(
  id: string,
  data: VisionData,
  params: VisionParams,
  notes: readonly string[],
): TaskInstance {
  const { train, test } = data;
  if (params.batchSize > train.count)
    throw new Error(`batchSize ${params.batchSize} exceeds the ${train.count} training images of ${id}`);
  const side = train.side,
    k = side * side;
  const nTest = params.testSubset > 0 ? Math.min(params.testSubset, test.count) : test.count;
  // The training set goes onto the backend only when the tensor path needs it: the host path reads
  // train.x directly, so a backend copy would only double its memory.
  let trainTensors: [tf.Tensor2D, tf.Tensor1D] | null = null;
  const trainData = (): [tf.Tensor2D, tf.Tensor1D] =>
    (trainTensors ??= [
      tf.keep(tf.tensor2d(train.x, [train.count, k])),
      tf.keep(tf.tensor1d(Int32Array.from(train.labels), 'int32')),
    ]);
  // The test set stays on the host for wasm/cpu: a chunk is copied straight from it (tf.slice of a
  // backend copy reads the WHOLE tensor out of the wasm heap first, tensor-util.ts — ten 1,000-image
  // chunks of 10,000 images cost ~90 ms that way). GPU backends keep a backend copy and slice it.
  const testLabels = Int32Array.from(test.labels.subarray(0, nTest));
  let testTensors: [tf.Tensor2D, tf.Tensor1D] | null = null;
  const testChunk = (start: number, size: number): [tf.Tensor2D, tf.Tensor1D] => {
    if (hostMemoryBackend())
      return [
        tf.tensor2d(test.x.subarray(start * k, (start + size) * k), [size, k]),
        tf.tensor1d(testLabels.subarray(start, start + size), 'int32'),
      ];
    testTensors ??= [
      tf.keep(tf.tensor2d(test.x.subarray(0, nTest * k), [nTest, k])),
      tf.keep(tf.tensor1d(testLabels, 'int32')),
    ];
    return [takeRows(testTensors[0], start, size), takeRows(testTensors[1], start, size)];
  };
  // Restarted by beginTraining: a training's batches depend only on its own data stream.
  let sampler = createSampler(train.count, params.batchSampling);
  // Reused host buffers of the host path (fresh MB-sized arrays cost ms in page faults).
  let hostParams: Float32Array | undefined, hostBatch: Float32Array | undefined;
  let disposed = false;

  function evaluatePopulation(net: PopulationNet, popParams: tf.Tensor2D, rng: Rng): PopulationScores {
    checkNet(net, side);
    const idx = sampler.next(rng, params.batchSize);
    if (net.forwardHost && hostMemoryBackend()) {
      const p = popParams.shape[0],
        b = idx.length;
      // Straight into the forward's own memory where it offers a buffer (one copy fewer).
      hostParams = readFloat32(popParams, net.hostParamsBuffer?.(popParams.size) ?? hostParams);
      hostBatch = gatherRowsHost(train.x, k, idx, hostBatch);
      const logits = net.forwardHost(hostParams, p, hostBatch, b);
      const labels = Uint8Array.from(idx, (i) => train.labels[i]);
      return { scores: tf.tensor1d(meanLogLikelihoodHost(logits, p, b, NUM_CLASSES, labels)) }; // = −CE
    }
    const [trainX, trainY] = trainData();
    const scores = tf.tidy(() => {
      const idxT = tf.tensor1d(idx, 'int32');
      const x = tf.gather(trainX, idxT) as tf.Tensor2D;
      const y = tf.oneHot(tf.gather(trainY, idxT), NUM_CLASSES) as tf.Tensor2D;
      return meanLogLikelihood(net.forward(popParams, x), y); // = −CE: maximised by the ES
    });
    return { scores };
  }

  function evaluateTest(net: PopulationNet, rows: tf.Tensor2D): Promise<TestResult[]> {
    checkNet(net, side);
    return testMetrics(net, rows, nTest, NUM_CLASSES, testChunk);
  }

  return {
    id,
    kind: 'vision',
    metric: 'accuracy',
    io: { inputShape: [side, side, 1], outputSize: NUM_CLASSES },
    notes,
    independentMembers: true,
    evaluatePopulation,
    evaluateTest,
    beginTraining() {
      sampler = createSampler(train.count, params.batchSampling);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose([...(testTensors ?? []), ...(trainTensors ?? [])]);
    },
  };
}

/** The registry entry for one dataset. */
export function visionTaskDef(dataset: DatasetDef): TaskDef {
  return {
    id: dataset.id,
    label: dataset.label,
    help: `${dataset.label} classification; fitness = −cross-entropy on a shared minibatch, test = accuracy (docs/ALGORITHMS.md §9.1). ${dataset.citation}.`,
    kind: 'vision',
    metric: 'accuracy',
    paramSpecs: visionParamSpecs,
    ioOf(given: AnyParamValues): NetworkIO {
      const side = resolveParams(visionParamSpecs, given).pool === '14x14' ? IDX_IMAGE_SIDE / 2 : IDX_IMAGE_SIDE;
      return { inputShape: [side, side, 1], outputSize: NUM_CLASSES };
    },
    supportsGd: true,
    transferGroup: 'images-10-classes',
    pixelInputs: true,
    async load(given: AnyParamValues, io, _rng): Promise<TaskInstance> {
      const params = resolveParams(visionParamSpecs, given);
      const data = await loadDataset(dataset, io, params.pool);
      const notes =
        params.pool === '14x14'
          ? [...dataset.notes, "Images 2×2-average-pooled to 14×14: a reduced-budget setting, not the paper's 28×28."]
          : dataset.notes;
      return createVisionInstance(dataset.id, data, params, notes);
    },
  };
}
