/**
 * Scene of one locomotion frame for the rollout viewer: the geoms' side-view poses
 * (geom-pose.ts) as the control viewer's 2-D primitives — capsules/cylinders as thick lines with dots at
 * their ends (the torso in the body colour, limbs in the link colour), spheres as
 * circles, boxes as rotated rectangles, planes as the ground with a tick every metre (so forward motion
 * is visible while the camera follows the body).
 */
import type { Primitive, Scene } from '../control/render-geometry';
import { GEOM_FIELDS, GEOM_TYPE } from './geom-pose';
import type { GeomInfo } from './geom-pose';

/** Half-width of the view around the body [m]; height is from below the ground to above the torso. */
const HALF_WIDTH = 2;
const Y_MIN = -0.3,
  Y_MAX = 1.9;

/** Primitives for frame `pose` of a model with `geoms`; the view is centred on the mean x of the body geoms. */
export function locomotionScene(geoms: readonly GeomInfo[], pose: readonly number[]): Scene {
  const body: Primitive[] = [];
  const ends: Primitive[] = [];
  let sumX = 0,
    n = 0,
    groundZ = 0,
    hasGround = false;
  geoms.forEach((g, k) => {
    const o = GEOM_FIELDS * k;
    const [x, z, ux, uz] = [pose[o], pose[o + 1], pose[o + 2], pose[o + 3]];
    if (g.type === GEOM_TYPE.plane) {
      groundZ = z;
      hasGround = true;
      return;
    }
    sumX += x;
    n++;
    if (g.type === GEOM_TYPE.capsule || g.type === GEOM_TYPE.cylinder) {
      // The first body geom is the torso (every lab model lists it first): drawn as 'body', limbs as 'link'.
      body.push({
        kind: 'line',
        x1: x - ux,
        y1: z - uz,
        x2: x + ux,
        y2: z + uz,
        width: 2 * g.size[0],
        role: n === 1 ? 'body' : 'link',
      });
      ends.push(
        { kind: 'circle', cx: x - ux, cy: z - uz, r: 0.5 * g.size[0], role: 'joint' },
        { kind: 'circle', cx: x + ux, cy: z + uz, r: 0.5 * g.size[0], role: 'joint' },
      );
    } else if (g.type === GEOM_TYPE.box) {
      body.push({
        kind: 'rect',
        cx: x,
        cy: z,
        w: 2 * g.size[0],
        h: 2 * g.size[2],
        angle: Math.atan2(uz, ux),
        role: 'body',
      });
    } else {
      body.push({ kind: 'circle', cx: x, cy: z, r: g.size[0], role: 'body' });
    }
  });
  const cx = n ? sumX / n : 0;
  const xMin = cx - HALF_WIDTH,
    xMax = cx + HALF_WIDTH;
  const ground: Primitive[] = [];
  if (hasGround) {
    ground.push({ kind: 'line', x1: xMin, y1: groundZ, x2: xMax, y2: groundZ, width: 0.02, role: 'ground' });
    for (let t = Math.ceil(xMin); t <= Math.floor(xMax); t++) {
      ground.push({ kind: 'line', x1: t, y1: groundZ, x2: t, y2: groundZ - 0.1, width: 0.015, role: 'limit' });
    }
  }
  return { bounds: { xMin, xMax, yMin: Y_MIN, yMax: Y_MAX }, primitives: [...ground, ...body, ...ends] };
}
