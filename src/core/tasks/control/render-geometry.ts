/**
 * Canvas-free scene descriptions for the UI's rollout viewer: one pure function per environment maps a
 * single state (variables in the env's `stateNames` order) to 2-D primitives in world coordinates
 * (y up). The UI only scales `bounds` to its canvas and draws the primitives; no physics lives there.
 * Geometry follows gym's classic-control renderers (docs/ALGORITHMS.md §11 for the quantities).
 */
import type { AnyParamValues } from '../../params';
import { MOUNTAIN_CAR_BOUNDS, mountainHeight, type MountainCarContinuousParams } from './envs/mountain-car-continuous';
import type { AcrobotParams } from './envs/acrobot';
import type { CartPoleParams } from './envs/cartpole';
import type { PendulumParams } from './envs/pendulum';

/** What a primitive depicts, so the UI can pick colours without knowing the env. */
export type PrimitiveRole = 'ground' | 'body' | 'link' | 'joint' | 'goal' | 'limit';

export type Primitive =
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly width: number;
      readonly role: PrimitiveRole;
    }
  | {
      readonly kind: 'rect';
      readonly cx: number;
      readonly cy: number;
      readonly w: number;
      readonly h: number;
      readonly angle: number;
      readonly role: PrimitiveRole;
    }
  | {
      readonly kind: 'circle';
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly role: PrimitiveRole;
    }
  | {
      readonly kind: 'polyline';
      readonly points: readonly number[];
      readonly width: number;
      readonly role: PrimitiveRole;
    };

export interface Scene {
  /** World-coordinate viewport [xMin, xMax] × [yMin, yMax] that contains every reachable state. */
  readonly bounds: { readonly xMin: number; readonly xMax: number; readonly yMin: number; readonly yMax: number };
  readonly primitives: readonly Primitive[];
}

export type SceneFn = (state: readonly number[], params: AnyParamValues) => Scene;

const line = (x1: number, y1: number, x2: number, y2: number, width: number, role: PrimitiveRole): Primitive => ({
  kind: 'line',
  x1,
  y1,
  x2,
  y2,
  width,
  role,
});
const circle = (cx: number, cy: number, r: number, role: PrimitiveRole): Primitive => ({
  kind: 'circle',
  cx,
  cy,
  r,
  role,
});

/** Cart at x on a track of half-width xThreshold; pole of length 2l at angle θ from vertical (θ > 0 leans right). */
export function cartPoleScene([x, , theta]: readonly number[], params: CartPoleParams): Scene {
  const xThr = params.xThreshold;
  const poleLen = 2 * params.poleHalfLength;
  const cartW = 0.5;
  const cartH = 0.3;
  const pivotY = cartH / 2;
  return {
    bounds: { xMin: -xThr - 0.5, xMax: xThr + 0.5, yMin: -0.5, yMax: poleLen + 0.5 },
    primitives: [
      line(-xThr - 0.5, 0, xThr + 0.5, 0, 0.02, 'ground'),
      line(-xThr, -0.2, -xThr, 0.2, 0.02, 'limit'),
      line(xThr, -0.2, xThr, 0.2, 0.02, 'limit'),
      { kind: 'rect', cx: x, cy: 0, w: cartW, h: cartH, angle: 0, role: 'body' },
      line(x, pivotY, x + poleLen * Math.sin(theta), pivotY + poleLen * Math.cos(theta), 0.08, 'link'),
      circle(x, pivotY, 0.05, 'joint'),
    ],
  };
}

/** Arm of length l from the pivot; θ = 0 is upright (gym's convention), positive θ counter-clockwise. */
export function pendulumScene([theta]: readonly number[], params: PendulumParams): Scene {
  const l = params.length;
  const ex = -l * Math.sin(theta);
  const ey = l * Math.cos(theta);
  return {
    bounds: { xMin: -1.2 * l, xMax: 1.2 * l, yMin: -1.2 * l, yMax: 1.2 * l },
    primitives: [line(0, 0, ex, ey, 0.2 * l, 'link'), circle(ex, ey, 0.1 * l, 'body'), circle(0, 0, 0.05 * l, 'joint')],
  };
}

/** Two links hanging from the origin (θ1 = θ2 = 0 points straight down); the goal line is y = 1. */
export function acrobotScene([th1, th2]: readonly number[], params: AcrobotParams): Scene {
  const l1 = params.linkLength1;
  const l2 = 1; // gymnax's termination height assumes link 2 has length 1
  const p1x = l1 * Math.sin(th1);
  const p1y = -l1 * Math.cos(th1);
  const p2x = p1x + l2 * Math.sin(th1 + th2);
  const p2y = p1y - l2 * Math.cos(th1 + th2);
  const reach = l1 + l2 + 0.2;
  return {
    bounds: { xMin: -reach, xMax: reach, yMin: -reach, yMax: reach },
    primitives: [
      line(-reach, 1, reach, 1, 0.02, 'goal'),
      line(0, 0, p1x, p1y, 0.1, 'link'),
      line(p1x, p1y, p2x, p2y, 0.1, 'link'),
      circle(0, 0, 0.06, 'joint'),
      circle(p1x, p1y, 0.06, 'joint'),
    ],
  };
}

const HILL_SAMPLES = 64;

/** Hill y = sin(3p)·0.45 + 0.55 over the position range, the car on it tilted with the slope, goal flag. */
export function mountainCarScene([position]: readonly number[], params: MountainCarContinuousParams): Scene {
  const { minPosition, maxPosition } = MOUNTAIN_CAR_BOUNDS;
  const points: number[] = [];
  for (let k = 0; k <= HILL_SAMPLES; k++) {
    const p = minPosition + ((maxPosition - minPosition) * k) / HILL_SAMPLES;
    points.push(p, mountainHeight(p));
  }
  const slopeAngle = Math.atan(Math.cos(3 * position) * 0.45 * 3);
  const goal = params.goalPosition;
  const carH = 0.04;
  return {
    bounds: { xMin: minPosition, xMax: maxPosition, yMin: 0, yMax: 1.1 },
    primitives: [
      { kind: 'polyline', points, width: 0.01, role: 'ground' },
      line(goal, mountainHeight(goal), goal, mountainHeight(goal) + 0.1, 0.01, 'goal'),
      {
        kind: 'rect',
        cx: position - (Math.sin(slopeAngle) * carH) / 2,
        cy: mountainHeight(position) + (Math.cos(slopeAngle) * carH) / 2,
        w: 0.1,
        h: carH,
        angle: slopeAngle,
        role: 'body',
      },
    ],
  };
}

/**
 * A scene function typed by its env's params as a registry entry: `sceneOf` is called with the env's
 * params resolved against its own specs (the task's, or recordEpisode's), so the typing is sound.
 */
const sceneFn = <P>(fn: (state: readonly number[], params: P) => Scene): SceneFn => fn as unknown as SceneFn;

/** Scene function per env id (a test checks that every CONTROL_ENVS entry has one). */
export const RENDER_SCENES: Readonly<Record<string, SceneFn>> = {
  'CartPole-v1': sceneFn(cartPoleScene),
  'Pendulum-v1': sceneFn(pendulumScene),
  'Acrobot-v1': sceneFn(acrobotScene),
  'MountainCarContinuous-v0': sceneFn(mountainCarScene),
};

/** The scene of `state` in env `envId`; throws for an env without a renderer. */
export function sceneOf(envId: string, state: readonly number[], params: AnyParamValues): Scene {
  const fn = RENDER_SCENES[envId];
  if (!fn) throw new Error(`no render geometry for env "${envId}"`);
  return fn(state, params);
}
