/**
 * Output shared by every benchmark entry point: a plain-text table on stdout and
 * bench/results/<name>.json with the machine's description, so numbers from different runs compare.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

/** Any plain row object (interfaces included); values are read by column name. */
export type BenchRow = object;
const get = (r: BenchRow, c: string): unknown => (r as Record<string, unknown>)[c];

function cell(v: unknown): string {
  if (typeof v !== 'number') return String(v ?? '–');
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 1);
}

/** Prints `rows` as a `|`-separated table under an optional heading. */
export function printTable(rows: readonly BenchRow[], heading?: string): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(get(r, c)).length)));
  if (heading) console.log(`\n## ${heading}`);
  console.log(cols.map((c, k) => c.padEnd(widths[k])).join(' | '));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(cols.map((c, k) => cell(get(r, c)).padEnd(widths[k])).join(' | '));
}

/**
 * Writes bench/results/<name>.json. With `keepOtherBackends`, rows of backends not measured this time are
 * kept from the previous file, so backends can be measured in separate runs.
 */
export async function writeResults(
  name: string,
  rows: readonly BenchRow[],
  keepOtherBackends?: readonly string[],
): Promise<void> {
  const path = `bench/results/${name}.json`;
  await mkdir('bench/results', { recursive: true });
  const previous: unknown[] = keepOtherBackends
    ? await readFile(path, 'utf8')
        .then((t) =>
          (JSON.parse(t) as { rows: Record<string, unknown>[] }).rows.filter(
            (r) => !keepOtherBackends.includes(String(r.backend)),
          ),
        )
        .catch(() => [])
    : [];
  // The load average is recorded because the 2 shared cores make every timing depend on it.
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    date: new Date().toISOString(),
    loadavg: os.loadavg().map((l) => +l.toFixed(2)),
  };
  await writeFile(path, JSON.stringify({ machine, rows: [...rows, ...previous] }, null, 2) + '\n');
  console.log(`\nwrote ${path}`);
}
