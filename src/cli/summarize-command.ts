/**
 * `lab summarize --runs DIR[,DIR…] [--baseline random_reinit] [--out FILE.md]`: reads the rounds.csv of one
 * or more run folders (e.g. one per seed) and prints the sparsity-vs-performance table (mean ± sd over
 * seeds, per-seed values) and the ticket effect over a baseline — the tables in docs/RESULTS.md.
 */
import { summarizeCurves, effectOver, type RoundPerf } from '../core/analysis/summary';
import { boolFlag, CliError, pathFlag } from './args';
import { markdownTable, fmt } from './analysis/output';
import { RunFolder } from './run-folder';
import { writeFileAtomic } from './fs-safe';

async function readRounds(dir: string): Promise<RoundPerf[]> {
  const rows = await new RunFolder(dir).readRounds({ requireRows: true });
  return rows.map((r) => ({
    seed: r.seed,
    method: r.method,
    roundNum: r.round,
    sparsityFrac: r.sparsity,
    perf: r.final_perf,
  }));
}

export function summaryMarkdown(rows: readonly RoundPerf[], baseline: string, scale = 100): string {
  const curves = summarizeCurves(rows);
  const methods = [...new Set(curves.map((c) => c.method))];
  const rounds = [...new Set(curves.map((c) => c.roundNum))].sort((a, b) => a - b);
  const cell = (method: string, k: number) => {
    const c = curves.find((x) => x.method === method && x.roundNum === k);
    if (!c) return '';
    const seeds = c.perSeed.map((v) => fmt(scale * v.perf, 1)).join(' / ');
    return c.n > 1 ? `${fmt(scale * c.mean, 1)} ± ${fmt(scale * c.sd, 1)} (${seeds})` : fmt(scale * c.mean, 1);
  };
  const remaining = (k: number) => fmt(curves.find((c) => c.roundNum === k)!.remainingPct, 2);
  const parts = [
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
          ...effects.map((e) => (e[i].n ? `${fmt(scale * e[i].mean, 1)} (${fmt(scale * e[i].min, 1)})` : '')),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

export async function summarizeCommand(flags: Map<string, string>): Promise<void> {
  for (const k of flags.keys())
    if (!['runs', 'baseline', 'raw', 'out'].includes(k))
      throw new CliError(`summarize: unknown flag --${k} (known: --runs --baseline --raw --out)`);
  const runs = pathFlag(flags, 'runs', 'run folders, e.g. --runs runs-out/a,runs-out/b');
  if (!runs) throw new CliError('--runs DIR[,DIR…] is required (run folders written by "lab imp" / "lab gd")');
  const scale = boolFlag(flags, 'raw') ? 1 : 100;
  const out = pathFlag(flags, 'out', 'a file, e.g. --out summary.md');
  const rows = (await Promise.all(runs.split(',').map((d) => readRounds(d.trim())))).flat();
  const md = summaryMarkdown(rows, flags.get('baseline') ?? 'random_reinit', scale);
  if (out) await writeFileAtomic(out, md + '\n');
  process.stdout.write(md + '\n');
}
