/**
 * One CLI command per registered analysis (`lab lmc`, `lab landscape`, `lab correlation`, `lab weights`,
 * …): flags → options and selection (checked before any data is loaded), run folder(s) → sources, a
 * progress line on stderr, the analysis's report as CSV + JSON in the first run folder (each JSON
 * records the command that produced it) and its markdown on stdout.
 */
import { basename } from 'node:path';
import {
  ANALYSIS_LIST,
  executeAnalysis,
  prepareAnalysis,
  type AnalysisDef,
  type AnalysisSource,
} from '../../core/analysis/analyses';
import { boolFlag, CliError, intFlag } from '../args';
import { backendFlag } from '../node-io';
import { ProgressLine } from '../progress';
import { checkFlags, flagOf, optionsFromFlags, selectionFromFlags } from './analysis-flags';
import { checkSameLayout, folderSource, instantiateRun, readRunHeader, type RunHeader } from './load-run';
import { writeOutputs } from './output';
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

/** The selection flag a selection error is about (the core words it in terms of chains, seeds, rounds). */
const SELECTION_FLAGS: readonly [RegExp, string][] = [
  [/^"[^"]*" is not a chain of the second run|^no counterpart of/, '--method-b'],
  [/^chain "|^this analysis takes one chain/, '--method'],
  [/^seed \d+ is not in/, '--seeds'],
  [/^rounds? /, '--rounds'],
];

/** Errors of bad input (selection, option ranges) exit with code 2 and name the flag, like every flag error. */
function asUsage<T>(def: AnalysisDef, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CliError) throw e;
    const msg = withFlags(def, (e as Error).message);
    const flag = SELECTION_FLAGS.find(([re]) => re.test(msg))?.[1];
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
    const headers = await Promise.all(runDirs(def, flags).map(readRunHeader));
    if (headers[1]) checkSameLayout(headers[0], headers[1]);
    for (const h of headers)
      if (!h.index.length)
        throw new CliError(`${h.dir}: rounds.csv lists no finished round yet: nothing to analyse`, 1);
    const plane = planeProblem(request.options.plane, headers, request.selection.seeds);
    if (plane) throw new CliError(plane);
    // Validate options and selection on the index alone: a labelled stand-in source, no data read yet.
    const stub = (h: (typeof headers)[number]): AnalysisSource => ({
      label: basename(h.dir),
      index: h.index,
      load: () => Promise.reject(new Error('not loaded')),
      theta0: () => Promise.reject(new Error('not loaded')),
    });
    const prepared = asUsage(def, () => prepareAnalysis(def, headers.map(stub), request));

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
      for (const f of report.files) {
        const meta = { command: commandLine(argv), ...(def.needs.evaluation ? { testImages } : {}) };
        written.push(...(await writeOutputs(headers[0].dir, f.name, f, { ...meta, ...f.json })));
      }
      process.stdout.write(report.markdown + `\nwrote ${written.join(', ')}\n`);
    } finally {
      task.dispose();
    }
  };
}

/** `lab <id>` for every registered analysis. */
export const ANALYSIS_COMMANDS: Readonly<Record<string, Command>> = Object.fromEntries(
  ANALYSIS_LIST.map((def) => [def.id, analysisCommand(def)]),
);
