/**
 * `lab imp`: runs ES-IMP for every seed of a config and writes a run folder (see run-folder.ts). Rerun on
 * a folder of the same run, it continues after the last finished round (or does nothing when the run is
 * complete); any other existing folder is refused untouched (run-state.ts, docs/RELIABILITY.md).
 */
import { runImp, theta0For, type ChainState } from '../core/experiments/imp';
import { chainsFinished } from '../core/experiments/resume';
import { configMemoryProblem, instantiate } from '../core/experiments/setup';
import type { RoundRecord } from '../core/experiments/events';
import type { ExperimentConfig } from '../core/runs/config';
import type { RoundRow } from '../core/runs/csv';
import type { PopulationNet } from '../core/nets/types';
import type { TaskInstance, TestMetric } from '../core/tasks/types';
import { runId } from '../core/runs/hash';
import { configFromFlags } from './config-from-flags';
import { backendFlag, dataReader, useBackend } from './node-io';
import { ProgressLine } from './progress';
import { boolFlag, CliError, commandLine, intFlag } from './args';
import { finishedRoundsOf, impIdentity, outputFolderStatus } from './run-state';
import { RunWriter, runMeta } from './run-writer';
import { chainsOfSeeds } from './resume-chains';
import { RunFolder } from './run-folder';
import { defaultNodeWorkers, startEvalThreads } from './eval-threads';
import type { SplitEvaluator } from '../core/experiments/parallel/split-evaluator';
import { rangesText, textTable } from './analysis/output';
import { getTask } from '../core/tasks/registry';
import { PRESETS } from '../core/runs/presets';
import { perfUnit } from './summarize-command';

export async function impCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  const config = configFromFlags(flags);
  const untuned = untunedNote(flags);
  if (untuned) process.stderr.write(`note: ${untuned}\n`);
  const result = await runImpFolder(config, {
    dir: flags.get('out') ?? `runs-out/${runId(config)}`,
    backend: backendFlag(flags),
    command: commandLine(argv),
    quiet: boolFlag(flags, 'quiet'),
    reportEvery: intFlag(flags, 'report-every', 1, 100000) ?? 10,
    workers: intFlag(flags, 'workers', 1, 256) ?? defaultNodeWorkers(),
  });
  process.stdout.write(summaryTable(result.rounds.map(perfRow), getTask(config.task.id).metric) + '\n');
}

/**
 * Without --preset and without any --es.<param>, the ES runs with its library defaults, which nobody tuned
 * for the task (measured: 32.5 % MNIST test accuracy after the first round's 300 generations, seed 3, where
 * `mnist-quick`'s tuned PGPE reaches 87.4 %): said before the run, so a first try of `lab imp` is not mistaken for what ES can do.
 */
export function untunedNote(flags: ReadonlyMap<string, string>): string | null {
  if (flags.has('preset') || [...flags.keys()].some((k) => k.startsWith('es.'))) return null;
  // The first preset of the chosen task (reduced budgets come first in the registry), else the MNIST one.
  const task = flags.get('task') ?? 'mnist';
  const example = PRESETS.find((p) => p.config.task.id === task && !p.notInBrowser)?.id ?? 'mnist-quick';
  return (
    'no --preset and no --es.<param>: the ES uses its default settings, not tuned for this task ' +
    `(for tuned ones start from a preset, e.g. --preset ${example}; the list is in --help)`
  );
}

export interface ImpFolderOptions {
  /** The run folder (run-folder.ts). */
  readonly dir: string;
  readonly backend: 'wasm' | 'cpu';
  /** The command line recorded in a new folder's config.json. */
  readonly command: string;
  readonly quiet?: boolean;
  readonly reportEvery?: number;
  /** Evaluation threads that split each generation's population (eval-threads.ts); default 1. */
  readonly workers?: number;
}

/**
 * What `lab imp` does once its flags are read, for any caller (`lab sweep run` runs each of its runs
 * through this): a new folder gets the whole run, a folder of the same run continues after its last
 * finished round, a complete one is left as it is (`alreadyComplete`), any other folder is refused
 * (CliError) untouched. Returns the folder's finished rounds.
 */
export async function runImpFolder(
  config: ExperimentConfig,
  opts: ImpFolderOptions,
): Promise<{ alreadyComplete: boolean; rounds: readonly RoundRow[] }> {
  const { dir, backend } = opts;
  const id = runId(config);
  const memory = configMemoryProblem(config);
  if (memory) throw new CliError(memory.message);
  const identity = impIdentity(config, backend);
  const status = await outputFolderStatus(dir, identity);
  if (status.state === 'complete') return { alreadyComplete: true, rounds: status.rounds };

  // Evaluation threads start first, so that their start-up runs while this thread loads the task.
  const evalThreads = startEvalThreads(config, backend, opts.workers ?? 1);
  let task: TaskInstance | null = null;
  try {
    await useBackend(backend);
    const parts = await instantiate(config, dataReader);
    task = parts.task;
    const { net } = parts;
    for (const note of task.notes) process.stderr.write(`note: ${note}\n`);
    // Chain states to continue from, read and checked before anything is written.
    const finishedBefore = finishedRoundsOf(status);
    const resumes = await chainsOfSeeds(
      { folder: new RunFolder(dir), rounds: finishedBefore, net, prune: config.prune },
      config.seeds,
      (seed) => theta0For(net, seed),
    );
    const split = await evalThreads.attach(task);
    const evaluator = split.evaluator;
    if (split.note) process.stderr.write(`note: ${split.note}\n`);
    const threads = evaluator?.threads ?? 1;
    const writer = await RunWriter.open(
      dir,
      identity,
      {
        config,
        meta: runMeta(id, opts.command, backend),
      },
      finishedBefore.length,
    );
    try {
      const finished = writer.finishedRounds();
      process.stderr.write(
        `run ${id}: ${net.describe}, D=${net.paramCount} (${net.prunableCount} prunable), ${config.es.id} P=${config.es.popSize}, ` +
          `${config.prune.rounds} rounds × ${config.budget.generationsPerRound} gens, chains ${config.prune.methods.join(', ')}, seeds ${config.seeds.join(',')}, ` +
          `${threads} evaluation thread${threads > 1 ? 's' : ''} → ${dir}\n` +
          writer.continuingLine(),
      );
      await trainSeeds(config, net, task, writer, finished, resumes, {
        reportEvery: opts.reportEvery ?? 10,
        quiet: opts.quiet ?? false,
        evaluator,
      });
      await writer.finish();
    } finally {
      await writer.close();
    }
    for (const note of writer.skippedNotes()) process.stderr.write(`note: ${note}\n`);
    return { alreadyComplete: false, rounds: writer.finishedRounds() };
  } finally {
    evalThreads.close();
    task?.dispose();
  }
}

