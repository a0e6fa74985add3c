/**
 * `lab summarize --runs DIR[,DIR…] [--baseline random_reinit] [--out FILE.md]`: reads the rounds.csv of one
 * or more run folders (e.g. one per seed) and prints the sparsity-vs-performance table (mean ± sd over
 * seeds, per-seed values) and the ticket effect over a baseline — the tables in docs/RESULTS.md. With
 * `--decompose true` it adds the decomposition of the effect into weights, mask and layer-ratio parts.
 */
import { summarizeCurves, effectOver, type RoundPerf } from '../core/analysis/summary';
import { DECOMPOSITION, DECOMPOSITION_METHODS, decomposeAt, sharesOfTotal } from '../core/analysis/decomposition';
import { boolFlag, CliError, pathFlag } from './args';
import { markdownTable, fmt } from './analysis/output';
import { RunFolder } from './run-folder';
import { writeFileAtomic } from './fs-safe';
import { checkOutputFile } from './output-file';
import { poolableMetas } from './merge-command';

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

/**
 * The ticket-effect decomposition per round (core/analysis/decomposition.ts): each contrast as
 * mean ± sd over seeds (per-seed values in brackets), then the additive parts as shares of the total.
 */
export function decompositionMarkdown(rows: readonly RoundPerf[], scale = 100): string {
  const have = new Set(rows.map((r) => r.method));
  const missing = DECOMPOSITION_METHODS.filter((m) => !have.has(m));
  if (missing.length) throw new CliError(`--decompose needs the chains ${missing.join(', ')} in the run folders`, 1);
  const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b).filter((k) => k > 1);
  const remaining = (k: number) => fmt(100 * (1 - rows.find((r) => r.roundNum === k)!.sparsityFrac), 2);
  const cell = (v: ReturnType<typeof decomposeAt>[number]) =>
    v.n
      ? `${fmt(scale * v.mean, 1)} ± ${fmt(scale * v.sd, 1)} (${v.perSeed.map((p) => fmt(scale * p.value, 1)).join(' / ')})`
      : '';
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : '');
  const byRound = rounds.map((k) => decomposeAt(rows, k));
  return [
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
        return [k, remaining(k), fmt(scale * byRound[i][0].mean, 1), pct(s.weights), pct(s.mask), pct(s.layers)];
      }),
    ),
  ].join('\n');
}

export async function summarizeCommand(flags: Map<string, string>): Promise<void> {
  for (const k of flags.keys())
    if (!['runs', 'baseline', 'raw', 'out', 'force', 'decompose'].includes(k))
      throw new CliError(`summarize: unknown flag --${k} (known: --runs --baseline --raw --out --force --decompose)`);
  const runs = pathFlag(flags, 'runs', 'run folders, e.g. --runs runs-out/a,runs-out/b');
  if (!runs) throw new CliError('--runs DIR[,DIR…] is required (run folders written by "lab imp" / "lab gd")');
  const scale = boolFlag(flags, 'raw') ? 1 : 100;
  const out = pathFlag(flags, 'out', 'a file, e.g. --out summary.md');
  const decompose = boolFlag(flags, 'decompose');
  if (out) await checkOutputFile(out, boolFlag(flags, 'force'));
  const dirs = runs.split(',').map((d) => d.trim());
  await poolableMetas(dirs); // one experiment: pooling two would average unlike things as seeds
  const rows = (await Promise.all(dirs.map(readRounds))).flat();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `seed ${r.seed}, ${r.method} round ${r.roundNum}`;
    if (seen.has(key)) throw new CliError(`--runs: ${key} is in more than one folder (it would count twice)`);
    seen.add(key);
  }
  let md = summaryMarkdown(rows, flags.get('baseline') ?? 'random_reinit', scale);
  if (decompose) md += '\n\n' + decompositionMarkdown(rows, scale);
  if (out) await writeFileAtomic(out, md + '\n');
  process.stdout.write(md + '\n');
}
