/**
 * `npx tsx bench/es/main.ts [--backends wasm,cpu]`: runs the ES core benchmark, prints a table and
 * writes bench/results/es.json (with machine info, so numbers are comparable).
 */
import { printTable, writeResults } from '../report';
import { runEsBench } from './es-bench';

const i = process.argv.indexOf('--backends');
const backends = i >= 0 ? process.argv[i + 1].split(',') : ['wasm', 'cpu'];
const rows = await runEsBench(backends);
printTable(rows);
await writeResults('es', rows);
