// Classic-control dynamics against transitions computed by hand from docs/ALGORITHMS.md §11
// (reference numbers from an independent float64 re-implementation of the equations).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { CONTROL_ENVS, acrobot, cartPole, mountainCarContinuous, pendulum } from '../../../src/core/tasks/control/envs';
import { acrobotDerivs } from '../../../src/core/tasks/control/envs/acrobot';
import { wrapAngle } from '../../../src/core/tasks/control/envs/common';
import { envDefaults, expectClose, stateOf, stepOne } from './helpers';

describe('CartPole-v1 (§11.1)', () => {
  it('matches two hand-computed Euler steps (push right, then left)', () => {
    const s1 = stepOne(cartPole, [0.01, -0.02, 0.03, 0.04], 1);
    expectClose(s1.next, [0.0096, 0.17467919574755525, 0.0308, -0.24306871796000815]);
    expect([s1.reward, s1.done, s1.t]).toEqual([1, false, 1]);
    const s2 = stepOne(cartPole, s1.next, 0, envDefaults(cartPole), 1);
    expectClose(s2.next, [0.013093583914951107, -0.020868848948191993, 0.025938625640799833, 0.05916799993941654]);
  });

  it('terminates when |x| > 2.4 or |θ| > 12°, with reward 1 on the terminating step', () => {
    const xOut = stepOne(cartPole, [2.399, 1.0, 0, 0], 1);
    expect(xOut.next[0]).toBeGreaterThan(2.4);
    expect([xOut.done, xOut.reward]).toEqual([true, 1]);
    expect(stepOne(cartPole, [2.3, 1.0, 0, 0], 1).done).toBe(false);
    const thr = (12 * 2 * Math.PI) / 360;
    expect(stepOne(cartPole, [0, 0, thr - 0.001, 0.1], 1).done).toBe(true); // θ' = θ + 0.002 > thr
    expect(stepOne(cartPole, [0, 0, -(thr - 0.001), -0.1], 0).done).toBe(true);
    expect(stepOne(cartPole, [0, 0, thr - 0.003, 0.1], 1).done).toBe(false);
  });

  it('truncates at t ≥ maxSteps', () => {
    expect(stepOne(cartPole, [0, 0, 0, 0], 1, envDefaults(cartPole), 498).done).toBe(false);
    expect(stepOne(cartPole, [0, 0, 0, 0], 1, envDefaults(cartPole), 499).done).toBe(true);
    expect(stepOne(cartPole, [0, 0, 0, 0], 1, envDefaults(cartPole, { maxSteps: 10 }), 9).done).toBe(true);
  });
});

describe('Pendulum-v1 (§11.2)', () => {
  it('semi-implicit Euler step and reward on the pre-step state', () => {
    const r = stepOne(pendulum, [1.0, 0.5], 0.7);
    expectClose(r.next, [1.0618051619302962, 1.2361032386059225]);
    expect(r.reward).toBeCloseTo(-1.02549, 10); // −(1² + 0.1·0.5² + 0.001·0.7²)
  });

  it('wraps θ in the reward only, and clips the torque to ±2', () => {
    const r = stepOne(pendulum, [4.0, -2.0], 3.5);
    expectClose(r.next, [3.8866199064259526, -2.267601871480946]); // θ stays unwrapped (> π)
    const w = 4.0 - 2 * Math.PI;
    expect(r.reward).toBeCloseTo(-(w * w + 0.1 * 4 + 0.001 * 4), 10);
    expect(r.reward).toBeCloseTo(-5.616935146920741, 10);
  });

  it('clips the angular speed to ±8 before advancing θ', () => {
    const r = stepOne(pendulum, [0.3, 7.9], 2.0);
    expectClose(r.next, [0.7, 8]);
    expect(r.reward).toBeCloseTo(-6.335, 10);
  });

  it('wrapAngle maps into [−π, π)', () => {
    expect(wrapAngle(Math.PI)).toBeCloseTo(-Math.PI, 12);
    expect(wrapAngle(-Math.PI)).toBeCloseTo(-Math.PI, 12);
    expect(wrapAngle(3 * Math.PI + 0.5)).toBeCloseTo(-Math.PI + 0.5, 12);
    expect(wrapAngle(-7)).toBeCloseTo(-7 + 2 * Math.PI, 12);
  });

  it('is done only at t ≥ maxSteps (200 by default)', () => {
    expect(stepOne(pendulum, [0, 0], 0, envDefaults(pendulum), 198).done).toBe(false);
    expect(stepOne(pendulum, [0, 0], 0, envDefaults(pendulum), 199).done).toBe(true);
  });
});

