/**
 * The UI's bridge for analyses of a finished (or streaming) IMP run and for the rollout viewer: analyses run
 * in the worker, so the page stays responsive, with progress and cancel. Binds LabEngine.runAnalysis to the run the IMP store shows. Records cross to the worker as COPIES whose
 * buffers are transferred — the store keeps its own arrays, and only what the analysis reads travels (the
 * selected records; σ only when the registry entry needs it), so a large run costs one memcpy, not a
 * structured clone. A second run to compare with travels the same way.
 */
import { proxy, transfer } from 'comlink';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import type {
  AnalysisArgs,
  AnalysisJobArgs,
  AnalysisKind,
  AnalysisOutcome,
  AnalysisProgress,
  AnalysisResults,
  JobRecord,
  RolloutJobOptions,
} from '../../protocol/worker-protocol';
import {
  getAnalysis,
  memorySource,
  pickRecords,
  prepareAnalysis,
  type AnalysisId,
  type AnalysisResultOf,
} from '../../core/analysis/analyses';
import type { EpisodeRecord } from '../../core/tasks/control/record-episode';
import { useImpStore } from '../../state/imp-store';
import { ensureBackend, getEngine, watchedCall } from '../lab-client';

/** Copies of what the analysis jobs read from each record, plus the buffers to transfer. Pure. */
export function jobRecords(
  records: readonly JobRecord[],
  withStd: boolean,
): { records: JobRecord[]; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const out = records.map((r) => {
    const mask = r.mask.slice(),
      mean = r.mean.slice();
    // JobRecord requires std; jobs that do not read it get a 0-length placeholder instead of D floats.
    const std = withStd ? r.std.slice() : new Float32Array(0);
    buffers.push(mask.buffer, mean.buffer, std.buffer);
    return { seed: r.seed, method: r.method, roundNum: r.roundNum, sparsityFrac: r.sparsityFrac, mask, mean, std };
  });
  return { records: out, buffers };
}

async function run<K extends AnalysisKind>(
  kind: K,
  config: ExperimentConfig,
  records: readonly JobRecord[],
  args: AnalysisArgs[K],
  buffers: ArrayBuffer[],
  onProgress?: (p: AnalysisProgress) => void,
): Promise<AnalysisOutcome<AnalysisResults[K]>> {
  await ensureBackend();
  return watchedCall(`the ${kind} analysis`, async (engine) =>
    engine.runAnalysis(kind, config, transfer(records, buffers), args, onProgress ? proxy(onProgress) : undefined),
  ) as Promise<AnalysisOutcome<AnalysisResults[K]>>;
}

const noTheta0 = () => new Float32Array(0);

/**
 * Runs registry analysis `id` on `config`'s run: only the records the selection picks (and those of
 * `args.other`, the run compared with) are copied to the worker.
 */
export function runRegistryAnalysis<K extends AnalysisId>(
  config: ExperimentConfig,
  records: readonly RoundRecord[],
  id: K,
  args: AnalysisJobArgs,
  onProgress: (p: AnalysisProgress) => void,
): Promise<AnalysisOutcome<AnalysisResultOf<K>>> {
  const def = getAnalysis(id);
  const sources = [memorySource('this run', records, noTheta0)];
  if (args.other) sources.push(memorySource(args.other.label, args.other.records, noTheta0));
  const { selection } = prepareAnalysis(def, sources, args);
  const mine = jobRecords(pickRecords(records, selection.keys), def.needs.std);
  const theirs = args.other ? jobRecords(pickRecords(args.other.records, selection.keysB ?? []), def.needs.std) : null;
  const sent: AnalysisJobArgs = {
    options: args.options,
    // The resolved chains and seeds: the worker sees only the picked records, so its defaults would differ.
    selection: { ...args.selection, chains: selection.chains, seeds: selection.seeds, chainB: selection.chainB },
    other: theirs && args.other ? { label: args.other.label, records: theirs.records } : undefined,
  };
  return run(
    id,
    config,
    mine.records,
    sent as AnalysisArgs[K],
    [...mine.buffers, ...(theirs?.buffers ?? [])],
    onProgress,
  ) as Promise<AnalysisOutcome<AnalysisResultOf<K>>>;
}

/** Runs registry analysis `id` on the run the IMP store shows (its config and round records). */
export function runAnalysisOnShownRun<K extends AnalysisId>(
  id: K,
  args: AnalysisJobArgs,
  onProgress: (p: AnalysisProgress) => void,
): Promise<AnalysisOutcome<AnalysisResultOf<K>>> {
  const { config, records } = useImpStore.getState();
  if (!config) return Promise.reject(new Error('no run is shown: run an experiment or open a stored run first'));
  return runRegistryAnalysis(config, records, id, args, onProgress);
}

/** Records one test episode of a policy in the worker (RolloutViewer's `record`). */
export async function recordRollout(o: RolloutJobOptions): Promise<EpisodeRecord> {
  const { config } = useImpStore.getState();
  if (!config) throw new Error('no run is shown');
  const params = o.params.slice();
  const out = await run('rollout', config, [], { ...o, params }, [params.buffer]);
  if (out.status !== 'done') throw new Error('rollout cancelled');
  return out.result;
}

/** Cancels the analysis in flight (the engine runs one job at a time). */
export async function cancelAnalysis(): Promise<void> {
  await getEngine().cancel();
}
