/**
 * End-to-end helpers (issue 5 "End-to-end with playwright-core and the system Chromium"): build the app
 * once with Vite into a temp dir, serve it with `vite preview` on a free port, and launch the system
 * Chromium (never a downloaded one; PLATFORM.md) through playwright-core.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test/e2e/screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VITE_BIN = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');

/** Args that work as root in CI (PLATFORM.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-webgpu', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A free TCP port on localhost. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

export interface PreviewServer { readonly url: string; readonly outDir: string; stop(): void }

/** `vite build` into a fresh temp dir (no typecheck: that is `npm run typecheck`'s job). */
export function buildApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'es-lab-e2e-'));
  execFileSync(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT, stdio: 'inherit',
  });
  return outDir;
}

/** Starts `vite preview` over `outDir` and resolves once it answers HTTP. */
export async function startPreview(outDir: string): Promise<PreviewServer> {
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, [VITE_BIN, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout?.on('data', (d) => { log += String(d); });
  proc.stderr?.on('data', (d) => { log += String(d); });
  const url = `http://127.0.0.1:${port}/`;
  const t0 = Date.now();
  for (;;) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    if (proc.exitCode !== null || Date.now() - t0 > 30_000) {
      proc.kill();
      throw new Error(`vite preview did not start on ${url}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url, outDir,
    stop: () => { proc.kill(); rmSync(outDir, { recursive: true, force: true }); },
  };
}

/** Launches the system Chromium; fails with the install command if it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
