/**
 * Ticket transfer as a worker job (docs/ALGORITHMS.md §5; paper §4):
 * the mask M_k of a finished run's round k and the source chain's θ0 are trained on a target — another
 * task with the same input/output sizes (MNIST ↔ F-MNIST ↔ KMNIST), another ES (any registered
 * strategy with its params), or masked gradient descent — next to the random/reinit baseline at the same
 * sparsity. A thin wrapper over core `runTransfer`: it resolves the ticket (mask passed by the UI or read
 * from the run store; θ0 recomputed exactly as the IMP run drew it), builds the target's config, runs
 * core's `checkTicketFits` on the target's io derived from that config (so a ticket that does not fit
 * fails before any data set loads), and streams progress like the IMP job.
 *
 * ES → GD with a CNN needs the Conv2DBackpropFilter kernel, which tfjs-backend-wasm lacks: the job
 * refuses up front with a message naming the backends that have it (cpu, webgl, webgpu).
 */
import { methodName, strategyName, taskName } from '../src/core/names';
import * as tf from '@tensorflow/tfjs-core';
import type { GenerationMetrics } from '../src/core/experiments/events';
import { theta0For } from '../src/core/experiments/imp';
import { instantiate } from '../src/core/experiments/setup';
import { instantiateGd } from '../src/core/experiments/gd/setup-gd';
import { parseGdOptions, type GdOptions } from '../src/core/experiments/gd/gd-options';
import { gdBackendProblem } from '../src/core/experiments/gd/gd-eligibility';
import {
  checkTicketFits,
  esTrainerOf,
  randomReinitAt,
  runTransfer,
  type Ticket,
  type TransferTrainer,
} from '../src/core/experiments/transfer';
import { getNetwork } from '../src/core/nets/registry';
import type { PopulationNet } from '../src/core/nets/types';
import { sparsityOfRound } from '../src/core/prune/schedule';
import { parseConfig, type ExperimentConfig } from '../src/core/runs/config';
import { getTask } from '../src/core/tasks/registry';
import { networkIoOf } from '../src/core/runs/network-shape';
import type {
  TicketRef,
  TransferArgs,
  TransferJobResult,
  TransferProgress,
  TransferTrainerSpec,
} from '../src/protocol/worker-protocol';
import type { RunStore } from '../src/storage/run-store';
import { transferableRecord } from './imp-job';
import { loadGradients } from './gd-imp-job';
import { ProgressBatcher, type RunControl } from './run-control';

export interface TransferJobDeps {
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  readonly store: RunStore | null;
  readonly post: (msg: TransferProgress, transfer: ArrayBuffer[]) => void;
}

/** The target's experiment config: the source's with the task / ES / budget of `target` (validated). Pure. */
export function targetConfigOf(
  source: ExperimentConfig,
  target: TransferArgs['target'],
  seed: number,
): ExperimentConfig {
  // A loosely typed copy: parseConfig validates the result (unknown ES params, task params, ranges).
  type Entry = { id: string; params: Record<string, unknown> };
  const cfg = structuredClone(source) as unknown as {
    task: Entry;
    es: Entry & { popSize: number };
    budget: Record<string, unknown>;
    seeds: number[];
  };
  if (target.taskId && target.taskId !== source.task.id) {
    const sameKind = getTask(target.taskId).kind === getTask(source.task.id).kind;
    cfg.task = { id: target.taskId, params: sameKind ? { ...source.task.params } : {} };
  }
  if (target.taskParams) cfg.task = { ...cfg.task, params: { ...cfg.task.params, ...target.taskParams } };
  const t = target.trainer;
  if (t.kind === 'es') {
    if (t.esId && t.esId !== source.es.id) cfg.es = { ...cfg.es, id: t.esId, params: {} };
    if (t.params) cfg.es = { ...cfg.es, params: { ...cfg.es.params, ...t.params } };
    if (t.popSize !== undefined) cfg.es = { ...cfg.es, popSize: t.popSize };
    if (t.generations !== undefined) cfg.budget = { ...cfg.budget, generationsPerRound: t.generations };
    if (t.evalEvery !== undefined) cfg.budget = { ...cfg.budget, evalEvery: t.evalEvery };
  }
  cfg.seeds = [seed];
  return parseConfig(cfg);
}

/** A config's network, built from the config alone (no data loaded). */
function netOf(config: ExperimentConfig): PopulationNet {
  return getNetwork(config.network.id).build(config.network.params, networkIoOf(config));
}

/**
 * The ticket of `ref`: its mask as given (never converted) and the chain's θ0 — theta0For(seed) for the
 * magnitude / SNR / GD chains, the round's fresh init for random_reinit (which redraws θ every round).
 */
