/**
 * Reads lottery tickets back from a saved run folder (run-folder.ts layout) for transfer (
 * docs/ALGORITHMS.md §5: the mask M_k and the source chain's θ0 of round k). Masks are returned exactly as
 * stored — the file's bytes, unconverted — so a transferred ticket is byte-identical to the source's.
 */
import type { ExperimentConfig } from '../../core/runs/config';
import { getNetwork } from '../../core/nets/registry';
import { getTask } from '../../core/tasks/registry';
import { networkIoOf } from '../../core/runs/network-shape';
import { sparsityOfRound } from '../../core/prune/schedule';
import type { Ticket, TicketSource } from '../../core/experiments/transfer';
import { RunFolder } from '../run-folder';
import { CliError } from '../args';

export interface SourceRun {
  readonly dir: string;
  readonly config: ExperimentConfig;
  /** 'gd' for folders written by `lab gd`, else 'es' (imp) or 'transfer'. */
  readonly kind: string;
  readonly source: TicketSource;
}

/** The ticket source of a vision config, without loading its data (its io from the task's params). */
export function sourceOfConfig(config: ExperimentConfig): TicketSource {
  if (getTask(config.task.id).kind !== 'vision')
    throw new CliError(
      `transfer from "${config.task.id}" runs is not supported: the CLI transfers vision tickets (docs/ALGORITHMS.md §5)`,
    );
  const io = networkIoOf(config);
  const net = getNetwork(config.network.id).build(config.network.params, io);
  return {
    taskId: config.task.id,
    inputShape: io.inputShape,
    outputSize: io.outputSize,
    netDescribe: net.describe,
    paramCount: net.paramCount,
  };
}

export async function readSourceRun(dir: string): Promise<SourceRun> {
  const { meta, config } = await new RunFolder(dir).readMeta('--from');
  return { dir, config, kind: typeof meta.kind === 'string' ? meta.kind : 'es', source: sourceOfConfig(config) };
}

/** The network the source run trained (its config's network on the source's input/output sizes). */
function sourceNet(run: SourceRun) {
  return getNetwork(run.config.network.id).build(run.config.network.params, {
    inputShape: run.source.inputShape,
    outputSize: run.source.outputSize,
  });
}

export async function readTheta0(run: SourceRun, seed: number): Promise<Float32Array> {
  return new RunFolder(run.dir).loadTheta0(seed, sourceNet(run));
}

/** The ticket of (seed, method, round k) from a run folder; errors list what the folder does have. */
export async function readTicket(run: SourceRun, seed: number, method: string, roundNum: number): Promise<Ticket> {
  const folder = new RunFolder(run.dir);
  const rows = await folder.readRounds();
  const row = rows.find((r) => r.seed === seed && r.method === method && r.round === roundNum);
  if (!row) {
    const have = rows.map((r) => `${r.seed}-${r.method}-r${r.round}`);
    throw new CliError(
      `${run.dir} has no finished round ${roundNum} of seed ${seed}, method ${method} (has: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''})`,
    );
  }
  const net = sourceNet(run);
  const { mask } = await folder.loadRound(seed, method, roundNum, net, {
    prunableActive: row.prunable_active,
    layerSparsity: row.layer_sparsity,
  });
  const theta0 = await folder.loadTheta0(seed, net);
  return {
    mask,
    theta0,
    roundNum,
    sourceMethod: method,
    source: run.source,
    sparsityFrac: sparsityOfRound(roundNum, 1 - run.config.prune.pruneFrac),
  };
}
