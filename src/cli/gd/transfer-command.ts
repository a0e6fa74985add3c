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
import { gdOptionsFromFlags, refuseEsOnlyFlags, refuseGdFlags } from './gd-flags';
import { applyTrainingFlags, flagFor } from '../config-from-flags';
import { readSourceRun, readTickets } from './ticket-io';
import { refuseUnknownTransferFlags, roundList } from './transfer-flags';
import { getTask, TASKS } from '../../core/tasks/registry';
import { closingReport, trainingSink } from './run-output';

/**
 * Who set a target config field, for a message about it: the transfer flag the user gave, or else the
 * source run (the target config starts as the source's, so a field no flag set was carried over).
 */
function transferFlagFor(path: string, flags: Map<string, string>): string {
  if (path === 'task.id' && flags.has('to-task')) return '--to-task';
  if (path === 'es.id' && flags.has('to-es')) return '--to-es';
  const flag = flagFor(path);
  return flag.startsWith('--') && flags.has(flag.slice(2)) ? flag : `the source run's ${path}`;
}

/**
 * The target's experiment config: the source's, with the task / ES / budget overrides applied. A new
 * task keeps those of the source task's parameters it has too (an image task's pool and batch size, so
 * the tickets fit) and leaves out the others; `dropped` names them.
 */
function targetConfig(
  source: ExperimentConfig,
  flags: Map<string, string>,
): { config: ExperimentConfig; dropped: string[] } {
  const cfg = JSON.parse(JSON.stringify(source)) as ExperimentConfig;
  const dropped: string[] = [];
  const toTask = flags.get('to-task');
  if (toTask !== undefined && toTask !== cfg.task.id) {
    const specs = TASKS.find((t) => t.id === toTask)?.paramSpecs ?? {};
    const params = Object.entries(cfg.task.params);
    dropped.push(...params.filter(([k]) => !Object.hasOwn(specs, k)).map(([k]) => k));
    cfg.task = { id: toTask, params: Object.fromEntries(params.filter(([k]) => Object.hasOwn(specs, k))) };
  }
  if (flags.has('to-es')) cfg.es = { ...cfg.es, id: flags.get('to-es')!, params: {} };
  applyTrainingFlags(cfg, flags);
  // `flags` are known ones (refuseUnknownTransferFlags): of them only --es.<param> sets a target parameter here.
  for (const [k, v] of flags) if (k.startsWith('es.')) cfg.es.params = { ...cfg.es.params, [k.slice(3)]: coerce(v) };
  try {
    return { config: parseConfig(cfg), dropped };
  } catch (e) {
    if (e instanceof ConfigError)
      throw new CliError(e.issues.map((i) => `${transferFlagFor(i.path, flags)}: ${i.message}`).join('\n'));
    throw e;
  }
}

export async function transferCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  // A misspelt flag first: `--fromm DIR` is refused as that, not as a missing --from or a bad GD flag.
  refuseUnknownTransferFlags(flags);
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
  // Flags of the trainer this transfer does not use would change nothing, or only the run id. Where the
  // flags name the trainer they are checked before the source is read, else once its kind is known.
  const refuseOtherTrainerFlags = (gdTrainer: boolean) =>
    gdTrainer
      ? refuseEsOnlyFlags(rest, 'this transfer')
      : refuseGdFlags(flags, 'this transfer', '--to-gd trains with GD');
  const trainerKnown = boolFlag(rest, 'to-gd') || rest.has('to-es');
  if (trainerKnown) refuseOtherTrainerFlags(boolFlag(rest, 'to-gd'));
  const source = await readSourceRun(from);
  const method = rest.get('method') ?? (source.kind === 'gd' ? 'gd_magnitude' : 'snr');
  const { config, dropped } = targetConfig(source.config, rest);
  if (dropped.length)
    process.stderr.write(
      `note: the source run's task settings ${dropped.join(', ')} do not apply to ${config.task.id} and were left out\n`,
    );
  const useGd = boolFlag(rest, 'to-gd') || (source.kind === 'gd' && !rest.has('to-es'));
  if (!trainerKnown) refuseOtherTrainerFlags(useGd);
  const seeds = rest.has('seed') ? seedList(rest.get('seed')!) : source.config.seeds;
  const memory = useGd ? null : configMemoryProblem(config);
  if (memory) throw new CliError(memory.message);
  const perSeed = await readTickets(source, { method, seeds, rounds });
  const tickets = perSeed.flatMap((s) => s.tickets);

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
    settings: { config, extra: { kind: 'transfer', transfer, ...(useGd ? { gd } : {}) } },
  };
  const status = await outputFolderStatus(dir, identity, { run: 'transfer', units: 'trainings' });
  if (status.state === 'complete') {
    process.stdout.write(summaryTable(status.rounds.map(perfRow), getTask(config.task.id).metric) + '\n');
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
      'trainings',
    );
    try {
      const finished = new Set(writer.finishedRounds().map((r) => roundKey(r.seed, r.method, r.round)));
      process.stderr.write(
        `transfer ${id}: ${method} tickets of rounds ${rounds.join(',')} from ${from} (${source.source.taskId}, ${source.source.netDescribe}) → ` +
          `${task.id} with ${transfer.trainer}, seeds ${seeds.join(',')} → ${dir}\n` +
          writer.continuingLine(),
      );
      const progress = new ProgressLine(identity.expected.length, quiet);
      const onEvent = trainingSink(writer, progress, finished.size, { metric: task.metric, gd: useGd });
      for (const { seed, theta0, tickets: seedTickets } of perSeed) {
        await writer.writeTheta0(seed, theta0);
        await runTransfer({
          tickets: seedTickets,
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
    closingReport(writer, task.metric);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError((e as Error).message, 1);
  } finally {
    if ('dispose' in parts && typeof parts.dispose === 'function') parts.dispose();
    else task.dispose();
  }
}
