/**
 * `npx tsx bench/control/main.ts [--no-tfjs]`: control rollout throughput on the wasm backend; prints a
 * table and writes bench/results/control.json (with machine info).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { runControlBench } from './control-bench';

await tf.setBackend('wasm'); await tf.ready();
const rows = runControlBench({ tfjs: !process.argv.includes('--no-tfjs') });
const cols = Object.keys(rows[0]) as (keyof (typeof rows)[number])[];
const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 0)) : String(v));
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
console.log(cols.map((c, k) => c.padEnd(widths[k])).join(' | '));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(cols.map((c, k) => cell(r[c]).padEnd(widths[k])).join(' | '));
await mkdir('bench/results', { recursive: true });
const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, date: new Date().toISOString() };
await writeFile('bench/results/control.json', JSON.stringify({ machine, rows }, null, 2) + '\n');
console.log('\nwrote bench/results/control.json');
