/**
 * `lab summarize --runs DIR[,DIR…] [--baseline random_reinit] [--out FILE.md]`: reads the rounds.csv of one
 * or more run folders (e.g. one per seed) and prints the sparsity-vs-performance table (mean ± sd over
 * seeds, per-seed values) and the ticket effect over a baseline — the tables in docs/RESULTS.md. With
 * `--decompose true` it adds the decomposition of the effect into weights, mask and layer-ratio parts.
 */
import { summarizeCurves, effectOver, type RoundPerf } from '../core/analysis/summary';
import { DECOMPOSITION, DECOMPOSITION_METHODS, decomposeAt, sharesOfTotal } from '../core/analysis/decomposition';
import { boolFlag, CliError, pathFlag, refuseUnknownFlags } from './args';
import { markdownTable, fmt } from './analysis/output';
import { RunFolder } from './run-folder';
import { writeFileAtomic } from './fs-safe';
import { checkOutputFile } from './output-file';
import { poolableMetas } from './merge-command';
import { getTask } from '../core/tasks/registry';
import type { TestMetric } from '../core/tasks/types';

/** The rounds.csv of a run folder (checked) as (seed, method, round, sparsity, final performance) rows. */
export async function readRounds(dir: string): Promise<RoundPerf[]> {
  const rows = await new RunFolder(dir).readRounds({ requireRows: true });
  return rows.map((r) => ({
    seed: r.seed,
    method: r.method,
    roundNum: r.round,
    sparsityFrac: r.sparsity,
    perf: r.final_perf,
  }));
}

/** How the tables show test performance: what it is ("test accuracy in %"), and the decimals after scaling. */
export interface PerfUnit {
  readonly name: string;
  readonly decimals: number;
}

/** How a table shows performance: values × `scale`, named and rounded as `unit` says. */
export interface ShownPerf {
  readonly scale: number;
  readonly unit: PerfUnit;
}

/**
 * The unit of a metric as the tables show it: accuracy in % (`raw`: as the fraction rounds.csv holds,
 * with the decimals a fraction needs), a return as it is (`raw` changes nothing).
 */
export function perfUnit(metric: TestMetric, raw = false): ShownPerf {
  if (metric !== 'accuracy') return { scale: 1, unit: { name: 'test return', decimals: 1 } };
  return raw
    ? { scale: 1, unit: { name: 'test accuracy as a fraction', decimals: 4 } }
    : { scale: 100, unit: { name: 'test accuracy in %', decimals: 1 } };
}

/** "mean ± s.d. (v0 / v1 / …)" over the seeds of one table cell, each value through `f`; the value alone for one seed. */
function meanSdCell(c: { mean: number; sd: number }, values: readonly number[], f: (x: number) => string): string {
  return values.length > 1 ? `${f(c.mean)} ± ${f(c.sd)} (${values.map(f).join(' / ')})` : f(c.mean);
}

/** The line above a table of such cells: what the numbers are, and what ± is where a cell has one. */
const meanSdCaption = (what: string, severalSeeds: boolean) =>
  `${what}${severalSeeds ? ": mean ± s.d. over seeds (sample s.d.), each seed's value in brackets, in seed order" : ''}:`;

