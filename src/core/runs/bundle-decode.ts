/**
 * Second stage of bundle import (after the zod shape, see bundle.ts): checks every record and chain
 * against the validated config — seeds, methods, round numbers, uniqueness, layer count, array lengths
 * equal to the network's D, rounds without gaps — and only then inflates the typed arrays, within a total
 * byte budget, so sizes declared by an untrusted file never drive an allocation. The inflated arrays are
 * then cross-checked with their metrics by the checks run folders share (round-checks.ts).
 */
import { recordMethodIds, type ExperimentConfig } from './config';
import type { PopulationNet } from '../nets/types';
import type { RoundRecord } from '../experiments/events';
import {
  BUNDLE_LIMITS,
  decodeXNumber,
  type BundleChainJson,
  type BundleJson,
  type BundleRoundJson,
} from './bundle-schema';
import { unpackArray, type PackedArray } from './packed-array';
import { roundProblem, roundWithoutPredecessor } from './round-checks';
import { getTask } from '../tasks/registry';
import type { SeedChainState } from './bundle';

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

function unpackChecked(where: string, p: PackedArray, d: number, dtype: 'u8'): Uint8Array;
function unpackChecked(where: string, p: PackedArray, d: number, dtype: 'f32'): Float32Array;
function unpackChecked(where: string, p: PackedArray, d: number, dtype: 'u8' | 'f32'): Uint8Array | Float32Array {
  try {
    return dtype === 'u8' ? unpackArray(p, d, 'u8') : unpackArray(p, d, 'f32');
  } catch (e) {
    return fail(where, (e as Error).message);
  }
}

function checkMask(where: string, mask: Uint8Array): void {
  for (let i = 0; i < mask.length; i++) if (mask[i] > 1) fail(where, `mask entry ${i} is ${mask[i]} (must be 0 or 1)`);
}

function checkFinite(where: string, values: Float32Array): void {
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i])) fail(where, `entry ${i} is ${values[i]} (must be a finite number)`);
}

/** `methods`: the config's prune ids (chain states) or its record ids (rounds: 'gd_<id>' for a GD run). */
function checkMembership(
  where: string,
  seed: number,
  method: string,
  config: ExperimentConfig,
  methods = config.prune.methods,
): void {
  if (!config.seeds.includes(seed))
    fail(where, `seed ${seed} is not among the config's seeds [${config.seeds.join(', ')}]`);
  if (!methods.includes(method))
    fail(where, `method "${method}" is not among the config's methods (${methods.join(', ')})`);
}

/**
 * A record's mask, mean and σ: inflated and checked against its metrics, or, in a curves-only bundle, empty
 * (such a file must leave all three out, and a full bundle must carry all three).
 */
function roundArrays(where: string, r: BundleRoundJson, net: PopulationNet, curvesOnly: boolean) {
  const given = (['mask', 'mean', 'std'] as const).filter((k) => r[k] !== undefined);
  if (curvesOnly) {
    if (given.length) fail(`${where}.${given[0]}`, 'must be left out: the bundle says it holds curves only');
    return { mask: new Uint8Array(0), mean: new Float32Array(0), std: new Float32Array(0) };
  }
  const absent = (['mask', 'mean', 'std'] as const).find((k) => r[k] === undefined);
  if (absent) fail(`${where}.${absent}`, 'missing (only a curves-only bundle leaves it out)');
  const mask = unpackChecked(`${where}.mask`, r.mask!, net.paramCount, 'u8');
  const mean = unpackChecked(`${where}.mean`, r.mean!, net.paramCount, 'f32');
  const std = unpackChecked(`${where}.std`, r.std!, net.paramCount, 'f32');
  const problem = roundProblem({ mask, mean, std }, net, {
    sparsityFrac: r.sparsityFrac,
    prunableActive: r.prunableActive,
    layerSparsity: r.layerSparsity,
  });
  if (problem) fail(`${where}.${problem.field}`, problem.message);
  return { mask, mean, std };
}

/**
 * An accuracy task's results are fractions in [0, 1] (NaN allowed: a diverged round); an edited file with
 * 7.5 would otherwise be drawn as 750 % test accuracy.
 */
function checkAccuracies(where: string, r: BundleRoundJson): void {
  const check = (field: string, v: number) => {
    if (v < 0 || v > 1) fail(`${where}.${field}`, `${v} is not an accuracy (a fraction from 0 to 1)`);
  };
  check('finalPerf', decodeXNumber(r.finalPerf));
  check('bestPerf', decodeXNumber(r.bestPerf));
  r.evals.forEach((e, i) => check(`evals.${i}.perf`, decodeXNumber(e.perf)));
}