export function ticketOf(config: ExperimentConfig, ref: TicketRef, mask: Uint8Array): Ticket {
  const net = netOf(config);
  const sparsityFrac = sparsityOfRound(ref.roundNum, 1 - config.prune.pruneFrac);
  const theta0 =
    ref.theta0 ??
    (ref.method === 'random_reinit'
      ? randomReinitAt(net, ref.seed, ref.roundNum, sparsityFrac).init
      : theta0For(net, ref.seed));
  const io = networkIoOf(config);
  return {
    mask,
    theta0,
    roundNum: ref.roundNum,
    sparsityFrac,
    sourceMethod: ref.method,
    source: {
      taskId: config.task.id,
      inputShape: io.inputShape,
      outputSize: io.outputSize,
      netDescribe: net.describe,
      paramCount: net.paramCount,
    },
  };
}

async function maskOf(ref: TicketRef, store: RunStore | null): Promise<Uint8Array> {
  if (ref.mask) return ref.mask;
  const where = `${ref.method}, seed ${ref.seed}, round ${ref.roundNum}`;
  if (!ref.runId || !store)
    throw new Error(`no mask given for the ticket (${where}) and no stored run to read it from`);
  const run = await store.getRun(ref.runId);
  if (!run) throw new Error(`run ${ref.runId} is not in the run store`);
  const rec = run.records.find((r) => r.seed === ref.seed && r.method === ref.method && r.roundNum === ref.roundNum);
  if (!rec) throw new Error(`run ${ref.runId} has no finished round ${where}`);
  return rec.mask;
}

const trainerLabelOf = (cfg: ExperimentConfig, t: TransferTrainerSpec, gd: GdOptions | null) =>
  t.kind === 'gd' && gd
    ? `gradient descent (${gd.optimizer === 'adam' ? 'Adam' : 'SGD'}, learning rate ${gd.lr}, batch ${gd.batchSize}, ${gd.epochs} epoch${gd.epochs === 1 ? '' : 's'})`
    : `${strategyName(cfg.es.id)} (${cfg.es.popSize} per generation, ${cfg.budget.generationsPerRound} generations)`;

/** Trains the ticket of `args.source` (and its random/reinit baseline) on the target under `ctl`. */
export async function runTransferJob(
  args: TransferArgs,
  ctl: RunControl,
  deps: TransferJobDeps,
): Promise<TransferJobResult> {
  const sourceConfig = parseConfig(args.source.config);
  const seed = args.seed ?? args.source.seed;
  const targetConfig = targetConfigOf(sourceConfig, args.target, seed);
  const ticket = ticketOf(sourceConfig, args.source, await maskOf(args.source, deps.store));
  const spec = args.target.trainer;
  const gd = spec.kind === 'gd' ? parseGdOptions(spec.options ?? {}) : null;
  // Fit and backend checks before any data set is loaded: the target's io follows from its config.
  const targetNet = netOf(targetConfig);
  checkTicketFits(ticket, targetNet, { id: targetConfig.task.id, io: networkIoOf(targetConfig) });
  const backendProblem = gd ? gdBackendProblem(targetNet, tf.getBackend()) : null;
  if (backendProblem) throw new Error(`${backendProblem} (ES targets work on every backend)`);
  if (gd) await loadGradients(); // tfjs gradient functions, loaded only when a GD target needs them
  const gdParts = gd ? await instantiateGd(targetConfig, deps) : null;
  const parts = gdParts ?? (await instantiate(targetConfig, deps));
  const batcher = new ProgressBatcher<GenerationMetrics>((metrics) => deps.post({ kind: 'gens', metrics }, []), {
    minIntervalMs: 100,
    everyN: 10_000,
  });
  try {
    const trainer: TransferTrainer =
      gdParts && gd ? { kind: 'gd', options: gd, train: gdParts.train } : { kind: 'es', es: esTrainerOf(targetConfig) };
    const baselines = args.baselines ?? true;
    const trainerLabel = trainerLabelOf(targetConfig, spec, gd);
    deps.post(
      {
        kind: 'start',
        trainerLabel,
        notes: parts.task.notes,
        targetTaskId: targetConfig.task.id,
        sourceLabel: `${methodName(ticket.sourceMethod)}, round ${ticket.roundNum} (seed ${args.source.seed}), ${taskName(sourceConfig.task.id)}, ${strategyName(sourceConfig.es.id)}`,
        targetLabel: `${taskName(targetConfig.task.id)}, ${trainerLabel}, seed ${seed}`,
        methods: baselines ? ['ticket', 'random_reinit'] : ['ticket'],
        stepsPerTraining: gd
          ? gd.epochs * Math.floor(gdParts!.train.count / gd.batchSize)
          : targetConfig.budget.generationsPerRound,
      },
      [],
    );
    const records = await runTransfer({
      tickets: [ticket],
      net: parts.net,
      task: parts.task,
      trainer,
      seed,
      baselines,
      reportEvery: 10,
      gate: () => ctl.step(),
      onEvent: (e) => {
        if (e.type === 'generation') batcher.push(e.metrics);
        else if (e.type === 'round') {
          batcher.flush();
          const { record, buffers } = transferableRecord(e.record);
          deps.post({ kind: 'round', record }, buffers);
        }
      },
    });
    return { records, targetConfig, trainerLabel, sparsityFrac: ticket.sparsityFrac };
  } finally {
    batcher.flush();
    if (gdParts) gdParts.dispose();
    else parts.task.dispose();
  }
}
