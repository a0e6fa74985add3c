/**
 * Analysis jobs for the worker engine (any analysis can be launched on any finished run/round
 * from the UI and runs in the worker with progress and cancel): linear mode connectivity across rounds or
 * seeds (docs/ALGORITHMS.md §6), 1-D/2-D loss landscapes with the curvature fit (§7), and the
 * magnitude–SNR correlation per round (§8.1). Thin wrappers over core/analysis/run: they pick the records,
 * report ONE progress bar over all evaluated rows, and await `gate` between chunks (the engine passes
 * `RunControl.step`, which throws to cancel). `LabEngine.runAnalysis(kind, args, onProgress)` calls
 * `runAnalysisJob`; the UI's AnalysisPanel renders the results.
 */
import {
  endpointPerf,
  landscape1D,
  landscape2D,
  lmcMatrix,
  planeSurface,
  roundCorrelation,
  meanOverSeeds,
} from '../src/core/analysis/run';
import type {
  GridRunOptions,
  Landscape1D,
  LmcMatrix,
  PlaneInput,
  RoundCorrelation,
  RoundSnapshot,
  Surface2D,
} from '../src/core/analysis/run';
import { theta0For } from '../src/core/experiments/imp';
import { alphaGrid } from '../src/core/analysis/interpolation';
import type { DirectionNorm } from '../src/core/analysis/directions';
import type { PopulationNet } from '../src/core/nets/types';
import type { PruneScope } from '../src/core/prune/threshold';
import { Rng } from '../src/core/rng';
import type { TaskInstance } from '../src/core/tasks/types';
import * as tf from '@tensorflow/tfjs-core';
import type { AnyParamValues } from '../src/core/params';
import {
  controlEnvOfTask,
  episodeRng,
  recordEpisode,
  rowPolicyFor,
  testEpisodeRng,
  type EpisodeRecord,
} from '../src/core/tasks/control';
import { recordLocomotionTestEpisode } from '../src/core/tasks/locomotion/record-episode';

/** What a job evaluates through: the run's task (test protocol) and network. */
export interface AnalysisParts {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
}

/** Progress over the whole job: rows (networks) evaluated so far, of all rows; label names the current step. */
export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}
export type AnalysisProgressSink = (p: AnalysisProgress) => void;
/** Awaited between chunks; throwing from it cancels the job. */
export type AnalysisGate = () => Promise<void> | void;

/** Records a job reads (RoundRecord satisfies it). */
export type JobRecord = RoundSnapshot;

/** Tracks one overall bar across several core calls (each reports its own rows). */
function progressTracker(total: number, onProgress: AnalysisProgressSink | undefined, gate: AnalysisGate | undefined) {
  let base = 0;
  return {
    step<T>(rows: number, label: string, run: (opts: GridRunOptions) => Promise<T>): Promise<T> {
      const start = base;
      onProgress?.({ done: start, total, label });
      return run({ gate, onProgress: (done) => onProgress?.({ done: start + done, total, label }) }).then((r) => {
        base = start + rows;
        return r;
      });
    },
  };
}

const byRound = (a: JobRecord, b: JobRecord) => a.roundNum - b.roundNum;

// ---------------------------------------------------------------------------------------------- LMC

export interface LmcJobOptions {
  /**
   * 'rounds': all pairs of rounds of one chain; 'seeds': the same round of every seed; 'records': exactly the
   * records sent, in order — e.g. an ES round and the GD round of the same seed from another stored run.
   */
  readonly pairs: 'rounds' | 'seeds' | 'records';
  /** 'records': display labels of the networks (default "<method> r<round>"). */
  readonly labels?: readonly string[];
  readonly method: string;
  /** Chain seed ('rounds'). */
  readonly seed?: number;
  /** Rounds to include ('rounds'; default all of the chain). */
  readonly roundNums?: readonly number[];
  /** Round ('seeds'). */
  readonly roundNum?: number;
  /** α grid points in [0, 1] (docs/ALGORITHMS.md §6: 30 paper, 15 reduced). */
  readonly points: number;
  /** Extend the α grid to [−0.5, 1.5]. */
  readonly extended?: boolean;
}

