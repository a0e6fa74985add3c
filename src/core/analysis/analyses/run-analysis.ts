/**
 * Running a registered analysis, the same way from the CLI and from the worker: validate the options
 * against the analysis's ParamSpecs and the selection against the run index FIRST (so bad input fails
 * before any data is loaded), then read exactly the selected records and run. A source is one run: its
 * index of (seed, chain, round), a loader for records and θ0 — run folders on disk for the CLI, records
 * already in memory for the worker.
 */
import { resolveParams, type AnyParamValues, type ParamValues } from '../../params';
import type { PopulationNet } from '../../nets/types';
import type { PruneScope } from '../../prune/threshold';
import type { TaskInstance } from '../../tasks/types';
import type { RoundSnapshot } from '../run/correlation-by-round';
import { pickRecords, resolveSelection, type ResolvedSelection, type RoundKey, type Selection } from './selection';
import type { AnalysisContext, AnalysisDef, AnalysisRun } from './types';

/** One run an analysis can read from. */
export interface AnalysisSource {
  readonly label: string;
  /** Every (seed, chain, round) the run holds. */
  readonly index: readonly RoundKey[];
  /** The records of `keys`, in that order (σ only when `withStd`; otherwise it may be empty). */
  load(keys: readonly RoundKey[], withStd: boolean): Promise<RoundSnapshot[]>;
  theta0(seed: number): Promise<Float32Array>;
}

/** What the user asked for: options by key (defaults fill the rest) and which records. */
export interface AnalysisRequest {
  readonly options?: Partial<AnyParamValues>;
  readonly selection?: Selection;
}

export interface PreparedAnalysis<S extends AnalysisDef['options']> {
  readonly options: ParamValues<S>;
  readonly selection: ResolvedSelection;
}

/** Validates options and selection (throws an Error naming every bad field); loads nothing. */
export function prepareAnalysis<S extends AnalysisDef['options'], R>(
  def: AnalysisDef<S, R>,
  sources: readonly AnalysisSource[],
  request: AnalysisRequest,
): PreparedAnalysis<S> {
  if (sources.length < 1 || sources.length > 2)
    throw new Error(`an analysis reads one or two runs, got ${sources.length}`);
  const options = resolveParams(def.options, request.options ?? {});
  const selection = resolveSelection(def.select, sources[0].index, request.selection, sources[1]?.index);
  return { options, selection };
}

/** A source over records already in memory (the worker; tests). θ0 from `theta0`. */
export function memorySource(
  label: string,
  records: readonly RoundSnapshot[],
  theta0: (seed: number) => Float32Array,
): AnalysisSource {
  return {
    label,
    index: records.map((r) => ({ seed: r.seed, method: r.method, roundNum: r.roundNum })),
    load: async (keys) => pickRecords(records, keys),
    theta0: async (seed) => theta0(seed),
  };
}

export interface AnalysisParts {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  readonly prune: { readonly pruneFrac: number; readonly scope: PruneScope };
}

/** Loads the prepared selection from the sources and runs the analysis. */
export async function executeAnalysis<S extends AnalysisDef['options'], R>(
  def: AnalysisDef<S, R>,
  parts: AnalysisParts,
  sources: readonly AnalysisSource[],
  prepared: PreparedAnalysis<S>,
  hooks: Pick<AnalysisContext, 'onProgress' | 'gate' | 'chunkRows'> = {},
): Promise<R> {
  const keyLists = [prepared.selection.keys, prepared.selection.keysB ?? []];
  const runs: AnalysisRun[] = await Promise.all(
    sources.map(async (s, i) => ({
      label: s.label,
      records: await s.load(keyLists[i], def.needs.std),
      theta0: (seed: number) => s.theta0(seed),
    })),
  );
  for (const run of runs)
    for (const r of run.records)
      if (r.mean.length !== parts.net.paramCount)
        throw new Error(
          `${run.label}: seed ${r.seed} ${r.method} round ${r.roundNum} has ${r.mean.length} parameters, the network ${parts.net.paramCount}`,
        );
  return def.run({ ...parts, ...hooks, runs }, prepared.options);
}

/** prepareAnalysis + executeAnalysis in one call. */
export async function runAnalysis<S extends AnalysisDef['options'], R>(
  def: AnalysisDef<S, R>,
  parts: AnalysisParts,
  sources: readonly AnalysisSource[],
  request: AnalysisRequest,
  hooks: Pick<AnalysisContext, 'onProgress' | 'gate' | 'chunkRows'> = {},
): Promise<R> {
  return executeAnalysis(def, parts, sources, prepareAnalysis(def, sources, request), hooks);
}
