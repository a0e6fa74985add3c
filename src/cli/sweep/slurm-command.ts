/**
 * `lab sweep slurm FILE --out DIR [--partition P] [--time T] [--cpus-per-task N] [--mem M] [--account A]
 * [--max-parallel K] [--bundles] [--submit]`: writes a Slurm job array for the sweep's runs that are not
 * complete yet (one array task per run: SLURM_ARRAY_TASK_ID is the run's plan index, and the task runs
 * `lab sweep run --index` on it) and a collect job that starts once every array task has succeeded
 * (`--dependency=afterok`), into DIR/slurm/<plan id>/ beside the sweep file they run; --submit submits
 * both with sbatch. A failed task can be resubmitted alone (`sbatch --array=I array.sbatch`); completed
 * runs are never redone. docs/SWEEPS.md is the cluster how-to.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { promisify } from 'node:util';
import { CliError, commandLine, intFlag } from '../args';
import { labInvocation, REPO_ROOT, shellQuote } from './lab-invocation';
import { loadSweepFile } from './read-sweep';
import { runState, SweepDir } from './sweep-dir';
import { checkSweepFolder, recordSweep, writeSweepFile } from './sweep-folder';
import { writeFileAtomic } from '../fs-safe';
import type { SweepSubcommand } from './sweep-command';

/** Slurm's default MaxArraySize is 1001: array indices above 1000 need a cluster configured for them. */
const SLURM_DEFAULT_MAX_INDEX = 1000;

/** #SBATCH values are pasted into a script: only the characters Slurm's own syntax uses are accepted. */
const OPTION_RULES: Record<string, { re: RegExp; example: string }> = {
  partition: { re: /^[A-Za-z0-9_.,-]{1,64}$/, example: 'cpu or short,long' },
  account: { re: /^[A-Za-z0-9_.-]{1,64}$/, example: 'my-lab' },
  time: { re: /^(\d+-)?\d{1,4}(:\d{1,2}){0,2}$/, example: '30, 2:00:00 or 1-12:00:00' },
  mem: { re: /^\d{1,7}[KMGT]?$/, example: '4G or 2000M' },
};

/** "0,2,3,4,7" → "0,2-4,7" (Slurm's --array syntax). */
export function arraySpec(indices: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length;) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(j > i ? `${indices[i]}-${indices[j]}` : String(indices[i]));
    i = j + 1;
  }
  return parts.join(',');
}

export interface SlurmOptions {
  readonly partition?: string;
  readonly account?: string;
  readonly time?: string;
  readonly mem?: string;
  readonly cpusPerTask?: number;
  readonly maxParallel?: number;
}

function sbatchLines(o: SlurmOptions): string[] {
  return [
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    ...(o.account ? [`#SBATCH --account=${o.account}`] : []),
    ...(o.time ? [`#SBATCH --time=${o.time}`] : []),
    ...(o.mem ? [`#SBATCH --mem=${o.mem}`] : []),
  ];
}

/** The three files of a job: the array script, the collect script, and submit.sh that chains them. */
export function slurmScripts(args: {
  name: string;
  indices: readonly number[];
  sweepFile: string;
  dir: string;
  scriptDir: string;
  options: SlurmOptions;
  bundles: boolean;
  command: string;
}): { array: string; collect: string; submit: string } {
  const lab = labInvocation().map(shellQuote);
  const header = [
    '#!/usr/bin/env bash',
    `# Written by: ${args.command}`,
    '# Runs this checkout of the lab; LAB_NODE overrides the Node binary on the compute nodes.',
  ];
  const labLine = (rest: string) => `node=\${LAB_NODE:-${lab[0]}}\nexec "$node" ${lab.slice(1).join(' ')} ${rest}`;
  const q = shellQuote;
  const array = [
    ...header,
    `#SBATCH --job-name=${args.name}`,
    `#SBATCH --array=${arraySpec(args.indices)}${args.options.maxParallel ? `%${args.options.maxParallel}` : ''}`,
    `#SBATCH --output=${args.scriptDir}/logs/run-%a.out`,
    '#SBATCH --ntasks=1',
    ...(args.options.cpusPerTask ? [`#SBATCH --cpus-per-task=${args.options.cpusPerTask}`] : []),
    ...sbatchLines(args.options),
    'set -euo pipefail',
    `cd ${q(REPO_ROOT)}`,
    // A task evaluates on the CPUs Slurm gave it, however many cores the node has.
    labLine(
      `sweep run ${q(args.sweepFile)} --out ${q(args.dir)} --index "$SLURM_ARRAY_TASK_ID" --quiet --workers ${args.options.cpusPerTask ?? 1}`,
    ),
    '',
  ].join('\n');
  const collect = [
    ...header,
    `#SBATCH --job-name=${args.name}-collect`,
    `#SBATCH --output=${args.scriptDir}/logs/collect-%j.out`,
    '#SBATCH --ntasks=1',
    ...sbatchLines(args.options),
    'set -euo pipefail',
    `cd ${q(REPO_ROOT)}`,
    labLine(`sweep collect ${q(args.dir)}${args.bundles ? ' --bundles' : ''}`),
    '',
  ].join('\n');
  const submit = [
    '#!/usr/bin/env bash',
    '# Submits the job array, then the collect job to start after every array task succeeded.',
    'set -euo pipefail',
    'here=$(cd "$(dirname "$0")" && pwd)',
    'array=$(sbatch --parsable "$here/array.sbatch")',
    'array=${array%%;*}',
    'collect=$(sbatch --parsable --dependency=afterok:"$array" "$here/collect.sbatch")',
    'collect=${collect%%;*}',
    `echo "submitted job array $array (${args.indices.length} runs) and collect job $collect (starts when all runs succeeded)"`,
    '',
  ].join('\n');
  return { array, collect, submit };
}

