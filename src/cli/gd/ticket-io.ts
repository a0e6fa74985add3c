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
import type { RoundRow } from '../../core/runs/csv';
import { rangesText } from '../analysis/output';
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

type FinishedRound = Pick<RoundRow, 'seed' | 'method' | 'round'>;

/** The tickets a transfer asks for: chain `method` at each of `rounds`, for each of `seeds`. */
export interface TicketRequest {
  readonly method: string;
  readonly seeds: readonly number[];
  readonly rounds: readonly number[];
}

const seedsWord = (seeds: readonly number[]) => `seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}`;

/**
 * Why a folder with the finished rounds `rows` (of a run with seeds `runSeeds`) cannot give the tickets
 * of chain `method` at `rounds` for `seeds`, or null when it can. It names what is missing at the level
 * the user chose it — the chain (--method), a seed (--seed) or a round (--rounds) — and lists what the
 * folder has at that level, so the fix can be read off the message.
 */
export function missingTickets(
  rows: readonly FinishedRound[],
  runSeeds: readonly number[],
  want: TicketRequest,
): string | null {
  const chains = [...new Set(rows.map((r) => r.method))];
  if (!chains.includes(want.method))
    return chains.length
      ? `has no chain ${want.method} (its chains: ${chains.join(', ')}); choose one with --method`
      : 'has no finished rounds yet';
  const strangers = want.seeds.filter((s) => !runSeeds.includes(s));
  if (strangers.length) return `has no ${seedsWord(strangers)} (its seeds: ${runSeeds.join(', ')}); choose with --seed`;
  const finished = (seed: number) =>
    rows.filter((r) => r.seed === seed && r.method === want.method).map((r) => r.round);
  const missing = want.rounds.flatMap((k) => {
    const lacking = want.seeds.filter((s) => !finished(s).includes(k));
    if (!lacking.length) return [];
    return [`round ${k}${lacking.length < want.seeds.length ? ` for ${seedsWord(lacking)}` : ''}`];
  });
  if (!missing.length) return null;
  const perSeed = want.seeds.map((s) => rangesText(finished(s)) || 'none');
  const have = perSeed.every((t) => t === perSeed[0])
    ? perSeed[0]
    : want.seeds.map((s, i) => `seed ${s}: ${perSeed[i]}`).join('; ');
  return `has no finished ${missing.join(', ')} of chain ${want.method} (its finished rounds: ${have}); choose with --rounds`;
}

/** One source seed's θ0 and its tickets (the rounds in the order asked). */
export interface SeedTickets {
  readonly seed: number;
  readonly theta0: Float32Array;
  readonly tickets: readonly Ticket[];
}

/**
 * The tickets `want` asks for, per seed in the order asked, from one reading of the source folder's
 * rounds.csv and one of each seed's θ0 (they used to be read again for every ticket). A request the folder
 * cannot give is refused before any ticket is read, naming what is missing (missingTickets).
 */
export async function readTickets(run: SourceRun, want: TicketRequest): Promise<SeedTickets[]> {
  const folder = new RunFolder(run.dir);
  const rows = await folder.readRounds();
  const problem = missingTickets(rows, run.config.seeds, want);
  if (problem) throw new CliError(`--from ${run.dir} ${problem}`);
  const net = sourceNet(run);
  const sparsity = (roundNum: number) => sparsityOfRound(roundNum, 1 - run.config.prune.pruneFrac);
  return Promise.all(
    want.seeds.map(async (seed): Promise<SeedTickets> => {
      const theta0 = await folder.loadTheta0(seed, net);
      const tickets = await Promise.all(
        want.rounds.map(async (roundNum): Promise<Ticket> => {
          // There: missingTickets found every (seed, round) of the chain among the finished rows.
          const row = rows.find((r) => r.seed === seed && r.method === want.method && r.round === roundNum)!;
          const { mask } = await folder.loadRound(seed, want.method, roundNum, net, {
            prunableActive: row.prunable_active,
            layerSparsity: row.layer_sparsity,
          });
          const ticket = { mask, theta0, roundNum, sourceMethod: want.method, source: run.source };
          return { ...ticket, sparsityFrac: sparsity(roundNum) };
        }),
      );
      return { seed, theta0, tickets };
    }),
  );
}
