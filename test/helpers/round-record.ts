/**
 * A small round record for store and selector tests: the fields a chart or progress line reads, the rest
 * tiny (2-entry mask and mean); `extra` overrides any field.
 */
import type { RoundRecord } from '../../src/core/experiments/events';

export const roundRecord = (
  seed: number,
  method: string,
  roundNum: number,
  finalPerf: number,
  extra: Partial<RoundRecord> = {},
): RoundRecord => ({
  seed,
  method,
  roundNum,
  sparsityFrac: 1 - 0.8 ** (roundNum - 1),
  prunableActive: 10,
  esDim: 12,
  finalPerf,
  finalLoss: 0,
  bestPerf: finalPerf,
  evals: [],
  mask: new Uint8Array(2),
  mean: new Float32Array(2),
  std: new Float32Array(2),
  sigmaStats: { mean: finalPerf, median: finalPerf / 2, min: 0, max: 1 },
  layerSparsity: [],
  pruneThreshold: 0,
  generations: 100,
  wallMs: 1,
  ...extra,
});
