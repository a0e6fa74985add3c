/**
 * `npx tsx bench/nets/main.ts [--backends wasm,cpu]`: runs the population forward benchmark, prints a
 * table and writes bench/results/nets.json (with machine info, so numbers are comparable). Rows of
 * backends not run this time are kept from the previous file, so backends can be measured separately.
 */
import { printTable, writeResults } from '../report';
import { runNetsBench } from './nets-bench';

const i = process.argv.indexOf('--backends');
const backends = i >= 0 ? process.argv[i + 1].split(',') : ['wasm', 'cpu'];
const rows = await runNetsBench(backends);
printTable(rows);
await writeResults('nets', rows, backends);
