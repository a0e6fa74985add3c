/**
 * The one-file build of the lab's CLI, which is what `npm run lab` runs (scripts/lab.mjs): esbuild bundles
 * src/cli/main.ts, and the evaluation-thread entry that worker_threads starts from a file of its own
 * (src/cli/eval-thread.ts, found next to main.js by src/cli/eval-threads.ts), into dist-cli/. npm packages
 * stay outside the bundle and load from node_modules as before (tfjs's wasm backend finds its .wasm files
 * beside its own module). Loading one file instead of a few hundred TypeScript modules through tsx is
 * most of the CLI's start-up (docs/PERFORMANCE.md "Start-up"). Modules only some commands need (GD's
 * gradients, which load all of `@tensorflow/tfjs`) stay in chunks of their own, loaded when used.
 *
 * A build is redone whenever one of the files it was built from (listed in its manifest) changed after
 * it, so `npm run lab -- …` always runs the current code; checking costs one stat per source file.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The CLI's build: its folder and its entries (output name → source file), relative to the checkout. */
export const CLI_BUILD = {
  outDir: 'dist-cli',
  entries: { main: 'src/cli/main.ts', 'eval-thread': 'src/cli/eval-thread.ts' },
};

const MANIFEST = 'build-manifest.json';
const THIS_FILE = relative(REPO_ROOT, fileURLToPath(import.meta.url));

/**
 * The packages that Node loads as CommonJS (tfjs's node builds, yaml) are loaded with `require` when an
 * `import` statement names them: importing a CommonJS module makes Node's ESM loader first scan its whole
 * source for its export names (about 0.2 s of the CLI's start-up here, most of it tfjs-core's 1.2 MB
 * file). The other packages are ES modules and stay imports, as does every `import()`. A CommonJS package
 * missing from this list still works, only without the saving.
 */
const COMMONJS_PACKAGES = /^(@tensorflow\/[^/]+|yaml)$/;
const commonJsViaRequire = {
  name: 'commonjs-via-require',
  setup(b) {
    b.onResolve({ filter: COMMONJS_PACKAGES }, (args) =>
      args.kind === 'import-statement'
        ? { path: args.path, namespace: 'commonjs-via-require' }
        : { path: args.path, external: true },
    );
    b.onLoad({ filter: /.*/, namespace: 'commonjs-via-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Whether the build in `outDir` is missing, was made for other entries, or is older than a source of it. */
export function isStale({ outDir, entries }) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(REPO_ROOT, outDir, MANIFEST), 'utf8'));
  } catch {
    return true;
  }
  if (JSON.stringify(manifest.entries) !== JSON.stringify(entries)) return true;
  if (!Array.isArray(manifest.inputs) || !Array.isArray(manifest.outputs)) return true; // an older build's manifest
  if (manifest.outputs.some((name) => !existsSync(join(REPO_ROOT, outDir, name)))) return true;
  return [...manifest.inputs, THIS_FILE].some((path) => {
    try {
      return statSync(join(REPO_ROOT, path)).mtimeMs >= manifest.startedAt;
    } catch {
      return true; // a source was moved or deleted
    }
  });
}

/**
 * Builds `entries` into `outDir`. Every file is written under a temporary name and renamed, the manifest
 * last, so a process starting meanwhile (or a second build running at the same time) never loads half a
 * file. The manifest keeps the time the build started: a source saved during the build makes it stale.
 * Files of earlier builds are left in place (a CLI started from one may still load its chunks later, e.g.
 * GD's); `dist-cli/` can be deleted whenever no CLI runs.
 */
export async function buildCli({ outDir, entries }) {
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: Object.fromEntries(Object.entries(entries)),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    splitting: true,
    plugins: [commonJsViaRequire],
    // The `require` that esbuild's output calls for those packages (an ES module has none of its own).
    banner: {
      js: "import { createRequire as labCreateRequire } from 'node:module';\nconst require = labCreateRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const dir = join(REPO_ROOT, outDir);
  mkdirSync(dir, { recursive: true });
  const put = (path, contents) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  };
  for (const file of result.outputFiles) put(file.path, file.contents);
  // The checkout's own files (packages, and the stand-ins for them above, named "namespace:path", left out).
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/') && !p.includes(':'));
  const outputs = result.outputFiles.map((f) => relative(dir, f.path));
  put(join(dir, MANIFEST), JSON.stringify({ entries, startedAt, inputs, outputs }, null, 1) + '\n');
}

/** Builds `spec` (default: the CLI) when it is stale; returns the folder's absolute path. */
export async function ensureBuilt(spec = CLI_BUILD) {
  if (isStale(spec)) await buildCli(spec);
  return join(REPO_ROOT, spec.outDir);
}

// `node scripts/cli-build.mjs`: build the CLI now, whether or not it is stale.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli(CLI_BUILD);
