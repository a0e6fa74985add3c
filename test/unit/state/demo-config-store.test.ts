// 2-D demo config store (what the user chose): defaults from the registries, params overlay, inline validation.
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultsOf } from '../../../src/core/params';
import { STRATEGY_LIST, TOY_LIST, strategyById } from '../../../src/state/catalog';
import {
  DEMO_CONFIG_DEFAULT,
  selectCanStart,
  selectDemoErrors,
  selectParamErrors,
  selectParams,
  useDemoConfigStore,
} from '../../../src/state/demo-config-store';

const st = () => useDemoConfigStore.getState();

beforeEach(() => useDemoConfigStore.setState(DEMO_CONFIG_DEFAULT));

describe('demo config store', () => {
  it('defaults come from the registries and are startable', () => {
    expect(STRATEGY_LIST.length).toBeGreaterThanOrEqual(6);
    expect(TOY_LIST.length).toBeGreaterThan(0);
    expect(DEMO_CONFIG_DEFAULT.demo.strategyId).toBe(STRATEGY_LIST[0].id);
    expect(DEMO_CONFIG_DEFAULT.demo.fnId).toBe(TOY_LIST[0].id);
    expect(selectDemoErrors(st())).toEqual({});
    expect(selectCanStart(st())).toBe(true);
  });

  it.each(STRATEGY_LIST.map((s) => [s.id]))(
    '%s: params = ParamSpec defaults until changed, defaults are valid',
    (id) => {
      expect(selectParams(st(), id)).toEqual(defaultsOf(strategyById(id).paramSpecs));
      expect(selectParamErrors(st(), id)).toEqual({});
    },
  );

  it('an out-of-range number gets an inline message naming the range; reset clears it', () => {
    const strat = STRATEGY_LIST.find((s) => Object.values(s.paramSpecs).some((p) => p.kind === 'number'))!;
    const [name, spec] = Object.entries(strat.paramSpecs).find(([, p]) => p.kind === 'number')! as [
      string,
      { min: number; max: number; label: string },
    ];
    st().setDemo({ strategyId: strat.id });
    st().setParam(strat.id, name, spec.max * 10 + 1);
    const errs = selectParamErrors(st(), strat.id);
    expect(errs[name]).toContain(`outside [${spec.min}, ${spec.max}]`);
    expect(errs[name]).toContain(spec.label);
    expect(selectCanStart(st())).toBe(false);
    // other strategies are unaffected
    const other = STRATEGY_LIST.find((s) => s.id !== strat.id)!;
    expect(selectParamErrors(st(), other.id)).toEqual({});
    st().setParam(strat.id, name, NaN);
    expect(selectParamErrors(st(), strat.id)[name]).toMatch(/must be a number/);
    st().resetParams(strat.id);
    expect(selectParamErrors(st(), strat.id)).toEqual({});
    expect(selectCanStart(st())).toBe(true);
  });

  it('a valid change overrides just that default', () => {
    const strat = STRATEGY_LIST[0];
    const [name, spec] = Object.entries(strat.paramSpecs).find(([, p]) => p.kind === 'number')! as [
      string,
      { min: number; max: number },
    ];
    const v = (spec.min + spec.max) / 2;
    st().setParam(strat.id, name, v);
    expect(selectParams(st(), strat.id)).toEqual({ ...defaultsOf(strat.paramSpecs), [name]: v });
  });

  it('odd population sizes are rejected only for antithetic strategies (docs/ALGORITHMS.md §1.2)', () => {
    for (const s of STRATEGY_LIST) {
      st().setDemo({ strategyId: s.id, popSize: 15 });
      const err = selectDemoErrors(st()).popSize;
      if (s.antithetic === 'none') expect(err).toBeUndefined();
      else expect(err).toMatch(/must be even/);
    }
    expect(STRATEGY_LIST.some((s) => s.antithetic !== 'none')).toBe(true);
  });

  it('demo fields outside their limits are explained', () => {
    st().setDemo({ popSize: 2, generations: 0, gensPerSec: -1, seed: 1.5, fnId: 'nope' });
    const e = selectDemoErrors(st());
    expect(e.popSize).toMatch(/\[4, 256\]/);
    expect(e.generations).toMatch(/\[1, 5000\]/);
    expect(e.gensPerSec).toBeDefined();
    expect(e.seed).toBeDefined();
    expect(e.fnId).toMatch(/unknown function "nope"/);
    expect(selectCanStart(st())).toBe(false);
  });
});