function decodeRound(
  where: string,
  r: BundleRoundJson,
  config: ExperimentConfig,
  net: PopulationNet,
  curvesOnly: boolean,
): RoundRecord {
  const ids = recordMethodIds(config);
  checkMembership(where, r.seed, r.method, config, ids);
  if (r.roundNum > config.prune.rounds)
    fail(where, `roundNum ${r.roundNum} exceeds the config's ${config.prune.rounds} rounds`);
  if (r.layerSparsity.length !== net.layers.length)
    fail(
      `${where}.layerSparsity`,
      `has ${r.layerSparsity.length} entries, the network has ${net.layers.length} layers`,
    );
  if (r.prunableActive > net.prunableCount)
    fail(`${where}.prunableActive`, `${r.prunableActive} exceeds the ${net.prunableCount} prunable weights`);
  if (r.esDim > net.paramCount) fail(`${where}.esDim`, `${r.esDim} exceeds D = ${net.paramCount}`);
  for (const m of r.sharedWith ?? []) if (!ids.includes(m)) fail(`${where}.sharedWith`, `unknown method "${m}"`);
  const { mask, mean, std } = roundArrays(where, r, net, curvesOnly);
  const x = decodeXNumber;
  if (getTask(config.task.id).metric === 'accuracy') checkAccuracies(where, r);
  return {
    seed: r.seed,
    method: r.method,
    roundNum: r.roundNum,
    sparsityFrac: r.sparsityFrac,
    prunableActive: r.prunableActive,
    esDim: r.esDim,
    finalPerf: x(r.finalPerf),
    finalLoss: x(r.finalLoss),
    bestPerf: x(r.bestPerf),
    evals: r.evals.map((e) => ({ gen: e.gen, perf: x(e.perf), loss: x(e.loss) })),
    mask,
    mean,
    std,
    sigmaStats: {
      mean: x(r.sigmaStats.mean),
      median: x(r.sigmaStats.median),
      min: x(r.sigmaStats.min),
      max: x(r.sigmaStats.max),
    },
    layerSparsity: r.layerSparsity,
    pruneThreshold: x(r.pruneThreshold),
    generations: r.generations,
    wallMs: r.wallMs,
    ...(r.sharedWith ? { sharedWith: r.sharedWith } : {}),
  };
}

function decodeChain(where: string, c: BundleChainJson, config: ExperimentConfig, net: PopulationNet): SeedChainState {
  checkMembership(where, c.seed, c.method, config);
  if (c.nextRoundNum > config.prune.rounds + 1)
    fail(where, `nextRoundNum ${c.nextRoundNum} exceeds rounds + 1 = ${config.prune.rounds + 1}`);
  const mask = unpackChecked(`${where}.mask`, c.mask, net.paramCount, 'u8');
  checkMask(`${where}.mask`, mask);
  const init = unpackChecked(`${where}.init`, c.init, net.paramCount, 'f32');
  checkFinite(`${where}.init`, init);
  return { seed: c.seed, method: c.method, nextRoundNum: c.nextRoundNum, mask, init };
}

function checkUnique(keys: readonly string[], what: string): void {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) fail(`${what}.${i}`, `duplicate entry for ${k}`);
    seen.add(k);
  });
}

/** Checks records/chains against the config and network, then decodes their arrays (throws with a path). */
export function decodeBundleArrays(
  json: BundleJson,
  config: ExperimentConfig,
  net: PopulationNet,
): { records: RoundRecord[]; chains?: SeedChainState[] } {
  const d = net.paramCount;
  const curvesOnly = json.curvesOnly === true;
  if (curvesOnly && json.chains) fail('chains', 'must be left out: the bundle says it holds curves only');
  // Budget before any inflation: each record holds a u8 mask and two f32 vectors, each chain a mask and init.
  const decodedBytes = (curvesOnly ? 0 : json.records.length * d * 9) + (json.chains?.length ?? 0) * d * 5;
  if (decodedBytes > BUNDLE_LIMITS.maxDecodedBytes) {
    fail(
      'records',
      `would decode to ${(decodedBytes / 2 ** 20).toFixed(0)} MiB (limit ${BUNDLE_LIMITS.maxDecodedBytes / 2 ** 20} MiB)`,
    );
  }
  checkUnique(
    json.records.map((r) => `seed ${r.seed} / ${r.method} / round ${r.roundNum}`),
    'records',
  );
  if (json.chains)
    checkUnique(
      json.chains.map((c) => `seed ${c.seed} / ${c.method}`),
      'chains',
    );
  const records = json.records.map((r, i) => decodeRound(`records.${i}`, r, config, net, curvesOnly));
  const gap = roundWithoutPredecessor(records);
  if (gap) fail('records', gap);
  const chains = json.chains?.map((c, i) => decodeChain(`chains.${i}`, c, config, net));
  if (chains) {
    // A chain continues after its last stored round: that round (and so every earlier one) must be there.
    const ids = recordMethodIds(config);
    const stored = new Set(records.map((r) => `${r.seed}|${r.method}|${r.roundNum}`));
    chains.forEach((c, i) => {
      const id = ids[config.prune.methods.indexOf(c.method)];
      if (c.nextRoundNum > 1 && !stored.has(`${c.seed}|${id}|${c.nextRoundNum - 1}`))
        fail(
          `chains.${i}`,
          `continues after round ${c.nextRoundNum - 1} of seed ${c.seed} ${c.method}, which is not in the file`,
        );
    });
  }
  return chains ? { records, chains } : { records };
}
