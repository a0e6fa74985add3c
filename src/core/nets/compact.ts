/**
 * Input compaction for sparse networks (a speed-up, not a paper algorithm). In an IMP round every
 * member shares one mask (docs/ALGORITHMS.md §3.1), so an input pixel whose whole first-layer kernel row
 * is pruned contributes nothing to any member. Dropping such pixels from x and their (all-zero) rows
 * from W1 gives identical outputs with a first layer whose cost falls with the sparsity.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PopulationNet } from './types';
import { gatherColumns, gatherColumnsHost } from './tensor-util';

/** Indices of inputs with at least one active weight in the first (dense) layer's kernel row. */
export function activeInputs(net: PopulationNet, mask: Uint8Array): Int32Array {
  const l = net.layers[0];
  if (l.kind !== 'dense')
    throw new Error(`input compaction needs a dense first layer, ${net.id} starts with ${l.kind}`);
  const [nIn, nOut] = l.kernelShape;
  const keep: number[] = [];
  for (let i = 0; i < nIn; i++) {
    const row = l.kernelOffset + i * nOut;
    for (let o = 0; o < nOut; o++)
      if (mask[row + o]) {
        keep.push(i);
        break;
      }
  }
  return Int32Array.from(keep);
}

/**
 * A network equal to `net` on parameters that respect `mask`, but reading only the active inputs.
 * `rebuild(inputSize)` must build the same architecture with a smaller input (e.g. the registry entry's
 * `build` with `{ inputShape: [k] }`). Its forward gathers the kept columns of params and x, then runs
 * the small network; `init`, `layers` and counts stay those of the full network.
 */
export function compactInputs(
  net: PopulationNet,
  mask: Uint8Array,
  rebuild: (inputSize: number) => PopulationNet,
): PopulationNet {
  const keep = activeInputs(net, mask);
  if (keep.length === net.inputSize) return net;
  const small = rebuild(Math.max(1, keep.length));
  const first = net.layers[0],
    nOut = first.kernelShape[1];
  // Flat position in the full params vector of every entry of the small network's params vector.
  const colMap = new Int32Array(small.paramCount);
  let k = 0;
  for (const i of keep.length ? keep : [0])
    for (let o = 0; o < nOut; o++) colMap[k++] = first.kernelOffset + i * nOut + o;
  for (let j = first.biasOffset; j < net.paramCount; j++) colMap[k++] = j;
  if (k !== small.paramCount) throw new Error(`compactInputs: layout mismatch (${k} vs ${small.paramCount})`);
  const inputIdx = keep.length ? keep : Int32Array.of(0);
  const smallHost = small.forwardHost?.bind(small);
  let hostParams: Float32Array | undefined, hostX: Float32Array | undefined; // reused gather buffers
  return {
    ...net,
    describe: `${net.describe} [${inputIdx.length}/${net.inputSize} inputs active]`,
    forward(params, x) {
      return tf.tidy(() => small.forward(gatherColumns(params, colMap), gatherColumns(x, inputIdx)));
    },
    forwardHost:
      smallHost &&
      ((params, members, x, batch, layout, centreOnlyPairs) => {
        hostParams = gatherColumnsHost(params, members, net.paramCount, colMap, hostParams);
        hostX = gatherColumnsHost(x, batch, net.inputSize, inputIdx, hostX);
        return smallHost(hostParams, members, hostX, batch, layout, centreOnlyPairs);
      }),
  };
}
