/**
 * Hopper (gym Hopper-v3/v4 conventions; the paper's Brax "hopper", docs/ALGORITHMS.md §9.2/§9.3).
 * The MJCF is gym's hopper.xml rewritten in local coordinates (MuJoCo ≥ 2.3.3 dropped
 * `coordinate="global"`): torso 1.05–1.45 m, thigh 0.45 m, leg 0.5 m, foot −0.13…0.26 m, gear 200.
 * obs = qpos[1:] (5) + clip(qvel, ±10) (6); reward = (x′ − x)/dt + 1 (healthy) − 1e−3·Σa²;
 * healthy ⇔ z > 0.7, |angle| < 0.2 and every qpos[2:], qvel entry in (−100, 100).
 */
import { num } from '../../../params';
import type { ParamValues } from '../../../params';
import { defineLocomotionModel, type SimState } from '../types';
import {
  commonParamSpecs,
  PLANAR_WALKER_DEFAULTS,
  healthSpecs,
  qvelClipSpec,
  massScaleSpec,
  integratorChoice,
} from './common';

const paramSpecs = {
  ...commonParamSpecs(PLANAR_WALKER_DEFAULTS),
  integrator: integratorChoice('RK4'),
  qvelClip: qvelClipSpec('Hopper'),
  ...healthSpecs(),
  healthyZMin: num(
    0.7,
    0,
    1.25,
    0.05,
    'Healthy min height [m]',
    'Torso height z must stay above this (gym healthy_z_range[0]).',
  ),
  healthyAngleMax: num(
    0.2,
    0.05,
    3.2,
    0.05,
    'Healthy max |angle| [rad]',
    'Torso pitch must stay within ±this (gym healthy_angle_range).',
  ),
  torsoMassScale: massScaleSpec(
    'Torso mass scale',
    "Transfer variant: multiplies the torso mass (3.67 kg), as the paper varies Ant's torso mass (docs/ALGORITHMS.md §5).",
  ),
};

/** Its parameter values. */
type Params = ParamValues<typeof paramSpecs>;

function xml(p: Params): string {
  const torsoMass = 3.6651914291880923 * p.torsoMassScale; // gym's torso capsule at density 1000
  return `<mujoco model="hopper">
  <compiler angle="degree" inertiafromgeom="true"/>
  <default>
    <joint armature="1" damping="1" limited="true"/>
    <geom conaffinity="1" condim="1" contype="1" margin="0.001" rgba="0.8 0.6 0.4 1" solimp="0.8 0.8 0.01" solref="0.02 1"/>
    <motor ctrllimited="true" ctrlrange="-1 1"/>
  </default>
  <option integrator="${p.integrator}" timestep="${p.timestep}"/>
  <worldbody>
    <geom conaffinity="1" condim="3" name="floor" pos="0 0 0" rgba="0.8 0.9 0.8 1" size="20 20 0.125" type="plane"/>
    <body name="torso" pos="0 0 1.25">
      <joint armature="0" axis="1 0 0" damping="0" limited="false" name="rootx" pos="0 0 0" stiffness="0" type="slide"/>
      <joint armature="0" axis="0 0 1" damping="0" limited="false" name="rootz" pos="0 0 0" ref="1.25" stiffness="0" type="slide"/>
      <joint armature="0" axis="0 1 0" damping="0" limited="false" name="rooty" pos="0 0 0" stiffness="0" type="hinge"/>
      <geom friction="0.9" fromto="0 0 0.2 0 0 -0.2" name="torso_geom" size="0.05" type="capsule" mass="${torsoMass}"/>
      <body name="thigh" pos="0 0 -0.2">
        <joint axis="0 -1 0" name="thigh_joint" pos="0 0 0" range="-150 0" type="hinge"/>
        <geom friction="0.9" fromto="0 0 0 0 0 -0.45" name="thigh_geom" size="0.05" type="capsule"/>
        <body name="leg" pos="0 0 -0.45">
          <joint axis="0 -1 0" name="leg_joint" pos="0 0 0" range="-150 0" type="hinge"/>
          <geom friction="0.9" fromto="0 0 0 0 0 -0.5" name="leg_geom" size="0.04" type="capsule"/>
          <body name="foot" pos="0 0 -0.5">
            <joint axis="0 -1 0" name="foot_joint" pos="0 0 0" range="-45 45" type="hinge"/>
            <geom friction="2" fromto="-0.13 0 0 0.26 0 0" name="foot_geom" size="0.06" type="capsule"/>
          </body>
        </body>
      </body>
    </body>
  </worldbody>
  <actuator>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="200" joint="thigh_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="200" joint="leg_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="200" joint="foot_joint"/>
  </actuator>
</mujoco>`;
}

/** gym Hopper `is_healthy`: state_vector()[2:] within ±100, z > 0.7, |angle| < 0.2 (defaults). */
function isHealthy({ qpos, qvel }: SimState, p: Params): boolean {
  const lim = 100;
  for (let k = 2; k < qpos.length; k++) if (!(Math.abs(qpos[k]) < lim)) return false;
  for (let k = 0; k < qvel.length; k++) if (!(Math.abs(qvel[k]) < lim)) return false;
  return qpos[1] > p.healthyZMin && Math.abs(qpos[2]) < p.healthyAngleMax;
}

export const hopper = defineLocomotionModel({
  id: 'Hopper',
  label: 'Hopper (MuJoCo)',
  obsDim: 11,
  actDim: 3,
  qposSkip: 1,
  simulationBytes: 14 * 2 ** 20,
  resetNoise: { qvelDist: 'uniform' },
  paramSpecs,
  xml,
  isHealthy,
});
