/**
 * Pure helpers of the rollout viewer: fit a scene's world bounds into the
 * canvas (aspect kept, y up → canvas y down), colours per primitive role (Okabe–Ito), the running return
 * per frame, and the frame index for an elapsed time. The physics and geometry come from core
 * (recordEpisode, render-geometry sceneOf; for MuJoCo locomotion tasks, the recorded geom poses
 * and locomotion/render-geometry); nothing here simulates. Tested in Node.
 */
import type { AnyParamValues } from '../../core/params';
import type { EpisodeRecord } from '../../core/tasks/control/record-episode';
import { sceneOf } from '../../core/tasks/control/render-geometry';
import type { PrimitiveRole, Scene } from '../../core/tasks/control/render-geometry';
import { locomotionScene } from '../../core/tasks/locomotion/render-geometry';
import type { LocomotionEpisodeRecord } from '../../core/tasks/locomotion/record-episode';
import { OKABE_ITO } from '../viz/palettes';

/** World → canvas mapping: canvas = (offsetX + scale·x, offsetY − scale·y). */
export interface ViewTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** Largest uniform scale that fits `bounds` into width × height minus `padPx` on every side, centred. */
export function fitBounds(bounds: Scene['bounds'], width: number, height: number, padPx = 8): ViewTransform {
  const bw = bounds.xMax - bounds.xMin,
    bh = bounds.yMax - bounds.yMin;
  if (!(bw > 0 && bh > 0)) throw new Error(`fitBounds: empty bounds ${JSON.stringify(bounds)}`);
  const scale = Math.min((width - 2 * padPx) / bw, (height - 2 * padPx) / bh);
  const offsetX = width / 2 - scale * (bounds.xMin + bw / 2);
  const offsetY = height / 2 + scale * (bounds.yMin + bh / 2);
  return { scale, offsetX, offsetY };
}

/** Applies a transform to a world point. */
export function toCanvas(t: ViewTransform, x: number, y: number): [number, number] {
  return [t.offsetX + t.scale * x, t.offsetY - t.scale * y];
}

/** Fill/stroke colour per role: bodies blue, links orange, joints black, goal green, limits vermillion. */
export const ROLE_COLOURS: Readonly<Record<PrimitiveRole, string>> = {
  ground: '#6b6b6b',
  body: OKABE_ITO.blue,
  link: OKABE_ITO.orange,
  joint: OKABE_ITO.black,
  goal: OKABE_ITO.bluishGreen,
  limit: OKABE_ITO.vermillion,
};

/** Return accumulated before frame k (frame 0 = start state: 0; frame n = the episode return). */
export function runningReturns(rewards: readonly number[]): number[] {
  const out = [0];
  for (const r of rewards) out.push(out[out.length - 1] + r);
  return out;
}

/** Frame shown after `elapsedMs` at `fps` (clamped to the last frame of `frameCount`). */
export function frameAt(elapsedMs: number, fps: number, frameCount: number): number {
  return Math.max(0, Math.min(frameCount - 1, Math.floor((elapsedMs * fps) / 1000)));
}

/** Is `episode` a MuJoCo locomotion record (geom poses per frame) rather than a classic-control state trace? */
export function isLocomotionRecord(episode: EpisodeRecord): episode is LocomotionEpisodeRecord {
  return 'geoms' in episode && Array.isArray((episode as LocomotionEpisodeRecord).geoms);
}

/** The scene of frame `frame`: a side view of the geoms for locomotion records, the env's renderer otherwise. */
export function sceneOfFrame(episode: EpisodeRecord, frame: number, envParams: AnyParamValues): Scene {
  const state = episode.states[frame];
  return isLocomotionRecord(episode) ? locomotionScene(episode.geoms, state) : sceneOf(episode.envId, state, envParams);
}
