/**
 * A rough time estimate for a sweep's runs (`lab sweep plan`), from the benchmark tables in
 * bench/results/*.json (`npm run bench`, docs/PERFORMANCE.md). Each run's time per generation is the
 * closest measured setting scaled linearly by the work per generation:
 *   - vision MLP: imp.json (a whole ES generation, dense) × (P · batch · multiply-adds per example);
 *   - vision CNN: nets.json (the population forward pass only, so a lower bound) × (P · batch);
 *   - classic control and MuJoCo locomotion: P · episodes · max steps env steps at the measured env steps
 *     per second (control.json; locomotion.json for the same model and integrator) — every episode run to
 *     its step limit, so an upper bound where episodes end early (a falling hopper, an untrained CartPole;
 *     a balancing CartPole runs all 500 steps, which the benchmark's random policy did not).
 * Generations per run: round 1 is shared by the chains (experiments/imp.ts), every later round runs per
 * chain. Not counted: start-up, data loading, test evaluations, the speed-up of sparse later rounds.
 * The benchmarks ran on the machine named in their files; another machine scales everything by one factor.
 */
import type { ExperimentConfig } from '../runs/config';
import { networkOf } from '../runs/network-shape';
import { getTask } from '../tasks/registry';
import { controlEnvOfTask } from '../tasks/control';
import { locomotionModelOfTask } from '../tasks/locomotion/models';

type Row = Record<string, unknown>;

/** The parsed bench/results files (file name without .json → its content); missing files are absent. */
export type BenchTables = Readonly<Record<string, unknown>>;

export type CostEstimate =
  | {
      readonly ok: true;
      readonly msPerGen: number;
      readonly generations: number;
      readonly ms: number;
      readonly basis: string;
    }
  | { readonly ok: false; readonly generations: number; readonly reason: string };

/** ES generations one seed of `config` runs. */
export function generationsPerSeed(config: ExperimentConfig): number {
  const chains = config.prune.methods.length;
  return (1 + (config.prune.rounds - 1) * chains) * config.budget.generationsPerRound;
}

function rowsOf(tables: BenchTables, file: string): Row[] {
  const t = tables[file] as { rows?: unknown } | undefined;
  return Array.isArray(t?.rows)
    ? (t.rows as unknown[]).filter((r): r is Row => typeof r === 'object' && r !== null)
    : [];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

/** Multiply-adds per example of an MLP given by its widths ("196-32-10"). */
function mlpMacs(widths: readonly number[]): number {
  let macs = 0;
  for (let i = 1; i < widths.length; i++) macs += widths[i - 1] * widths[i];
  return macs;
}

interface Scaled {
  readonly msPerGen: number;
  readonly basis: string;
}

/** The candidate whose work is closest (in ratio) to `work`, scaled to it. */
function closest(work: number, candidates: readonly { ms: number; work: number; name: string }[]): Scaled | null {
  const ok = candidates.filter((c) => c.ms > 0 && c.work > 0);
  if (!ok.length) return null;
  const best = ok.reduce((a, b) => (Math.abs(Math.log(b.work / work)) < Math.abs(Math.log(a.work / work)) ? b : a));
  const factor = work / best.work;
  return { msPerGen: best.ms * factor, basis: `${best.name}: ${best.ms.toFixed(1)} ms/gen × ${factor.toPrecision(3)}` };
}

function visionCost(config: ExperimentConfig, tables: BenchTables, backend: string): Scaled | string {
  const net = networkOf(config);
  const batch = num(config.task.params.batchSize);
  const P = config.es.popSize;
  if (net.layers.some((l) => l.kind === 'conv')) {
    const rows = rowsOf(tables, 'nets').filter(
      (r) => r.backend === backend && r.isDefault === true && String(r.net).startsWith('CNN'),
    );
    const c = closest(
      P * batch,
      rows.map((r) => ({
        ms: num(r.msPerForward),
        work: num(r.P) * num(r.B),
        name: `nets.json "${String(r.net)}" P${String(r.P)} B${String(r.B)} (forward pass only)`,
      })),
    );
    return c ?? `bench/results/nets.json has no ${backend} CNN row`;
  }
  const macs = net.layers.reduce((s, l) => s + l.kernelShape[0] * l.kernelShape[1], 0);
  const rows = rowsOf(tables, 'imp').filter((r) => r.backend === backend && num(r.sparsityPct) === 0);
  const c = closest(
    P * batch * macs,
    rows.flatMap((r) => {
      const m = /(\d+(?:-\d+)+) P(\d+) B(\d+)/.exec(String(r.setting));
      if (!m) return [];
      const work = Number(m[2]) * Number(m[3]) * mlpMacs(m[1].split('-').map(Number));
      return [{ ms: num(r.genMs), work, name: `imp.json "${String(r.setting)}"` }];
    }),
  );
  return c ?? `bench/results/imp.json has no dense ${backend} row`;
}

/** Env steps per second of the row whose population is closest to `P`, as ms per generation of `steps`. */
function stepsCost(steps: number, P: number, rows: readonly Row[], name: (r: Row) => string): Scaled | null {
  const ok = rows.filter((r) => num(r.envStepsPerSec) > 0);
  if (!ok.length) return null;
  const best = ok.reduce((a, b) => (Math.abs(Math.log(num(b.P) / P)) < Math.abs(Math.log(num(a.P) / P)) ? b : a));
  const rate = num(best.envStepsPerSec);
  return {
    msPerGen: (1000 * steps) / rate,
    basis: `${name(best)}: ${Math.round(rate).toLocaleString('en-US')} env steps/s × ${steps.toLocaleString('en-US')} steps per generation (full-length episodes)`,
  };
}

function controlCost(config: ExperimentConfig, tables: BenchTables): Scaled | string {
  const p = config.task.params;
  const P = config.es.popSize;
  const steps = P * num(p.episodes) * num(p.maxSteps);
  const taskId = config.task.id;
  let env: string | undefined;
  try {
    env = controlEnvOfTask(taskId).id;
  } catch {
    env = undefined;
  }
  if (env) {
    const rows = rowsOf(tables, 'control').filter((r) => r.env === env);
    return stepsCost(steps, P, rows, () => `control.json ${env}`) ?? `bench/results/control.json has no row for ${env}`;
  }
  const model = locomotionModelOfTask(taskId)?.id;
  if (!model) return `no benchmark covers task ${taskId}`;
  const rows = rowsOf(tables, 'locomotion').filter((r) => r.task === model && r.integrator === p.integrator);
  return (
    stepsCost(steps, P, rows, (r) => `locomotion.json ${model} ${String(r.integrator)}`) ??
    `bench/results/locomotion.json has no row for ${model} with the ${String(p.integrator)} integrator`
  );
}

/** Estimated time of one seed of `config` (see the module comment for the model and what it leaves out). */
export function estimateRunCost(config: ExperimentConfig, tables: BenchTables, backend = 'wasm'): CostEstimate {
  const generations = generationsPerSeed(config);
  const scaled =
    getTask(config.task.id).kind === 'vision' ? visionCost(config, tables, backend) : controlCost(config, tables);
  if (typeof scaled === 'string') return { ok: false, generations, reason: scaled };
  return { ok: true, generations, msPerGen: scaled.msPerGen, ms: scaled.msPerGen * generations, basis: scaled.basis };
}

/** "250 ms", "42 s", "3.5 min", "2.1 h". */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 1) return `${Math.round(ms)} ms`;
  if (s < 90) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