describe('Acrobot-v1 (§11.3)', () => {
  const c = { m1: 1, m2: 1, l1: 1, lc1: 0.5, lc2: 0.5, i1: 1, i2: 1, g: 9.8 };

  it('derivatives match the book equations', () => {
    const out = new Float64Array(4);
    acrobotDerivs([0.05, -0.03, 0.02, 0.01], 1.0, c, out);
    expectClose(Array.from(out), [0.02, 0.01, -1.0220322138930504, 2.152271173290957], 1e-9);
  });

  it('one RK4 step (action 2 = torque +1), reward −1 while not terminal', () => {
    const r = stepOne(acrobot, [0.05, -0.03, 0.02, 0.01], 2);
    expectClose(r.next, [0.03396426807716724, 0.014028356136744247, -0.175464650251537, 0.4197156022652691]);
    expect([r.reward, r.done]).toEqual([-1, false]);
  });

  it('wraps θ1 past π and reports the terminal swing-up with reward 0', () => {
    const r = stepOne(acrobot, [3.1, 0.5, 3.0, -5.0], 0);
    expectClose(r.next, [-2.547334036661524, -0.552261038763584, 3.4474691617927196, -5.551197389440468]);
    expect([r.reward, r.done]).toEqual([0, true]);
  });

  it('clips θ̇1 to ±4π (θ̇2 below its 9π limit)', () => {
    const r = stepOne(acrobot, [0, 0, 12.5, 28.0], 1);
    expectClose(r.next, [-2.1247764318020836, -2.3589313310689963, 4 * Math.PI, 23.605447326460787]);
  });

  it('truncates at maxSteps with reward −1', () => {
    const r = stepOne(acrobot, [0, 0, 0, 0], 1, envDefaults(acrobot), 499);
    expect([r.reward, r.done]).toEqual([-1, true]);
  });
});

describe('MountainCarContinuous-v0 (§11.4)', () => {
  it('steps velocity then position; reward uses the unclipped action', () => {
    const a = stepOne(mountainCarContinuous, [-0.5, 0.0], 0.8);
    expectClose(a.next, [-0.4989768430041693, 0.0010231569958307428], 1e-12);
    expect(a.reward).toBeCloseTo(-0.064, 12);
    const b = stepOne(mountainCarContinuous, [-0.3, 0.01], 1.7);
    expectClose(b.next, [-0.29005402492067667, 0.009945975079323339], 1e-12);
    expect(b.reward).toBeCloseTo(-0.289, 12); // −0.1·1.7², though the force was clipped to 1
  });

  it('pays +100 and ends at the goal', () => {
    const r = stepOne(mountainCarContinuous, [0.44, 0.02], 1.0);
    expectClose(r.next, [0.46087956137086905, 0.02087956137086907], 1e-12);
    expect(r.reward).toBeCloseTo(99.9, 12);
    expect(r.done).toBe(true);
  });

  it('gymnax v-zero quirk: at p ≥ goal a negative velocity is zeroed, which counts as reaching the goal', () => {
    const r = stepOne(mountainCarContinuous, [0.5, -0.01], -1.0);
    expectClose(r.next, [0.48832315699583073, 0], 1e-12);
    expect([r.done, r.reward]).toEqual([true, 99.9]);
  });

  it('left wall: elastic under gymnax, inelastic with mcLeftWallInelastic (gym)', () => {
    const gymnax = stepOne(mountainCarContinuous, [-1.19, -0.05], -1.0);
    expectClose(gymnax.next, [-1.2, -0.04922592868160514], 1e-12);
    const gym = stepOne(
      mountainCarContinuous,
      [-1.19, -0.05],
      -1.0,
      envDefaults(mountainCarContinuous, { mcLeftWallInelastic: true }),
    );
    expectClose(gym.next, [-1.2, 0], 1e-12);
    // The gym variant has no goal quirk: backing into the goal zone does not end the episode.
    const noQuirk = stepOne(
      mountainCarContinuous,
      [0.5, -0.01],
      -1.0,
      envDefaults(mountainCarContinuous, { mcLeftWallInelastic: true }),
    );
    expect(noQuirk.done).toBe(false);
    expect(noQuirk.next[1]).toBeLessThan(0);
  });

  it('truncates at 999 steps', () => {
    expect(stepOne(mountainCarContinuous, [-0.5, 0], 0, envDefaults(mountainCarContinuous), 998).done).toBe(true);
  });
});

