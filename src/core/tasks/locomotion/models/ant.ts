/**
 * Ant (gym Ant-v4 conventions with its default `use_contact_forces=False`, i.e. Ant-v3 without the
 * contact-force observation and contact cost; the paper's Brax "ant", docs/ALGORITHMS.md §9.2/§9.3).
 * gym's ant.xml (already in local coordinates; `coordinate="local"` dropped as MuJoCo ≥ 2.3.3 has no such
 * attribute): a 0.25 m sphere torso on a free joint at z = 0.75 and four legs (hip ±30°, ankle 30…70°),
 * eight motors with gear 150, density 5, RK4, dt = 0.01·5.
 * obs = qpos[2:] (13: z, quaternion, 8 joint angles) + qvel (14) = 27;
 * reward = (x′ − x)/dt + 1 (healthy) − 0.5·Σa²; healthy ⇔ state finite and 0.2 ≤ z ≤ 1.
 * The contact-force term (cfrc_ext, 84 observations, cost 5e−4·Σclip(f)²) is NOT implemented.
 */
import { num } from '../../../params';
import type { ParamValues } from '../../../params';
import { defineLocomotionModel, type SimState } from '../types';
import { commonParamSpecs, healthSpecs, massScaleSpec, integratorChoice } from './common';

/** gym ant.xml geom density; the mass-scale variant multiplies it, so every body's mass scales alike. */
const DENSITY = 5;

/**
 * One leg: a fixed hip segment (aux) from the torso centre, then the hip joint (about z), the upper leg,
 * the ankle joint (about `ankleAxis`) and the lower leg. (dx, dy) is the leg's direction in the x–y plane.
 */
function leg(
  k: number,
  name: string,
  dx: number,
  dy: number,
  ankleAxis: string,
  ankleRange: string,
  legGeom: string,
  ankleGeom: string,
): string {
  const a = `${0.2 * dx} ${0.2 * dy}`,
    b = `${0.4 * dx} ${0.4 * dy}`;
  return `<body name="${name}" pos="0 0 0">
        <geom fromto="0 0 0 ${a} 0" name="aux_${k}_geom" size="0.08" type="capsule"/>
        <body name="aux_${k}" pos="${a} 0">
          <joint axis="0 0 1" name="hip_${k}" pos="0 0 0" range="-30 30" type="hinge"/>
          <geom fromto="0 0 0 ${a} 0" name="${legGeom}" size="0.08" type="capsule"/>
          <body pos="${a} 0">
            <joint axis="${ankleAxis}" name="ankle_${k}" pos="0 0 0" range="${ankleRange}" type="hinge"/>
            <geom fromto="0 0 0 ${b} 0" name="${ankleGeom}" size="0.08" type="capsule"/>
          </body>
        </body>
      </body>`;
}

const paramSpecs = {
  ...commonParamSpecs({
    maxSteps: 1000,
    frameSkip: 5,
    timestep: 0.01,
    forwardRewardWeight: 1,
    ctrlCostWeight: 0.5,
    resetNoiseScale: 0.1,
  }),
  integrator: integratorChoice('RK4'),
  ...healthSpecs(),
  healthyZMin: num(
    0.2,
    0,
    0.75,
    0.05,
    'Healthy min height [m]',
    'Torso height z must stay at or above this (gym healthy_z_range[0]).',
  ),
  healthyZMax: num(
    1,
    0.75,
    5,
    0.05,
    'Healthy max height [m]',
    'Torso height z must stay at or below this (gym healthy_z_range[1]).',
  ),
  massScale: massScaleSpec(
    'Body mass scale',
    "Transfer variant: multiplies every body's mass (geom density 5 in gym's ant.xml).",
  ),
};

/** Its parameter values. */
type Params = ParamValues<typeof paramSpecs>;

function xml(p: Params): string {
  const density = DENSITY * p.massScale;
  // Actuator order of gym's ant.xml: leg 4, leg 1, leg 2, leg 3 (hip then ankle).
  const motors = [4, 1, 2, 3]
    .flatMap((k) => [`hip_${k}`, `ankle_${k}`])
    .map((j) => `<motor ctrllimited="true" ctrlrange="-1 1" joint="${j}" gear="150"/>`)
    .join('\n    ');
  return `<mujoco model="ant">
  <compiler angle="degree" inertiafromgeom="true"/>
  <option integrator="${p.integrator}" timestep="${p.timestep}"/>
  <default>
    <joint armature="1" damping="1" limited="true"/>
    <geom conaffinity="0" condim="3" density="${density}" friction="1 0.5 0.5" margin="0.01" rgba="0.8 0.6 0.4 1"/>
  </default>
  <worldbody>
    <geom conaffinity="1" condim="3" name="floor" pos="0 0 0" rgba="0.8 0.9 0.8 1" size="40 40 40" type="plane"/>
    <body name="torso" pos="0 0 0.75">
      <geom name="torso_geom" pos="0 0 0" size="0.25" type="sphere"/>
      <joint armature="0" damping="0" limited="false" margin="0.01" name="root" pos="0 0 0" type="free"/>
      ${leg(1, 'front_left_leg', 1, 1, '-1 1 0', '30 70', 'left_leg_geom', 'left_ankle_geom')}
      ${leg(2, 'front_right_leg', -1, 1, '1 1 0', '-70 -30', 'right_leg_geom', 'right_ankle_geom')}
      ${leg(3, 'back_leg', -1, -1, '-1 1 0', '-70 -30', 'back_leg_geom', 'third_ankle_geom')}
      ${leg(4, 'right_back_leg', 1, -1, '1 1 0', '30 70', 'rightback_leg_geom', 'fourth_ankle_geom')}
    </body>
  </worldbody>
  <actuator>
    ${motors}
  </actuator>
</mujoco>`;
}

/** gym Ant `is_healthy`: every qpos/qvel entry finite and healthy_z_range[0] ≤ z ≤ healthy_z_range[1] (closed). */
function isHealthy({ qpos, qvel }: SimState, p: Params): boolean {
  for (const v of qpos) if (!Number.isFinite(v)) return false;
  for (const v of qvel) if (!Number.isFinite(v)) return false;
  const z = qpos[2];
  return z >= p.healthyZMin && z <= p.healthyZMax;
}

export const ant = defineLocomotionModel({
  id: 'Ant',
  label: 'Ant (MuJoCo)',
  obsDim: 27,
  actDim: 8,
  qposSkip: 2,
  simulationBytes: 15 * 2 ** 20,
  resetNoise: { qvelDist: 'normal' },
  paramSpecs,
  xml,
  isHealthy,
});