export interface LmcJobResult {
  readonly options: LmcJobOptions;
  /** The networks compared, in matrix order, with their round, seed and sparsity. */
  readonly nets: readonly {
    readonly label: string;
    readonly seed: number;
    readonly roundNum: number;
    readonly sparsityFrac: number;
  }[];
  /** Test perf of each network (path endpoints). */
  readonly perf: number[];
  readonly matrix: LmcMatrix;
}

/** Error (or return) barriers between the chosen networks, with every interpolation path. */
export async function runLmcJob(
  parts: AnalysisParts,
  records: readonly JobRecord[],
  o: LmcJobOptions,
  onProgress?: AnalysisProgressSink,
  gate?: AnalysisGate,
): Promise<LmcJobResult> {
  const chosen =
    o.pairs === 'records'
      ? [...records]
      : o.pairs === 'rounds'
        ? records
            .filter(
              (r) => r.method === o.method && r.seed === o.seed && (!o.roundNums || o.roundNums.includes(r.roundNum)),
            )
            .sort(byRound)
        : records.filter((r) => r.method === o.method && r.roundNum === o.roundNum).sort((a, b) => a.seed - b.seed);
  if (chosen.length < 2)
    throw new Error(
      `LMC needs at least two networks; ${o.pairs === 'rounds' ? `chain ${o.method} seed ${o.seed}` : o.pairs === 'seeds' ? `${o.method} round ${o.roundNum}` : 'the request'} has ${chosen.length}`,
    );
  const label = (r: JobRecord, i: number) =>
    o.pairs === 'rounds'
      ? `r${r.roundNum}`
      : o.pairs === 'seeds'
        ? `s${r.seed}`
        : (o.labels?.[i] ?? `${r.method} r${r.roundNum}`);
  const rows = (alphaGrid(o.points, o.extended ?? false).length * (chosen.length * (chosen.length - 1))) / 2;
  const matrix = await progressTracker(rows, onProgress, gate).step(rows, 'interpolation paths', (opts) =>
    lmcMatrix(
      {
        ...parts,
        nets: chosen.map((r, i) => ({ label: label(r, i), theta: r.mean })),
        points: o.points,
        extended: o.extended,
      },
      opts,
    ),
  );
  return {
    options: o,
    matrix,
    perf: endpointPerf(matrix),
    nets: chosen.map((r, i) => ({
      label: label(r, i),
      seed: r.seed,
      roundNum: r.roundNum,
      sparsityFrac: r.sparsityFrac,
    })),
  };
}

// ---------------------------------------------------------------------------------------- landscape

export interface LandscapeJobOptions {
  readonly method: string;
  readonly seed: number;
  /** Rounds to profile (default all of the chain). */
  readonly roundNums?: readonly number[];
  /** Random directions per round (docs/ALGORITHMS.md §7: 10; reduced 5). */
  readonly directions: number;
  /** ξ points in [−range, range] (spec 41; reduced 21). */
  readonly points: number;
  readonly range?: number;
  readonly normalisation: DirectionNorm;
  /** Seeds the directions; the same value gives every round the same underlying directions (docs/ALGORITHMS.md §7). */
  readonly rngSeed?: number;
  /** If > 0: also a surfacePoints × surfacePoints 2-D surface at `surfaceRoundNum` (default the last round). */
  readonly surfacePoints?: number;
  readonly surfaceRoundNum?: number;
  /**
   * Draw the 2-D surface on the plane through three networks instead of two random directions (docs/ALGORITHMS.md §7):
   * θ0 of the seed, round k = surfaceRoundNum and round k + 1 of the chain.
   */
  readonly plane?: boolean;
}

export interface LandscapeJobResult {
  readonly options: LandscapeJobOptions;
  readonly lossKind: 'test cross-entropy' | '−mean test return';
  readonly rounds: readonly {
    readonly roundNum: number;
    readonly sparsityFrac: number;
    readonly landscape: Landscape1D;
  }[];
  readonly surface?: { readonly roundNum: number; readonly surface: Surface2D; readonly plane?: boolean };
}

