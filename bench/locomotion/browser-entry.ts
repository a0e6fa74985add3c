/**
 * Page-side entry of bench/locomotion/browser-bench.ts: imported by URL from the Vite dev server, so its
 * bare imports resolve to the same tfjs-core instance the bench uses. The tfjs cpu backend only serves
 * the one-off policy activation probe; rollouts are typed arrays + MuJoCo WASM.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { runLocomotionBench } from './locomotion-bench';
import type { LocomotionBenchRow } from './locomotion-bench';

export async function runInPage(): Promise<LocomotionBenchRow[]> {
  await tf.setBackend('cpu');
  await tf.ready();
  return runLocomotionBench();
}
