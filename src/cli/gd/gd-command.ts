/**
 * `lab gd`: GD-IMP (docs/ALGORITHMS.md §4.1, §12 guideline 3) for every seed of a config, written as the
 * same run folder `lab imp` writes, with chain ids gd_<method>, so GD and ES rounds overlay directly.
 *   npm run lab -- gd --preset mnist-quick --rounds 12 --epochs 1 --out DIR
 * Task, network, pruning and seeds come from the usual flags / preset (its ES settings are unused, and
 * the flags that set only them are refused: gd-flags.ts); GD settings from --optimizer --lr --momentum
 * --batch-size --epochs. Default chains: magnitude and random_reinit (the paper's GD grid); --prune picks
 * others (not SNR: GD has no σ).
 */
import { GD_DEFAULT_METHODS, gdMethodId, runGdImp } from '../../core/experiments/gd/gd-imp';
import { instantiateGd } from '../../core/experiments/gd/setup-gd';
import { gdPruneProblem } from '../../core/experiments/gd/gd-eligibility';
import { theta0For } from '../../core/experiments/imp';
import { chainsFinished } from '../../core/experiments/resume';
import { getPruneMethod } from '../../core/prune/registry';
import { networkOf } from '../../core/runs/network-shape';
import { runId } from '../../core/runs/hash';
import { getTask } from '../../core/tasks/registry';
import { configFromFlags, refuseUnknownConfigFlags } from '../config-from-flags';
import { perfRow, summaryTable } from '../imp-command';
import { backendFlag, dataReader, useBackend } from '../node-io';
import { ProgressLine } from '../progress';
import { boolFlag, CliError, commandLine } from '../args';
import { finishedRoundsOf, impRounds, outputFolderStatus, type RunIdentity } from '../run-state';
import { RunWriter, runMeta } from '../run-writer';
import { chainsOfSeeds } from '../resume-chains';
import { RunFolder } from '../run-folder';
import { GD_FLAG_NAMES, gdOptionsFromFlags, refuseEsOnlyFlags } from './gd-flags';
import { closingReport, trainingSink } from './run-output';

export async function gdCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  // A misspelt flag first, before the GD flags' values are read (configFromFlags checks the rest again).
  refuseUnknownConfigFlags(flags, GD_FLAG_NAMES, 'gd');
  // The full tfjs bundle registers the gradients; loaded here, not at CLI start (~1 s of start-up for every command).
  await import('./node-gradients');
  const { options, rest } = gdOptionsFromFlags(flags);
  refuseEsOnlyFlags(rest, 'lab gd');
  const base = configFromFlags(rest, GD_FLAG_NAMES, 'gd');
  const methods = rest.has('prune') ? base.prune.methods : [...GD_DEFAULT_METHODS];
  const config = {
    ...base,
    prune: { ...base.prune, methods, params: Object.fromEntries(methods.map((m) => [m, base.prune.params[m] ?? {}])) },
  };
  for (const m of methods) {
    const problem = gdPruneProblem(getPruneMethod(m));
    if (problem) throw new CliError(`--prune ${m}: ${problem}`);
  }
  const id = `gd-${runId({ kind: 'gd', config, gd: options })}`;
  const backend = backendFlag(flags);
  const dir = flags.get('out') ?? `runs-out/${id}`;
  const identity: RunIdentity = {
    runId: id,
    backend,
    expected: impRounds(config, methods.map(gdMethodId)),
    paramCount: networkOf(config).paramCount,
    net: networkOf(config),
    schedule: { pruneFrac: config.prune.pruneFrac },
    settings: { config, extra: { kind: 'gd', gd: options } },
  };
  const status = await outputFolderStatus(dir, identity);
  if (status.state === 'complete') {
    process.stdout.write(summaryTable(status.rounds.map(perfRow), getTask(config.task.id).metric) + '\n');
    return;
  }
  await useBackend(backend);

  let parts;
  try {
    parts = await instantiateGd(config, dataReader);
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  const { task, net, train } = parts;
  try {
    for (const note of task.notes) process.stderr.write(`note: ${note}\n`);
    const finishedBefore = finishedRoundsOf(status);
    const resumes = await chainsOfSeeds(
      { folder: new RunFolder(dir), rounds: finishedBefore, net, prune: config.prune, recordId: gdMethodId },
      config.seeds,
      (seed) => theta0For(net, seed),
    );
    const writer = await RunWriter.open(
      dir,
      identity,
      {
        config,
        meta: runMeta(id, commandLine(argv), backend, { kind: 'gd', gd: options }),
      },
      finishedBefore.length,
    );
    try {
      const finished = writer.finishedRounds();
      process.stderr.write(
        `gd run ${id}: ${net.describe}, D=${net.paramCount} (${net.prunableCount} prunable), ${options.optimizer} lr ${options.lr}, batch ${options.batchSize}, ` +
          `${config.prune.rounds} rounds × ${options.epochs} epochs, chains ${methods.map((m) => `gd_${m}`).join(', ')}, seeds ${config.seeds.join(',')} → ${dir}\n` +
          writer.continuingLine(),
      );
      const units = config.seeds.length * (1 + (config.prune.rounds - 1) * methods.length);
      const doneUnits =
        finished.filter((r) => r.round > 1).length +
        new Set(finished.filter((r) => r.round === 1).map((r) => r.seed)).size;
      const progress = new ProgressLine(units, boolFlag(flags, 'quiet'));
      const onEvent = trainingSink(writer, progress, doneUnits, { metric: task.metric, gd: true });
      for (const seed of config.seeds) {
        const theta0 = theta0For(net, seed);
        const resume = resumes.get(seed) ?? null;
        await writer.writeTheta0(seed, theta0);
        if (resume && chainsFinished(methods, resume, config.prune.rounds)) continue;
        await runGdImp({
          net,
          task,
          train,
          options,
          prune: config.prune,
          seed,
          onEvent,
          gate: writer.gate,
          ...(resume ? { resume } : {}),
        });
      }
      await writer.finish();
    } finally {
      await writer.close();
    }
    closingReport(writer, task.metric);
  } finally {
    parts.dispose();
  }
}
