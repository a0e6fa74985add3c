/**
 * Ticket transfer (docs/ALGORITHMS.md §5): which finished round's ticket
 * the user chose, the target they are setting up (another task, another ES, or gradient descent), and
 * what the transfer job reported (docs/ARCHITECTURE.md convention 10: choice, progress and result in one small
 * store of their own; view state stays in view-store). Generation batches arrive ≤ 10/s and only append
 * evaluated points. The selectors below (tested in Node) turn all of it into what the view draws.
 */
import { create } from 'zustand';
import { methodName, taskName } from '../core/names';
import type { EvalPoint, RoundRecord } from '../core/experiments/events';
import type { ExperimentConfig } from '../core/runs/config';
import type { DataTable } from '../core/table';
import type { AnyParamValues } from '../core/params';
import { defaultsOf } from '../core/params';
import { getStrategy, STRATEGIES } from '../core/es/registry';
import { getTask, TASKS } from '../core/tasks/registry';
import { gdParamSpecs, type GdOptions } from '../core/experiments/gd/gd-options';
import type { TransferArgs, TransferJobResult, TransferProgress } from '../protocol/worker-protocol';

export type TransferTargetKind = 'task' | 'es' | 'gd';
import { isJobActive, type JobStatus } from './job-status';

/** The chosen ticket: a finished round of the shown run, with what the source panel draws. */
export interface TicketChoice {
  readonly runId: string | null;
  readonly config: ExperimentConfig;
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  readonly mask: Uint8Array;
  readonly finalPerf: number;
  readonly evals: readonly EvalPoint[];
  /** The source run's own random_reinit round at the same seed and round, if it has one. */
  readonly sourceBaseline: { readonly finalPerf: number; readonly evals: readonly EvalPoint[] } | null;
}

/** What the user sets up for the target. */
export interface TransferDraft {
  readonly kind: TransferTargetKind;
  /** Target task of kind 'task'. */
  readonly taskId: string;
  /** Target ES of kind 'es', with its params and population size. */
  readonly esId: string;
  readonly esParams: AnyParamValues;
  readonly popSize: number;
  /** ES generations of the target round (kinds 'task' and 'es'). */
  readonly generations: number;
  readonly gd: GdOptions;
  readonly baselines: boolean;
}

export interface TransferState {
  readonly ticket: TicketChoice | null;
  readonly draft: TransferDraft | null;
  readonly status: JobStatus;
  readonly error: string | null;
  readonly start: Extract<TransferProgress, { kind: 'start' }> | null;
  /** Trainings finished so far (ticket, then baseline). */
  readonly records: readonly RoundRecord[];
  /** Method → evaluated (step, perf) points streamed so far. */
  readonly live: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  /** Step reached by the training in progress. */
  readonly currentStep: number;
  readonly result: TransferJobResult | null;
}

export interface TransferActions {
  /** Chooses a ticket and resets the draft to defaults for it (the job state is cleared). */
  chooseTicket(ticket: TicketChoice): void;
  setDraft(patch: Partial<TransferDraft>): void;
  /** Switches the target ES; its params restart from the strategy's defaults. */
  setEs(esId: string): void;
  starting(): void;
  progress(msg: TransferProgress): void;
  finished(result: TransferJobResult | null): void;
  failed(message: string): void;
  close(): void;
}

/** What a new transfer job starts from: no status, error, records or result of the last one. */
const JOB_RESET = {
  status: 'idle',
  error: null,
  start: null,
  records: [],
  live: {},
  currentStep: 0,
  result: null,
} as const;

export const TRANSFER_DEFAULT: TransferState = { ticket: null, draft: null, ...JOB_RESET };

/**
 * Tasks a ticket of `config` can be trained on besides its own: the other tasks of its transfer group
 * (the vision data sets: same image size after the same pooling, 10 classes). Control environments differ
 * in observation/action sizes, so a control ticket has no other task (docs/ALGORITHMS.md §5: source and
 * target share the input/output sizes).
 */
export function targetTaskOptions(config: ExperimentConfig): readonly string[] {
  const group = getTask(config.task.id).transferGroup;
  if (group === null) return [];
  return TASKS.filter((t) => t.transferGroup === group && t.id !== config.task.id).map((t) => t.id);
}

