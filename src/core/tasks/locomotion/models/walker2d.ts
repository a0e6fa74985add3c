/**
 * Walker2d (gym Walker2d-v3/v4 conventions; the paper's Brax "walker2d", docs/ALGORITHMS.md §9.2/§9.3).
 * gym's walker2d.xml rewritten in local coordinates (MuJoCo ≥ 2.3.3 dropped `coordinate="global"`):
 * Hopper's torso and two legs (thigh 0.45 m, leg 0.5 m, foot 0…0.2 m; left foot friction 1.9), gear 100.
 * obs = qpos[1:] (8) + clip(qvel, ±10) (9); reward = (x′ − x)/dt + 1 (healthy) − 1e−3·Σa²;
 * healthy ⇔ 0.8 < z < 2 and |angle| < 1.
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

/** One leg (thigh → leg → foot) in local coordinates; `suffix` names its bodies/joints/geoms. */
function leg(suffix: string, footFriction: number, rgba: string): string {
  return `<body name="thigh${suffix}" pos="0 0 -0.2">
        <joint axis="0 -1 0" name="thigh${suffix}_joint" pos="0 0 0" range="-150 0" type="hinge"/>
        <geom friction="0.9" fromto="0 0 0 0 0 -0.45" name="thigh${suffix}_geom" size="0.05" type="capsule" rgba="${rgba}"/>
        <body name="leg${suffix}" pos="0 0 -0.45">
          <joint axis="0 -1 0" name="leg${suffix}_joint" pos="0 0 0" range="-150 0" type="hinge"/>
          <geom friction="0.9" fromto="0 0 0 0 0 -0.5" name="leg${suffix}_geom" size="0.04" type="capsule" rgba="${rgba}"/>
          <body name="foot${suffix}" pos="0 0 -0.5">
            <joint axis="0 -1 0" name="foot${suffix}_joint" pos="0 0 0" range="-45 45" type="hinge"/>
            <geom friction="${footFriction}" fromto="0 0 0 0.2 0 0" name="foot${suffix}_geom" size="0.06" type="capsule" rgba="${rgba}"/>
          </body>
        </body>
      </body>`;
}

const paramSpecs = {
  ...commonParamSpecs(PLANAR_WALKER_DEFAULTS),
  integrator: integratorChoice('RK4'),
  qvelClip: qvelClipSpec('Walker2d'),
  ...healthSpecs(),
  healthyZMin: num(
    0.8,
    0,
    1.25,
    0.05,
    'Healthy min height [m]',
    'Torso height z must stay above this (gym healthy_z_range[0]).',
  ),
  healthyZMax: num(
    2,
    1.25,
    5,
    0.05,
    'Healthy max height [m]',
    'Torso height z must stay below this (gym healthy_z_range[1]).',
  ),
  healthyAngleMax: num(
    1,
    0.05,
    3.2,
    0.05,
    'Healthy max |angle| [rad]',
    'Torso pitch must stay within ±this (gym healthy_angle_range).',
  ),
  torsoMassScale: massScaleSpec('Torso mass scale', 'Transfer variant: multiplies the torso mass (3.67 kg).'),
};

/** Its parameter values. */
type Params = ParamValues<typeof paramSpecs>;

function xml(p: Params): string {
  const torsoMass = 3.6651914291880923 * p.torsoMassScale; // gym's torso capsule at density 1000
  return `<mujoco model="walker2d">
  <compiler angle="degree" inertiafromgeom="true"/>
  <default>
    <joint armature="0.01" damping="0.1" limited="true"/>
    <geom conaffinity="0" condim="3" contype="1" density="1000" friction="0.7 0.1 0.1" rgba="0.8 0.6 0.4 1"/>
  </default>
  <option integrator="${p.integrator}" timestep="${p.timestep}"/>
  <worldbody>
    <geom conaffinity="1" condim="3" name="floor" pos="0 0 0" rgba="0.8 0.9 0.8 1" size="40 40 40" type="plane"/>
    <body name="torso" pos="0 0 1.25">
      <joint armature="0" axis="1 0 0" damping="0" limited="false" name="rootx" pos="0 0 0" stiffness="0" type="slide"/>
      <joint armature="0" axis="0 0 1" damping="0" limited="false" name="rootz" pos="0 0 0" ref="1.25" stiffness="0" type="slide"/>
      <joint armature="0" axis="0 1 0" damping="0" limited="false" name="rooty" pos="0 0 0" stiffness="0" type="hinge"/>
      <geom friction="0.9" fromto="0 0 0.2 0 0 -0.2" name="torso_geom" size="0.05" type="capsule" mass="${torsoMass}"/>
      ${leg('', 0.9, '0.8 0.6 0.4 1')}
      ${leg('_left', 1.9, '0.7 0.3 0.6 1')}
    </body>
  </worldbody>
  <actuator>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="100" joint="thigh_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="100" joint="leg_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="100" joint="foot_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="100" joint="thigh_left_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="100" joint="leg_left_joint"/>
    <motor ctrllimited="true" ctrlrange="-1 1" gear="100" joint="foot_left_joint"/>
  </actuator>
</mujoco>`;
}

/** gym Walker2d `is_healthy`: healthy_z_range (0.8, 2.0) and healthy_angle_range (−1, 1), open intervals. */
function isHealthy({ qpos }: SimState, p: Params): boolean {
  const z = qpos[1],
    angle = qpos[2];
  return z > p.healthyZMin && z < p.healthyZMax && Math.abs(angle) < p.healthyAngleMax;
}

export const walker2d = defineLocomotionModel({
  id: 'Walker2d',
  label: 'Walker2d (MuJoCo)',
  obsDim: 17,
  actDim: 6,
  qposSkip: 1,
  simulationBytes: 14 * 2 ** 20,
  resetNoise: { qvelDist: 'uniform' },
  paramSpecs,
  xml,
  isHealthy,
});