describe('return ranges follow the horizon maxSteps', () => {
  it('Pendulum: the worst per-step cost (≈ 16.27) times the horizon, 200 by default and 500 for parity', () => {
    expect(pendulum.returnRange(envDefaults(pendulum))[0]).toBeCloseTo(-16.2736 * 200, 2);
    expect(pendulum.returnRange(envDefaults(pendulum, { maxSteps: 500 }))).toEqual([
      expect.closeTo(-16.2736 * 500, 2),
      0,
    ]);
    expect(pendulum.returnRange(envDefaults(pendulum, { maxSpeed: 4, maxSteps: 10 }))[0]).toBeCloseTo(
      -(Math.PI ** 2 + 0.1 * 16 + 0.001 * 4) * 10,
      9,
    );
  });
  it('CartPole, Acrobot and MountainCarContinuous scale with the horizon too', () => {
    expect(cartPole.returnRange(envDefaults(cartPole))).toEqual([0, 500]);
    expect(cartPole.returnRange(envDefaults(cartPole, { maxSteps: 200 }))).toEqual([0, 200]);
    expect(acrobot.returnRange(envDefaults(acrobot, { maxSteps: 300 }))).toEqual([-300, 0]);
    expect(mountainCarContinuous.returnRange(envDefaults(mountainCarContinuous))).toEqual([
      expect.closeTo(-99.9, 9),
      100,
    ]);
  });
});

describe.each(CONTROL_ENVS.map((e) => [e.id, e] as const))('%s batching', (_id, env) => {
  const params = envDefaults(env);
  const nActions = env.actionMapping === 'argmax' ? env.outputSize : 0;
  const actionFor = (i: number, step: number): number =>
    nActions ? (i + step) % nActions : Math.sin(i + 0.7 * step) * 2.5;

  it('a batched step equals a loop of single-copy steps; inactive copies stay untouched', () => {
    const batch = env.reset(new Rng(11), 8, params);
    const singles = Array.from({ length: 8 }, (_, i) => stateOf(env, [batch.vars.map((v) => v[i])]));
    const active = [0, 2, 3, 7];
    for (let step = 0; step < 5; step++) {
      const actions = Float64Array.from({ length: 8 }, (_, i) => actionFor(i, step));
      const res = env.step(batch, actions, params, active);
      for (const i of active) {
        const one = env.step(singles[i], Float64Array.of(actions[i]), params);
        expect(batch.vars.map((v) => v[i])).toEqual(singles[i].vars.map((v) => v[0]));
        expect(res.reward[i]).toBe(one.reward[0]);
        expect(res.done[i]).toBe(one.done[0]);
      }
    }
    const fresh = env.reset(new Rng(11), 8, params);
    for (const i of [1, 4, 5, 6]) expect(batch.vars.map((v) => v[i])).toEqual(fresh.vars.map((v) => v[i]));
    expect(Array.from(batch.t)).toEqual([5, 0, 5, 5, 0, 0, 0, 5]);
  });

  it('reset is seeded and observations have obsDim finite entries', () => {
    const a = env.reset(new Rng(3), 4, params);
    const b = env.reset(new Rng(3), 4, params);
    expect(a.vars.map((v) => Array.from(v))).toEqual(b.vars.map((v) => Array.from(v)));
    const obs = new Float32Array(env.obsDim * 4).fill(NaN);
    for (let i = 0; i < 4; i++) env.observe(a, i, obs, i * env.obsDim);
    expect(obs.every(Number.isFinite)).toBe(true);
  });
});