/** Trains every seed's unfinished rounds into `writer`, with a progress line over all generations. */
async function trainSeeds(
  config: ExperimentConfig,
  net: PopulationNet,
  task: TaskInstance,
  writer: RunWriter,
  finished: readonly RoundRow[],
  resumes: ReadonlyMap<number, ChainState[] | null>,
  opts: { reportEvery: number; quiet: boolean; evaluator: SplitEvaluator | null },
): Promise<void> {
  const gens = config.budget.generationsPerRound;
  const perSeedRounds = 1 + (config.prune.rounds - 1) * config.prune.methods.length;
  const progress = new ProgressLine(config.seeds.length * perSeedRounds * gens, opts.quiet);
  // Round 1 is trained once for all chains of a seed (imp.ts), so it counts once.
  let doneGens =
    gens *
    (finished.filter((r) => r.round > 1).length +
      new Set(finished.filter((r) => r.round === 1).map((r) => r.seed)).size);
  for (const seed of config.seeds) {
    const theta0 = theta0For(net, seed);
    const resume = resumes.get(seed) ?? null;
    await writer.writeTheta0(seed, theta0);
    if (resume && chainsFinished(config.prune.methods, resume, config.prune.rounds)) continue;
    await runImp({
      config,
      seed,
      net,
      task,
      reportEvery: opts.reportEvery,
      ...(resume ? { resume } : {}),
      ...(opts.evaluator ? { evaluator: opts.evaluator } : {}),
      onEvent: (e) => {
        writer.onEvent(e);
        if (e.type === 'generation')
          progress.update(
            doneGens + e.metrics.gen,
            `seed ${seed} ${e.metrics.method} r${e.metrics.roundNum} gen ${e.metrics.gen}` +
              (e.metrics.lastEval ? ` ${perfText(task.metric, e.metrics.lastEval.perf)}` : ''),
          );
        else if (e.type === 'round' && (!e.record.sharedWith || e.record.sharedWith[0] === e.record.method))
          doneGens += e.record.generations;
      },
      // Between generations: waits for the writes, and stops the run after Ctrl-C / SIGTERM (interrupt.ts),
      // for `lab sweep run`'s runs too.
      gate: writer.gate,
    });
  }
  progress.done();
}

/** A rounds.csv row as the summary table reads it. */
export function perfRow(r: RoundRow): PerfRow {
  return { seed: r.seed, method: r.method, roundNum: r.round, finalPerf: r.final_perf, sparsityFrac: r.sparsity };
}

/** The progress line's test metric: accuracy in %, or the mean return as is. */
export function perfText(metric: TestMetric, perf: number): string {
  return metric === 'accuracy' ? `test ${(100 * perf).toFixed(1)}%` : `return ${perf.toFixed(1)}`;
}

/** What the summary table reads of a round. */
export type PerfRow = Pick<RoundRecord, 'seed' | 'method' | 'roundNum' | 'finalPerf' | 'sparsityFrac'>;

/**
 * Final test performance per round (rows) and method (columns), the mean over the seeds that finished
 * it, under a line that says what the numbers are: test accuracy in % for image tasks (as the progress
 * line and `lab summarize` show it), the mean test return for control tasks.
 */
export function summaryTable(records: readonly PerfRow[], metric: TestMetric): string {
  const { scale, unit } = perfUnit(metric);
  const seeds = [...new Set(records.map((r) => r.seed))];
  const methods = [...new Set(records.map((r) => r.method))];
  const rounds = [...new Set(records.map((r) => r.roundNum))].sort((a, b) => a - b);
  let short = false; // a cell over fewer seeds than the run's (a round some seed has not finished)
  const rows = rounds.map((k) => {
    const at = records.filter((r) => r.roundNum === k);
    const cells = methods.map((m) => {
      const v = at.filter((r) => r.method === m).map((r) => r.finalPerf);
      if (v.length && v.length < seeds.length) short = true;
      return v.length ? ((scale * v.reduce((a, b) => a + b, 0)) / v.length).toFixed(2) : '';
    });
    return [String(k), (100 * (1 - at[0].sparsityFrac)).toFixed(2), ...cells];
  });
  const over =
    seeds.length > 1
      ? `, mean over seeds ${rangesText(seeds)}${short ? ' (where a seed has not finished a round, over the seeds that have)' : ''}`
      : ` of seed ${seeds.join('')}`;
  // columns as wide as their widest cell, two spaces apart (a fixed width ran long chain names together)
  return `final ${unit.name}${over}:\n${textTable(['round', 'remaining %', ...methods], rows)}`;
}
