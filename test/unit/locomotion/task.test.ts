// Locomotion TaskDefs through the real registries: network shape without loading, fitness of a
// policy_mlp population equals the typed-array rollout, tensors stay flat; evojax observation
// normaliser against the direct mean/variance; viewer geometry reproduces the MJCF's capsules.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { getTask } from '../../../src/core/tasks/registry';
import { mlpRowPolicy } from '../../../src/core/tasks/control/rollout';
import { verifiedMlpLayout } from '../../../src/core/tasks/control/policy-net';
import {
  LOCOMOTION_TASKS,
  LocomotionSim,
  ObsNormalizer,
  hopper,
  loadMujoco,
  rolloutLocomotion,
} from '../../../src/core/tasks/locomotion';
import { modelParams, restScene } from './helpers';

const noBytes = {
  readBytes: async (): Promise<Uint8Array> => {
    throw new Error('no data needed');
  },
};

describe('locomotion TaskDefs', () => {
  it('are registered as control tasks with their network I/O known without loading', () => {
    for (const t of LOCOMOTION_TASKS) {
      expect(getTask(t.id)).toBe(t);
      expect(t.kind).toBe('control');
      expect(t.ioOf({}).outputSize).toBeGreaterThan(0);
    }
    expect(getTask('hopper').ioOf({})).toEqual({ inputShape: [11], outputSize: 3 });
    expect(getTask('halfcheetah').ioOf({})).toEqual({ inputShape: [17], outputSize: 6 });
  });

  it('hopper fitness = mean return of the typed-array rollout on the same episodes; tensor count flat', async () => {
    const given = { maxSteps: 40, episodes: 2, testEpisodes: 2, integrator: 'Euler' };
    const inst = await getTask('hopper').load(given, noBytes, new Rng(0));
    try {
      expect(inst.io).toEqual(getTask('hopper').ioOf({}));
      const net = getNetwork('policy_mlp').build({ hiddenLayers: 2, width: 8, outputActivation: 'tanh' }, inst.io);
      const rng = new Rng(3);
      const flat = Float32Array.from({ length: 4 * net.paramCount }, () => 0.5 * rng.normal());
      const params = tf.tensor2d(flat, [4, net.paramCount]);
      const before = tf.memory().numTensors;
      const { scores } = inst.evaluatePopulation(net, params, new Rng(9));
      const got = Array.from(scores.dataSync());
      scores.dispose();
      expect(tf.memory().numTensors).toBe(before);
      const layout = verifiedMlpLayout(net)!;
      expect(layout.output).toBe('tanh');
      const sim = new LocomotionSim(await loadMujoco(), hopper, modelParams(hopper, given));
      try {
        const ref = rolloutLocomotion({
          sim,
          members: 4,
          episodes: 2,
          policy: mlpRowPolicy(layout, flat),
          rng: new Rng(9),
        });
        got.forEach((s, p) => expect(s).toBeCloseTo(ref.meanReturns[p], 3));
      } finally {
        sim.dispose();
      }
      const test = await inst.evaluateTest(net, params);
      expect(test).toHaveLength(4);
      for (const r of test) expect(r.loss).toBe(-r.perf);
      params.dispose();
    } finally {
      inst.dispose();
    }
  });
});

describe('scoresTogether (known before loading)', () => {
  it.each([true, false])('hopper, obsNorm = %s: agrees with the loaded instance', async (obsNorm) => {
    const given = { obsNorm, maxSteps: 10 };
    const inst = await getTask('hopper').load(given, noBytes, new Rng(0));
    try {
      expect(getTask('hopper').scoresTogether?.(given)).toBe(obsNorm);
      expect(inst.independentMembers).toBe(!obsNorm);
    } finally {
      inst.dispose();
    }
  });
});

