/**
 * A pool of MuJoCo MjData instances of ONE compiled MjModel (the population needs many MuJoCo
 * data instances stepped together): copy i is one episode of one population member. The physics runs in WASM, outside the
 * tensor backend; this class only moves a few doubles per step across the boundary (ctrl in, qpos/qvel
 * out) through cached typed-array views into the WASM heap.
 *
 * Implements gym's MuJoCo v3/v4 step (docs/ALGORITHMS.md §9.2 rewards "forward velocity + healthy
 * bonus − control cost"): ctrl = a; `frameSkip` × mj_step; forward = w·(x′ − x)/dt with dt =
 * timestep·frameSkip; healthy bonus while healthy or when termination is on; ctrl cost = w·Σa².
 */
import type { Rng } from '../../rng';
import { compileModel } from './mujoco-loader';
import type { Mujoco } from './mujoco-loader';
import type { LocomotionModel, LocomotionParams, RewardTerms, SimState } from './types';

type MjModel = InstanceType<Mujoco['MjModel']>;
type MjData = InstanceType<Mujoco['MjData']>;

/** One episode's start state (drawn once per episode index and shared by the population). */
export interface StartState {
  readonly qpos: Float64Array;
  readonly qvel: Float64Array;
}

/** The healthy-state rule of a model that has one, with its reward and termination setting. */
interface Health {
  readonly isHealthy: (s: SimState, params: LocomotionParams) => boolean;
  readonly reward: number;
  readonly terminate: boolean;
}

/** The model's health rule with its params, or null; throws if a model with a rule lacks them. */
function healthOf(spec: LocomotionModel, params: LocomotionParams): Health | null {
  const { isHealthy } = spec;
  if (!isHealthy) return null;
  const { healthyReward, terminateWhenUnhealthy } = params;
  if (healthyReward === undefined || terminateWhenUnhealthy === undefined)
    throw new Error(
      `${spec.id}: a model with a healthy-state rule needs the healthyReward and terminateWhenUnhealthy params`,
    );
  return { isHealthy, reward: healthyReward, terminate: terminateWhenUnhealthy };
}

interface Views {
  qpos: Float64Array;
  qvel: Float64Array;
  ctrl: Float64Array;
}

export class LocomotionSim {
  readonly model: MjModel;
  readonly nq: number;
  readonly nv: number;
  readonly nu: number;
  /** Seconds per env step: timestep · frameSkip. */
  readonly dt: number;
  private readonly datas: MjData[] = [];
  private views: Views[] = [];
  private readonly frameSkip: number;
  private readonly health: Health | null;

  constructor(
    private readonly mj: Mujoco,
    readonly spec: LocomotionModel,
    readonly params: LocomotionParams,
  ) {
    this.health = healthOf(spec, params);
    this.model = compileModel(mj, spec.id, spec.xml(params));
    this.nq = this.model.nq;
    this.nv = this.model.nv;
    this.nu = this.model.nu;
    if (this.nu !== spec.actDim || this.nq - spec.qposSkip + this.nv !== spec.obsDim) {
      this.model.delete();
      throw new Error(
        `${spec.id}: model has nq=${this.nq}, nv=${this.nv}, nu=${this.nu}; spec expects obs ${spec.obsDim}, act ${spec.actDim}`,
      );
    }
    this.frameSkip = params.frameSkip;
    this.dt = this.model.opt.timestep * this.frameSkip;
  }

  /** Copies available (grown by `ensure`). */
  get size(): number {
    return this.datas.length;
  }

  /** Makes at least n copies; allocating may grow the WASM heap, so every view is refetched. */
  ensure(n: number): void {
    if (this.datas.length >= n) return;
    while (this.datas.length < n) this.datas.push(new this.mj.MjData(this.model));
    this.refreshViews();
  }

  private refreshViews(): void {
    this.views = this.datas.map((d) => ({
      qpos: d.qpos as Float64Array,
      qvel: d.qvel as Float64Array,
      ctrl: d.ctrl as Float64Array,
    }));
  }

  /** MjData of copy i (for reads beyond qpos/qvel, e.g. geom poses). */
  data(i: number): MjData {
    return this.datas[i];
  }

  /** Views of copy i (refetched if a heap growth detached them: a detached view has length 0). */
  view(i: number): Views {
    let v = this.views[i];
    if (v.qpos.length === 0) {
      this.refreshViews();
      v = this.views[i];
    }
    return v;
  }

  /** gym reset: qpos0 + U(−s, s), qvel U(−s, s) or s·N(0, 1), with s = resetNoiseScale. */
  drawStart(rng: Rng): StartState {
    const s = this.params.resetNoiseScale;
    const qpos0 = this.model.qpos0 as Float64Array;
    const qpos = Float64Array.from(qpos0, (q) => q + rng.uniformRange(-s, s));
    const qvel =
      this.spec.resetNoise.qvelDist === 'uniform'
        ? Float64Array.from({ length: this.nv }, () => rng.uniformRange(-s, s))
        : Float64Array.from({ length: this.nv }, () => s * rng.normal());
    return { qpos, qvel };
  }

  /** Puts copy i into `start` (mj_resetData, set qpos/qvel, mj_forward). */
  setState(i: number, start: StartState): void {
    const d = this.datas[i];
    this.mj.mj_resetData(this.model, d);
    const v = this.view(i);
    v.qpos.set(start.qpos);
    v.qvel.set(start.qvel);
    this.mj.mj_forward(this.model, d);
  }

  /** gym `_get_obs`: qpos[qposSkip:] then qvel (clipped to ±qvelClip where the model says so). */
  observe(i: number, out: Float32Array, offset: number): void {
    const { qpos, qvel } = this.view(i);
    const clip = this.params.qvelClip;
    let o = offset;
    for (let k = this.spec.qposSkip; k < this.nq; k++) out[o++] = qpos[k];
    for (let k = 0; k < this.nv; k++)
      out[o++] = clip === undefined ? qvel[k] : Math.max(-clip, Math.min(clip, qvel[k]));
  }

  /**
   * One env step of copy i with action a = actions[offset … offset + nu) (clipped to the ctrlrange ±1
   * before it is applied and costed). Writes the reward terms; returns true if the episode terminates.
   */
  step(i: number, actions: ArrayLike<number>, offset: number, terms: RewardTerms): boolean {
    const v = this.view(i);
    const d = this.datas[i];
    const p = this.params;
    let sq = 0;
    for (let k = 0; k < this.nu; k++) {
      const a = Math.max(-1, Math.min(1, actions[offset + k]));
      v.ctrl[k] = a;
      sq += a * a;
    }
    const xBefore = v.qpos[0];
    for (let s = 0; s < this.frameSkip; s++) this.mj.mj_step(this.model, d);
    const vAfter = this.view(i);
    terms.forward = (p.forwardRewardWeight * (vAfter.qpos[0] - xBefore)) / this.dt;
    terms.ctrlCost = p.ctrlCostWeight * sq;
    const h = this.health;
    if (!h) {
      terms.healthy = 0;
      return false;
    }
    const healthy = h.isHealthy(vAfter, p);
    terms.healthy = healthy || h.terminate ? h.reward : 0;
    return h.terminate && !healthy;
  }

  /** Frees every MjData and the model (WASM heap objects are not garbage-collected). */
  dispose(): void {
    for (const d of this.datas) d.delete();
    this.datas.length = 0;
    this.views = [];
    this.model.delete();
  }
}

/** Step reward from its terms (gym: forward + healthy − ctrl cost). */
export function stepReward(t: RewardTerms): number {
  return t.forward + t.healthy - t.ctrlCost;
}
