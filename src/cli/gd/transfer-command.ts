/**
 * `lab transfer` (docs/ALGORITHMS.md §5; paper §4): trains the tickets (mask M_k + source θ0) of chosen
 * rounds of a saved run on a target, next to the random/reinit baseline at the same sparsity:
 *   npm run lab -- transfer --from DIR --method snr --rounds 4,8,12 --to-task fmnist | --to-es snes | --to-gd --out DIR
 * --to-task keeps the source's trainer (its ES, or GD for a `lab gd` folder) on another task; --to-es
 * trains with another ES on the source task; --to-gd with masked Adam (GD flags: --epochs …, docs/ALGORITHMS.md §5
 * ES→GD uses 20 epochs). --to-task combines with either. Target ES budget: --gens --popsize --es.<p>.
 */
import {
  checkTicketFits,
  esTrainerOf,
  runTransfer,
  transferMethods,
  type TransferTrainer,
} from '../../core/experiments/transfer';
import { roundKey } from '../../core/runs/csv';
import { networkOf } from '../../core/runs/network-shape';
import { configMemoryProblem, instantiate } from '../../core/experiments/setup';
import { instantiateGd } from '../../core/experiments/gd/setup-gd';
import { parseConfig, ConfigError, type ExperimentConfig } from '../../core/runs/config';
import { runId } from '../../core/runs/hash';
import { boolFlag, CliError, coerce, commandLine, intFlag, seedList } from '../args';
import { perfRow, summaryTable } from '../imp-command';
import { backendFlag, dataReader, useBackend } from '../node-io';
import { ProgressLine } from '../progress';
import { finishedRoundsOf, outputFolderStatus, type RunIdentity } from '../run-state';
import { RunWriter, runMeta } from '../run-writer';
import { gdOptionsFromFlags } from './gd-flags';
import { applyTrainingFlags, flagFor } from '../config-from-flags';
import { readSourceRun, readTicket, readTheta0 } from './ticket-io';
import { closingReport, trainingSink } from './run-output';

const KNOWN = new Set([
  'from',
  'method',
  'rounds',
  'to-task',
  'to-es',
  'to-gd',
  'seed',
  'gens',
  'popsize',
  'eval-every',
  'baselines',
  'out',
  'backend',
  'quiet',
  'report-every',
]);

function roundList(v: string | undefined): number[] {
  const rounds = (v ?? '').split(',').map((s) => Number(s.trim()));
  if (!v || rounds.some((k) => !Number.isInteger(k) || k < 1))
    throw new CliError(`--rounds must list 1-based source rounds like "4,8,12" (got "${v ?? ''}")`);
  return rounds;
}

/** The transfer flag that sets a target config field (the target's task and ES have their own flags). */
function transferFlagFor(path: string): string {
  if (path === 'task.id') return '--to-task';
  if (path === 'es.id') return '--to-es';
  return flagFor(path).replace("the preset's", "the source run's");
}

/** The target's experiment config: the source's, with the task / ES / budget overrides applied. */
function targetConfig(source: ExperimentConfig, flags: Map<string, string>): ExperimentConfig {
  const cfg = JSON.parse(JSON.stringify(source)) as ExperimentConfig;
  if (flags.has('to-task')) cfg.task = { ...cfg.task, id: flags.get('to-task')! };
  if (flags.has('to-es')) cfg.es = { ...cfg.es, id: flags.get('to-es')!, params: {} };
  applyTrainingFlags(cfg, flags);
  for (const [k, v] of flags) {
    if (k.startsWith('es.')) cfg.es.params = { ...cfg.es.params, [k.slice(3)]: coerce(v) };
    else if (!KNOWN.has(k)) throw new CliError(`unknown flag --${k} for transfer (see --help)`);
  }
  try {
    return parseConfig(cfg);
  } catch (e) {
    if (e instanceof ConfigError)
      throw new CliError(e.issues.map((i) => `${transferFlagFor(i.path)}: ${i.message}`).join('\n'));
    throw e;
  }
}