describe('observation normalisation across trainings', () => {
  it('each training starts from fresh statistics: its fitness does not depend on what trained before', async () => {
    const given = { obsNorm: true, maxSteps: 20, episodes: 2, integrator: 'Euler' };
    const inst = await getTask('hopper').load(given, noBytes, new Rng(0));
    try {
      const net = getNetwork('policy_mlp').build({ hiddenLayers: 1, width: 4, outputActivation: 'tanh' }, inst.io);
      const rng = new Rng(4);
      const params = tf.tensor2d(
        Float32Array.from({ length: 3 * net.paramCount }, () => rng.normal()),
        [3, net.paramCount],
      );
      const generation = (seed: number) => {
        const { scores } = inst.evaluatePopulation(net, params, new Rng(seed));
        const v = Array.from(scores.dataSync());
        scores.dispose();
        return v;
      };
      inst.beginTraining?.();
      const first = [generation(1), generation(2)];
      // the second generation normalised with the first's statistics: the statistics matter here
      inst.beginTraining?.();
      expect(generation(2)).not.toEqual(first[1]);
      inst.beginTraining?.();
      expect([generation(1), generation(2)]).toEqual(first);
      params.dispose();
    } finally {
      inst.dispose();
    }
  });
});

describe('ObsNormalizer (evojax obs_norm semantics)', () => {
  it('batched running updates give the plain mean and n·variance; normalise clips to ±5', () => {
    const rng = new Rng(5);
    const dim = 3,
      norm = new ObsNormalizer(dim);
    const all: number[][] = [];
    for (let batch = 0; batch < 4; batch++) {
      for (let k = 0; k < 10 + batch; k++) {
        const o = Float32Array.from({ length: dim }, (_, j) => 2 + j + (j + 1) * rng.normal());
        all.push(Array.from(o));
        norm.record(o, 0);
      }
      norm.commit();
    }
    const n = all.length;
    expect(norm.count).toBe(n);
    for (let j = 0; j < dim; j++) {
      const mean = all.reduce((s, o) => s + o[j], 0) / n;
      const m2 = all.reduce((s, o) => s + (o[j] - mean) ** 2, 0);
      expect(norm.mean[j]).toBeCloseTo(mean, 9);
      expect(norm.m2[j]).toBeCloseTo(m2, 6);
    }
    const x = Float32Array.of(norm.mean[0], norm.mean[1] + 1e6, norm.mean[2]);
    norm.normalize(x, 0);
    expect(x[0]).toBeCloseTo(0, 6);
    expect(x[1]).toBe(5);
  });

  it('statistics stay frozen during a rollout and update after it (training only)', async () => {
    const sim = new LocomotionSim(await loadMujoco(), hopper, modelParams(hopper, { maxSteps: 20 }));
    try {
      const norm = new ObsNormalizer(hopper.obsDim);
      const zero = (_m: Int32Array, _o: Float32Array, rows: number, out: Float32Array) => {
        out.fill(0, 0, rows * 3);
      };
      rolloutLocomotion({ sim, members: 2, episodes: 1, policy: zero, rng: new Rng(1), normalizer: norm });
      expect(norm.count).toBe(0);
      const r = rolloutLocomotion({
        sim,
        members: 2,
        episodes: 1,
        policy: zero,
        rng: new Rng(1),
        normalizer: norm,
        updateNormalizer: true,
      });
      expect(norm.count).toBe(r.totalSteps);
      expect(norm.mean[0]).toBeGreaterThan(1); // torso height ≈ 1.2 m
    } finally {
      sim.dispose();
    }
  });
});

describe('viewer geometry', () => {
  it('hopper at rest: capsule ends where the MJCF puts them (torso 1.05–1.45 m, foot −0.13…0.26 m at 0.1 m)', async () => {
    const sim = new LocomotionSim(await loadMujoco(), hopper, modelParams(hopper));
    try {
      const scene = restScene(sim);
      const links = scene.primitives.filter((p) => p.kind === 'line' && (p.role === 'link' || p.role === 'body'));
      expect(links).toHaveLength(4);
      const ends = links.map((l) =>
        l.kind === 'line' ? [l.x1, l.y1, l.x2, l.y2].map((v) => Math.round(v * 1000) / 1000) : [],
      );
      const sortedZ = (e: number[]) => [Math.min(e[1], e[3]), Math.max(e[1], e[3])];
      expect(sortedZ(ends[0])).toEqual([1.05, 1.45]);
      expect(sortedZ(ends[3])).toEqual([0.1, 0.1]);
      expect([Math.min(ends[3][0], ends[3][2]), Math.max(ends[3][0], ends[3][2])]).toEqual([-0.13, 0.26]);
      expect(scene.primitives.some((p) => p.role === 'ground')).toBe(true);
    } finally {
      sim.dispose();
    }
  });
});
