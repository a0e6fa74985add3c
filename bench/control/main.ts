/**
 * `npx tsx bench/control/main.ts [--no-tfjs]`: control rollout throughput on the wasm backend; prints a
 * table and writes bench/results/control.json (with machine info).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { printTable, writeResults } from '../report';
import { runControlBench } from './control-bench';

await tf.setBackend('wasm');
await tf.ready();
const rows = runControlBench({ tfjs: !process.argv.includes('--no-tfjs') });
printTable(rows);
await writeResults('control', rows);
