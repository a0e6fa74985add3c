/** `lab imp`: runs ES-IMP for every seed of a config and writes a run folder (see run-folder.ts). */
import { runImp } from '../core/experiments/imp';
import { instantiate } from '../core/experiments/setup';
import type { GenerationMetrics, RoundRecord } from '../core/experiments/events';
import { runId } from '../core/runs/hash';
import type { ExperimentConfig } from '../core/runs/config';
import { configFromFlags } from './config-from-flags';
import { dataReader, useBackend } from './node-io';
import { RunFolder } from './run-folder';
import { ProgressLine } from './progress';
import { intFlag } from './args';

export async function impCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  const config = configFromFlags(flags);
  const backend = flags.get('backend') ?? 'wasm';
  await useBackend(backend);
  const records = await runImpFolder(config, {
    out: flags.get('out') ?? `runs-out/${runId(config)}`,
    backend,
    command: `npm run lab -- ${argv.join(' ')}`,
    quiet: flags.get('quiet') === 'true',
    reportEvery: intFlag(flags, 'report-every', 1, 100000) ?? 10,
  });
  process.stdout.write(summaryTable(records) + '\n');
}

export interface ImpFolderOptions {
  /** The run folder (see run-folder.ts). */
  readonly out: string;
  /** The tfjs backend in use (recorded in config.json; the caller selects it). */
  readonly backend: string;
  /** The command line recorded in config.json. */
  readonly command: string;
  readonly quiet?: boolean;
  readonly reportEvery?: number;
}

/**
 * Runs ES-IMP for every seed of a validated config into a run folder and returns the finished rounds:
 * what `lab imp` does after reading its flags (`lab sweep run` calls it once per run).
 */
export async function runImpFolder(config: ExperimentConfig, opts: ImpFolderOptions): Promise<RoundRecord[]> {
  const id = runId(config);
  const out = new RunFolder(opts.out);
  await out.create(config, {
    runId: id,
    command: opts.command,
    backend: opts.backend,
    createdAt: new Date().toISOString(),
  });

  const { task, net } = await instantiate(config, dataReader);
  for (const note of task.notes) process.stderr.write(`note: ${note}\n`);
  process.stderr.write(
    `run ${id}: ${net.describe}, D=${net.paramCount} (${net.prunableCount} prunable), ${config.es.id} P=${config.es.popSize}, ` +
      `${config.prune.rounds} rounds × ${config.budget.generationsPerRound} gens, chains ${config.prune.methods.join(', ')}, seeds ${config.seeds.join(',')} → ${out.dir}\n`,
  );

  const chainsPerRound = config.prune.methods.length;
  const totalRounds = config.seeds.length * (1 + (config.prune.rounds - 1) * chainsPerRound);
  const progress = new ProgressLine(totalRounds * config.budget.generationsPerRound, opts.quiet ?? false);
  const all: RoundRecord[] = [];
  let pendingGens: GenerationMetrics[] = [];
  let doneGens = 0;
  let writes: Promise<void> = Promise.resolve();
  try {
    for (const seed of config.seeds) {
      const result = await runImp({
        config,
        seed,
        net,
        task,
        reportEvery: opts.reportEvery ?? 10,
        onEvent: (e) => {
          if (e.type === 'generation') {
            pendingGens.push(e.metrics);
            progress.update(
              doneGens + e.metrics.gen,
              `seed ${seed} ${e.metrics.method} r${e.metrics.roundNum} gen ${e.metrics.gen}` +
                (e.metrics.lastEval ? ` ${perfText(task.kind, e.metrics.lastEval.perf)}` : ''),
            );
          } else if (e.type === 'round') {
            all.push(e.record);
            const record = e.record;
            writes = writes.then(() => out.appendRound(record)); // written as each round finishes
            if (!e.record.sharedWith || e.record.sharedWith[0] === e.record.method) doneGens += e.record.generations;
          }
        },
        gate: async () => {
          await writes;
          if (pendingGens.length >= 20) {
            const g = pendingGens;
            pendingGens = [];
            await out.appendGenerations(g);
          }
        },
      });
      await writes;
      await out.writeTheta0(seed, result.theta0);
    }
    await out.appendGenerations(pendingGens);
  } finally {
    task.dispose();
  }
  progress.done();
  return all;
}

/** The progress line's test metric: accuracy in % for vision, the mean return as is for control. */
export function perfText(kind: 'vision' | 'control', perf: number): string {
  return kind === 'vision' ? `test ${(100 * perf).toFixed(1)}%` : `return ${perf.toFixed(1)}`;
}

/** Final test performance per round (rows) and method (columns), averaged over seeds. */
export function summaryTable(records: readonly RoundRecord[]): string {
  const methods = [...new Set(records.map((r) => r.method))];
  const rounds = [...new Set(records.map((r) => r.roundNum))].sort((a, b) => a - b);
  const header = ['round', 'remaining %', ...methods].map((s) => s.padStart(14)).join('');
  const lines = rounds.map((k) => {
    const at = records.filter((r) => r.roundNum === k);
    const cells = methods.map((m) => {
      const v = at.filter((r) => r.method === m).map((r) => r.finalPerf);
      return v.length ? (v.reduce((a, b) => a + b, 0) / v.length).toFixed(4) : '';
    });
    return [String(k), (100 * (1 - at[0].sparsityFrac)).toFixed(2), ...cells].map((s) => s.padStart(14)).join('');
  });
  return [header, ...lines].join('\n');
}
