// Rollout-viewer support: recordEpisode replays scored episodes; render geometry puts bodies where the
// state says (docs/ALGORITHMS.md §11).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { testEpisodeRng } from '../../../src/core/tasks/control/control-task';
import { CONTROL_ENVS, acrobot, cartPole, pendulum } from '../../../src/core/tasks/control/envs';
import { mlpLayoutFromSizes } from '../../../src/core/tasks/control/policy-forward';
import { recordEpisode } from '../../../src/core/tasks/control/record-episode';
import { RENDER_SCENES, sceneOf } from '../../../src/core/tasks/control/render-geometry';
import type { Primitive } from '../../../src/core/tasks/control/render-geometry';
import { episodeRng, mlpRowPolicy, rolloutPopulation } from '../../../src/core/tasks/control/rollout';
import type { RowPolicy } from '../../../src/core/tasks/control/rollout';
import { envDefaults } from './helpers';

describe('recordEpisode', () => {
  it('replays test episode e exactly as the population rollout scored it', () => {
    const layout = mlpLayoutFromSizes([3, 8, 1], 'tanh', 'none');
    const rng = new Rng(21);
    const params = Float32Array.from({ length: 2 * layout.paramCount }, () => rng.normal());
    const policy = mlpRowPolicy(layout, params);
    const envParams = envDefaults(pendulum, { maxSteps: 80 });
    const scored = rolloutPopulation({
      env: pendulum,
      envParams,
      members: 2,
      episodes: 3,
      policy,
      rng: testEpisodeRng(pendulum),
    });
    for (const [member, e] of [
      [0, 0],
      [1, 2],
    ]) {
      const rec = recordEpisode(pendulum, envParams, policy, episodeRng(testEpisodeRng(pendulum), e), member);
      expect(rec.episodeReturn).toBeCloseTo(scored.episodeReturns[member * 3 + e], 9);
      expect(rec.states).toHaveLength(81);
      expect(rec.rewards).toHaveLength(80);
      expect(rec.truncated).toBe(true);
    }
  });

  it('stops at the terminal step: an energy-pumping Acrobot policy swings up before the horizon', () => {
    // torque −1 when θ̇1 > 0 else +1 (obs[4] = θ̇1): pumps energy into the swing (swings up in ~75 steps).
    const pump: RowPolicy = (_m, obs, rows, out) => {
      for (let r = 0; r < rows; r++) {
        out[r * 3] = 0;
        out[r * 3 + 1] = 0;
        out[r * 3 + 2] = obs[r * 6 + 4] > 0 ? -1 : 1;
        out[r * 3] = -out[r * 3 + 2];
      }
    };
    const rec = recordEpisode(acrobot, envDefaults(acrobot), pump, new Rng(2));
    expect(rec.truncated).toBe(false);
    expect(rec.rewards.length).toBeLessThan(200);
    expect(rec.rewards[rec.rewards.length - 1]).toBe(0);
    expect(rec.episodeReturn).toBe(-(rec.rewards.length - 1));
    const [th1, th2] = rec.states[rec.states.length - 1];
    expect(-Math.cos(th1) - Math.cos(th1 + th2)).toBeGreaterThan(1);
  });
});

const find = (prims: readonly Primitive[], kind: Primitive['kind'], role: Primitive['role']) =>
  prims.filter((p) => p.kind === kind && p.role === role);

describe('render geometry', () => {
  it('has a scene for every registered env, with finite primitives', () => {
    for (const env of CONTROL_ENVS) {
      expect(RENDER_SCENES[env.id]).toBeTypeOf('function');
      const state = env.reset(new Rng(1), 1, envDefaults(env)).vars.map((v) => v[0]);
      const scene = sceneOf(env.id, state, envDefaults(env));
      expect(scene.primitives.length).toBeGreaterThan(1);
      expect(JSON.stringify(scene)).not.toMatch(/null|NaN/);
    }
  });

  it('CartPole pole tip at (x + 2l·sin θ, pivot + 2l·cos θ)', () => {
    const s = sceneOf(cartPole.id, [0.5, 0, 0.1, 0], envDefaults(cartPole));
    const [pole] = find(s.primitives, 'line', 'link');
    if (pole.kind !== 'line') throw new Error('pole is a line');
    expect(pole.x1).toBe(0.5);
    expect(pole.x2 - pole.x1).toBeCloseTo(Math.sin(0.1), 12);
    expect(pole.y2 - pole.y1).toBeCloseTo(Math.cos(0.1), 12);
  });

  it('Pendulum θ = 0 is upright and θ = π hangs down', () => {
    const up = find(sceneOf(pendulum.id, [0, 0], envDefaults(pendulum)).primitives, 'circle', 'body')[0];
    const down = find(sceneOf(pendulum.id, [Math.PI, 0], envDefaults(pendulum)).primitives, 'circle', 'body')[0];
    expect(up.kind === 'circle' && [up.cx, up.cy]).toEqual([-0, 1]);
    expect(down.kind === 'circle' && down.cy).toBeCloseTo(-1, 12);
  });

  it('Acrobot tip height is −cos θ1 − cos(θ1 + θ2), the quantity the terminal test compares with 1', () => {
    const [th1, th2] = [2.5, 0.4];
    const links = find(sceneOf(acrobot.id, [th1, th2, 0, 0], envDefaults(acrobot)).primitives, 'line', 'link');
    const tip = links[1];
    expect(tip.kind === 'line' && tip.y2).toBeCloseTo(-Math.cos(th1) - Math.cos(th1 + th2), 12);
  });
});
