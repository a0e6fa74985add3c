// Ant (gym Ant-v4 rules without contact forces): observation layout qpos[2:] + qvel, zero actions
// stay finite and never fall (the Ant rests on its legs, gym's behaviour too), the healthy range 0.2 ≤ z ≤ 1
// ends episodes at the first state outside it, reward terms with ctrl cost 0.5·Σa², the mass-scale variant,
// and the side-view scene (sphere torso + 12 capsules). Compile/determinism/batched = looped are covered
// for every model, Ant included, by locomotion.test.ts.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { getTask } from '../../../src/core/tasks/registry';
import { ant, recordLocomotionEpisode, type LocomotionSim } from '../../../src/core/tasks/locomotion';
import { isLocomotionRecord, sceneOfFrame } from '../../../src/ui/control/scene-view';
import { linearPolicy, modelParams, restScene, simPool, zeroPolicy } from './helpers';

const pool = simPool();
const simOf = (overrides = {}): LocomotionSim => pool.simOf(ant, overrides);

const healthy = (q: number[], zMin = 0.2, zMax = 1) => q[2] >= zMin && q[2] <= zMax;
const totalMass = (s: LocomotionSim) => Array.from(s.model.body_mass as Float64Array).reduce((a, b) => a + b, 0);

describe('Ant model', () => {
  it('is registered with 27 observations (qpos without x, y; qvel) and 8 torques', () => {
    expect(getTask('ant').ioOf({})).toEqual({ inputShape: [27], outputSize: 8 });
    const sim = simOf();
    expect([sim.nq, sim.nv, sim.nu]).toEqual([15, 14, 8]);
    expect(sim.dt).toBeCloseTo(0.05, 12);
    sim.ensure(1);
    sim.setState(0, sim.drawStart(new Rng(5)));
    const obs = new Float32Array(27);
    sim.observe(0, obs, 0);
    const { qpos, qvel } = sim.view(0);
    expect(Array.from(obs)).toEqual(Array.from(Float32Array.from([...qpos.slice(2), ...qvel])));
    expect(qpos[2]).toBeGreaterThan(0.65); // torso starts at 0.75 ± 0.1
    expect(qpos[2]).toBeLessThan(0.85);
  });

  it('zero actions: finite states, healthy throughout, runs to maxSteps with the bonus every step', async () => {
    const rec = await recordLocomotionEpisode(
      ant,
      modelParams(ant, { maxSteps: 300 }),
      zeroPolicy(ant.actDim),
      new Rng(1),
    );
    expect(rec.rewards).toHaveLength(300);
    expect(rec.truncated).toBe(true);
    for (const q of [...rec.qpos, ...rec.qvel]) for (const v of q) expect(Number.isFinite(v)).toBe(true);
    for (const q of rec.qpos) expect(healthy(q)).toBe(true);
    for (const t of rec.terms) {
      expect(t.healthy).toBe(1);
      expect(t.ctrlCost).toBe(0);
    }
    expect(rec.qpos[300][2]).toBeLessThan(0.6); // it sinks onto its legs
  });

  it('terminates at the first state with z ∉ [0.2, 1] (strong random torques make it jump or flip)', async () => {
    const params = modelParams(ant, { healthyZMax: 0.8 });
    const rec = await recordLocomotionEpisode(ant, params, linearPolicy(ant, 1, 5, 3), new Rng(2));
    expect(rec.truncated).toBe(false);
    const n = rec.rewards.length;
    expect(n).toBeLessThan(1000);
    for (let k = 1; k < n; k++) expect(healthy(rec.qpos[k], 0.2, 0.8)).toBe(true);
    expect(healthy(rec.qpos[n], 0.2, 0.8)).toBe(false);
  });

  it('reward terms: forward (x′ − x)/dt, healthy 1, ctrl cost 0.5·Σa² of the clipped action', async () => {
    const rec = await recordLocomotionEpisode(
      ant,
      modelParams(ant, { maxSteps: 60 }),
      linearPolicy(ant, 1, 3, 1),
      new Rng(4),
    );
    expect(rec.rewards.length).toBeGreaterThan(5);
    rec.terms.forEach((t, k) => {
      expect(t.forward).toBeCloseTo((rec.qpos[k + 1][0] - rec.qpos[k][0]) / 0.05, 9);
      expect(t.ctrlCost).toBeCloseTo(0.5 * rec.actionVectors[k].reduce((s, a) => s + a * a, 0), 12);
      expect(t.healthy).toBe(1);
      expect(rec.rewards[k]).toBeCloseTo(t.forward + 1 - t.ctrlCost, 12);
    });
  });

  it('mass-scale variant multiplies every body mass; same seed ⇒ same episode, other mass ⇒ other episode', async () => {
    const m1 = totalMass(simOf()),
      m2 = totalMass(simOf({ massScale: 2 }));
    expect(m2 / m1).toBeCloseTo(2, 9);
    const run = (massScale: number) =>
      recordLocomotionEpisode(
        ant,
        modelParams(ant, { maxSteps: 40, massScale }),
        linearPolicy(ant, 1, 3, 1),
        new Rng(6),
      );
    const [a, b, c] = [await run(1), await run(1), await run(2)];
    expect(a.rewards).toEqual(b.rewards);
    expect(a.rewards).not.toEqual(c.rewards);
  });
});

describe('Ant side view', () => {
  it('at rest: sphere torso at 0.75 m, 12 leg capsules in the torso plane, ground line', () => {
    const scene = restScene(simOf());
    const torso = scene.primitives.filter((p) => p.kind === 'circle' && p.role === 'body');
    expect(torso).toHaveLength(1);
    if (torso[0].kind === 'circle') {
      expect(torso[0].cy).toBeCloseTo(0.75, 9);
      expect(torso[0].r).toBeCloseTo(0.25, 12);
    }
    const legs = scene.primitives.filter((p) => p.kind === 'line' && p.role === 'link');
    expect(legs).toHaveLength(12);
    for (const l of legs)
      if (l.kind === 'line') {
        expect(l.y1).toBeCloseTo(0.75, 9);
        expect(l.y2).toBeCloseTo(0.75, 9);
      }
    expect(scene.primitives.some((p) => p.role === 'ground')).toBe(true);
  });

  it('a recorded episode renders as a locomotion record', async () => {
    const rec = await recordLocomotionEpisode(
      ant,
      modelParams(ant, { maxSteps: 20 }),
      linearPolicy(ant, 1, 3, 1),
      new Rng(4),
    );
    expect(isLocomotionRecord(rec)).toBe(true);
    expect(rec.envId).toBe('Ant');
    expect(sceneOfFrame(rec, rec.states.length - 1, {}).primitives.filter((p) => p.role === 'link')).toHaveLength(12);
  });
});
