/**
 * The browser's tfjs backend chain WebGPU → WebGL → WASM → CPU (issue 5), for use inside a worker.
 * Registers all four backends, points the wasm backend at its binaries (Vite `?url` imports, no copy
 * step; PLATFORM.md) and delegates the walk + numerical self-check to `backend-chain.ts`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend, type BackendPref, type BackendReport } from './backend-chain';

export type { BackendPref, BackendReport, BackendAttempt, BackendName } from './backend-chain';
export { BACKEND_CHAIN } from './backend-chain';

let wasmPrepared = false;

function prepare(name: string): void {
  if (name !== 'wasm' || wasmPrepared) return;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  // With COOP/COEP tfjs would pick the threaded build, whose init hangs in a Vite worker (PLATFORM.md).
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmPrepared = true;
}

/** Activates the first backend of the chain (or the forced one) that initialises and passes the self-check. */
export function initBackend(pref: BackendPref = 'auto', timeoutMs = 15_000): Promise<BackendReport> {
  return selectBackend(pref, { prepare, timeoutMs });
}
