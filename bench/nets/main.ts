/**
 * `npx tsx bench/nets/main.ts [--backends wasm,cpu]`: runs the population forward benchmark, prints a
 * table and writes bench/results/nets.json (with machine info, so numbers are comparable). Rows of
 * backends not run this time are kept from the previous file, so backends can be measured separately.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { runNetsBench, type Row } from './nets-bench';

const i = process.argv.indexOf('--backends');
const backends = i >= 0 ? process.argv[i + 1].split(',') : ['wasm', 'cpu'];
const rows: Row[] = await runNetsBench(backends);

const cols = Object.keys(rows[0]) as (keyof Row)[];
const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 0)) : String(v));
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
console.log(cols.map((c, k) => c.padEnd(widths[k])).join(' | '));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(cols.map((c, k) => cell(r[c]).padEnd(widths[k])).join(' | '));

await mkdir('bench/results', { recursive: true });
const previous: Row[] = await readFile('bench/results/nets.json', 'utf8')
  .then((t) => (JSON.parse(t) as { rows: Row[] }).rows.filter((r) => !backends.includes(r.backend)))
  .catch(() => []);
const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, date: new Date().toISOString() };
await writeFile('bench/results/nets.json', JSON.stringify({ machine, rows: [...rows, ...previous] }, null, 2));
console.log('\nwrote bench/results/nets.json');
