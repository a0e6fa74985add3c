/**
 * Ticket transfer (docs/ALGORITHMS.md §5; paper §4): train the mask M_k and the SOURCE chain's θ0 of a
 * finished run's round k on a target — another task (same architecture and input/output sizes), another
 * ES (trainRound), or gradient descent (trainGd) — from M_k ⊙ θ0_src, with a fresh optimizer / ES state
 * and the target's round-k streams. No pruning decision is made: masks come only from the source.
 *
 * The comparison baseline at the same sparsity is random/reinit (docs/ALGORITHMS.md §3.7): a global random mask and a
 * fresh init of the target network, drawn from exactly the streams the target's own random_reinit chain
 * uses for round k ('prune'/'random_reinit'/(k−1)), so it equals that chain's round-k network. The target's
 * native chain (SNR / GD-IMP) comes from the target's own run.
 */
import type { PopulationNet } from '../nets/types';
import type { TaskInstance } from '../tasks/types';
import { Rng } from '../rng';
import { getPruneMethod } from '../prune/registry';
import { applyMask, denseMask } from '../prune/layout';
import type { ImpEvent, RoundRecord } from './events';
import { theta0For } from './imp';
import { trainRound, type EsTrainerSettings, type RoundOutcome } from './train-round';
import { trainGd, type GdTrainSet } from './gd/train-gd';
import { epochAsGeneration, gdMethodId } from './gd/gd-imp';
import type { GdOptions } from './gd/gd-options';
import { roundRecord } from './records';

/** What a ticket was found on: enough to say clearly why it does not fit a target. */
export interface TicketSource {
  readonly taskId: string;
  readonly inputShape: readonly number[];
  readonly outputSize: number;
  /** e.g. "MLP 196-32-10 (relu)". */
  readonly netDescribe: string;
  readonly paramCount: number;
}

/** A lottery ticket: the mask of source round k and the source chain's θ0 (docs/ALGORITHMS.md §5 "what is transferred"). */
export interface Ticket {
  readonly mask: Uint8Array;
  readonly theta0: Float32Array;
  /** Source round k (1-based). */
  readonly roundNum: number;
  /** Sparsity of M_k over prunable entries (the source schedule's 1 − keep^(k−1)). */
  readonly sparsityFrac: number;
  /** Source chain, e.g. 'snr' or 'gd_magnitude'. */
  readonly sourceMethod: string;
  readonly source: TicketSource;
}

/** ES settings of a transfer target: trainRound's spec without the per-ticket parts. */
export { esTrainerOf, type EsTrainerSettings } from './train-round';

export type TransferTrainer =
  | { readonly kind: 'es'; readonly es: EsTrainerSettings }
  | { readonly kind: 'gd'; readonly options: GdOptions; readonly train: GdTrainSet };

const shapeText = (s: readonly number[]) => s.join('×');

/** Throws a clear error naming both sides' shapes if the ticket cannot be trained by `net` on `task`. */
export function checkTicketFits(ticket: Ticket, net: PopulationNet, task: Pick<TaskInstance, 'id' | 'io'>): void {
  const src = ticket.source;
  const srcText = `${src.taskId} (input ${shapeText(src.inputShape)} → ${src.outputSize}, ${src.netDescribe}, D=${src.paramCount})`;
  const dstText = `${task.id} (input ${shapeText(task.io.inputShape)} → ${task.io.outputSize}, ${net.describe}, D=${net.paramCount})`;
  const inSrc = src.inputShape.reduce((a, b) => a * b, 1),
    inDst = task.io.inputShape.reduce((a, b) => a * b, 1);
  if (inSrc !== inDst || src.outputSize !== task.io.outputSize) {
    throw new Error(
      `ticket from ${srcText} cannot be trained on ${dstText}: the input/output sizes differ (a ticket transfers only between tasks with the same sizes, docs/ALGORITHMS.md §5)`,
    );
  }
  if (
    src.paramCount !== net.paramCount ||
    ticket.mask.length !== net.paramCount ||
    ticket.theta0.length !== net.paramCount
  ) {
    throw new Error(
      `ticket from ${srcText} cannot be trained on ${dstText}: the architectures differ (mask has ${ticket.mask.length} entries)`,
    );
  }
}

/** Record method id of a transferred ticket, e.g. 'transfer_snr' (ES target) or 'gd_transfer_snr' (GD target). */
export function transferMethodId(trainer: Pick<TransferTrainer, 'kind'>, sourceMethod: string): string {
  const id = `transfer_${sourceMethod}`;
  return trainer.kind === 'gd' ? gdMethodId(id) : id;
}

/**
 * The random/reinit network of round `roundNum` for `seed`: exactly the round-k mask and init of the
 * target's own random_reinit chain (dense θ0 in round 1).
 */
