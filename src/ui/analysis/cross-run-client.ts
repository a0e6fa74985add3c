/**
 * The UI's bridge for LMC between two runs (docs/ALGORITHMS.md §6 pair 3 "ES vs GD"): sends exactly
 * the two chosen round records (this run's and another stored run's, e.g. the GD-IMP run of the same task,
 * network and seed) to LabEngine.runAnalysis in the 'records' pairs mode. Task + network come from the
 * shown run's config; the other run has the same ones (state/gd-runs.ts isCompanion), so D matches.
 */
import { proxy, transfer } from 'comlink';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import type { AnalysisOutcome, AnalysisProgress, LmcJobOptions, LmcJobResult } from '../../protocol/worker-protocol';
import { jobRecords } from '../run/analysis-client';
import { ensureBackend, watchedCall } from '../lab-client';

/** The barrier path between record `a` (α = 0) and record `b` (α = 1), evaluated through `config`'s task. */
export async function runLmcPair(
  config: ExperimentConfig,
  a: RoundRecord,
  b: RoundRecord,
  args: LmcJobOptions,
  onProgress: (p: AnalysisProgress) => void,
): Promise<AnalysisOutcome<LmcJobResult>> {
  if (a.mean.length !== b.mean.length)
    throw new Error(`the two networks have different sizes (D = ${a.mean.length} vs ${b.mean.length})`);
  await ensureBackend();
  const sent = jobRecords([a, b], false);
  return watchedCall('the LMC analysis', async (engine) =>
    engine.runAnalysis(
      'lmc',
      config,
      transfer(sent.records, sent.buffers),
      { ...args, pairs: 'records' },
      proxy(onProgress),
    ),
  ) as Promise<AnalysisOutcome<LmcJobResult>>;
}
