/**
 * `lab summarize --runs DIR[,DIR…] [--baseline random_reinit] [--out FILE.md]`: reads the rounds.csv of one
 * or more run folders (e.g. one per seed) and prints the sparsity-vs-performance table (mean ± sd over
 * seeds, per-seed values) and the ticket effect over a baseline — the tables in docs/RESULTS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summarizeCurves, effectOver, type RoundPerf } from '../core/analysis/summary';
import { boolFlag, CliError } from './args';
import { markdownTable, fmt } from './analysis/output';

async function readRounds(dir: string): Promise<RoundPerf[]> {
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

export async function summarizeCommand(flags: Map<string, string>): Promise<void> {
  const runs = flags.get('runs');
  if (!runs) throw new CliError('--runs DIR[,DIR…] is required (run folders written by "lab imp" / "lab gd")');
  const rows = (await Promise.all(runs.split(',').map((d) => readRounds(d.trim())))).flat();
  const scale = boolFlag(flags, 'raw') ? 1 : 100;
  const md = summaryMarkdown(rows, flags.get('baseline') ?? 'random_reinit', scale);
  const out = flags.get('out');
  if (out) await writeFile(out, md + '\n');
  process.stdout.write(md + '\n');
}
