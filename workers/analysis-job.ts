/**
 * Analysis jobs for the worker engine: any analysis of the core registry (src/core/analysis/analyses —
 * LMC, landscapes, magnitude–SNR correlation, weight statistics; docs/ALGORITHMS.md §6–8) on the round
 * records the UI sends, plus the rollout recorder of the rollout viewer. The registry does the work
 * (selection, options, progress, cancellation through `gate`); this module only turns the transferred
 * records into sources. `LabEngine.runAnalysis(kind, config, records, args, onProgress)` calls
 * `runAnalysisJob`; the UI's AnalysisPanel renders the results.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  getAnalysis,
  isAnalysisId,
  memorySource,
  runAnalysis,
  ANALYSIS_IDS,
  type AnalysisId,
  type AnalysisParts as CoreAnalysisParts,
  type AnalysisProgress,
  type AnalysisRequest,
  type AnalysisResultOf,
} from '../src/core/analysis/analyses';
import type { RoundSnapshot } from '../src/core/analysis/run';
import { theta0For } from '../src/core/experiments/imp';
import type { PopulationNet } from '../src/core/nets/types';
import type { TaskInstance } from '../src/core/tasks/types';
import type { AnyParamValues } from '../src/core/params';
import {
  controlEnvOfTask,
  controlEnvParams,
  episodeRng,
  recordEpisode,
  rowPolicyFor,
  testEpisodeRng,
  type EpisodeRecord,
} from '../src/core/tasks/control';
import { recordLocomotionTestEpisode } from '../src/core/tasks/locomotion/record-episode';

export type { AnalysisProgress } from '../src/core/analysis/analyses';

/** What a job evaluates through: the run's task (test protocol), network and pruning schedule. */
export interface AnalysisParts {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  /** The run's p and scope (the correlation needs them; default the paper's 0.2, global). */
  readonly prune?: CoreAnalysisParts['prune'];
}

export type AnalysisProgressSink = (p: AnalysisProgress) => void;
/** Awaited between chunks; throwing from it cancels the job. */
export type AnalysisGate = () => Promise<void> | void;

/** Records a job reads (RoundRecord satisfies it). */
export type JobRecord = RoundSnapshot;

/** A registry analysis request from the UI: options, selection, and optionally a second run to compare with. */
export interface AnalysisJobArgs extends AnalysisRequest {
  /** The second run (e.g. the GD-IMP run of an ES run): its label and round records. */
  readonly other?: { readonly label: string; readonly records: readonly JobRecord[] };
  /** Label of the shown run in tables (default "this run"). */
  readonly label?: string;
}

/** Runs registry analysis `id` on `records` (and `args.other`), θ0 recomputed from each seed. */
export function runRegistryJob<K extends AnalysisId>(
  id: K,
  parts: AnalysisParts,
  records: readonly JobRecord[],
  args: AnalysisJobArgs,
  onProgress?: AnalysisProgressSink,
  gate?: AnalysisGate,
): Promise<AnalysisResultOf<K>> {
  const theta0 = (seed: number) => theta0For(parts.net, seed);
  const sources = [memorySource(args.label ?? 'this run', records, theta0)];
  if (args.other) sources.push(memorySource(args.other.label, args.other.records, theta0));
  return runAnalysis(
    getAnalysis(id),
    { task: parts.task, net: parts.net, prune: parts.prune ?? { pruneFrac: 0.2, scope: 'global' } },
    sources,
    { options: args.options, selection: args.selection },
    { onProgress, gate },
  ) as Promise<AnalysisResultOf<K>>;
}

// ------------------------------------------------------------------------------------------ rollout

export interface RolloutJobOptions {
  /** Control task registry id ('cartpole', 'pendulum', 'acrobot', 'mcc'). */
  readonly taskId: string;
  /** The task's resolved params (its env constants incl. maxSteps; extra keys are ignored). */
  readonly envParams: AnyParamValues;
  /** One policy's full parameter vector (length D, 0 at pruned entries). */
  readonly params: Float32Array;
  /** Which fixed test episode to replay (0-based; the same start state evaluateTest scored). */
  readonly episodeIdx?: number;
}

/**
 * Records one test episode of a policy for the rollout viewer: core recordEpisode with the
 * task's fixed test-episode stream, so the shown return is the one the test metric averaged.
 */
export async function runRolloutJob(
  parts: Pick<AnalysisParts, 'net'>,
  _records: readonly JobRecord[],
  o: RolloutJobOptions,
): Promise<EpisodeRecord> {
  if (o.params.length !== parts.net.paramCount)
    throw new Error(`rollout: params have length ${o.params.length}, the network has D = ${parts.net.paramCount}`);
  const t = tf.tensor2d(o.params, [1, parts.net.paramCount]);
  try {
    // MuJoCo locomotion tasks record geom poses; undefined for classic-control tasks.
    const loco = await recordLocomotionTestEpisode(
      o.taskId,
      o.envParams,
      rowPolicyFor(parts.net, t, o.params),
      o.episodeIdx ?? 0,
    );
    if (loco) return loco;
    const env = controlEnvOfTask(o.taskId);
    return recordEpisode(
      env,
      controlEnvParams(env, o.envParams),
      rowPolicyFor(parts.net, t, o.params),
      episodeRng(testEpisodeRng(env), o.episodeIdx ?? 0),
    );
  } finally {
    t.dispose();
  }
}

// --------------------------------------------------------------------------------------- dispatcher

/** Options per kind (what the UI sends): every registry analysis, and the rollout recorder. */
export type AnalysisArgs = { readonly [K in AnalysisId]: AnalysisJobArgs } & { readonly rollout: RolloutJobOptions };
/** Result per kind (what the UI renders). */
export type AnalysisResults = { readonly [K in AnalysisId]: AnalysisResultOf<K> } & { readonly rollout: EpisodeRecord };
export type AnalysisKind = AnalysisId | 'rollout';
export const ANALYSIS_KINDS: readonly AnalysisKind[] = [...ANALYSIS_IDS, 'rollout'];

/** Runs analysis `kind` (the engine's single entry point). */
export function runAnalysisJob<K extends AnalysisKind>(
  kind: K,
  parts: AnalysisParts,
  records: readonly JobRecord[],
  args: AnalysisArgs[K],
  onProgress?: AnalysisProgressSink,
  gate?: AnalysisGate,
): Promise<AnalysisResults[K]> {
  if (kind === 'rollout')
    return runRolloutJob(parts, records, args as RolloutJobOptions) as Promise<AnalysisResults[K]>;
  if (!isAnalysisId(kind))
    return Promise.reject(new Error(`unknown analysis "${String(kind)}" (known: ${ANALYSIS_KINDS.join(', ')})`));
  return runRegistryJob(kind, parts, records, args as AnalysisJobArgs, onProgress, gate) as Promise<AnalysisResults[K]>;
}
