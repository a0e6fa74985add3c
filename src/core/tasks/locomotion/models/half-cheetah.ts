/**
 * HalfCheetah (gym HalfCheetah-v3/v4 conventions; the paper's Brax "halfcheetah", docs/ALGORITHMS.md
 * §9.2/§9.3). gym's half_cheetah.xml (already local coordinates; total mass 14 kg), Euler, dt = 0.01·5.
 * obs = qpos[1:] (8) + qvel (9); reward = (x′ − x)/dt − 0.1·Σa²; no early termination.
 */
import type { ParamValues } from '../../../params';
import { defineLocomotionModel } from '../types';
import { commonParamSpecs, massScaleSpec, integratorChoice } from './common';

const paramSpecs = {
  ...commonParamSpecs({
    maxSteps: 1000,
    frameSkip: 5,
    timestep: 0.01,
    forwardRewardWeight: 1,
    ctrlCostWeight: 0.1,
    resetNoiseScale: 0.1,
  }),
  integrator: integratorChoice('Euler'),
  massScale: massScaleSpec('Total mass scale', 'Transfer variant: scales the total mass (14 kg, gym settotalmass).'),
};

/** Its parameter values. */
type Params = ParamValues<typeof paramSpecs>;

function xml(p: Params): string {
  return `<mujoco model="cheetah">
  <compiler angle="radian" inertiafromgeom="true" settotalmass="${14 * p.massScale}"/>
  <default>
    <joint armature="0.1" damping="0.01" limited="true" solimplimit="0 0.8 0.03" solreflimit="0.02 1" stiffness="8"/>
    <geom conaffinity="0" condim="3" contype="1" friction="0.4 0.1 0.1" rgba="0.8 0.6 0.4 1" solimp="0.0 0.8 0.01" solref="0.02 1"/>
    <motor ctrllimited="true" ctrlrange="-1 1"/>
  </default>
  <option gravity="0 0 -9.81" integrator="${p.integrator}" timestep="${p.timestep}"/>
  <worldbody>
    <geom conaffinity="1" condim="3" name="floor" pos="0 0 0" rgba="0.8 0.9 0.8 1" size="40 40 40" type="plane"/>
    <body name="torso" pos="0 0 0.7">
      <joint armature="0" axis="1 0 0" damping="0" limited="false" name="rootx" pos="0 0 0" stiffness="0" type="slide"/>
      <joint armature="0" axis="0 0 1" damping="0" limited="false" name="rootz" pos="0 0 0" stiffness="0" type="slide"/>
      <joint armature="0" axis="0 1 0" damping="0" limited="false" name="rooty" pos="0 0 0" stiffness="0" type="hinge"/>
      <geom fromto="-0.5 0 0 0.5 0 0" name="torso" size="0.046" type="capsule"/>
      <geom axisangle="0 1 0 0.87" name="head" pos="0.6 0 0.1" size="0.046 0.15" type="capsule"/>
      <body name="bthigh" pos="-0.5 0 0">
        <joint axis="0 1 0" damping="6" name="bthigh" pos="0 0 0" range="-0.52 1.05" stiffness="240" type="hinge"/>
        <geom axisangle="0 1 0 -3.8" name="bthigh" pos="0.1 0 -0.13" size="0.046 0.145" type="capsule"/>
        <body name="bshin" pos="0.16 0 -0.25">
          <joint axis="0 1 0" damping="4.5" name="bshin" pos="0 0 0" range="-0.785 0.785" stiffness="180" type="hinge"/>
          <geom axisangle="0 1 0 -2.03" name="bshin" pos="-0.14 0 -0.07" rgba="0.9 0.6 0.6 1" size="0.046 0.15" type="capsule"/>
          <body name="bfoot" pos="-0.28 0 -0.14">
            <joint axis="0 1 0" damping="3" name="bfoot" pos="0 0 0" range="-0.4 0.785" stiffness="120" type="hinge"/>
            <geom axisangle="0 1 0 -0.27" name="bfoot" pos="0.03 0 -0.097" rgba="0.9 0.6 0.6 1" size="0.046 0.094" type="capsule"/>
          </body>
        </body>
      </body>
      <body name="fthigh" pos="0.5 0 0">
        <joint axis="0 1 0" damping="4.5" name="fthigh" pos="0 0 0" range="-1 0.7" stiffness="180" type="hinge"/>
        <geom axisangle="0 1 0 0.52" name="fthigh" pos="-0.07 0 -0.12" size="0.046 0.133" type="capsule"/>
        <body name="fshin" pos="-0.14 0 -0.24">
          <joint axis="0 1 0" damping="3" name="fshin" pos="0 0 0" range="-1.2 0.87" stiffness="120" type="hinge"/>
          <geom axisangle="0 1 0 -0.6" name="fshin" pos="0.065 0 -0.09" rgba="0.9 0.6 0.6 1" size="0.046 0.106" type="capsule"/>
          <body name="ffoot" pos="0.13 0 -0.18">
            <joint axis="0 1 0" damping="1.5" name="ffoot" pos="0 0 0" range="-0.5 0.5" stiffness="60" type="hinge"/>
            <geom axisangle="0 1 0 -0.6" name="ffoot" pos="0.045 0 -0.07" rgba="0.9 0.6 0.6 1" size="0.046 0.07" type="capsule"/>
          </body>
        </body>
      </body>
    </body>
  </worldbody>
  <actuator>
    <motor gear="120" joint="bthigh" name="bthigh"/>
    <motor gear="90" joint="bshin" name="bshin"/>
    <motor gear="60" joint="bfoot" name="bfoot"/>
    <motor gear="120" joint="fthigh" name="fthigh"/>
    <motor gear="60" joint="fshin" name="fshin"/>
    <motor gear="30" joint="ffoot" name="ffoot"/>
  </actuator>
</mujoco>`;
}

export const halfCheetah = defineLocomotionModel({
  id: 'HalfCheetah',
  label: 'HalfCheetah (MuJoCo)',
  obsDim: 17,
  actDim: 6,
  qposSkip: 1,
  simulationBytes: 14 * 2 ** 20,
  resetNoise: { qvelDist: 'normal' },
  paramSpecs,
  xml,
  isHealthy: null,
});