export async function transferCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  // The full tfjs bundle registers the gradients; loaded here, not at CLI start (~1 s of start-up for every command).
  await import('./node-gradients');
  // Every flag and the source folder are checked before anything is trained or written.
  const { options: gd, rest } = gdOptionsFromFlags(flags);
  const from = rest.get('from');
  if (!from || from === 'true')
    throw new CliError('--from DIR (a run folder written by `lab imp` or `lab gd`) is required');
  const rounds = roundList(rest.get('rounds'));
  if (boolFlag(rest, 'to-gd') && rest.has('to-es'))
    throw new CliError('choose one target trainer: --to-es ID or --to-gd');
  const reportEvery = intFlag(rest, 'report-every', 1, 100000) ?? 10;
  const baselines = boolFlag(rest, 'baselines', true);
  const quiet = boolFlag(rest, 'quiet');
  const backend = backendFlag(rest);
  for (const k of rest.keys())
    if (!KNOWN.has(k) && !k.startsWith('es.')) throw new CliError(`unknown flag --${k} for transfer (see --help)`);
  const source = await readSourceRun(from);
  const method = rest.get('method') ?? (source.kind === 'gd' ? 'gd_magnitude' : 'snr');
  const config = targetConfig(source.config, rest);
  const useGd = boolFlag(rest, 'to-gd') || (source.kind === 'gd' && !rest.has('to-es'));
  const seeds = rest.has('seed') ? seedList(rest.get('seed')!) : source.config.seeds;
  const memory = useGd ? null : configMemoryProblem(config);
  if (memory) throw new CliError(memory.message);
  const tickets = await Promise.all(seeds.flatMap((seed) => rounds.map((k) => readTicket(source, seed, method, k))));
  const thetas = new Map(await Promise.all(seeds.map(async (s) => [s, await readTheta0(source, s)] as const)));

  const transfer = { from, method, rounds, trainer: useGd ? 'gd' : `es:${config.es.id}`, toTask: config.task.id };
  const id = `transfer-${runId({ kind: 'transfer', config, transfer, ...(useGd ? { gd } : {}) })}`;
  const dir = rest.get('out') ?? `runs-out/${id}`;
  const methods = transferMethods({ kind: useGd ? 'gd' : 'es' }, method, baselines);
  const identity: RunIdentity = {
    runId: id,
    backend,
    expected: seeds.flatMap((seed) =>
      rounds.flatMap((roundNum) => methods.map((m) => ({ seed, method: m, roundNum }))),
    ),
    paramCount: tickets[0]?.mask.length,
    net: networkOf(config),
  };
  const status = await outputFolderStatus(dir, identity, { run: 'transfer', units: 'trainings' });
  if (status.state === 'complete') {
    process.stdout.write(summaryTable(status.rounds.map(perfRow)) + '\n');
    return;
  }

  await useBackend(backend);
  const parts = useGd ? await instantiateGd(config, dataReader) : await instantiate(config, dataReader);
  const trainer: TransferTrainer = useGd
    ? { kind: 'gd', options: gd, train: (parts as Awaited<ReturnType<typeof instantiateGd>>).train }
    : { kind: 'es', es: esTrainerOf(config) };
  const { task, net } = parts;
  try {
    try {
      for (const t of tickets) checkTicketFits(t, net, task);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    const writer = await RunWriter.open(
      dir,
      identity,
      {
        config,
        meta: runMeta(id, commandLine(argv), backend, { kind: 'transfer', transfer, ...(useGd ? { gd } : {}) }),
      },
      finishedRoundsOf(status).length,
    );
    try {
      const finished = new Set(writer.finishedRounds().map((r) => roundKey(r.seed, r.method, r.round)));
      process.stderr.write(
        `transfer ${id}: ${method} tickets of rounds ${rounds.join(',')} from ${from} (${source.source.taskId}, ${source.source.netDescribe}) → ` +
          `${task.id} with ${transfer.trainer}, seeds ${seeds.join(',')} → ${dir}\n` +
          writer.continuingLine(identity.expected.length, 'trainings'),
      );
      const onEvent = trainingSink(writer, new ProgressLine(identity.expected.length, quiet), finished.size);
      for (const seed of seeds) {
        await writer.writeTheta0(seed, thetas.get(seed)!);
        await runTransfer({
          tickets: tickets.filter((_, i) => seeds[Math.floor(i / rounds.length)] === seed),
          net,
          task,
          trainer,
          seed,
          baselines,
          reportEvery,
          onEvent,
          gate: writer.gate,
          skip: (m, k) => finished.has(roundKey(seed, m, k)),
        });
      }
      await writer.finish();
    } finally {
      await writer.close();
    }
    closingReport(writer);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError((e as Error).message, 1);
  } finally {
    if ('dispose' in parts && typeof parts.dispose === 'function') parts.dispose();
    else task.dispose();
  }
}
