/**
 * In-page entry of the WebGPU kernel check in Chromium (test/e2e/webgpu-kernels.test.ts): the same
 * forward-check.ts cases as the Node GPU check (bench/gpu/gpu-check.ts), small enough for Chromium's
 * software WebGPU (SwiftShader), on tfjs's webgpu backend against the cpu backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { gpuCases, runForwardCase, type ForwardResult } from './forward-check';

export async function runInPage(): Promise<{ adapter: string; results: ForwardResult[] }> {
  if (!(await tf.setBackend('webgpu'))) throw new Error('the webgpu backend did not start in this page');
  const info = (tf.backend() as unknown as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
  const results: ForwardResult[] = [];
  for (const c of gpuCases(4, 32, 16)) results.push(await runForwardCase(c, 'webgpu', 1));
  return { adapter: `${info?.vendor ?? '?'}/${info?.architecture ?? '?'}`, results };
}
