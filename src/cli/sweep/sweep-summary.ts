/**
 * The summary table of a collected sweep: per configuration, method and round the mean ± s.d. of the
 * final test performance over the seeds that reached it (core/analysis/summary.ts, the numbers
 * `lab summarize` prints), as one long CSV for analysis and as Markdown — an overview of every
 * configuration's last round, then each configuration's own `lab summarize` table.
 */
import { summarizeCurves, type RoundPerf } from '../../core/analysis/summary';
import { getTask } from '../../core/tasks/registry';
import type { SweepConfiguration, SweepPlan } from '../../core/sweep/expand';
import { valueLabel } from '../../core/sweep/expand';
import { fmt, markdownTable } from '../analysis/output';
import { toCsv } from '../../core/runs/csv-format';
import { perfUnit, summaryMarkdown, type ShownPerf } from '../summarize-command';

export interface CollectedConfig {
  readonly config: SweepConfiguration;
  /** Rounds of every run of this configuration that has any. */
  readonly rows: readonly RoundPerf[];
  readonly seedsComplete: readonly number[];
  readonly seedsPartial: readonly number[];
  /** The folder holding all its seeds' rounds (merged, or the one run folder), relative to the sweep folder. */
  readonly folder: string | null;
}

/** Accuracy in % for vision tasks, the return as is for control (what the lab shows everywhere). */
function shownOf(c: SweepConfiguration): ShownPerf {
  return perfUnit(getTask(c.config.task.id).metric);
}

export function summaryCsv(plan: SweepPlan, collected: readonly CollectedConfig[]): string {
  const header = [
    'config_index',
    'config_id',
    'configuration',
    ...plan.axes,
    'method',
    'round',
    'remaining_pct',
    'seeds',
    'mean',
    'sd',
    'se',
    'per_seed',
  ];
  const rows = collected.flatMap((c) =>
    summarizeCurves(c.rows).map((p) => [
      c.config.index,
      c.config.configId,
      c.config.label,
      ...c.config.values.map(([, v]) => valueLabel(v)),
      p.method,
      p.roundNum,
      fmt(p.remainingPct, 3),
      p.n,
      fmt(p.mean, 6),
      fmt(p.sd, 6),
      fmt(p.se, 6),
      p.perSeed.map((s) => `${s.seed}:${fmt(s.perf, 6)}`).join(';'),
    ]),
  );
  return toCsv(header, rows);
}

/** Per method, its last round that any seed reached: "91.2 ± 0.3" (with "r3: " when short of the plan). */
function lastRoundCells(c: CollectedConfig, methods: readonly string[]): string[] {
  const curves = summarizeCurves(c.rows);
  const scale = shownOf(c.config).scale;
  const planned = c.config.config.prune.rounds;
  return methods.map((m) => {
    const mine = curves.filter((p) => p.method === m);
    if (!mine.length) return '';
    const last = mine[mine.length - 1];
    const value = last.n > 1 ? `${fmt(scale * last.mean, 1)} ± ${fmt(scale * last.sd, 1)}` : fmt(scale * last.mean, 1);
    return last.roundNum < planned ? `r${last.roundNum}: ${value}` : value;
  });
}

export function summaryMd(
  plan: SweepPlan,
  collected: readonly CollectedConfig[],
  counts: { complete: number; partial: number; missing: number },
  baseline: string,
): string {
  const seedsPlanned = plan.runs.length / plan.configs.length;
  const methods = [...new Set(plan.configs.flatMap((c) => c.config.prune.methods))];
  const vision = plan.configs.some((c) => shownOf(c).scale === 100);
  const control = plan.configs.some((c) => shownOf(c).scale === 1);
  const unit =
    vision && control ? 'test accuracy % (vision) or return (control)' : vision ? 'test accuracy %' : 'test return';
  const parts = [
    `# Sweep ${plan.name}`,
    '',
    `${plan.configs.length} configurations × ${seedsPlanned} seeds = ${plan.runs.length} runs: ${counts.complete} complete, ${counts.partial} partly run, ${counts.missing} not started.`,
    '',
    `Last round of every configuration (${unit}, mean ± s.d. over seeds; "rK:" where no seed got further than round K yet):`,
    '',
    markdownTable(
      ['configuration', 'seeds complete', ...methods],
      collected.map((c) => [
        c.config.label,
        `${c.seedsComplete.length}/${seedsPlanned}`,
        ...lastRoundCells(c, methods),
      ]),
    ),
  ];
  for (const c of collected) {
    if (!c.rows.length) continue;
    parts.push(
      '',
      `## ${c.config.label}`,
      '',
      `Config ${c.config.configId}; seeds complete: ${c.seedsComplete.join(', ') || 'none'}` +
        (c.seedsPartial.length ? `; partly run: ${c.seedsPartial.join(', ')}` : '') +
        (c.folder ? `; run folder: \`${c.folder}\`` : ''),
      '',
      summaryMarkdown(c.rows, baseline, shownOf(c.config)),
    );
  }
  return parts.join('\n') + '\n';
}
