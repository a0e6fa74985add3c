// MuJoCo locomotion tasks: every model loads; a zero-action rollout stays finite and
// terminates per the healthy rules; reward terms equal their definitions on recorded states; same seed ⇒
// same return; batched rollouts equal looped ones.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { episodeRng } from '../../../src/core/tasks/control/rollout';
import {
  LOCOMOTION_MODELS,
  LOCOMOTION_TASKS,
  locomotionModelOfTask,
  walker2d,
  MujocoLoadError,
  compileModel,
  halfCheetah,
  hopper,
  recordLocomotionEpisode,
  rolloutLocomotion,
} from '../../../src/core/tasks/locomotion';
import type { LocomotionModel, LocomotionSim } from '../../../src/core/tasks/locomotion';
import { linearPolicy, modelParams, simPool, zeroPolicy } from './helpers';

const pool = simPool();
const simOf = (model: LocomotionModel, overrides = {}): LocomotionSim => pool.simOf(model, overrides);

describe.each(LOCOMOTION_MODELS.map((m) => [m.id, m] as const))('%s model', (_id, model) => {
  it('compiles with the observation and action sizes the task declares', () => {
    const sim = simOf(model);
    expect(sim.nu).toBe(model.actDim);
    expect(sim.nq - model.qposSkip + sim.nv).toBe(model.obsDim);
    expect(sim.dt).toBeCloseTo((sim.params.timestep as number) * (sim.params.frameSkip as number), 12);
  });

  it('same seed ⇒ same returns; another seed ⇒ other returns', () => {
    const sim = simOf(model, { maxSteps: 60 });
    const run = (seed: number) =>
      rolloutLocomotion({ sim, members: 2, episodes: 2, policy: linearPolicy(model, 2, 7), rng: new Rng(seed) });
    const a = run(3),
      b = run(3),
      c = run(4);
    expect(Array.from(a.episodeReturns)).toEqual(Array.from(b.episodeReturns));
    expect(Array.from(a.episodeReturns)).not.toEqual(Array.from(c.episodeReturns));
  });

  it('batched = looped: P members × E episodes in lockstep equal each member run alone', () => {
    const sim = simOf(model, { maxSteps: 50 });
    const members = 3,
      episodes = 2,
      rng = new Rng(11);
    const policy = linearPolicy(model, members, 5);
    const batched = rolloutLocomotion({ sim, members, episodes, policy, rng });
    for (let p = 0; p < members; p++) {
      const alone = (_m: Int32Array, o: Float32Array, rows: number, out: Float32Array) =>
        policy(new Int32Array(rows).fill(p), o, rows, out);
      const single = rolloutLocomotion({ sim, members: 1, episodes, policy: alone, rng });
      for (let e = 0; e < episodes; e++)
        expect(single.episodeReturns[e]).toBe(batched.episodeReturns[p * episodes + e]);
    }
    // Start states are shared by the population (evojax reset keys): the zero-noise parts agree across members.
    expect(batched.totalSteps).toBe(Array.from(batched.episodeSteps).reduce((s, x) => s + x, 0));
  });

  it('recorded episode replays the scored rollout and its reward terms match their definitions', async () => {
    const params = modelParams(model, { maxSteps: 80 });
    const sim = simOf(model, { maxSteps: 80 });
    const policy = linearPolicy(model, 2, 9);
    const rng = new Rng(21);
    const scored = rolloutLocomotion({ sim, members: 2, episodes: 2, policy, rng });
    const rec = await recordLocomotionEpisode(model, params, policy, episodeRng(rng, 1), 1);
    expect(rec.episodeReturn).toBe(scored.episodeReturns[1 * 2 + 1]);
    expect(rec.rewards).toHaveLength(scored.episodeSteps[3]);
    rec.terms.forEach((t, k) => {
      const dx = rec.qpos[k + 1][0] - rec.qpos[k][0];
      expect(t.forward).toBeCloseTo(((params.forwardRewardWeight as number) * dx) / rec.dt, 9);
      expect(t.ctrlCost).toBeCloseTo(
        (params.ctrlCostWeight as number) * rec.actionVectors[k].reduce((s, a) => s + a * a, 0),
        12,
      );
      expect(rec.rewards[k]).toBeCloseTo(t.forward + t.healthy - t.ctrlCost, 12);
    });
  });
});

