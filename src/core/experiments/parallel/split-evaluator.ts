/**
 * Population-parallel evaluation (a speed-up, not a paper algorithm): the thread that runs the ES
 * evaluates one slice of every generation's population and W − 1 evaluation workers the others
 * (split.ts), each from the generation's recipe (es/population-rows.ts). A member's score depends only on
 * its own row, the data stream and, for antithetic layouts, pair 0 (which every slice carries), so the
 * assembled scores — and the whole training — are bit-identical to evaluating in one thread, for any W
 * (test/unit/experiments/parallel-eval.test.ts).
 *
 * Only for backends whose tensors live in host memory (wasm, cpu) and tasks whose members are scored
 * independently (`TaskInstance.independentMembers`); `canSplit` says whether a run qualifies.
 */
import { hostMemoryBackend } from '../../nets/tensor-util';
import type { ExperimentConfig } from '../../runs/config';
import type { TaskInstance } from '../../tasks/types';
import type { PopulationEvaluator, RoundEvaluation, RoundSetup } from '../evaluator';
import { hostNoiseTable } from '../../es/noise-table';
import { Rng } from '../../rng';
import type { EvalPeer, EvalReply } from './protocol';
import { EvalReplica } from './replica';
import { LeadBalancer, type ShareBalancer } from './balance';
import { centreOnlyPairs, splitPopulation, unitCount, usableThreads } from './split';

const onDevice = (backend: string) =>
  `the ${backend} backend evaluates on its own device, so the population is not split over CPU workers`;

/** Why a run on `backend` cannot split its population over workers whatever its task, or null. */
export function backendRefusal(backend: string): string | null {
  return backend === 'wasm' || backend === 'cpu' ? null : onDevice(backend);
}

/** Why a run cannot split its population over workers, or null when it can. */
export function splitRefusal(task: TaskInstance, backend: string): string | null {
  if (!hostMemoryBackend() || backendRefusal(backend)) return onDevice(backend);
  if (!task.independentMembers)
    return `${task.id} scores the population together (e.g. shared observation statistics), so it runs in one thread`;
  return null;
}

const expect = <K extends EvalReply['kind']>(r: EvalReply, kind: K): Extract<EvalReply, { kind: K }> => {
  if (r.kind !== kind) throw new Error(`an evaluation worker answered "${r.kind}" instead of "${kind}"`);
  return r as Extract<EvalReply, { kind: K }>;
};

export class SplitEvaluator implements PopulationEvaluator {
  readonly needsRecipe = true;
  private readonly replica: EvalReplica;

  /** `peers` are started and initialised (`startPeers`); the evaluator closes them in `close`. */
  /**
   * `balancer` makes the object that moves units between the ES thread and the workers during a round
   * (balance.ts; tests pass one that moves them on purpose).
   */
  constructor(
    task: TaskInstance,
    private readonly peers: readonly EvalPeer[],
    private readonly balancer: (lead: number, min: number, max: number) => ShareBalancer = (lead, min, max) =>
      new LeadBalancer(lead, min, max),
  ) {
    this.replica = new EvalReplica(task);
  }

  /** Evaluation threads, this one included. */
  get threads(): number {
    return 1 + this.peers.length;
  }

