/**
 * The tell's weighted row sums as a WebAssembly SIMD kernel on the tfjs wasm backend's own memory
 * (row-sums.wat; docs/PERFORMANCE.md "The tell's row sums"). Why: the JS loop that rounds every step
 * with Math.fround costs ≈ 7 ns per coordinate and row pair (0.8 ms of PGPE's 1.3 ms tell at 64 × 6,634,
 * and the tell runs alone while evaluation threads wait); the same float32 operations in wasm SIMD are
 * several times faster and give the same bits (each step is one IEEE float32 operation in both).
 *
 * The kernel imports the backend's WebAssembly.Memory and reads tensors in place by their heap offsets.
 * `rowSumKernel()` returns null wherever that memory is not reachable (another backend, a tfjs build
 * that does not export its memory, an engine without wasm SIMD): callers then use the JS loop.
 */
import * as tf from '@tensorflow/tfjs-core';
import { rowSumsWasm } from './row-sums-wasm';

/** Adds rows x0 and x1 to lin and sq (byte offsets into the backend's heap; row-sums.wat). */
export type PairSums = (
  x0: number,
  x1: number,
  m: number,
  s: number,
  lin: number,
  sq: number,
  d: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  raw: number,
) => void;

let compiled: WebAssembly.Module | null | undefined;
const instances = new WeakMap<WebAssembly.Memory, PairSums>();

function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = Uint8Array.from(atob(rowSumsWasm), (c) => c.charCodeAt(0));
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null; // no WebAssembly (or no SIMD) here: the JS loop serves
    }
  }
  return compiled;
}

/** The tfjs wasm backend's memory, when its build exports it (the single-threaded build does). */
function backendMemory(): WebAssembly.Memory | null {
  if (tf.getBackend() !== 'wasm') return null;
  const mem = (tf.backend() as unknown as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm?.memory;
  return mem instanceof WebAssembly.Memory ? mem : null;
}

/** The pair kernel on the current backend's heap, or null (module comment). */
export function rowSumKernel(): PairSums | null {
  const memory = backendMemory();
  const mod = memory && kernelModule();
  if (!memory || !mod) return null;
  let k = instances.get(memory);
  if (!k) {
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    k = instance.exports.pairSums as PairSums;
    instances.set(memory, k);
  }
  return k;
}
