/**
 * One CLI command per registered analysis (`lab lmc`, `lab landscape`, `lab correlation`, `lab weights`,
 * …): flags → options and selection (checked before any data is loaded), run folder(s) → sources, a
 * progress line on stderr, the analysis's report as CSV + JSON in the first run folder or `--out-dir`
 * (each JSON records the command, the selection and the options that produced it; docs/OUTPUTS.md) and
 * its markdown on stdout. Replacing an earlier output with other content is said on stderr; a file of an
 * output's name that the lab did not write is refused before any data is loaded (output.ts).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  ANALYSIS_LIST,
  executeAnalysis,
  NO_DEFAULT_PAIR,
  prepareAnalysis,
  type AnalysisDef,
  type AnalysisSource,
} from '../../core/analysis/analyses';
import { boolFlag, CliError, intFlag, pathFlag } from '../args';
import { backendFlag } from '../node-io';
import { ProgressLine } from '../progress';
import { checkFlags, flagOf, optionsFromFlags, selectionFromFlags } from './analysis-flags';
import { checkSameLayout, folderSource, instantiateRun, readRunHeader, runLabel, type RunHeader } from './load-run';
import { checkOutputs, writeOutputs, type OutputSelection } from './output';
import { CONFIG_FILE, ROUNDS_FILE } from '../run-folder';
import { commandLine } from '../args';
import { visionParamSpecs } from '../../core/tasks/vision/vision-task';

type Command = (flags: Map<string, string>, argv: readonly string[]) => Promise<void>;

/** An option's name at the start of a message (or after "; ") replaced by its flag. */
function withFlags(def: AnalysisDef, message: string): string {
  let msg = message;
  for (const key of Object.keys(def.options))
    msg = msg.replace(new RegExp(`(^|; )${key}\\b`, 'g'), `$1--${flagOf(key)}`);
  return msg;
}

/**
 * The selection flag a selection error is about, as the user typed it (--methods is --method's other
 * spelling); the core words these errors in terms of chains, seeds and rounds.
 */
function selectionFlag(message: string, flags: Map<string, string>): string | undefined {
  const method = flags.has('methods') ? '--methods' : '--method';
  const byMessage: readonly [RegExp, string][] = [
    [/^"[^"]*" is not a chain of the second run|^no counterpart of/, '--method-b'],
    [/^chain "|^this analysis takes one chain/, method],
    [/^seed \d+ is not in/, '--seeds'],
    [/^rounds? /, '--rounds'],
  ];
  return byMessage.find(([re]) => re.test(message))?.[1];
}

/** Errors of bad input (selection, option ranges) exit with code 2 and name the flag, like every flag error. */
function asUsage<T>(def: AnalysisDef, flags: Map<string, string>, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CliError) throw e;
    const msg = withFlags(def, (e as Error).message);
    // Neither chain was given, so no flag is at fault: the message says which two flags choose them.
    if (msg.startsWith(NO_DEFAULT_PAIR)) throw new CliError(`${msg}: --method ID for run A, --method-b ID for run B`);
    const flag = selectionFlag(msg, flags);
    throw new CliError(flag ? `${flag}: ${msg}` : msg);
  }
}

function runDirs(def: AnalysisDef, flags: Map<string, string>): string[] {
  const run = flags.get('run'),
    runs = flags.get('runs');
  if (run !== undefined && runs !== undefined)
    throw new CliError('give either --run DIR (one run) or --runs A,B (compare two runs), not both');
  if (runs !== undefined) {
    const dirs = runs
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (dirs.length !== 2)
      throw new CliError('--runs needs two run folders, e.g. --runs runs-out/mnist-quick,runs-out/gd-mnist-quick');
    return dirs;
  }
  // Without a second run, --method-b would pick nothing: refused rather than ignored.
  if (flags.has('method-b'))
    throw new CliError(
      '--method-b compares with a second run: give --runs A,B (the run and the one to compare it with)',
    );
  if (!run || run === 'true')
    throw new CliError(
      `--run DIR is required (a folder written by "lab imp" or "lab gd")${def.select.compare ? ', or --runs A,B' : ''}`,
    );
  return [run];
}

/**
 * `--plane K` (landscape) draws the plane through three points of each seed: θ0, round K and round K + 1.
 * A run without round K + 1 is refused here, before anything is loaded, saying so; the analysis itself
 * can only tell that the two rounds were not among the selected ones.
 */
function planeProblem(
  plane: unknown,
  headers: readonly RunHeader[],
  seeds: readonly number[] | undefined,
): string | null {
  if (typeof plane !== 'number' || plane <= 0) return null;
  for (const h of headers)
    for (const seed of new Set(h.index.map((k) => k.seed))) {
      if (seeds && !seeds.includes(seed)) continue;
      const last = Math.max(...h.index.filter((k) => k.seed === seed).map((k) => k.roundNum));
      if (plane + 1 <= last) continue;
      const choose =
        last > 2 ? `choose --plane 1 to ${last - 1}` : last === 2 ? 'choose --plane 1' : 'the plane needs two rounds';
      return `--plane ${plane}: the plane goes through three points, θ0 and rounds ${plane} and ${plane + 1}, but round ${plane + 1} does not exist: seed ${seed} of ${h.dir} has rounds 1 to ${last}; ${choose}`;
    }
  return null;
}

const isThere = (path: string) =>
  stat(path).then(
    (s) => s,
    () => null,
  );