describe('Hopper healthy rules', () => {
  it('zero actions: finite states, healthy until the last step, then terminated (z ≤ 0.7 or |pitch| ≥ 0.2)', async () => {
    const params = modelParams(hopper);
    const rec = await recordLocomotionEpisode(hopper, params, zeroPolicy(hopper.actDim), new Rng(1));
    expect(rec.truncated).toBe(false);
    const n = rec.rewards.length;
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(1000);
    for (const q of [...rec.qpos, ...rec.qvel]) for (const v of q) expect(Number.isFinite(v)).toBe(true);
    const healthy = (q: number[]) => q[1] > 0.7 && Math.abs(q[2]) < 0.2;
    for (let k = 1; k < n; k++) expect(healthy(rec.qpos[k])).toBe(true);
    expect(healthy(rec.qpos[n])).toBe(false);
    // Termination is on, so every step (the last included) earns the healthy bonus (gym v3/v4).
    for (const t of rec.terms) expect(t.healthy).toBe(1);
  });

  it('without termination the episode runs to maxSteps and unhealthy steps earn no bonus', async () => {
    const params = modelParams(hopper, { terminateWhenUnhealthy: false, maxSteps: 300 });
    const rec = await recordLocomotionEpisode(hopper, params, zeroPolicy(hopper.actDim), new Rng(1));
    expect(rec.rewards).toHaveLength(300);
    expect(rec.truncated).toBe(true);
    expect(rec.terms[rec.terms.length - 1].healthy).toBe(0);
  });
});

describe('Walker2d healthy rules', () => {
  it('zero actions: it collapses, terminating at the first state with z ∉ (0.8, 2) or |pitch| ≥ 1', async () => {
    const params = modelParams(walker2d);
    const rec = await recordLocomotionEpisode(walker2d, params, zeroPolicy(walker2d.actDim), new Rng(1));
    expect(rec.truncated).toBe(false);
    const n = rec.rewards.length;
    const healthy = (q: number[]) => q[1] > 0.8 && q[1] < 2 && Math.abs(q[2]) < 1;
    for (let k = 1; k < n; k++) expect(healthy(rec.qpos[k])).toBe(true);
    expect(healthy(rec.qpos[n])).toBe(false);
    for (const q of [...rec.qpos, ...rec.qvel]) for (const v of q) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('model registry', () => {
  it('every locomotion task has its model, and ids are unique', () => {
    for (const t of LOCOMOTION_TASKS) expect(locomotionModelOfTask(t.id)?.label).toBe(t.label);
    expect(new Set(LOCOMOTION_MODELS.map((m) => m.id)).size).toBe(LOCOMOTION_MODELS.length);
    expect(locomotionModelOfTask('cartpole')).toBeUndefined();
    expect(locomotionModelOfTask('toString')).toBeUndefined();
  });
});

describe('HalfCheetah', () => {
  it('zero actions: never terminates early, stays finite, no healthy bonus', async () => {
    const params = modelParams(halfCheetah, { maxSteps: 200 });
    const rec = await recordLocomotionEpisode(halfCheetah, params, zeroPolicy(halfCheetah.actDim), new Rng(2));
    expect(rec.rewards).toHaveLength(200);
    expect(rec.truncated).toBe(true);
    for (const q of rec.qpos) for (const v of q) expect(Number.isFinite(v)).toBe(true);
    for (const t of rec.terms) {
      expect(t.healthy).toBe(0);
      expect(t.ctrlCost).toBe(0);
    }
  });
});

describe('loading failures', () => {
  it('an invalid model gives a MujocoLoadError naming the model', () => {
    expect(() => compileModel(pool.mujoco(), 'broken', '<mujoco><worldbody><nonsense/></worldbody></mujoco>')).toThrow(
      MujocoLoadError,
    );
    expect(() => compileModel(pool.mujoco(), 'broken', '<mujoco><worldbody><nonsense/></worldbody></mujoco>')).toThrow(
      /model "broken" is invalid/,
    );
  });
});
