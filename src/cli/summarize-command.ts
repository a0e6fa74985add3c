/**
 * `lab summarize --runs DIR[,DIR…] [--baseline random_reinit] [--out FILE.md]`: reads the rounds.csv of one
 * or more run folders (e.g. one per seed) and prints the sparsity-vs-performance table (mean ± sd over
 * seeds, per-seed values) and the ticket effect over a baseline — the tables in docs/RESULTS.md. With
 * `--decompose true` it adds the decomposition of the effect into weights, mask and layer-ratio parts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summarizeCurves, effectOver, type RoundPerf } from '../core/analysis/summary';
import { DECOMPOSITION, DECOMPOSITION_METHODS, decomposeAt, sharesOfTotal } from '../core/analysis/decomposition';
import { CliError } from './args';
import { markdownTable, fmt } from './analysis/output';

/** The rounds.csv of a run folder as (seed, method, round, sparsity, final performance) rows. */
export async function readRounds(dir: string): Promise<RoundPerf[]> {
  let text: string;
  try {
    text = await readFile(join(dir, 'rounds.csv'), 'utf8');
  } catch {
    throw new CliError(`--runs: ${dir} has no rounds.csv (is it a run folder written by "lab imp" or "lab gd"?)`, 1);
  }
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split(',');
  const col = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new CliError(`${dir}/rounds.csv lacks column ${name}`, 1);
    return i;
  };
  const [s, m, r, sp, p] = ['seed', 'method', 'round', 'sparsity', 'final_perf'].map(col);
  return lines.filter(Boolean).map((line) => {
    const f = line.split(',');
    return {
      seed: Number(f[s]),
      method: f[m],
      roundNum: Number(f[r]),
      sparsityFrac: Number(f[sp]),
      perf: Number(f[p]),
    };
  });
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
  const runs = flags.get('runs');
  if (!runs) throw new CliError('--runs DIR[,DIR…] is required (run folders written by "lab imp" / "lab gd")');
  const rows = (await Promise.all(runs.split(',').map((d) => readRounds(d.trim())))).flat();
  const scale = flags.get('raw') === 'true' ? 1 : 100;
  let md = summaryMarkdown(rows, flags.get('baseline') ?? 'random_reinit', scale);
  if (flags.get('decompose') === 'true') md += '\n\n' + decompositionMarkdown(rows, scale);
  const out = flags.get('out');
  if (out) await writeFile(out, md + '\n');
  process.stdout.write(md + '\n');
}