export const slurmCommand: SweepSubcommand = {
  usage:
    'slurm FILE --out DIR [--partition P] [--time T] [--cpus-per-task N] [--mem M] [--account A] [--max-parallel K] [--bundles] [--submit]',
  summary: 'write (and with --submit, submit) a Slurm job array of the runs not complete yet, plus a collect job',
  details: ['each array task evaluates with --workers set to --cpus-per-task (default 1)'],
  flags: new Set(['out', 'partition', 'time', 'cpus-per-task', 'mem', 'account', 'max-parallel', 'bundles', 'submit']),
  async run(file, flags, argv) {
    const out = flags.get('out');
    if (!out || out === 'true')
      throw new CliError('sweep slurm needs --out DIR (the sweep folder, on a filesystem every node shares)');
    const options: Record<string, string | number | undefined> = {};
    for (const [k, rule] of Object.entries(OPTION_RULES)) {
      const v = flags.get(k);
      if (v === undefined) continue;
      if (!rule.re.test(v)) throw new CliError(`--${k} "${v}" is not a Slurm ${k} (e.g. ${rule.example})`);
      options[k] = v;
    }
    const slurmOptions: SlurmOptions = {
      ...options,
      cpusPerTask: intFlag(flags, 'cpus-per-task', 1, 1024),
      maxParallel: intFlag(flags, 'max-parallel', 1, 100000),
    };
    const dir = new SweepDir(resolve(out));
    const sweep = await loadSweepFile(file, { stored: dir.keeps(file) });
    const { plan } = sweep;
    await checkSweepFolder(dir, sweep); // before anything is written (recordSweep below writes)
    const states = await Promise.all(plan.runs.map((r) => runState(dir.runDir(r.runId), r.config, 'wasm')));
    const unusable = states.flatMap((s, i) => (s.state === 'foreign' ? [`run ${i}: ${s.message}`] : []));
    if (unusable.length) throw new CliError(unusable.join('\n'));
    const pending = plan.runs.filter((_, i) => states[i].state !== 'complete').map((r) => r.index);
    if (!pending.length) {
      process.stdout.write(
        `every run of sweep ${plan.name} is complete in ${dir.root}: run lab sweep collect ${out}\n`,
      );
      return;
    }
    if (pending[pending.length - 1] > SLURM_DEFAULT_MAX_INDEX)
      process.stderr.write(
        `note: array indices go up to ${pending[pending.length - 1]}; Slurm's default MaxArraySize allows 0–${SLURM_DEFAULT_MAX_INDEX} (ask your admins, or split the sweep)\n`,
      );

    await recordSweep(dir, sweep);
    const scriptDir = dir.slurmDir(plan.planId);
    await mkdir(join(scriptDir, 'logs'), { recursive: true });
    const sweepFile = join(scriptDir, 'sweep.json');
    await writeSweepFile(sweepFile, sweep.spec);
    const scripts = slurmScripts({
      name: plan.name,
      indices: pending,
      sweepFile,
      dir: dir.root,
      scriptDir,
      options: slurmOptions,
      bundles: flags.get('bundles') === 'true',
      command: commandLine(argv),
    });
    const paths = {
      array: join(scriptDir, 'array.sbatch'),
      collect: join(scriptDir, 'collect.sbatch'),
      submit: join(scriptDir, 'submit.sh'),
    };
    for (const k of ['array', 'collect', 'submit'] as const) {
      await writeFileAtomic(paths[k], scripts[k]);
      await chmod(paths[k], 0o755);
    }
    process.stdout.write(
      `sweep ${plan.name}: ${pending.length} of ${plan.runs.length} runs to do → job array ${paths.array}\n` +
        `collect job: ${paths.collect}\n`,
    );
    if (flags.get('submit') !== 'true') {
      process.stdout.write(`submit both with: bash ${shellQuote(paths.submit)}\n`);
      return;
    }
    try {
      const { stdout } = await promisify(execFile)('bash', [paths.submit]);
      process.stdout.write(stdout);
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new CliError(`sbatch failed: ${(err.stderr || err.message).trim()}`, 1);
    }
  },
};
