/**
 * Generators of invalid experiment configs for the property tests (docs/RELIABILITY.md): a valid preset
 * config with ONE field set to a value the schema must refuse, and the config path the refusal must name.
 * Registry parameters are covered from their own specs (out of range, wrong type, not an option) and by
 * names that are not parameters (including every name objects inherit); the config's own objects by keys
 * that are not fields.
 */
import fc from 'fast-check';
import type { ParamSpec, ParamSpecs } from '../../src/core/params';
import { ownSpec } from '../../src/core/params';
import { getStrategy } from '../../src/core/es/registry';
import { getNetwork } from '../../src/core/nets/registry';
import { getTask, TASKS } from '../../src/core/tasks/registry';
import { getPruneMethod } from '../../src/core/prune/registry';
import { getPreset } from '../../src/core/runs/presets';
import { experimentConfigSchema, type ExperimentConfigInput } from '../../src/core/runs/config';

/** Every registered task id: a bad value is any other string. */
const TASK_IDS = TASKS.map((t) => t.id);

export const BASE_PRESETS = ['mnist-quick', 'cartpole-reduced', 'pendulum-quick', 'hopper-reduced'] as const;

export interface BadConfig {
  readonly input: unknown;
  /** The config path the error must name (an issue path equal to it or below it). */
  readonly path: string;
  readonly value: unknown;
}

const notNumber = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.constant(NaN),
  fc.constant(Infinity),
  fc.constant({}),
  fc.constant(['1']),
);
const outside = (min: number, max: number) =>
  fc.oneof(
    fc.double({ max: min, noNaN: true }).filter((x) => x < min),
    fc.double({ min: max, noNaN: true }).filter((x) => x > max),
  );
const nonInteger = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).filter((x) => !Number.isInteger(x));
const badInt = (min: number, max: number) => fc.oneof(outside(min, max), nonInteger(min, max), notNumber);
const badNum = (min: number, max: number) => fc.oneof(outside(min, max), notNumber);
/** A string that is none of `valid`. */
const otherString = (valid: readonly string[]) => fc.string({ maxLength: 30 }).filter((s) => !valid.includes(s));

/** An invalid value for a registry parameter spec. */
export function badParamValue(spec: ParamSpec): fc.Arbitrary<unknown> {
  if (spec.kind === 'number') return spec.integer ? badInt(spec.min, spec.max) : badNum(spec.min, spec.max);
  if (spec.kind === 'boolean') return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  return fc.oneof(otherString(spec.options.map((o) => o.value)), fc.integer(), fc.constant(null));
}

/** [param path suffix, bad value]: a bad value for one of `specs`, or a name that is not a parameter. */
function badParams(specs: ParamSpecs): fc.Arbitrary<[string, unknown]> {
  const names = Object.keys(specs);
  const notAName = fc
    .oneof(
      fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype).filter((k) => k !== '__proto__')),
      fc.string({ minLength: 1, maxLength: 20 }),
    )
    .filter((k) => !ownSpec(specs, k) && k !== '__proto__');
  const unknown = notAName.map((k): [string, unknown] => [k, 1]);
  if (!names.length) return unknown;
  const known = fc.constantFrom(...names).chain((k) => badParamValue(specs[k]).map((v): [string, unknown] => [k, v]));
  return fc.oneof(known, unknown);
}

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  Object.defineProperty(o, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

/** The fields of the config's object at `at` ([] for the top level), from the schema. */
function fieldsOf(at: readonly string[]): string[] {
  let schema: { shape: Record<string, unknown> } = experimentConfigSchema;
  for (const p of at) schema = schema.shape[p] as { shape: Record<string, unknown> };
  return Object.keys(schema.shape);
}

/** A key that is no field, at the top or inside one of the config's objects (the schema used to drop it). */
function notAField(): fc.Arbitrary<{ path: string[]; value: unknown; expectPath: string }> {
  return fc.constantFrom<string[]>([], ['task'], ['network'], ['es'], ['prune'], ['budget']).chain((at) =>
    fc
      .oneof(
        fc.constantFrom('generation', 'seed', 'popsize', 'evalevery', 'constructor'),
        fc.string({ minLength: 1, maxLength: 20 }),
      )
      .filter((k) => !fieldsOf(at).includes(k) && k !== '__proto__')
      .map((k) => ({ path: [...at, k], value: 1, expectPath: [...at, k].join('.') })),
  );
}

/** One invalid config: a preset with one field broken. */
export function badConfig(): fc.Arbitrary<BadConfig> {
  return fc.constantFrom(...BASE_PRESETS).chain((presetId) => {
    const base = getPreset(presetId).config as ExperimentConfigInput;
    const strategy = getStrategy(base.es.id);
    const method = base.prune.methods[0];
    const field = (path: string[], value: fc.Arbitrary<unknown>, expectPath = path.join('.')) =>
      value.map((v) => ({ path: path, value: v, expectPath }));
    const paramsOf = (scope: string[], specs: ParamSpecs) =>
      badParams(specs).map(([k, v]) => ({ path: [...scope, k], value: v, expectPath: [...scope, k].join('.') }));
    const choice = fc.oneof(
      field(
        ['es', 'popSize'],
        strategy.antithetic !== 'none' ? fc.oneof(badInt(4, 4096), fc.constant(33)) : badInt(4, 4096),
      ),
      field(['prune', 'rounds'], badInt(1, 40)),
      field(['prune', 'pruneFrac'], badNum(0.01, 0.9)),
      field(['budget', 'generationsPerRound'], badInt(1, 100000)),
      field(['budget', 'evalEvery'], badInt(1, 100000)),
      field(['es', 'meanDecay'], badNum(0, 0.1)),
      field(['es', 'wDecay'], badNum(0, 1)),
      field(['es', 'centeredRank'], fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
      field(['es', 'sigmaMode'], otherString(['paper', 'sC', 'true'])),
      field(['prune', 'scope'], otherString(['global', 'layerwise'])),
      field(['backend'], otherString(['auto', 'webgpu', 'webgl', 'wasm', 'cpu'])),
      field(['task', 'id'], otherString(TASK_IDS)),
      field(['network', 'id'], otherString(['mlp', 'cnn', 'policy_mlp'])),
      field(['es', 'id'], otherString(['pgpe', 'snes', 'sep_cma_es', 'des', 'open_es', 'ars'])),
      field(
        ['seeds'],
        fc.oneof(
          fc.constant([]),
          fc.integer({ min: 0, max: 100 }).map((s) => [s, s]),
          fc
            .array(fc.integer({ min: 0, max: 1000 }), { minLength: 33, maxLength: 40 })
            .map((a) => [...new Set(a)])
            .filter((a) => a.length > 32),
          fc.array(badInt(0, 2 ** 31 - 1), { minLength: 1, maxLength: 3 }),
          notNumber,
        ),
      ),
      field(
        ['prune', 'methods'],
        fc.oneof(
          fc.constant([]),
          fc.constant([method, method]),
          otherString(['magnitude', 'snr']).map((s) => [s]),
        ),
      ),
      notAField(),
      paramsOf(['es', 'params'], strategy.paramSpecs),
      paramsOf(['task', 'params'], getTask(base.task.id).paramSpecs),
      paramsOf(['network', 'params'], getNetwork(base.network.id).paramSpecs),
      paramsOf(['prune', 'params', method], getPruneMethod(method).paramSpecs),
    );
    return choice.map(({ path, value, expectPath }) => {
      const input = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      setPath(input, path, value);
      return { input, path: expectPath, value };
    });
  });
}
