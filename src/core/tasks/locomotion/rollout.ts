/**
 * Population rollouts on MuJoCo (evojax semantics of docs/ALGORITHMS.md §9.2): P members × E
 * episodes in lockstep, one MjData per copy; episode e starts from the same state for every member
 * (`episodeRng(rng, e)`, shared reset keys); a copy's return is the undiscounted reward sum up to and
 * including its first done (termination or the `maxSteps` horizon); fitness = mean over the E episodes.
 * Per step the policy runs ONCE for all live copies of all members (one batched RowPolicy call, the
 * typed-array forward of control/policy-forward.ts), then each live copy steps its physics.
 */
import type { Rng } from '../../rng';
import { episodeRng } from '../control/rollout';
import type { RowPolicy } from '../control/rollout';
import type { ObsNormalizer } from './obs-norm';
import { stepReward } from './sim';
import type { LocomotionSim } from './sim';
import type { RewardTerms } from './types';

export interface LocomotionRolloutSpec {
  readonly sim: LocomotionSim;
  readonly members: number;
  readonly episodes: number;
  readonly policy: RowPolicy;
  /** Episode reset stream; episode e uses `episodeRng(rng, e)`. */
  readonly rng: Rng;
  /** Normalises observations with frozen statistics; with `updateNormalizer` it also records them. */
  readonly normalizer?: ObsNormalizer;
  /** Training rollouts update the normaliser after the rollout (evojax); test rollouts do not. */
  readonly updateNormalizer?: boolean;
}

export interface LocomotionRolloutResult {
  /** [P·E] return of member p's episode e at index p·E + e. */
  readonly episodeReturns: Float64Array;
  /** [P] mean return over the E episodes: the fitness. */
  readonly meanReturns: Float64Array;
  /** [P·E] env steps until done. */
  readonly episodeSteps: Int32Array;
  /** Env steps simulated in total (each = frameSkip physics steps). */
  readonly totalSteps: number;
}

/** Runs all P·E episodes to their first done; only live copies are observed, evaluated and stepped. */
export function rolloutLocomotion(spec: LocomotionRolloutSpec): LocomotionRolloutResult {
  const { sim, members, episodes, policy, rng, normalizer } = spec;
  const record = spec.updateNormalizer === true && normalizer !== undefined;
  const n = members * episodes;
  const obsDim = sim.spec.obsDim,
    actDim = sim.spec.actDim;
  const maxSteps = sim.params.maxSteps;
  sim.ensure(n);
  const starts = Array.from({ length: episodes }, (_, e) => sim.drawStart(episodeRng(rng, e)));
  for (let i = 0; i < n; i++) sim.setState(i, starts[i % episodes]);
  const active = Int32Array.from({ length: n }, (_, i) => i);
  const memberOfRow = new Int32Array(n);
  const obs = new Float32Array(n * obsDim);
  const out = new Float32Array(n * actDim);
  const returns = new Float64Array(n);
  const steps = new Int32Array(n);
  const terms: RewardTerms = { forward: 0, healthy: 0, ctrlCost: 0 };
  let count = n,
    totalSteps = 0;
  while (count > 0) {
    for (let r = 0; r < count; r++) {
      const i = active[r];
      memberOfRow[r] = Math.floor(i / episodes);
      sim.observe(i, obs, r * obsDim);
      if (normalizer) {
        if (record) normalizer.record(obs, r * obsDim);
        normalizer.normalize(obs, r * obsDim);
      }
    }
    policy(memberOfRow, obs, count, out);
    let kept = 0;
    for (let r = 0; r < count; r++) {
      const i = active[r];
      const terminal = sim.step(i, out, r * actDim, terms);
      returns[i] += stepReward(terms);
      steps[i]++;
      if (!terminal && steps[i] < maxSteps) active[kept++] = i;
    }
    totalSteps += count;
    count = kept;
  }
  if (record) normalizer.commit();
  const meanReturns = new Float64Array(members);
  for (let p = 0; p < members; p++) {
    let s = 0;
    for (let e = 0; e < episodes; e++) s += returns[p * episodes + e];
    meanReturns[p] = s / episodes;
  }
  return { episodeReturns: returns, meanReturns, episodeSteps: steps, totalSteps };
}
