/**
 * What the user chose for the 2-D ES demo (docs/ARCHITECTURE.md convention 10, "what the user chose"): the demo's
 * function / strategy / budget, and per-strategy hyperparameters as typed (possibly invalid — the
 * selectors explain why, inline). Values only; nothing the worker reported lives here. The IMP
 * experiment's choices are in experiment-store.ts, the backend preference in backend-store.ts.
 */
import { create } from 'zustand';
import { checkParam, defaultsOf, type AnyParamValues } from '../core/params';
import { STRATEGY_LIST, TOY_LIST, strategyById } from './catalog';

export interface DemoChoice {
  readonly fnId: string;
  readonly strategyId: string;
  readonly popSize: number;
  readonly generations: number;
  readonly seed: number;
  /** Speed limit for watching (generations/s); 0 = unthrottled. */
  readonly gensPerSec: number;
}

export interface DemoConfigState {
  readonly demo: DemoChoice;
  /** Values the user changed, per strategy id; missing keys mean "the ParamSpec's default". */
  readonly strategyParams: Readonly<Record<string, AnyParamValues>>;
}

export interface DemoConfigActions {
  setDemo(patch: Partial<DemoChoice>): void;
  setParam(strategyId: string, name: string, value: number | boolean | string): void;
  resetParams(strategyId: string): void;
}

/** Demo limits, shown next to the inputs and enforced by `selectDemoErrors`. */
export const DEMO_LIMITS = {
  popSize: { min: 4, max: 256 },
  generations: { min: 1, max: 5000 },
  gensPerSec: { min: 0, max: 240 },
} as const;

export const DEMO_DEFAULT: DemoChoice = {
  fnId: TOY_LIST[0]?.id ?? '',
  strategyId: STRATEGY_LIST[0]?.id ?? '',
  popSize: 16,
  generations: 200,
  seed: 0,
  gensPerSec: 30,
};

export const DEMO_CONFIG_DEFAULT: DemoConfigState = { demo: DEMO_DEFAULT, strategyParams: {} };

export const useDemoConfigStore = create<DemoConfigState & DemoConfigActions>()((set) => ({
  ...DEMO_CONFIG_DEFAULT,
  setDemo: (patch) => set((s) => ({ demo: { ...s.demo, ...patch } })),
  setParam: (strategyId, name, value) =>
    set((s) => ({
      strategyParams: { ...s.strategyParams, [strategyId]: { ...s.strategyParams[strategyId], [name]: value } },
    })),
  resetParams: (strategyId) =>
    set((s) => {
      const next = { ...s.strategyParams };
      delete next[strategyId];
      return { strategyParams: next };
    }),
}));

/** Full parameter values of a strategy: spec defaults overlaid with the user's values. */
export function selectParams(s: DemoConfigState, strategyId: string): AnyParamValues {
  return { ...defaultsOf(strategyById(strategyId).paramSpecs), ...s.strategyParams[strategyId] };
}

/** Inline validation messages per parameter name (empty object = all valid). */
export function selectParamErrors(s: DemoConfigState, strategyId: string): Record<string, string> {
  const specs = strategyById(strategyId).paramSpecs;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(s.strategyParams[strategyId] ?? {})) {
    const spec = specs[name];
    const err = spec ? checkParam(spec.label, spec, value) : `unknown parameter "${name}"`;
    if (err) out[name] = err;
  }
  return out;
}

/** Inline validation of the demo fields, including the even popsize that antithetic sampling needs (docs/ALGORITHMS.md §1.2). */
export function selectDemoErrors(s: DemoConfigState): Partial<Record<keyof DemoChoice, string>> {
  const d = s.demo;
  const out: Partial<Record<keyof DemoChoice, string>> = {};
  const intIn = (k: 'popSize' | 'generations', label: string): void => {
    const { min, max } = DEMO_LIMITS[k];
    const v = d[k];
    if (!Number.isInteger(v) || v < min || v > max) out[k] = `${label} must be an integer in [${min}, ${max}]`;
  };
  intIn('popSize', 'Population size');
  intIn('generations', 'Generations');
  if (!out.popSize && d.popSize % 2 !== 0) {
    const strat = STRATEGY_LIST.find((x) => x.id === d.strategyId);
    if (strat && strat.antithetic !== 'none')
      out.popSize = `${strat.label} samples mirrored pairs: population size must be even`;
  }
  const g = DEMO_LIMITS.gensPerSec;
  if (!(d.gensPerSec >= g.min && d.gensPerSec <= g.max))
    out.gensPerSec = `Speed must be in [${g.min}, ${g.max}] generations/s (0 = unlimited)`;
  if (!Number.isInteger(d.seed) || d.seed < 0) out.seed = 'Seed must be a non-negative integer';
  if (!TOY_LIST.some((t) => t.id === d.fnId)) out.fnId = `unknown function "${d.fnId}"`;
  if (!STRATEGY_LIST.some((t) => t.id === d.strategyId)) out.strategyId = `unknown strategy "${d.strategyId}"`;
  return out;
}

/** True when the demo can start: no field or parameter error. */
export function selectCanStart(s: DemoConfigState): boolean {
  return (
    Object.keys(selectDemoErrors(s)).length === 0 && Object.keys(selectParamErrors(s, s.demo.strategyId)).length === 0
  );
}
