/**
 * Result summaries of the paper's code (es-lottery logs, docs/ALGORITHMS.md §3.1 "log(k, sparsity, perf,
 * threshold)") or of the lab's own rounds.csv, imported as per-round rows to overlay on the sparsity chart
 * (given as JSON or CSV).
 *
 * Accepted shapes:
 *   CSV   a header row, then one row per log entry (RFC 4180 quoting).
 *   JSON  an array of row objects; or an object of equal-length column arrays (mle-logging style);
 *         or { rows: [...] } / { data: [...] }.
 * Columns (case-insensitive; the first present alias wins):
 *   round      1-based:  round | round_num          — or 0-based: imp_iter | iteration | iter (+1)
 *   sparsity   fraction in [0, 1]: sparsity         — or remaining_pct (100·(1 − s));
 *              if absent, the schedule 1 − 0.8^(round−1) (docs/ALGORITHMS.md §3.2) is assumed and a warning given
 *   perf       final_perf | test_perf | perf | accuracy | return   (required)
 *   best       best_perf (optional; else the max perf seen in the round)
 *   seed       seed | seed_id (default 0)
 *   method     method | baseline_name | baseline (es-lottery names mapped: final-ticket → magnitude, …;
 *              default "imported")
 *   gens       num_gens | gen | generation (optional): several rows per round = a learning curve; the
 *              row with the most generations gives finalPerf
 *   threshold  prune_threshold (optional)
 */
import { CODE_BASELINE_NAMES, labIdOf } from './paper-code-names';
import { parseCsv } from './csv-format';

export interface SummaryRow {
  readonly seed: number;
  readonly method: string;
  /** 1-based. */
  readonly roundNum: number;
  readonly sparsityFrac: number;
  readonly finalPerf: number;
  readonly bestPerf: number;
  readonly generations?: number;
  readonly pruneThreshold?: number;
}

export type SummaryImport =
  | { readonly ok: true; readonly rows: SummaryRow[]; readonly warnings: string[] }
  | { readonly ok: false; readonly message: string };

const MAX_ROWS = 1_000_000;
const ALIASES = {
  round: ['round', 'round_num'],
  iter: ['imp_iter', 'iteration', 'iter'],
  sparsity: ['sparsity'],
  remaining: ['remaining_pct'],
  perf: ['final_perf', 'test_perf', 'perf', 'accuracy', 'return'],
  best: ['best_perf'],
  seed: ['seed', 'seed_id'],
  method: ['method', 'baseline_name', 'baseline'],
  gens: ['num_gens', 'gen', 'generation'],
  threshold: ['prune_threshold'],
} as const;

type Raw = Record<string, unknown>;

function rowsOfJson(v: unknown): Raw[] {
  const obj = v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined;
  const list = Array.isArray(v)
    ? v
    : obj && Array.isArray(obj.rows)
      ? obj.rows
      : obj && Array.isArray(obj.data)
        ? obj.data
        : undefined;
  if (list) {
    if (!list.every((r) => r && typeof r === 'object' && !Array.isArray(r)))
      throw new Error('JSON rows must be objects');
    return list as Raw[];
  }
  if (obj) {
    const cols = Object.entries(obj).filter(([, c]) => Array.isArray(c)) as [string, unknown[]][];
    if (!cols.length) throw new Error('JSON must be an array of rows, {rows: [...]}, or an object of column arrays');
    const n = cols[0][1].length;
    if (cols.some(([, c]) => c.length !== n)) throw new Error('JSON column arrays have different lengths');
    return Array.from({ length: Math.min(n, MAX_ROWS + 1) }, (_, i) =>
      Object.fromEntries(cols.map(([k, c]) => [k, c[i]])),
    );
  }
  throw new Error('JSON must be an array of rows, {rows: [...]}, or an object of column arrays');
}

function rowsOfCsv(text: string): Raw[] {
  // The project's one CSV reader: quoting and the field count of every row are checked there.
  const { header, records } = parseCsv(text, 'the file', { maxRecords: MAX_ROWS });
  return records.map((r) => Object.fromEntries(header.map((h, j) => [h, r.cells[j]])));
}

function pick(row: Map<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (row.has(n) && row.get(n) !== '' && row.get(n) !== null) return row.get(n);
  return undefined;
}

