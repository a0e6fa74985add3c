/**
 * Records one member's locomotion episode for the rollout viewer and the reward tests:
 * per frame the side-view pose of every geom (from MjData geom_xpos / geom_xmat), per step the action,
 * the reward terms and qpos/qvel. With `rng = episodeRng(locomotionTestRng(model), e)` it replays test
 * episode e exactly as `evaluateTest` scored it (same start state, same physics, same policy).
 */
import { resolveParams } from '../../params';
import type { AnyParamValues } from '../../params';
import type { Rng } from '../../rng';
import { episodeRng } from '../control/rollout';
import type { RowPolicy } from '../control/rollout';
import type { EpisodeRecord } from '../control/record-episode';
import { loadMujoco } from './mujoco-loader';
import { LocomotionSim, stepReward } from './sim';
import type { LocomotionModel, LocomotionParams, RewardTerms } from './types';
import { locomotionParamSpecs, locomotionTestRng, modelParamsOf } from './locomotion-task';
import { locomotionModelOfTask } from './models';
import { GEOM_FIELDS, geomTableOf, writeGeomPoses } from './geom-pose';
import type { GeomInfo } from './geom-pose';

/** An EpisodeRecord whose states are geom poses (GEOM_FIELDS numbers per geom), plus what the tests check. */
export interface LocomotionEpisodeRecord extends EpisodeRecord {
  /** Static geom table (type, size) of the model, in geom order. */
  readonly geoms: readonly GeomInfo[];
  /** actionVectors[k]: the clipped action of step k (`actions[k]` holds its Euclidean norm). */
  readonly actionVectors: number[][];
  readonly terms: RewardTerms[];
  /** qpos / qvel before every step and after the last (frame-aligned with `states`). */
  readonly qpos: number[][];
  readonly qvel: number[][];
  readonly dt: number;
}

/** Plays one episode of `model` from the start drawn with `rng`, acting with member `memberIdx` of `policy`. */
export async function recordLocomotionEpisode(
  model: LocomotionModel,
  params: LocomotionParams,
  policy: RowPolicy,
  rng: Rng,
  memberIdx = 0,
): Promise<LocomotionEpisodeRecord> {
  const sim = new LocomotionSim(await loadMujoco(), model, params);
  try {
    sim.ensure(1);
    sim.setState(0, sim.drawStart(rng));
    const geoms = geomTableOf(sim);
    const maxSteps = params.maxSteps;
    const obs = new Float32Array(model.obsDim);
    const out = new Float32Array(model.actDim);
    const member = Int32Array.of(memberIdx);
    const snapshot = () => {
      const row = new Array<number>(geoms.length * GEOM_FIELDS);
      writeGeomPoses(sim, 0, row);
      const v = sim.view(0);
      rec.states.push(row);
      rec.qpos.push(Array.from(v.qpos));
      rec.qvel.push(Array.from(v.qvel));
    };
    const rec: Omit<LocomotionEpisodeRecord, 'episodeReturn' | 'truncated'> = {
      envId: model.id,
      geoms,
      dt: sim.dt,
      states: [],
      qpos: [],
      qvel: [],
      actions: [],
      actionVectors: [],
      rewards: [],
      terms: [],
    };
    snapshot();
    let episodeReturn = 0,
      terminal = false;
    for (let k = 0; k < maxSteps && !terminal; k++) {
      sim.observe(0, obs, 0);
      policy(member, obs, 1, out);
      const a = Array.from(out, (x) => Math.max(-1, Math.min(1, x)));
      const terms: RewardTerms = { forward: 0, healthy: 0, ctrlCost: 0 };
      terminal = sim.step(0, out, 0, terms);
      const r = stepReward(terms);
      episodeReturn += r;
      rec.actionVectors.push(a);
      rec.actions.push(Math.hypot(...a));
      rec.rewards.push(r);
      rec.terms.push(terms);
      snapshot();
    }
    return { ...rec, episodeReturn, truncated: !terminal };
  } finally {
    sim.dispose();
  }
}

/**
 * Test episode `episodeIdx` of locomotion task `taskId` (the start state `evaluateTest` scored) played by
 * member `memberIdx` of `policy`; `taskParams` are the run's task params (defaults filled here).
 * Returns undefined when `taskId` is not a locomotion task.
 */
export async function recordLocomotionTestEpisode(
  taskId: string,
  taskParams: AnyParamValues,
  policy: RowPolicy,
  episodeIdx: number,
  memberIdx = 0,
): Promise<LocomotionEpisodeRecord | undefined> {
  const model = locomotionModelOfTask(taskId);
  if (!model) return undefined;
  const p = resolveParams(locomotionParamSpecs(model), taskParams);
  return recordLocomotionEpisode(
    model,
    modelParamsOf(model, p),
    policy,
    episodeRng(locomotionTestRng(model), episodeIdx),
    memberIdx,
  );
}