/** The sparsity-vs-performance table and the effect over `baseline`, shown as `shown` says (perfUnit). */
export function summaryMarkdown(
  rows: readonly RoundPerf[],
  baseline: string,
  { scale, unit }: ShownPerf = perfUnit('accuracy'),
): string {
  const curves = summarizeCurves(rows);
  const methods = [...new Set(curves.map((c) => c.method))];
  const rounds = [...new Set(curves.map((c) => c.roundNum))].sort((a, b) => a - b);
  const f = (x: number) => fmt(scale * x, unit.decimals);
  const cell = (method: string, k: number) => {
    const c = curves.find((x) => x.method === method && x.roundNum === k);
    return c
      ? meanSdCell(
          c,
          c.perSeed.map((v) => v.perf),
          f,
        )
      : '';
  };
  const remaining = (k: number) => fmt(curves.find((c) => c.roundNum === k)!.remainingPct, 2);
  const parts = [
    meanSdCaption(
      `Final ${unit.name} per chain and round`,
      curves.some((c) => c.n > 1),
    ),
    '',
    markdownTable(
      ['round', 'weights remaining %', ...methods],
      rounds.map((k) => [k, remaining(k), ...methods.map((m) => cell(m, k))]),
    ),
  ];
  if (methods.includes(baseline)) {
    const others = methods.filter((m) => m !== baseline);
    const effects = others.map((m) => effectOver(rows, m, baseline));
    parts.push(
      '',
      `Effect over ${baseline} (mean over seeds of the paired difference; min over seeds in brackets):`,
      '',
      markdownTable(
        ['round', 'weights remaining %', ...others.map((m) => `${m} − ${baseline}`)],
        rounds.map((k, i) => [
          k,
          remaining(k),
          ...effects.map((e) => (e[i].n ? `${f(e[i].mean)} (${f(e[i].min)})` : '')),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

/**
 * The ticket-effect decomposition per round (core/analysis/decomposition.ts): each contrast as
 * mean ± sd over seeds (per-seed values in brackets), then the additive parts as shares of the total.
 */
export function decompositionMarkdown(
  rows: readonly RoundPerf[],
  { scale, unit }: ShownPerf = perfUnit('accuracy'),
): string {
  const have = new Set(rows.map((r) => r.method));
  const missing = DECOMPOSITION_METHODS.filter((m) => !have.has(m));
  if (missing.length) throw new CliError(`--decompose needs the chains ${missing.join(', ')} in the run folders`, 1);
  const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b).filter((k) => k > 1);
  const remaining = (k: number) => fmt(100 * (1 - rows.find((r) => r.roundNum === k)!.sparsityFrac), 2);
  const f = (x: number) => fmt(scale * x, unit.decimals);
  const cell = (v: ReturnType<typeof decomposeAt>[number]) => {
    const values = v.perSeed.map((p) => p.value);
    return v.n ? meanSdCell(v, values, f) : '';
  };
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : '');
  const byRound = rounds.map((k) => decomposeAt(rows, k));
  return [
    meanSdCaption(
      `Differences between chains in ${unit.name}, paired by seed`,
      byRound.some((r) => r.some((v) => v.n > 1)),
    ),
    '',
    markdownTable(
      ['round', 'weights remaining %', ...DECOMPOSITION.map((c) => `${c.label}: ${c.minuend} − ${c.subtrahend}`)],
      rounds.map((k, i) => [k, remaining(k), ...byRound[i].map(cell)]),
    ),
    '',
    'Shares of the total effect (weights + mask + layer ratios = 100 %; meaningful where the total is clearly above 0):',
    '',
    markdownTable(
      ['round', 'weights remaining %', 'total', 'weights', 'mask', 'layer ratios'],
      rounds.map((k, i) => {
        const s = sharesOfTotal(byRound[i]);
        return [k, remaining(k), f(byRound[i][0].mean), pct(s.weights), pct(s.mask), pct(s.layers)];
      }),
    ),
  ].join('\n');
}

export async function summarizeCommand(flags: Map<string, string>): Promise<void> {
  refuseUnknownFlags(flags, ['runs', 'baseline', 'raw', 'out', 'force', 'decompose'], 'summarize');
  const runs = pathFlag(flags, 'runs', 'run folders, e.g. --runs runs-out/a,runs-out/b');
  if (!runs) throw new CliError('--runs DIR[,DIR…] is required (run folders written by "lab imp" / "lab gd")');
  const raw = boolFlag(flags, 'raw');
  const out = pathFlag(flags, 'out', 'a file, e.g. --out summary.md');
  const decompose = boolFlag(flags, 'decompose');
  if (out) await checkOutputFile(out, boolFlag(flags, 'force'));
  const dirs = runs.split(',').map((d) => d.trim());
  const [first] = await poolableMetas(dirs); // one experiment: pooling two would average unlike things as seeds
  const shown = perfUnit(getTask(first.config.task.id).metric, raw);
  const rows = (await Promise.all(dirs.map(readRounds))).flat();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `seed ${r.seed}, ${r.method} round ${r.roundNum}`;
    if (seen.has(key)) throw new CliError(`--runs: ${key} is in more than one folder (it would count twice)`);
    seen.add(key);
  }
  let md = summaryMarkdown(rows, flags.get('baseline') ?? 'random_reinit', shown);
  if (decompose) md += '\n\n' + decompositionMarkdown(rows, shown);
  if (out) await writeFileAtomic(out, md + '\n');
  process.stdout.write(md + '\n');
}
