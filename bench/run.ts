/**
 * `npm run bench`: runs every benchmark on each Node tfjs backend, prints one table per benchmark and
 * writes bench/results/<name>.json. Speed goals live here, never in timed tests (they are noisy).
 * Flags: --only es|nets|imp (comma list), --backends wasm,cpu.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import os from 'node:os';

type Row = Record<string, unknown>;
const BENCHES: Record<string, () => Promise<Row[]>> = {
  es: async () => (await (await import('./es/es-bench')).runEsBench(backends)) as unknown as Row[],
  nets: async () => (await (await import('./nets/nets-bench')).runNetsBench(backends)) as unknown as Row[],
  imp: async () => {
    const { runImpBench } = await import('./imp/imp-bench');
    const rows: Row[] = [];
    for (const b of backends) { await tf.setBackend(b); await tf.ready(); rows.push(...(await runImpBench(b === 'cpu' ? 5 : 30)) as unknown as Row[]); }
    return rows;
  },
};

const argv = process.argv.slice(2);
const flag = (n: string) => { const i = argv.indexOf(`--${n}`); return i >= 0 ? argv[i + 1] : undefined; };
const only = (flag('only') ?? Object.keys(BENCHES).join(',')).split(',');
const backends = (flag('backends') ?? 'wasm,cpu').split(',');

function printTable(name: string, rows: Row[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 1 ? 3 : 1)) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  console.log(`\n## ${name}`);
  console.log(cols.map((c, i) => c.padEnd(widths[i])).join(' | '));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(cols.map((c, i) => cell(r[c]).padEnd(widths[i])).join(' | '));
}

await mkdir('bench/results', { recursive: true });
await tf.setBackend('wasm'); await tf.ready();
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() };
for (const name of only) {
  const run = BENCHES[name];
  if (!run) { console.error(`unknown benchmark "${name}" (have: ${Object.keys(BENCHES).join(', ')})`); process.exit(2); }
  const rows = await run();
  printTable(name, rows);
  await writeFile(`bench/results/${name}.json`, JSON.stringify({ machine, rows }, null, 2) + '\n');
}