/** Defaults for a fresh draft: another task if there is one, else another ES; the source's budget. */
export function defaultDraft(config: ExperimentConfig): TransferDraft {
  const tasks = targetTaskOptions(config);
  const esId = STRATEGIES.find((s) => s.id !== config.es.id)?.id ?? config.es.id;
  return {
    kind: tasks.length ? 'task' : 'es',
    taskId: tasks[0] ?? config.task.id,
    esId,
    esParams: defaultsOf(getStrategy(esId).paramSpecs),
    popSize: config.es.popSize,
    generations: config.budget.generationsPerRound,
    gd: defaultsOf(gdParamSpecs),
    baselines: true,
  };
}

/** The job arguments for a ticket and a draft (the mask is a copy: it is transferred to the worker). Pure. */
export function transferArgsOf(t: TicketChoice, d: TransferDraft): TransferArgs {
  const source = {
    config: t.config,
    seed: t.seed,
    method: t.method,
    roundNum: t.roundNum,
    mask: t.mask.slice(),
    ...(t.runId ? { runId: t.runId } : {}),
  };
  // "Another task" keeps the source's trainer: its ES, or GD for a GD-IMP ticket (method gd_…).
  const sameTrainer = t.method.startsWith('gd_')
    ? { kind: 'gd' as const, options: d.gd }
    : { kind: 'es' as const, generations: d.generations };
  const target: TransferArgs['target'] =
    d.kind === 'task'
      ? { taskId: d.taskId, trainer: sameTrainer }
      : d.kind === 'es'
        ? { trainer: { kind: 'es', esId: d.esId, params: d.esParams, popSize: d.popSize, generations: d.generations } }
        : { trainer: { kind: 'gd', options: d.gd } };
  return { source, target, baselines: d.baselines };
}

/** 'baseline' for the random/reinit training, else 'ticket' (method ids: transfer_snr, gd_random_reinit, …). */
export function roleOf(method: string): 'ticket' | 'baseline' {
  return method.endsWith('random_reinit') ? 'baseline' : 'ticket';
}

/** Overall fraction done: finished trainings plus the current one's step, over all planned trainings. */
export function transferFraction(s: Pick<TransferState, 'start' | 'records' | 'currentStep' | 'status'>): number {
  if (s.status === 'done') return 1;
  if (!s.start) return 0;
  const total = s.start.methods.length * s.start.stepsPerTraining;
  return total > 0 ? Math.min(1, (s.records.length * s.start.stepsPerTraining + s.currentStep) / total) : 0;
}

export interface TransferCurve {
  readonly role: 'ticket' | 'baseline';
  readonly method: string;
  readonly points: readonly (readonly [number, number])[];
}

const evalPoints = (evals: readonly EvalPoint[]) => evals.map((e) => [e.gen, e.perf] as const);

/** Source panel: the ticket's own round and, if present, the source's random_reinit round. */
export function sourceCurves(t: TicketChoice): TransferCurve[] {
  const out: TransferCurve[] = [{ role: 'ticket', method: t.method, points: evalPoints(t.evals) }];
  if (t.sourceBaseline && t.method !== 'random_reinit')
    out.push({ role: 'baseline', method: 'random_reinit', points: evalPoints(t.sourceBaseline.evals) });
  return out;
}

/** Target panel: a finished training's test evaluations, else what streamed so far; ticket first. */
export function targetCurves(s: Pick<TransferState, 'records' | 'live'>): TransferCurve[] {
  const methods = [...new Set([...s.records.map((r) => r.method), ...Object.keys(s.live)])];
  return methods
    .map((method) => {
      const rec = s.records.find((r) => r.method === method);
      return { role: roleOf(method), method, points: rec ? evalPoints(rec.evals) : (s.live[method] ?? []) };
    })
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'ticket' ? -1 : 1));
}

/**
 * One y range for the source and the target panels (so the two read on the same scale): the values ×
 * `scale`, padded by 5 % of the span, and widened around the middle to at least `minSpan`. Null: no points.
 */
