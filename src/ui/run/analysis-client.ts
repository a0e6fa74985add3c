/**
 * The UI's bridge for analyses of a finished (or streaming) IMP run and for the rollout viewer: any
 * finished run/round, in the worker, with progress and cancel. Binds
 * LabEngine.runAnalysis to the run the IMP store shows. Records cross to the worker as COPIES whose
 * buffers are transferred — the store keeps its own arrays, and only the fields the jobs read travel
 * (no eval series, no σ for LMC/landscape), so a large run costs one memcpy, not a structured clone.
 */
import { proxy, transfer } from 'comlink';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import type {
  AnalysisArgs,
  AnalysisKind,
  AnalysisOutcome,
  AnalysisProgress,
  AnalysisResults,
  JobRecord,
  RolloutJobOptions,
} from '../../protocol/worker-protocol';
import type { EpisodeRecord } from '../../core/tasks/control/record-episode';
import { useImpStore } from '../../state/imp-store';
import { ensureBackend, getEngine, watchedCall } from '../lab-client';

/** Copies of what the analysis jobs read from each record, plus the buffers to transfer. Pure. */
export function jobRecords(
  records: readonly RoundRecord[],
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
  records: readonly RoundRecord[],
  args: AnalysisArgs[K],
  onProgress?: (p: AnalysisProgress) => void,
): Promise<AnalysisOutcome<AnalysisResults[K]>> {
  await ensureBackend();
  const sent = jobRecords(records, kind === 'correlation');
  return watchedCall(`the ${kind} analysis`, async (engine) =>
    engine.runAnalysis(
      kind,
      config,
      transfer(sent.records, sent.buffers),
      args,
      onProgress ? proxy(onProgress) : undefined,
    ),
  ) as Promise<AnalysisOutcome<AnalysisResults[K]>>;
}

/** Runs analysis `kind` on the run the IMP store shows (its config and round records). */
export function runAnalysisOnShownRun<K extends AnalysisKind>(
  kind: K,
  args: AnalysisArgs[K],
  onProgress: (p: AnalysisProgress) => void,
): Promise<AnalysisOutcome<AnalysisResults[K]>> {
  const { config, records } = useImpStore.getState();
  if (!config) return Promise.reject(new Error('no run is shown: run an experiment or open a stored run first'));
  return run(kind, config, records, args, onProgress);
}

/** Records one test episode of a policy in the worker (RolloutViewer's `record`). */
export async function recordRollout(o: RolloutJobOptions): Promise<EpisodeRecord> {
  const { config } = useImpStore.getState();
  if (!config) throw new Error('no run is shown');
  const out = await run('rollout', config, [], { ...o, params: o.params.slice() });
  if (out.status !== 'done') throw new Error('rollout cancelled');
  return out.result;
}

/** Cancels the analysis in flight (the engine runs one job at a time). */
export async function cancelAnalysis(): Promise<void> {
  await getEngine().cancel();
}
