/**
 * Backend selection logic (the chain WebGPU → WebGL → WASM → CPU), without the backend
 * imports, so Node tests can drive it with the backends Node has (cpu, wasm) plus deliberately broken,
 * hanging or numerically wrong ones. `workers/backend.ts` wires in the real browser backends.
 *
 * A backend is accepted only if `tf.setBackend` resolves within a timeout (the threaded wasm build can
 * hang forever in a Vite worker; docs/ARCHITECTURE.md "Platform notes") AND a small matmul + softmax agrees with a
 * float64 CPU reference computed in plain JS to within `SELF_CHECK_TOL`.
 */
import * as tf from '@tensorflow/tfjs-core';

import {
  BACKEND_CHAIN,
  type BackendAttempt,
  type BackendPref,
  type BackendReport,
} from '../src/protocol/worker-protocol';

export { BACKEND_CHAIN };
export type { BackendAttempt, BackendName, BackendPref, BackendReport } from '../src/protocol/worker-protocol';

/** Max |Δ| between the backend's matmul+softmax and the float64 reference (float16 WebGL passes). */
export const SELF_CHECK_TOL = 1e-3;

export interface ChainOptions {
  /** Timeout for each `setBackend` call (ms). */
  readonly timeoutMs?: number;
  /** Candidates override (tests); default follows `pref`. */
  readonly candidates?: readonly string[];
  /** Hook run before a backend's first `setBackend` (e.g. set wasm paths). */
  readonly prepare?: (name: string) => void;
  /**
   * After a backend initialised: the name of its software implementation (e.g. "SwiftShader"), or null
   * for real hardware. 'auto', and the fallbacks after a forced backend, skip software GPU backends: on a
   * CPU-only machine they run the GPU shaders on the CPU and are many times slower than WASM. The forced
   * backend itself is used regardless.
   */
  readonly softwareRenderer?: (name: string) => string | null;
}

const SC_M = 6,
  SC_K = 16,
  SC_N = 5;

/** Deterministic self-check inputs: smooth values in [-1, 1] so softmax is well-conditioned. */
function selfCheckInputs(): { a: Float32Array; b: Float32Array } {
  const a = new Float32Array(SC_M * SC_K),
    b = new Float32Array(SC_K * SC_N);
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(0.7 * i + 0.3);
  for (let i = 0; i < b.length; i++) b[i] = Math.cos(1.3 * i - 0.2);
  return { a, b };
}

/** softmax(A·B) row-wise in float64 — the CPU reference. Exported for tests. */
export function selfCheckReference(): Float64Array {
  const { a, b } = selfCheckInputs();
  const out = new Float64Array(SC_M * SC_N);
  for (let i = 0; i < SC_M; i++) {
    let max = -Infinity;
    for (let j = 0; j < SC_N; j++) {
      let s = 0;
      for (let k = 0; k < SC_K; k++) s += a[i * SC_K + k] * b[k * SC_N + j];
      out[i * SC_N + j] = s;
      max = Math.max(max, s);
    }
    let z = 0;
    for (let j = 0; j < SC_N; j++) {
      out[i * SC_N + j] = Math.exp(out[i * SC_N + j] - max);
      z += out[i * SC_N + j];
    }
    for (let j = 0; j < SC_N; j++) out[i * SC_N + j] /= z;
  }
  return out;
}

/** Runs the self-check on the current backend; returns max |Δ| to the reference. */
export async function selfCheckMaxAbsDiff(): Promise<number> {
  const { a, b } = selfCheckInputs();
  const y = tf.tidy(() => tf.softmax(tf.matMul(tf.tensor2d(a, [SC_M, SC_K]), tf.tensor2d(b, [SC_K, SC_N]))));
  const got = await y.data();
  y.dispose();
  const ref = selfCheckReference();
  let maxDiff = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = Math.abs(got[i] - ref[i]);
    maxDiff = Number.isNaN(d) ? Infinity : Math.max(maxDiff, d);
  }
  return maxDiff;
}

/** Rejects after `ms` with a message naming `what` (setBackend has no timeout of its own). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Candidate order for a preference: the forced backend first, then the rest of the chain after it as 'auto'
 * walks it (webgpu → webgl → wasm → cpu). Not straight to cpu: where a teacher's link forces webgpu on a
 * computer without it, wasm is many times faster than cpu and is what 'auto' would have chosen.
 */
export function candidatesFor(pref: BackendPref): string[] {
  if (pref === 'auto') return [...BACKEND_CHAIN];
  return [pref, ...BACKEND_CHAIN.slice(BACKEND_CHAIN.indexOf(pref) + 1)];
}

async function tryBackend(name: string, opts: ChainOptions, pref: BackendPref): Promise<BackendAttempt> {
  const t0 = performance.now();
  const ms = (): number => Math.round(performance.now() - t0);
  if (!tf.findBackendFactory(name)) return { backend: name, ok: false, reason: 'not registered in this build', ms: 0 };
  try {
    opts.prepare?.(name);
    let ok: boolean;
    try {
      ok = await withTimeout(tf.setBackend(name), opts.timeoutMs ?? 10_000, `setBackend('${name}')`);
    } catch (err) {
      // A hung init leaves tfjs's pending-init promise in place, which would make every later
      // tf.ready() hang too; removing the backend clears it (tfjs engine.removeBackend).
      tf.removeBackend(name);
      throw err;
    }
    if (!ok) return { backend: name, ok: false, reason: 'failed to initialise (unavailable on this device)', ms: ms() };
    // only the backend the user forced may be a software renderer; a fallback is chosen as 'auto' chooses
    const software = name !== pref ? (opts.softwareRenderer?.(name) ?? null) : null;
    if (software)
      return {
        backend: name,
        ok: false,
        reason:
          `software renderer (${software}), slower than WASM on a CPU: skipped by ` +
          `${pref === 'auto' ? "'auto'" : `the fallback after ${pref}`} (force ${name} to use it)`,
        ms: ms(),
      };
    const diff = await selfCheckMaxAbsDiff();
    if (!(diff < SELF_CHECK_TOL)) {
      return {
        backend: name,
        ok: false,
        reason: `self-check failed: max |Δ| = ${diff.toExponential(2)} ≥ ${SELF_CHECK_TOL}`,
        ms: ms(),
      };
    }
    return { backend: name, ok: true, reason: `self-check passed (max |Δ| = ${diff.toExponential(1)})`, ms: ms() };
  } catch (err) {
    return { backend: name, ok: false, reason: err instanceof Error ? err.message : String(err), ms: ms() };
  }
}

/**
 * Walks the candidates for `pref` and activates the first backend that initialises and passes the
 * self-check. Throws only if none does (cpu always should).
 */
export async function selectBackend(pref: BackendPref, opts: ChainOptions = {}): Promise<BackendReport> {
  const attempts: BackendAttempt[] = [];
  for (const name of opts.candidates ?? candidatesFor(pref)) {
    const attempt = await tryBackend(name, opts, pref);
    attempts.push(attempt);
    if (attempt.ok) return { active: name, pref, attempts };
  }
  throw new Error(`no tfjs backend passed: ${attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ')}`);
}
