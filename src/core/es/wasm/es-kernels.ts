/**
 * The ES core's hand-written WebAssembly SIMD kernels (es-kernels.wat), run on the tfjs wasm backend's own
 * memory (docs/PERFORMANCE.md "Hand-written wasm kernels"):
 * - `pairSums`: the tell's weighted row sums (row-sums.ts). The JS loop that rounds every step with
 *   Math.fround cost ≈ 7 ns per coordinate and row pair (0.8 ms of PGPE's 1.3 ms tell at 64 × 6,634, and
 *   the tell runs alone while evaluation threads wait); the kernel takes 0.09 ms.
 * - `around`: an antithetic pair of population rows m ± s⊙z written straight into the population tensor
 *   (noise.ts, the ask; parallel/replica.ts, the evaluation workers' rows), one pass instead of a
 *   multiply, an add, a subtract and a copy of every row.
 * Each step is one IEEE float32 operation, as in the JS loops and the backend kernels they replace, so the
 * results are the same bits (tests). The module imports the backend's WebAssembly.Memory and reads
 * tensors in place by their heap offsets. `esKernels()` is null wherever that memory is not reachable
 * (another backend, a tfjs build that does not export its memory, an engine without wasm SIMD): callers
 * then take their previous route.
 */
import * as tf from '@tensorflow/tfjs-core';
import { lazyWasmModule } from '../../wasm-module';
import { esKernelsWasm } from './es-kernels-wasm';
import { hostView } from '../host-block';

/** The kernels; every pointer is a byte offset into the backend's heap (es-kernels.wat). */
export interface EsKernels {
  /** lin += a0·v0 + a1·v1, sq += b0·u0² + b1·u1² with u = (x − m)/s and v = raw ? x : u. */
  pairSums(
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
  ): void;
  /** plus = m + s·z and, when mirrored (1), minus = m − s·z over d values. */
  around(z: number, m: number, s: number, plus: number, minus: number, d: number, mirrored: number): void;
}

const kernelModule = lazyWasmModule(esKernelsWasm);
const instances = new WeakMap<WebAssembly.Memory, EsKernels>();

/** The tfjs wasm backend's memory, when its build exports it (the single-threaded build does). */
function backendMemory(): WebAssembly.Memory | null {
  if (tf.getBackend() !== 'wasm') return null;
  const mem = (tf.backend() as unknown as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm?.memory;
  return mem instanceof WebAssembly.Memory ? mem : null;
}

/** The kernels on the current backend's heap, or null (module comment). */
export function esKernels(): EsKernels | null {
  const memory = backendMemory();
  const mod = memory && kernelModule();
  if (!memory || !mod) return null;
  let k = instances.get(memory);
  if (!k) {
    k = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as EsKernels;
    instances.set(memory, k);
  }
  return k;
}

/** A wasm tensor's byte offset in the heap (for the kernels). */
export function heapOffset(t: tf.Tensor): number {
  const view = hostView(t);
  if (!view) throw new Error('wasm kernels: a tensor is not in the wasm heap');
  return view.byteOffset;
}