export function randomReinitAt(
  net: PopulationNet,
  seed: number,
  roundNum: number,
  sparsityFrac: number,
): { mask: Uint8Array; init: Float32Array } {
  const theta0 = theta0For(net, seed);
  const dense = denseMask(net.paramCount);
  if (roundNum === 1) return { mask: dense, init: theta0 };
  const next = getPruneMethod('random_reinit').next(
    {
      layers: net.layers,
      paramCount: net.paramCount,
      mask: dense,
      mean: theta0,
      std: new Float32Array(net.paramCount).fill(1),
      theta0,
      targetSparsity: sparsityFrac,
      scope: 'global',
      rng: new Rng(seed)
        .split('prune')
        .split('random_reinit')
        .split(roundNum - 1),
      reinit: (rng) => net.init(rng),
    },
    {},
  );
  return { mask: next.mask, init: next.init };
}

export interface TransferInput {
  readonly tickets: readonly Ticket[];
  readonly net: PopulationNet;
  readonly task: TaskInstance;
  readonly trainer: TransferTrainer;
  /** Target seed: streams of round k are the target's own ('es'/k, 'data'/k or 'gd'/k). */
  readonly seed: number;
  /** Also train the random/reinit baseline at each ticket's sparsity (default true). */
  readonly baselines?: boolean;
  readonly reportEvery?: number;
  readonly onEvent?: (e: ImpEvent) => void;
  readonly gate?: () => Promise<void> | void;
  /**
   * Trainings already done (a resumed run): skipped. Each training draws only from its own (seed, round)
   * streams, so skipping some leaves the others' results unchanged.
   */
  readonly skip?: (method: string, roundNum: number) => boolean;
}

async function trainOne(
  input: TransferInput,
  method: string,
  roundNum: number,
  mask: Uint8Array,
  init: Float32Array,
): Promise<{ outcome: RoundOutcome; budget: number }> {
  const { net, task, trainer, seed } = input;
  const root = new Rng(seed);
  const emit = (e: ImpEvent) => input.onEvent?.(e);
  if (trainer.kind === 'gd') {
    const esDim = mask.reduce((n, m) => n + m, 0);
    const outcome = await trainGd({
      net,
      task,
      train: trainer.train,
      options: trainer.options,
      mask,
      init,
      rng: root.split('gd').split(roundNum),
      gate: input.gate,
      onEpoch: (m) => emit({ type: 'generation', metrics: epochAsGeneration(m, { seed, method, roundNum }, esDim) }),
    });
    return { outcome, budget: outcome.steps };
  }
  const outcome = await trainRound({
    ...trainer.es,
    net,
    task,
    mask,
    init,
    esRng: root.split('es').split(roundNum),
    dataRng: root.split('data').split(roundNum),
    reportEvery: input.reportEvery ?? 10,
    gate: input.gate,
    onGeneration: (m) => emit({ type: 'generation', metrics: { ...m, seed, method, roundNum } }),
  });
  return { outcome, budget: trainer.es.generations };
}

/** Method ids of the trainings `runTransfer` makes per ticket: the ticket, then (optionally) its baseline. */
export function transferMethods(
  trainer: Pick<TransferTrainer, 'kind'>,
  sourceMethod: string,
  baselines = true,
): string[] {
  const baseline = trainer.kind === 'gd' ? gdMethodId('random_reinit') : 'random_reinit';
  return [transferMethodId(trainer, sourceMethod), ...(baselines ? [baseline] : [])];
}

/** Trains every ticket (and its random/reinit baseline) on the target; returns one record per training. */
export async function runTransfer(input: TransferInput): Promise<RoundRecord[]> {
  const { net, task, trainer, seed } = input;
  for (const t of input.tickets) checkTicketFits(t, net, task);
  const records: RoundRecord[] = [];
  const baselineId = trainer.kind === 'gd' ? gdMethodId('random_reinit') : 'random_reinit';
  for (const ticket of input.tickets) {
    const runs: [string, Uint8Array, Float32Array][] = [
      [transferMethodId(trainer, ticket.sourceMethod), ticket.mask, applyMask(ticket.theta0, ticket.mask)],
    ];
    if (input.baselines ?? true) {
      const rr = randomReinitAt(net, seed, ticket.roundNum, ticket.sparsityFrac);
      runs.push([baselineId, rr.mask, rr.init]);
    }
    for (const [method, mask, init] of runs) {
      if (input.skip?.(method, ticket.roundNum)) continue;
      const { outcome, budget } = await trainOne(input, method, ticket.roundNum, mask, init);
      const record = roundRecord({
        net,
        seed,
        method,
        roundNum: ticket.roundNum,
        sparsityFrac: ticket.sparsityFrac,
        mask,
        outcome,
        pruneThreshold: NaN,
        generations: budget,
      });
      records.push(record);
      input.onEvent?.({ type: 'round', record });
    }
  }
  return records;
}
