/**
 * Packs the GPU check (gpu-check.ts) into one folder that runs with plain `node` (≥ 20) — no
 * node_modules, no network — for a GPU machine that gets only a copy of this repository plus a few
 * carried folders (about 25 MB): the script bundled with tfjs (Vite's SSR build), the tfjs wasm
 * binaries, Dawn's dawn.node for Linux x64 (from --dawn PATH or the `webgpu` package when installed
 * here), the Vulkan loader libvulkan.so.1 when this machine has one to copy (Chromium ships it), and
 * run.sh, which finds the NVIDIA Vulkan driver, prints what it found and runs the check.
 *   npx tsx bench/gpu/pack.ts [--dawn /path/to/dawn.node] [--vulkan /path/to/libvulkan.so.1] [--out runs-out/gpu-pack]
 * then, on the GPU machine: bash runs-out/gpu-pack/run.sh [gpu-check flags, e.g. --out $OUT/gpu.json]
 */
import { build } from 'vite';
import { copyFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const out = resolve(flag('out') ?? 'runs-out/gpu-pack');

await build({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'bench/gpu/gpu-check.ts',
    outDir: out,
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'gpu-check.mjs',
        // tfjs-backend-wasm's Emscripten glue expects CommonJS's __dirname and require in Node.
        banner:
          "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; " +
          'const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); ' +
          "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});

const wasmDir = join(
  createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'),
  '..',
  'dist',
);
for (const f of (await readdir(wasmDir)).filter((n) => n.endsWith('.wasm')))
  await copyFile(join(wasmDir, f), join(out, f));

const firstExisting = (paths: (string | undefined)[]): string | undefined =>
  paths.find((p): p is string => !!p && existsSync(p));
const dawn = firstExisting([flag('dawn'), 'node_modules/webgpu/dist/linux-x64/dawn.node']);
if (dawn) await copyFile(dawn, join(out, 'dawn.node'));
const loader = firstExisting([
  flag('vulkan'),
  '/usr/lib/chromium/libvulkan.so.1',
  '/usr/lib/x86_64-linux-gnu/libvulkan.so.1',
]);
if (loader) await copyFile(loader, join(out, 'libvulkan.so.1'));
// The NVIDIA Vulkan driver is libGLX_nvidia.so.0; this ICD manifest points at it for machines whose
// container exposes the driver but not the manifest (run.sh uses it only when none is installed).
const icd = { file_format_version: '1.0.0', ICD: { library_path: 'libGLX_nvidia.so.0', api_version: '1.3.0' } };
await writeFile(join(out, 'nvidia_icd.json'), JSON.stringify(icd) + '\n');
const runSh = [
  '#!/usr/bin/env bash',
  '# The GPU check (bench/gpu/gpu-check.ts, packed by bench/gpu/pack.ts). Arguments go to the check.',
  'here="$(cd "$(dirname "$0")" && pwd)"',
  'export LD_LIBRARY_PATH="$here${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"',
  'if [ -z "$VK_ICD_FILENAMES" ] && ! ls /usr/share/vulkan/icd.d/*nvidia* /etc/vulkan/icd.d/*nvidia* >/dev/null 2>&1; then',
  '  export VK_ICD_FILENAMES="$here/nvidia_icd.json"',
  'fi',
  'echo "node: $(node --version 2>/dev/null || echo MISSING)"',
  'command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader',
  'echo "ICD manifests: $(ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d 2>/dev/null | xargs) VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-unset}"',
  'echo "libGLX_nvidia known to ldconfig: $(ldconfig -p 2>/dev/null | grep -c libGLX_nvidia)"',
  'exec node "$here/gpu-check.mjs" --dawn "$here/dawn.node" --wasm-dir "$here/" "$@"',
  '',
].join('\n');
await writeFile(join(out, 'run.sh'), runSh, { mode: 0o755 });
console.log(
  `packed ${out}: dawn.node ${dawn ? `from ${dawn}` : 'MISSING (pass --dawn PATH)'}, ` +
    `libvulkan.so.1 ${loader ? `from ${loader}` : 'not packed (the GPU machine must have one)'}\n` +
    `run: bash ${out}/run.sh --out gpu.json`,
);
