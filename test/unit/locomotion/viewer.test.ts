// Rollout viewer dispatch: a locomotion record is drawn from its geom poses, a classic-control
// record from its env's renderer; a recorded hopper episode moves its drawn body with qpos[0].
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import type { EpisodeRecord } from '../../../src/core/tasks/control/record-episode';
import { hopper, recordLocomotionEpisode } from '../../../src/core/tasks/locomotion';
import { isLocomotionRecord, sceneOfFrame } from '../../../src/ui/control/scene-view';
import { getNetwork } from '../../../src/core/nets/registry';
import { getTask } from '../../../src/core/tasks/registry';
import { runRolloutJob } from '../../../workers/analysis-job';
import { linearPolicy, modelParams } from './helpers';

describe('sceneOfFrame', () => {
  it('draws a locomotion record from its geoms and follows the body along x', async () => {
    const rec = await recordLocomotionEpisode(
      hopper,
      modelParams(hopper, { maxSteps: 60, terminateWhenUnhealthy: false }),
      linearPolicy(hopper, 1, 3, 1),
      new Rng(4),
    );
    expect(isLocomotionRecord(rec)).toBe(true);
    const last = rec.states.length - 1;
    const s0 = sceneOfFrame(rec, 0, {}),
      s1 = sceneOfFrame(rec, last, {});
    expect(s0.primitives.filter((p) => p.kind === 'line' && (p.role === 'link' || p.role === 'body'))).toHaveLength(4);
    expect(s0.primitives.filter((p) => p.role === 'body')).toHaveLength(1); // the torso
    const shift = (s1.bounds.xMin + s1.bounds.xMax) / 2 - (s0.bounds.xMin + s0.bounds.xMax) / 2;
    const dx = rec.qpos[last][0] - rec.qpos[0][0];
    expect(Math.abs(shift - dx)).toBeLessThan(0.5); // the view centre follows the body (mean geom x), not exactly the root
  });

  it('leaves classic-control records to their env renderer', () => {
    const rec: EpisodeRecord = {
      envId: 'Pendulum-v1',
      states: [[0.3, 0]],
      actions: [],
      rewards: [],
      episodeReturn: 0,
      truncated: true,
    };
    expect(isLocomotionRecord(rec)).toBe(false);
    expect(sceneOfFrame(rec, 0, { length: 1 }).primitives.length).toBeGreaterThan(0);
  });
});

describe('runRolloutJob (the worker path of the Rollout tab)', () => {
  it('records a hopper test episode as a locomotion record, with the task defaults filled in', async () => {
    const net = getNetwork('policy_mlp').build(
      { hiddenLayers: 2, width: 8, outputActivation: 'tanh' },
      getTask('hopper').ioOf({}),
    );
    const rng = new Rng(2);
    const params = Float32Array.from({ length: net.paramCount }, () => 0.3 * rng.normal());
    const rec = await runRolloutJob({ net }, [], {
      taskId: 'hopper',
      envParams: { maxSteps: 50, integrator: 'Euler' },
      params,
      episodeIdx: 1,
    });
    expect(isLocomotionRecord(rec)).toBe(true);
    expect(rec.envId).toBe('Hopper');
    expect(rec.rewards.length).toBeLessThanOrEqual(50);
    expect(rec.states).toHaveLength(rec.rewards.length + 1);
    expect(rec.episodeReturn).toBeCloseTo(
      rec.rewards.reduce((a, b) => a + b, 0),
      9,
    );
  });
});
