// Rollout viewer support: the worker's rollout job replays the scored test episode; scene fitting and
// running returns of src/ui/control/scene-view.ts.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { CONTROL_TASKS, sceneOf } from '../../../src/core/tasks/control';
import { cartPole, pendulum } from '../../../src/core/tasks/control/envs';
import { fitBounds, frameAt, runningReturns, toCanvas } from '../../../src/ui/control/scene-view';
import { runAnalysisJob, runRolloutJob } from '../../../workers/analysis-job';
import { envDefaults } from '../control/helpers';

const noBytes = { readBytes: async () => new Uint8Array() };

describe('runRolloutJob', () => {
  it('replays test episode 0: its return is the test metric of a 1-episode test set', async () => {
    const def = CONTROL_TASKS.find((t) => t.id === 'pendulum')!;
    const inst = await def.load({ episodes: 1, testEpisodes: 1, maxSteps: 60 }, noBytes, new Rng(0));
    const net = getNetwork('policy_mlp').build({ hiddenLayers: 2, width: 8 }, inst.io);
    const params = net.init(new Rng(5));
    const t = tf.tensor2d(params, [1, net.paramCount]);
    const [scored] = await inst.evaluateTest(net, t);
    t.dispose();
    const before = tf.memory().numTensors;
    const ep = await runRolloutJob({ net }, [], {
      taskId: 'pendulum',
      envParams: envDefaults(pendulum, { maxSteps: 60 }),
      params,
      episodeIdx: 0,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(ep.envId).toBe('Pendulum-v1');
    expect(ep.states).toHaveLength(61);
    expect(ep.episodeReturn).toBeCloseTo(scored.perf, 3);
    const again = await runAnalysisJob('rollout', { net, task: inst }, [], {
      taskId: 'pendulum',
      envParams: envDefaults(pendulum, { maxSteps: 60 }),
      params,
    });
    expect(again.episodeReturn).toBe(ep.episodeReturn);
    await expect(
      runRolloutJob({ net }, [], { taskId: 'pendulum', envParams: envDefaults(pendulum), params: params.subarray(1) }),
    ).rejects.toThrow(/length/);
    inst.dispose();
  });
});

describe('scene view helpers', () => {
  it('fits bounds with the aspect kept and y up', () => {
    // 4 × 2 world into 200 × 200 with 10-px padding: scale = min(180/4, 180/2) = 45, centred.
    const t = fitBounds({ xMin: -2, xMax: 2, yMin: 0, yMax: 2 }, 200, 200, 10);
    expect(t.scale).toBe(45);
    expect(toCanvas(t, 0, 1)).toEqual([100, 100]); // world centre → canvas centre
    expect(toCanvas(t, -2, 0)).toEqual([10, 145]); // bottom-left corner
    expect(toCanvas(t, 2, 2)).toEqual([190, 55]); // y up: larger y → smaller canvas y
    expect(() => fitBounds({ xMin: 0, xMax: 0, yMin: 0, yMax: 1 }, 10, 10)).toThrow(/empty/);
  });

  it("the CartPole scene's bodies land inside the canvas", () => {
    const s = sceneOf('CartPole-v1', [0.5, 0, 0.1, 0], envDefaults(cartPole));
    const t = fitBounds(s.bounds, 300, 200);
    for (const p of s.primitives)
      if (p.kind === 'rect' || p.kind === 'circle') {
        const [x, y] = toCanvas(t, p.cx, p.cy);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(300);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(200);
      }
  });

  it('running returns and frame timing', () => {
    expect(runningReturns([1, 1, -0.5])).toEqual([0, 1, 2, 1.5]);
    expect(frameAt(0, 30, 10)).toBe(0);
    expect(frameAt(100, 30, 10)).toBe(3);
    expect(frameAt(1e6, 30, 10)).toBe(9);
  });
});
