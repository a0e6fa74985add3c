/**
 * The contract of the analysis registry (docs/ARCHITECTURE.md convention 3; docs/ALGORITHMS.md §6–8): an analysis is
 * `{ id, label, options as ParamSpecs, select, needs, run, report }`. The worker, the CLI and the analysis
 * panel all iterate the registry (registry.ts), so an analysis has the same options, defaults and help
 * everywhere by construction: the CLI turns `options` into flags and help lines, the panel into fields,
 * and both pick round records with the one selection rule of selection.ts. Adding an analysis is one
 * file here, one registry line and, optionally, one view.
 */
import type { ParamSpecs, ParamValues } from '../../params';
import type { PopulationNet } from '../../nets/types';
import type { PruneScope } from '../../prune/threshold';
import type { TaskInstance } from '../../tasks/types';
import type { RoundSnapshot } from '../run/correlation-by-round';

/** Progress over a whole analysis: units (networks evaluated, or records) done of all; label = current step. */
export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** One run as an analysis sees it. */
export interface AnalysisRun {
  /** Short name for tables and output file names (a run folder's name, "this run", …). */
  readonly label: string;
  /** The selected round records (selection.ts), each with its mask, final mean and σ. */
  readonly records: readonly RoundSnapshot[];
  /** θ0 of a seed's chains (the CLI reads theta0/<seed>.f32; the worker recomputes it from the seed). */
  theta0(seed: number): Promise<Float32Array>;
}

/** Everything `run` gets besides its options. */
export interface AnalysisContext {
  /** The task whose test protocol evaluates networks (the first run's). */
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  /** The first run's pruning schedule (p and scope). */
  readonly prune: { readonly pruneFrac: number; readonly scope: PruneScope };
  /** One run, or two (A, B) for a comparison (same seed and round in both, selection.ts). */
  readonly runs: readonly AnalysisRun[];
  readonly onProgress?: (p: AnalysisProgress) => void;
  /** Awaited between chunks of work: the worker's pause/cancel point (throws to cancel). */
  readonly gate?: () => Promise<void> | void;
  /** Networks per evaluation call (default DEFAULT_CHUNK_ROWS). */
  readonly chunkRows?: number;
}

/** Which round records an analysis reads (selection.ts resolves it against a run's index). */
export interface SelectSpec {
  /** One chain (pruning method) or several. */
  readonly chains: 'one' | 'many';
  /** Default chains in order of preference; a GD-IMP run's `gd_<id>` matches `<id>`. Empty: every chain. */
  readonly prefer: readonly string[];
  /** Whether a second run can be given, compared at the same seed and round (e.g. ES vs GD). */
  readonly compare: boolean;
}

export interface AnalysisNeeds {
  /** Evaluates networks through the task's test protocol (vision: loads the test images). */
  readonly evaluation: boolean;
  /** Reads each record's per-weight σ (otherwise it need not be sent or loaded). */
  readonly std: boolean;
}

export type Cell = string | number;

/** One output file pair `<name>.csv` + `<name>.json` (the CLI writes it into the first run's folder). */
export interface ReportFile {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly json: Readonly<Record<string, unknown>>;
}

/** What an analysis reports in text: CSV/JSON files and a markdown summary (what docs/RESULTS.md quotes). */
export interface AnalysisReport {
  readonly files: readonly ReportFile[];
  readonly markdown: string;
}

export interface AnalysisDef<S extends ParamSpecs = ParamSpecs, R = unknown> {
  /** Registry id = CLI command name. */
  readonly id: string;
  readonly label: string;
  /** One sentence for --help and the reports. */
  readonly summary: string;
  /**
   * What the analysis asks and how to read its chart, for a student (the panel shows it; a trailing
   * parenthesis that cites a source goes behind the panel's "Source" disclosure).
   */
  readonly explain: string;
  readonly options: S;
  /** Option keys that hold a layer index (−1 = the last hidden layer): the panel lists the layer names. */
  readonly layerOptions?: readonly string[];
  readonly select: SelectSpec;
  readonly needs: AnalysisNeeds;
  /** Runs the analysis; reports progress and awaits `ctx.gate` between chunks. */
  run(ctx: AnalysisContext, options: ParamValues<S>): Promise<R>;
  /** The result as files and markdown (pure). */
  report(result: R): AnalysisReport;
  /**
   * The names of the files `report` will return, known before the analysis runs: from the runs' labels,
   * the first run's selected chains and the options. The CLI checks these paths before any work, so a
   * file in the way is refused at once, not after a long evaluation (docs/RELIABILITY.md §2).
   */
  outputNames(runLabels: readonly string[], chains: readonly string[], options: ParamValues<S>): string[];
}

/** Identity helper that keeps an analysis's option and result types. */
export function defineAnalysis<S extends ParamSpecs, R>(def: AnalysisDef<S, R>): AnalysisDef<S, R> {
  return def;
}