/** θ0 of the chain's seed (imp.ts theta0For: the run's initial network), round k and round k + 1. */
function planeInput(
  parts: AnalysisParts,
  records: readonly JobRecord[],
  o: LandscapeJobOptions,
  rk: JobRecord,
  points: number,
): PlaneInput {
  const next = records.find((r) => r.method === o.method && r.seed === o.seed && r.roundNum === rk.roundNum + 1);
  if (!next)
    throw new Error(
      `plane: round ${rk.roundNum + 1} of ${o.method} seed ${o.seed} is not finished; pick a round k with a round k + 1`,
    );
  return {
    ...parts,
    points,
    nets: [
      { label: 'θ0', theta: theta0For(parts.net, o.seed) },
      { label: `r${rk.roundNum}`, theta: rk.mean },
      { label: `r${next.roundNum}`, theta: next.mean },
    ],
  };
}

/** 1-D random projections with parabola fits per round of one chain, plus an optional 2-D surface. */
export async function runLandscapeJob(
  parts: AnalysisParts,
  records: readonly JobRecord[],
  o: LandscapeJobOptions,
  onProgress?: AnalysisProgressSink,
  gate?: AnalysisGate,
): Promise<LandscapeJobResult> {
  const chain = records
    .filter((r) => r.method === o.method && r.seed === o.seed && (!o.roundNums || o.roundNums.includes(r.roundNum)))
    .sort(byRound);
  if (chain.length === 0) throw new Error(`landscape: no rounds of chain ${o.method} seed ${o.seed}`);
  const sp = o.surfacePoints ?? 0;
  const surfRec = sp > 0 ? (chain.find((r) => r.roundNum === o.surfaceRoundNum) ?? chain[chain.length - 1]) : undefined;
  const total = chain.length * o.directions * o.points + (surfRec ? sp * sp : 0);
  const bar = progressTracker(total, onProgress, gate);
  const rng = new Rng(o.rngSeed ?? 0).split('landscape'); // as the CLI's landscape command
  const setup = (r: JobRecord) => ({
    ...parts,
    theta: r.mean,
    mask: r.mask,
    normalisation: o.normalisation,
    rng,
    range: o.range,
  });
  const rounds = [];
  for (const r of chain) {
    const landscape = await bar.step(o.directions * o.points, `round ${r.roundNum}: 1-D profiles`, (opts) =>
      landscape1D({ ...setup(r), directions: o.directions, points: o.points }, opts),
    );
    rounds.push({ roundNum: r.roundNum, sparsityFrac: r.sparsityFrac, landscape });
  }
  const surface = !surfRec
    ? undefined
    : o.plane
      ? {
          roundNum: surfRec.roundNum,
          plane: true,
          surface: await bar.step(sp * sp, `plane θ0, r${surfRec.roundNum}, r${surfRec.roundNum + 1}`, (opts) =>
            planeSurface(planeInput(parts, records, o, surfRec, sp), opts),
          ),
        }
      : {
          roundNum: surfRec.roundNum,
          surface: await bar.step(sp * sp, `round ${surfRec.roundNum}: 2-D surface`, (opts) =>
            landscape2D({ ...setup(surfRec), points: sp }, opts),
          ),
        };
  return {
    options: o,
    lossKind: parts.task.kind === 'vision' ? 'test cross-entropy' : '−mean test return',
    rounds,
    surface,
  };
}

// -------------------------------------------------------------------------------------- correlation

export interface CorrelationJobOptions {
  /** Chains to include (default all methods present). */
  readonly methods?: readonly string[];
  /** Layer whose kernel is correlated (docs/ALGORITHMS.md §8.1: index 1). */
  readonly layerIndex: number;
  /** The run's p: next target sparsity 1 − (1 − p)^k. */
  readonly pruneFrac: number;
  readonly scope?: PruneScope;
  /** Scatter points kept per round (default 2000). */
  readonly maxPoints?: number;
  readonly rngSeed?: number;
}

