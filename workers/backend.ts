/**
 * The browser's tfjs backend chain WebGPU → WebGL → WASM → CPU, for use inside a worker.
 * Registers all four backends, points the wasm backend at its binaries (Vite `?url` imports, no copy
 * step; docs/ARCHITECTURE.md "Platform notes") and delegates the walk + numerical self-check to `backend-chain.ts`; tells it
 * which GPU backends are software renderers, which 'auto' skips.
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
  // With COOP/COEP tfjs would pick the threaded build, whose init hangs in a Vite worker (docs/ARCHITECTURE.md "Platform notes").
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmPrepared = true;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|lavapipe|basic render/i;

/**
 * The active GPU backend's renderer when it is a software implementation (headless or GPU-less Chrome
 * offers SwiftShader for WebGPU and WebGL), else null. WebGPU: the adapter info tfjs keeps
 * (vendor/architecture, e.g. google/swiftshader); WebGL: the unmasked renderer string.
 */
function softwareRenderer(name: string): string | null {
  const b = tf.backend() as unknown as {
    adapterInfo?: { vendor?: string; architecture?: string };
    gpgpu?: { gl?: WebGL2RenderingContext };
  };
  let what = '';
  if (name === 'webgpu') what = `${b.adapterInfo?.vendor ?? ''} ${b.adapterInfo?.architecture ?? ''}`.trim();
  if (name === 'webgl') {
    const gl = b.gpgpu?.gl;
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    what = String((ext && gl?.getParameter(ext.UNMASKED_RENDERER_WEBGL)) ?? gl?.getParameter(gl.RENDERER) ?? '');
  }
  return SOFTWARE.test(what) ? what : null;
}

/** Activates the first backend of the chain (or the forced one) that initialises and passes the self-check. */
export function initBackend(pref: BackendPref = 'auto', timeoutMs = 15_000): Promise<BackendReport> {
  return selectBackend(pref, { prepare, timeoutMs, softwareRenderer });
}