function num(v: unknown, what: string, line: number): number {
  const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(x)) throw new Error(`row ${line}: ${what} ${JSON.stringify(v)} is not a finite number`);
  return x;
}

function toRow(raw: Raw, line: number, warn: Set<string>): SummaryRow {
  const r = new Map(Object.entries(raw).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const round = pick(r, ALIASES.round),
    iter = pick(r, ALIASES.iter);
  if (round === undefined && iter === undefined)
    throw new Error(`row ${line}: no round column (round, round_num, imp_iter, iteration)`);
  const roundNum = round !== undefined ? num(round, 'round', line) : num(iter, 'imp_iter', line) + 1;
  if (!Number.isInteger(roundNum) || roundNum < 1 || roundNum > 1000)
    throw new Error(`row ${line}: round ${roundNum} is not an integer in [1, 1000]`);
  const perfRaw = pick(r, ALIASES.perf);
  if (perfRaw === undefined) throw new Error(`row ${line}: no performance column (${ALIASES.perf.join(', ')})`);
  const finalPerf = num(perfRaw, 'perf', line);
  let sparsityFrac: number;
  const s = pick(r, ALIASES.sparsity),
    rem = pick(r, ALIASES.remaining);
  if (s !== undefined) sparsityFrac = num(s, 'sparsity', line);
  else if (rem !== undefined) sparsityFrac = 1 - num(rem, 'remaining_pct', line) / 100;
  else {
    sparsityFrac = 1 - 0.8 ** (roundNum - 1);
    warn.add("no sparsity column: assumed the paper's schedule 1 − 0.8^(round − 1)");
  }
  if (sparsityFrac < 0 || sparsityFrac > 1)
    throw new Error(`row ${line}: sparsity ${sparsityFrac} is outside [0, 1] (give a fraction, or remaining_pct)`);
  const methodRaw = pick(r, ALIASES.method);
  const code = methodRaw === undefined ? 'imported' : String(methodRaw);
  const best = pick(r, ALIASES.best),
    gens = pick(r, ALIASES.gens),
    thr = pick(r, ALIASES.threshold),
    seed = pick(r, ALIASES.seed);
  return {
    seed: seed === undefined ? 0 : num(seed, 'seed', line),
    method: labIdOf(CODE_BASELINE_NAMES, code) ?? code,
    roundNum,
    sparsityFrac,
    finalPerf,
    bestPerf: best === undefined ? finalPerf : num(best, 'best_perf', line),
    ...(gens !== undefined ? { generations: num(gens, 'num_gens', line) } : {}),
    ...(thr !== undefined ? { pruneThreshold: num(thr, 'prune_threshold', line) } : {}),
  };
}

/** Collapses a learning curve (several rows per round) to its last row; bestPerf = max over the round. */
function lastPerRound(rows: SummaryRow[]): SummaryRow[] {
  const byKey = new Map<string, SummaryRow>();
  for (const row of rows) {
    const key = `${row.seed}|${row.method}|${row.roundNum}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, row);
      continue;
    }
    const later = (row.generations ?? 0) >= (prev.generations ?? 0) ? row : prev;
    byKey.set(key, { ...later, bestPerf: Math.max(prev.bestPerf, row.bestPerf, prev.finalPerf, row.finalPerf) });
  }
  return [...byKey.values()].sort(
    (a, b) => a.seed - b.seed || a.method.localeCompare(b.method) || a.roundNum - b.roundNum,
  );
}

/** Parses a JSON or CSV summary (format sniffed from the first character). Never throws. */
export function importSummaries(text: string): SummaryImport {
  try {
    const trimmed = text.trimStart();
    const raws = trimmed.startsWith('[') || trimmed.startsWith('{') ? rowsOfJson(JSON.parse(trimmed)) : rowsOfCsv(text);
    if (!raws.length) throw new Error('no data rows');
    if (raws.length > MAX_ROWS) throw new Error(`more than ${MAX_ROWS} rows`);
    const warnings = new Set<string>();
    const rows = lastPerRound(raws.map((r, i) => toRow(r, i + 1, warnings)));
    return { ok: true, rows, warnings: [...warnings] };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
