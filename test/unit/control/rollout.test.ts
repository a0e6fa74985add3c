// Population rollouts (docs/ALGORITHMS.md §9.2, evojax semantics) and the typed-array policy forward.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { acrobot, cartPole, pendulum } from '../../../src/core/tasks/control/envs';
import { forwardRows, mlpLayoutFromSizes } from '../../../src/core/tasks/control/policy-forward';
import { mlpRowPolicy, rolloutPopulation, sharedResetState } from '../../../src/core/tasks/control/rollout';
import type { RowPolicy } from '../../../src/core/tasks/control/rollout';
import { envDefaults } from './helpers';

/** CartPole 4→1→2 policy: h = tanh(θ + 0.5·θ̇), logits (−h, h) ⇒ push right iff θ + 0.5·θ̇ > 0. */
function cartPoleControllerParams(): { layout: ReturnType<typeof mlpLayoutFromSizes>; params: Float32Array } {
  const layout = mlpLayoutFromSizes([4, 1, 2], 'tanh', 'none');
  const params = new Float32Array(layout.paramCount);
  params.set([0, 0, 1, 0.5], layout.layers[0].kernelOffset);
  params.set([-1, 1], layout.layers[1].kernelOffset);
  return { layout, params };
}

const randomParams = (n: number, rng: Rng, scale = 0.5) => Float32Array.from({ length: n }, () => scale * rng.normal());

describe('forwardRows', () => {
  it('matches a hand-computed 2-2-1 MLP (relu hidden, tanh out) per member', () => {
    const layout = mlpLayoutFromSizes([2, 2, 1], 'relu', 'tanh');
    // member 0: W1 = [[1, −1], [2, 0.5]], b1 = [0.1, −0.2], W2 = [[1], [−2]], b2 = [0.3]; member 1 = 2 × member 0.
    const m0 = [1, -1, 2, 0.5, 0.1, -0.2, 1, -2, 0.3];
    const params = Float32Array.from([...m0, ...m0.map((v) => 2 * v)]);
    const obs = Float32Array.of(0.5, -0.25, 0.5, -0.25);
    const out = new Float32Array(2);
    forwardRows(layout, params, [0, 1], obs, 2, out);
    // member 0: pre = [0.5 − 0.5 + 0.1, −0.5 − 0.125 − 0.2] = [0.1, −0.825] → relu [0.1, 0] → tanh(0.1 + 0.3)
    expect(out[0]).toBeCloseTo(Math.tanh(0.4), 6);
    // member 1: pre = [0.2, −1.65] → relu [0.2, 0] → 2·0.2 + 0.6 = 1.0
    expect(out[1]).toBeCloseTo(Math.tanh(1.0), 6);
  });
});

describe('rolloutPopulation', () => {
  it('a hand-written sign(θ + 0.5·θ̇) controller balances CartPole for 500 steps', () => {
    const { layout, params } = cartPoleControllerParams();
    const r = rolloutPopulation({
      env: cartPole,
      envParams: envDefaults(cartPole),
      members: 1,
      episodes: 16,
      policy: mlpRowPolicy(layout, params),
      rng: new Rng(5),
    });
    expect(Array.from(r.episodeReturns)).toEqual(Array(16).fill(500));
    expect(r.meanReturns[0]).toBe(500);
    expect(r.totalSteps).toBe(16 * 500);
  });

  it('the reversed controller falls early; return = steps survived, including the terminating step', () => {
    const { layout, params } = cartPoleControllerParams();
    params.set([1, -1], layout.layers[1].kernelOffset);
    const r = rolloutPopulation({
      env: cartPole,
      envParams: envDefaults(cartPole),
      members: 1,
      episodes: 8,
      policy: mlpRowPolicy(layout, params),
      rng: new Rng(5),
    });
    for (let e = 0; e < 8; e++) {
      expect(r.episodeReturns[e]).toBe(r.episodeSteps[e]);
      expect(r.episodeReturns[e]).toBeLessThan(100);
      expect(r.episodeReturns[e]).toBeGreaterThan(1);
    }
  });

  it('zero policy on Pendulum: 200 steps per episode, return within the range of docs/ALGORITHMS.md §11.2', () => {
    const policy: RowPolicy = (_m, _o, rows, out) => out.fill(0, 0, rows);
    const r = rolloutPopulation({
      env: pendulum,
      envParams: envDefaults(pendulum),
      members: 3,
      episodes: 8,
      policy,
      rng: new Rng(9),
    });
    expect(Array.from(r.episodeSteps)).toEqual(Array(24).fill(200));
    for (const ret of r.episodeReturns) {
      expect(ret).toBeLessThan(0);
      expect(ret).toBeGreaterThanOrEqual(pendulum.returnRange(envDefaults(pendulum))[0]);
    }
    // An undriven pendulum never swings up: a −π…π start keeps costing ~ wrap(θ)² per step on average.
    expect(r.meanReturns[0]).toBeLessThan(-200);
  });

  it('is deterministic for a seed and shares episode start states across members', () => {
    const layout = mlpLayoutFromSizes([3, 8, 1], 'tanh', 'none');
    const member = randomParams(layout.paramCount, new Rng(1));
    const other = randomParams(layout.paramCount, new Rng(2));
    const params = Float32Array.from([...member, ...other, ...member]); // members 0 and 2 identical
    const run = (seed: number) =>
      rolloutPopulation({
        env: pendulum,
        envParams: envDefaults(pendulum, { maxSteps: 50 }),
        members: 3,
        episodes: 4,
        policy: mlpRowPolicy(layout, params),
        rng: new Rng(seed),
      });
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(Array.from(a.episodeReturns)).toEqual(Array.from(b.episodeReturns));
    expect(Array.from(a.episodeReturns.subarray(0, 4))).toEqual(Array.from(a.episodeReturns.subarray(8, 12)));
    expect(a.meanReturns[0]).toBe(a.meanReturns[2]);
    expect(a.meanReturns[0]).not.toBe(a.meanReturns[1]);
    expect(c.meanReturns[0]).not.toBe(a.meanReturns[0]); // another seed, other start states
    const startsA = sharedResetState(acrobot, new Rng(7), 3, 4, envDefaults(acrobot));
    const startsC = sharedResetState(acrobot, new Rng(8), 3, 4, envDefaults(acrobot));
    for (let e = 0; e < 4; e++) {
      expect(startsA.vars[0][e]).toBe(startsA.vars[0][4 + e]);
      expect(startsA.vars[0][e]).not.toBe(startsC.vars[0][e]);
    }
    expect(new Set(Array.from(startsA.vars[0].subarray(0, 4))).size).toBe(4); // episodes differ
  });

  it('episode e starts the same regardless of the episode count (prefix-stable test sets)', () => {
    const s4 = sharedResetState(pendulum, new Rng(3), 1, 4, envDefaults(pendulum));
    const s8 = sharedResetState(pendulum, new Rng(3), 1, 8, envDefaults(pendulum));
    expect(Array.from(s8.vars[0].subarray(0, 4))).toEqual(Array.from(s4.vars[0]));
  });
});