  async beginRound(setup: RoundSetup): Promise<RoundEvaluation> {
    const { popSize, layout, mask } = setup;
    const threads = usableThreads(this.threads, popSize, layout);
    let slices = splitPopulation(popSize, layout, threads);
    const active = this.peers.slice(0, slices.length - 1);
    const share = (t: number) => ({ members: slices[t].members, centreOnlyPairs: centreOnlyPairs(slices[t], layout) });
    this.replica.beginRound({ net: setup.net, mask, layout, ...share(0) });
    await Promise.all(
      active.map(async (p, i) => expect(await p.request({ kind: 'round', mask, layout, ...share(i + 1) }), 'ok')),
    );
    const unit = layout === 'none' ? 1 : 2;
    const balance = this.balancer(slices[0].members.length / unit, 1, unitCount(popSize, layout) - (threads - 1));
    const resplit = async (lead: number) => {
      slices = splitPopulation(popSize, layout, threads, lead);
      const own = share(0);
      this.replica.setMembers(own.members, own.centreOnlyPairs);
      await Promise.all(
        active.map(async (p, i) => expect(await p.request({ kind: 'members', ...share(i + 1) }), 'ok')),
      );
    };
    return {
      evaluate: async ({ population, recipe, rng }) => {
        if (!recipe) throw new Error('SplitEvaluator needs the population recipe');
        const rngKey = [rng.key[0], rng.key[1]] as const;
        // Posted first, so the workers run while this thread builds the block and evaluates its own slice.
        const posted = performance.now(),
          postedAt = performance.timeOrigin + posted;
        const replies = active.map((p) => p.request({ kind: 'eval', rngKey, recipe }));
        const current = slices;
        const out = new Float32Array(popSize);
        const place = (scores: Float32Array, t: number): void => {
          const { members, owned } = current[t];
          if (scores.length !== members.length)
            throw new Error(`an evaluation worker returned ${scores.length} scores for ${members.length} members`);
          for (let i = 0; i < members.length; i++) if (owned[i]) out[members[i]] = scores[i];
        };
        let leadMs = NaN,
          workerMs = 0;
        try {
          // The same fresh stream as the workers get: its key (trainRound's streams are fresh splits).
          place(this.replica.evaluate(recipe, new Rng(rngKey), population()), 0);
          leadMs = performance.now() - posted;
        } finally {
          // Settle every reply even when this thread failed, so no rejection goes unobserved.
          const settled = await Promise.allSettled(replies);
          settled.forEach((s, i) => {
            if (s.status === 'rejected') throw s.reason;
            const reply = expect(s.value, 'scores');
            place(reply.scores, i + 1);
            workerMs = Math.max(workerMs, workerSpan(reply, postedAt));
          });
        }
        const lead = balance.record(leadMs, workerMs);
        if (lead !== null) await resplit(lead);
        return out;
      },
    };
  }

  /** Live tensors and JS heap bytes of every worker (memory checks). */
  async workerStats(): Promise<{ numTensors: number; heapBytes: number }[]> {
    return Promise.all(this.peers.map(async (p) => expect(await p.request({ kind: 'stats' }), 'stats')));
  }

  close(): void {
    for (const p of this.peers) p.close();
  }
}

/**
 * Starts `count` evaluation workers with `spawn` and initialises them for `config` on `backend` (in
 * parallel); they get this thread's noise table when `shareTable` (a SharedArrayBuffer view costs
 * nothing to post, a copy ~10 ms against ~0.3 s to draw it again). All are closed if one fails.
 */
export async function startPeers(
  count: number,
  spawn: (index: number) => EvalPeer,
  config: ExperimentConfig,
  backend: string,
  shareTable = true,
): Promise<EvalPeer[]> {
  const peers = Array.from({ length: count }, (_, i) => spawn(i));
  const noiseTable = shareTable ? hostNoiseTable() : undefined;
  try {
    await Promise.all(
      peers.map(async (p) => expect(await p.request({ kind: 'init', config, backend, noiseTable }), 'ok')),
    );
    return peers;
  } catch (e) {
    for (const p of peers) p.close();
    throw e;
  }
}

/**
 * How long after the post a worker finished: its end time on the shared clock (which counts the request's
 * travel, ≈ 0.15 ms here), or its busy time where the clocks disagree (an end before its busy time allows).
 */
function workerSpan(reply: { busyMs: number; endAt: number }, postedAt: number): number {
  const span = reply.endAt - postedAt;
  return Number.isFinite(span) && span >= reply.busyMs && span < reply.busyMs + 50 ? span : reply.busyMs;
}