/**
 * Where the outputs go: `--out-dir` (created if missing) or the first run folder. A folder that is another
 * run's folder is refused: files there read as that run's analyses. Checked before any data is loaded.
 */
async function outputDir(flags: Map<string, string>, runs: readonly string[]): Promise<string> {
  const dir = pathFlag(flags, 'out-dir', 'a folder, e.g. --out-dir runs-out/lmc-snr');
  if (dir === undefined) return runs[0];
  const here = await isThere(dir);
  if (here && !here.isDirectory()) throw new CliError(`--out-dir ${dir} is a file, not a folder`);
  const isRun = (await isThere(join(dir, CONFIG_FILE))) && (await isThere(join(dir, ROUNDS_FILE)));
  if (isRun && !runs.some((r) => resolve(r) === resolve(dir)))
    throw new CliError(
      `--out-dir ${dir} is the folder of another run, where these files would read as that run's analyses; choose a folder that is not a run folder, or one of the runs analysed`,
    );
  return dir;
}

/** The keys every analysis JSON starts with, which say how it was made (docs/OUTPUTS.md §2). */
export function outputMeta(
  argv: readonly string[],
  selection: OutputSelection,
  options: Readonly<Record<string, unknown>>,
  testImages: number | undefined,
): Record<string, unknown> {
  return { command: commandLine(argv), selection, options, ...(testImages === undefined ? {} : { testImages }) };
}

export function analysisCommand(def: AnalysisDef): Command {
  return async (flags, argv) => {
    checkFlags(def, flags);
    // The bounds of the task parameter it sets (testSubset), so --test-images -1 and 99999 name the same range.
    const { min, max } = visionParamSpecs.testSubset;
    const testImages = intFlag(flags, 'test-images', min, max) ?? 2000;
    const chunkRows = intFlag(flags, 'chunk-rows', 1, 4096);
    const quiet = boolFlag(flags, 'quiet');
    const backend = backendFlag(flags);
    const request = { options: optionsFromFlags(def, flags), selection: selectionFromFlags(flags) };
    const dirs = runDirs(def, flags);
    const outDir = await outputDir(flags, dirs);
    const headers = await Promise.all(dirs.map(readRunHeader));
    if (headers[1]) checkSameLayout(headers[0], headers[1]);
    for (const h of headers)
      if (!h.index.length)
        throw new CliError(`${h.dir}: rounds.csv lists no finished round yet: nothing to analyse`, 1);
    const plane = planeProblem(request.options.plane, headers, request.selection.seeds);
    if (plane) throw new CliError(plane);
    // Validate options and selection on the index alone: a labelled stand-in source, no data read yet.
    const stub = (h: (typeof headers)[number]): AnalysisSource => ({
      label: runLabel(h),
      index: h.index,
      load: () => Promise.reject(new Error('not loaded')),
      theta0: () => Promise.reject(new Error('not loaded')),
    });
    const prepared = asUsage(def, flags, () => prepareAnalysis(def, headers.map(stub), request));
    // What every JSON records of its records (absolute folders: two run-B folders may share a name).
    const { chains, chainB, seeds, keys } = prepared.selection;
    const selection: OutputSelection = {
      runs: headers.map((h) => resolve(h.dir)),
      chains,
      ...(chainB === undefined ? {} : { chainB }),
      seeds,
      rounds: [...new Set(keys.map((k) => k.roundNum))].sort((a, b) => a - b),
    };
    // A file in the way that the lab did not write is refused now, not after a long evaluation.
    await checkOutputs(outDir, def.outputNames(headers.map(runLabel), chains, prepared.options));

    const { task, net } = await instantiateRun(headers[0], testImages, backend);
    try {
      let bar: ProgressLine | undefined;
      // A problem with the chosen options found while running (e.g. --plane without its rounds) names its flag.
      const result = await executeAnalysis(
        def,
        { task, net, prune: { pruneFrac: headers[0].config.prune.pruneFrac, scope: headers[0].config.prune.scope } },
        headers.map((h) => folderSource(h, net)),
        prepared,
        {
          chunkRows,
          onProgress: (p) => {
            bar ??= new ProgressLine(p.total, quiet);
            bar.update(p.done, p.label);
          },
        },
      ).catch((e: unknown) => {
        if (e instanceof CliError || !(e instanceof Error)) throw e;
        const named = withFlags(def, e.message);
        throw named === e.message ? e : new CliError(named);
      });
      bar?.done();
      const report = def.report(result);
      const written: string[] = [];
      const notes: string[] = [];
      const meta = outputMeta(argv, selection, prepared.options, def.needs.evaluation ? testImages : undefined);
      // Checked again for every file before the first write: nothing is written if one is refused.
      await checkOutputs(
        outDir,
        report.files.map((f) => f.name),
      );
      for (const f of report.files) {
        const out = await writeOutputs(outDir, f.name, f, { ...meta, ...f.json });
        written.push(...out.paths);
        if (out.replaced) notes.push(out.replaced);
      }
      process.stdout.write(report.markdown + `\nwrote ${written.join(', ')}\n`);
      // On stderr, so the line is seen even when stdout (the markdown) goes to a file.
      for (const n of notes) process.stderr.write(n + '\n');
    } finally {
      task.dispose();
    }
  };
}

/** `lab <id>` for every registered analysis. */
export const ANALYSIS_COMMANDS: Readonly<Record<string, Command>> = Object.fromEntries(
  ANALYSIS_LIST.map((def) => [def.id, analysisCommand(def)]),
);