export function sharedDomain(
  curves: readonly TransferCurve[],
  scale: number,
  minSpan: number,
): readonly [number, number] | null {
  const ys = curves.flatMap((c) => c.points.map((p) => p[1] * scale)).filter(Number.isFinite);
  if (!ys.length) return null;
  let lo = Math.min(...ys),
    hi = Math.max(...ys);
  const pad = 0.05 * (hi - lo);
  lo -= pad;
  hi += pad;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  return [lo, hi];
}

/** One table row per curve point, by step: [step, ...perf per curve] (null where a curve has none). */
export function curveTable(curves: readonly TransferCurve[]): DataTable {
  const steps = [...new Set(curves.flatMap((c) => c.points.map((p) => p[0])))].sort((a, b) => a - b);
  return {
    header: ['step', ...curves.map((c) => methodName(c.method))],
    rows: steps.map((st) => [st, ...curves.map((c) => c.points.find((p) => p[0] === st)?.[1] ?? null)]),
  };
}

/**
 * The comparison table: [side, network, task, final, best] test performance of every training — the
 * source round (and the source run's random/reinit round), then the target's trainings.
 */
export function summaryRows(
  t: TicketChoice,
  records: readonly RoundRecord[],
  targetTaskId: string,
): (string | number)[][] {
  const best = (final: number, evals: readonly EvalPoint[]) => Math.max(final, ...evals.map((e) => e.perf));
  const rows: (string | number)[][] = [
    ['source', methodName(t.method), taskName(t.config.task.id), t.finalPerf, best(t.finalPerf, t.evals)],
  ];
  if (t.sourceBaseline && t.method !== 'random_reinit')
    rows.push([
      'source',
      methodName('random_reinit'),
      taskName(t.config.task.id),
      t.sourceBaseline.finalPerf,
      best(t.sourceBaseline.finalPerf, t.sourceBaseline.evals),
    ]);
  for (const r of records) rows.push(['target', methodName(r.method), taskName(targetTaskId), r.finalPerf, r.bestPerf]);
  return rows;
}

/** Folds generation metrics into the live curves (points where the mean was evaluated). Pure. */
export function foldLive(
  live: TransferState['live'],
  metrics: Extract<TransferProgress, { kind: 'gens' }>['metrics'],
): TransferState['live'] {
  let out = live;
  for (const m of metrics) {
    if (!m.lastEval || m.lastEval.gen !== m.gen) continue;
    out = { ...out, [m.method]: [...(out[m.method] ?? []), [m.gen, m.lastEval.perf] as const] };
  }
  return out;
}

export const useTransferStore = create<TransferState & TransferActions>()((set) => ({
  ...TRANSFER_DEFAULT,
  chooseTicket: (ticket) => set({ ...JOB_RESET, ticket, draft: defaultDraft(ticket.config) }),
  setDraft: (patch) => set((s) => (s.draft ? { draft: { ...s.draft, ...patch } } : s)),
  setEs: (esId) =>
    set((s) => (s.draft ? { draft: { ...s.draft, esId, esParams: defaultsOf(getStrategy(esId).paramSpecs) } } : s)),
  starting: () => set({ ...JOB_RESET, status: 'running' }),
  progress: (msg) =>
    set((s) => {
      // Progress comes over its own comlink channel: a late batch can land after the job's result.
      if (s.status !== 'running') return s;
      switch (msg.kind) {
        case 'start':
          return { start: msg };
        case 'gens': {
          const last = msg.metrics[msg.metrics.length - 1];
          return last ? { live: foldLive(s.live, msg.metrics), currentStep: last.gen } : s;
        }
        case 'round':
          return { records: [...s.records.filter((r) => r.method !== msg.record.method), msg.record], currentStep: 0 };
        default:
          return s;
      }
    }),
  finished: (result) => set(result ? { status: 'done', result, records: result.records } : { status: 'cancelled' }),
  failed: (error) => set({ status: 'error', error }),
  close: () => set(TRANSFER_DEFAULT),
}));

/** Whether a transfer job is in flight. */
export function selectTransferActive(s: Pick<TransferState, 'status'>): boolean {
  return isJobActive(s.status);
}
