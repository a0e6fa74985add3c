/**
 * GPU check, made to run on a machine with a real GPU in ONE call of a few minutes with no network
 * (docs/PERFORMANCE.md "GPU check"): tfjs's WebGPU backend in Node through Dawn's Node bindings (the
 * npm package `webgpu`, which ships prebuilt `dawn.node` binaries), the population forward pass of the
 * MLP 784-100-10 and of the paper's CNN at P = 128 members × B = 1,024 images, each checked against
 * the cpu backend (forward-check.ts) and timed against the wasm backend on the same machine. Writes
 * bench/results/gpu.json (or --out FILE).
 *
 * Where Dawn or a GPU adapter is missing it says so, writes the reason into the JSON and exits 0;
 * it exits 1 only when a GPU ran and its outputs disagree with the cpu backend.
 *
 *   npx tsx bench/gpu/gpu-check.ts [--dawn /path/to/dawn.node] [--members 128] [--batch 1024]
 *                                  [--reps 5] [--cnn-chunk 128] [--no-wasm] [--out FILE.json]
 * or, on a machine without node_modules, the folder bench/gpu/pack.ts makes (plain `node`, ~25 MB).
 * Dawn: the `webgpu` package if installed (`npm install --no-save webgpu@0.6.2`: 132 MB for every
 * platform; Linux needs only its dist/linux-x64/dawn.node, 21 MB), or any dawn.node given with --dawn
 * or $DAWN_NODE. On Linux it needs the Vulkan loader (libvulkan.so.1) and the GPU vendor's Vulkan ICD.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import os from 'node:os';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { gpuCases, runForwardCase, type ForwardResult } from './forward-check';

/** Largest relative difference from the cpu backend that counts as agreement (float32 sums in another order). */
const MAX_REL_DIFF = 1e-3;

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const members = Number(flag('members') ?? 128);
const batch = Number(flag('batch') ?? 1024);
const reps = Number(flag('reps') ?? 5);
const cnnChunk = Number(flag('cnn-chunk') ?? 128);
const outPath = flag('out') ?? 'bench/results/gpu.json';
// The packed check (pack.ts) carries the tfjs wasm binaries next to itself.
const wasmDir = flag('wasm-dir');
if (wasmDir) setWasmPaths(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`);
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
  },
  settings: { members, batch, reps, cnnChunk },
};

async function finish(status: string, message: string, code: number): Promise<never> {
  report.status = status;
  report.message = message;
  console.log(`${status}: ${message}`);
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${outPath}`);
  process.exit(code);
}

interface Dawn {
  create(options: string[]): unknown;
  globals: Record<string, unknown>;
}

/** Dawn's Node bindings: --dawn / $DAWN_NODE, else the `webgpu` package; null with the reason. */
async function loadDawn(): Promise<{ dawn: Dawn; from: string } | { error: string; missing: boolean }> {
  const path = flag('dawn') ?? process.env.DAWN_NODE;
  try {
    if (path) return { dawn: createRequire(import.meta.url)(path) as Dawn, from: path };
  } catch (e) {
    return { error: `cannot load ${path}: ${(e as Error).message}`, missing: false };
  }
  try {
    const pkg = 'webgpu'; // a variable: the package is optional and not a dependency of the lab
    return { dawn: (await import(pkg)) as Dawn, from: 'npm package webgpu' };
  } catch (e) {
    const msg = (e as Error).message;
    const missing = /Cannot find (package|module) 'webgpu'/.test(msg);
    return {
      error: missing ? 'the npm package "webgpu" is not installed' : `cannot load the webgpu package: ${msg}`,
      missing,
    };
  }
}

const loaded = await loadDawn();
if ('error' in loaded) {
  const how = loaded.missing
    ? ' Install it with `npm install --no-save webgpu@0.6.2` (needs the registry), or copy its dist/linux-x64/dawn.node here and pass --dawn PATH.'
    : " On Linux Dawn needs the Vulkan loader (libvulkan.so.1, Debian: libvulkan1) and the GPU vendor's Vulkan ICD (NVIDIA: the driver's nvidia_icd.json).";
  await finish(loaded.missing ? 'no-dawn' : 'dawn-failed', `${loaded.error}.${how} No GPU check was run.`, 0);
}
const { dawn, from } = loaded as { dawn: Dawn; from: string };
Object.assign(globalThis, dawn.globals);
const gpu = dawn.create([]) as { requestAdapter(o?: object): Promise<GpuAdapter | null> };
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
report.dawn = from;

interface GpuAdapter {
  info?: Record<string, unknown>;
  features: Iterable<string>;
  limits: Record<string, number>;
}
let adapter: GpuAdapter | null = null;
try {
  adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
} catch (e) {
  await finish('no-adapter', `Dawn loaded but requesting a WebGPU adapter failed: ${(e as Error).message}`, 0);
}
if (!adapter)
  await finish(
    'no-adapter',
    "Dawn loaded but found no WebGPU adapter: no GPU, no Vulkan loader (libvulkan.so.1; Dawn's warning above says so), no vendor ICD, or only Mesa's lavapipe, which Dawn rejects. No GPU check was run.",
    0,
  );
// GPUAdapterInfo's fields are prototype getters: copy them by name.
const rawInfo = (adapter!.info ?? {}) as Record<string, unknown>;
const info = Object.fromEntries(['vendor', 'architecture', 'device', 'description'].map((k) => [k, rawInfo[k]]));
report.adapter = {
  info,
  features: [...adapter!.features].sort(),
  maxStorageBufferBindingSize: adapter!.limits.maxStorageBufferBindingSize,
  maxBufferSize: adapter!.limits.maxBufferSize,
};
console.log(`WebGPU adapter: ${JSON.stringify(info)}`);

await import('@tensorflow/tfjs-backend-webgpu');
const results: (ForwardResult & { wasmMs?: number; speedupVsWasm?: number; ok: boolean })[] = [];
for (const c of gpuCases(members, batch, cnnChunk)) {
  const g = await runForwardCase(c, 'webgpu', reps);
  console.log(
    `${c.id}: webgpu first ${g.firstMs.toFixed(0)} ms, then ${g.ms.toFixed(1)} ms per forward; max |Δ| vs cpu ${g.maxAbsDiff.toExponential(2)} (relative ${g.maxRelDiff.toExponential(2)})`,
  );
  const row: (typeof results)[number] = { ...g, ok: g.maxRelDiff <= MAX_REL_DIFF };
  if (!argv.includes('--no-wasm')) {
    // wasm: one timed forward after the first (the CNN takes ~40 s per forward at P = 128, B = 1,024).
    const w = await runForwardCase(c, 'wasm', 1, false);
    row.wasmMs = w.ms;
    row.speedupVsWasm = w.ms / g.ms;
    console.log(
      `${c.id}: wasm ${w.ms.toFixed(0)} ms per forward → webgpu ${row.speedupVsWasm.toPrecision(3)}× as fast`,
    );
  }
  results.push(row);
}
report.results = results;
report.tfjs = tf.version_core;
const bad = results.filter((r) => !r.ok);
await finish(
  bad.length ? 'mismatch' : 'ok',
  bad.length
    ? `webgpu disagrees with cpu on ${bad.map((r) => r.case).join(', ')}`
    : `webgpu agrees with cpu (relative difference ≤ ${MAX_REL_DIFF}) on every case`,
  bad.length ? 1 : 0,
);
