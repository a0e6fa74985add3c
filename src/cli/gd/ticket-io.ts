/**
 * Reads lottery tickets back from a saved run folder (run-folder.ts layout) for transfer (
 * docs/ALGORITHMS.md §5: the mask M_k and the source chain's θ0 of round k). Masks are returned exactly as
 * stored — the file's bytes, unconverted — so a transferred ticket is byte-identical to the source's.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
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
  let json: { config?: unknown; kind?: string };
  try {
    json = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  } catch (e) {
    throw new CliError(`--from ${dir}: cannot read a run folder's config.json (${(e as Error).message})`);
  }
  const config = parseConfig(json.config);
  return { dir, config, kind: json.kind ?? 'es', source: sourceOfConfig(config) };
}

export async function readTheta0(dir: string, seed: number): Promise<Float32Array> {
  try {
    return await new RunFolder(dir).readTheta0(seed);
  } catch (e) {
    throw new CliError(`${dir} has no θ0 for seed ${seed} (${(e as Error).message})`);
  }
}

/** The ticket of (seed, method, round k) from a run folder; errors list what the folder does have. */
export async function readTicket(run: SourceRun, seed: number, method: string, roundNum: number): Promise<Ticket> {
  let mask: Uint8Array;
  try {
    mask = await new RunFolder(run.dir).readMask(seed, method, roundNum);
  } catch {
    const have = (await readdir(join(run.dir, 'masks')).catch(() => [] as string[])).map((f) =>
      f.replace(/\.mask\.bin$/, ''),
    );
    throw new CliError(
      `${run.dir} has no mask for seed ${seed}, method ${method}, round ${roundNum} (has: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''})`,
    );
  }
  const theta0 = await readTheta0(run.dir, seed);
  if (mask.length !== run.source.paramCount || theta0.length !== run.source.paramCount) {
    throw new CliError(
      `${run.dir}: mask (${mask.length}) / θ0 (${theta0.length}) lengths do not match the run's ${run.source.netDescribe} (D=${run.source.paramCount})`,
    );
  }
  return {
    mask,
    theta0,
    roundNum,
    sourceMethod: method,
    source: run.source,
    sparsityFrac: sparsityOfRound(roundNum, 1 - run.config.prune.pruneFrac),
  };
}