export interface CorrelationJobResult {
  readonly options: CorrelationJobOptions;
  readonly layerName: string;
  readonly rows: readonly RoundCorrelation[];
  /** Mean ± s.e. over seeds per (method, round). */
  readonly summary: {
    readonly pearson: ReturnType<typeof meanOverSeeds>;
    readonly spearman: ReturnType<typeof meanOverSeeds>;
    readonly agreeFrac: ReturnType<typeof meanOverSeeds>;
  };
}

/** Magnitude–SNR correlation of every chosen round record (CPU only; progress counts records). */
export async function runCorrelationJob(
  parts: AnalysisParts,
  records: readonly JobRecord[],
  o: CorrelationJobOptions,
  onProgress?: AnalysisProgressSink,
  gate?: AnalysisGate,
): Promise<CorrelationJobResult> {
  const layer = parts.net.layers[o.layerIndex];
  if (!layer)
    throw new Error(
      `correlation: layer index ${o.layerIndex} out of range (network has ${parts.net.layers.length} layers)`,
    );
  const chosen = records
    .filter((r) => !o.methods || o.methods.includes(r.method))
    .sort((a, b) => a.method.localeCompare(b.method) || a.seed - b.seed || a.roundNum - b.roundNum);
  // Same rng stream as the CLI's correlation command; roundCorrelation splits it per (seed, method, round).
  const copts = {
    layers: parts.net.layers,
    layerIndex: o.layerIndex,
    pruneFrac: o.pruneFrac,
    scope: o.scope,
    maxPoints: o.maxPoints,
    rng: new Rng(o.rngSeed ?? 0).split('scatter'),
  };
  const rows: RoundCorrelation[] = [];
  for (const [i, r] of chosen.entries()) {
    if (gate) await gate();
    onProgress?.({ done: i, total: chosen.length, label: `${r.method} seed ${r.seed} round ${r.roundNum}` });
    rows.push(roundCorrelation(r, copts));
  }
  onProgress?.({ done: chosen.length, total: chosen.length, label: 'done' });
  return {
    options: o,
    layerName: layer.name,
    rows,
    summary: {
      pearson: meanOverSeeds(rows, (r) => r.pearson),
      spearman: meanOverSeeds(rows, (r) => r.spearman),
      agreeFrac: meanOverSeeds(rows, (r) => r.agreeFrac),
    },
  };
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
      o.envParams,
      rowPolicyFor(parts.net, t, o.params),
      episodeRng(testEpisodeRng(env), o.episodeIdx ?? 0),
    );
  } finally {
    t.dispose();
  }
}

// --------------------------------------------------------------------------------------- dispatcher

/** Options per analysis kind (what the UI sends). */
export interface AnalysisArgs {
  readonly lmc: LmcJobOptions;
  readonly landscape: LandscapeJobOptions;
  readonly correlation: CorrelationJobOptions;
  readonly rollout: RolloutJobOptions;
}
/** Result per analysis kind (what the UI renders). */
export interface AnalysisResults {
  readonly lmc: LmcJobResult;
  readonly landscape: LandscapeJobResult;
  readonly correlation: CorrelationJobResult;
  readonly rollout: EpisodeRecord;
}
export type AnalysisKind = keyof AnalysisArgs;
export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['lmc', 'landscape', 'correlation', 'rollout'];

const JOBS: {
  readonly [K in AnalysisKind]: (
    parts: AnalysisParts,
    records: readonly JobRecord[],
    o: AnalysisArgs[K],
    p?: AnalysisProgressSink,
    g?: AnalysisGate,
  ) => Promise<AnalysisResults[K]>;
} = {
  lmc: runLmcJob,
  landscape: runLandscapeJob,
  correlation: runCorrelationJob,
  rollout: runRolloutJob,
};

/** Runs analysis `kind` (the engine's single entry point). */
export function runAnalysisJob<K extends AnalysisKind>(
  kind: K,
  parts: AnalysisParts,
  records: readonly JobRecord[],
  args: AnalysisArgs[K],
  onProgress?: AnalysisProgressSink,
  gate?: AnalysisGate,
): Promise<AnalysisResults[K]> {
  const job = JOBS[kind];
  if (!job) throw new Error(`unknown analysis "${String(kind)}" (known: ${ANALYSIS_KINDS.join(', ')})`);
  return job(parts, records, args, onProgress, gate);
}
