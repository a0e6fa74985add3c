/**
 * End-to-end helpers (playwright-core and the system Chromium, nothing downloaded): build the app
 * once with Vite into a temp dir, serve it with `vite preview` on a free port, and launch the system
 * Chromium (never a downloaded one; docs/ARCHITECTURE.md "Platform notes") through playwright-core.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/**
 * Where the e2e tests and screenshot scripts save their pictures: an ignored folder, so a test run leaves
 * the tracked tree unchanged. `SCREENSHOT_DIR=docs/img` points a screenshot script at the docs' images.
 */
export const SCREENSHOT_DIR = resolve(REPO_ROOT, process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VITE_BIN = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');

/** Args that work as root in CI (docs/ARCHITECTURE.md "Platform notes"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-webgpu',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
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

export interface PreviewServer {
  readonly url: string;
  readonly outDir: string;
  stop(): void;
}

/** `vite build` into a fresh temp dir (no typecheck: that is `npm run typecheck`'s job). */
export function buildApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'es-lab-e2e-'));
  execFileSync(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  return outDir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether process `pid` exists (signal 0 checks without signalling; EPERM means it exists). */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build shared by every e2e file of a vitest run (files run in separate forked workers whose parent
 * is the vitest process): the first file to take the lock builds, the others wait for its marker. The
 * directory lives in tmp, keyed by the vitest process id; stale ones are harmless.
 */
export async function sharedBuild(): Promise<string> {
  const dir = join(tmpdir(), `es-lab-e2e-shared-${process.ppid}`);
  const done = join(dir, '.built');
  try {
    mkdirSync(dir); // atomic: exactly one file wins
  } catch {
    const t0 = Date.now();
    while (!existsSync(done)) {
      if (Date.now() - t0 > 240_000) throw new Error(`waited 4 min for the shared e2e build in ${dir}`);
      await sleep(500);
    }
    return join(dir, 'dist');
  }
  // builds of earlier vitest runs; never one whose vitest process still runs (a concurrent run serves it)
  for (const old of readdirSync(tmpdir()).filter(
    (n) => n.startsWith('es-lab-e2e-shared-') && join(tmpdir(), n) !== dir,
  )) {
    if (!processAlive(Number(old.slice('es-lab-e2e-shared-'.length))))
      rmSync(join(tmpdir(), old), { recursive: true, force: true });
  }
  const built = buildApp();
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  execFileSync('cp', ['-r', built, join(dir, 'dist')]);
  rmSync(built, { recursive: true, force: true });
  writeFileSync(done, '');
  return join(dir, 'dist');
}

/**
 * Serialises the browser parts of the e2e files (each file holds the lock from beforeAll to afterAll):
 * two Chromiums each running a tfjs worker on 2 cores made timings — and timeouts — unpredictable.
 */
export async function acquireE2eLock(): Promise<() => void> {
  const lock = join(tmpdir(), `es-lab-e2e-lock-${process.ppid}`);
  const t0 = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - t0 > 280_000) throw new Error(`waited too long for the e2e lock ${lock}`);
      await sleep(500);
    }
  }
  return () => rmSync(lock, { recursive: true, force: true });
}

/** Starts `vite …args` on a free port and resolves once it answers HTTP. */
async function startVite(args: string[], what: string, timeoutMs: number): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const proc: ChildProcess = spawn(
    process.execPath,
    [VITE_BIN, ...args, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  proc.stdout?.on('data', (d) => {
    log += String(d);
  });
  proc.stderr?.on('data', (d) => {
    log += String(d);
  });
  const url = `http://127.0.0.1:${port}/`;
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null || Date.now() - t0 > timeoutMs) {
      proc.kill();
      throw new Error(`${what} did not start on ${url}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () => {
      proc.kill();
    },
  };
}

/** Starts `vite preview` over `outDir` and resolves once it answers HTTP. */
export async function startPreview(outDir: string): Promise<PreviewServer> {
  return { ...(await startVite(['preview', '--outDir', outDir], 'vite preview', 30_000)), outDir };
}

/**
 * Starts the Vite dev server over the repository (any module, e.g. bench/, can be imported in a page
 * with `import('/path.ts')`) and resolves once it answers HTTP.
 */
export function startViteDev(): Promise<{ url: string; stop(): void }> {
  return startVite([], 'the vite dev server', 60_000);
}

/** Launches the system Chromium; fails with the install command if it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** One e2e file's browser + preview server over the shared build, holding the e2e lock while open. */
/** Runs `body` with a page opened on a fresh Vite dev server in the system Chromium; closes both afterwards. */
export async function withDevServerPage<T>(timeoutMs: number, body: (page: Page) => Promise<T>): Promise<T> {
  const vite = await startViteDev();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.goto(vite.url);
    return await body(page);
  } finally {
    await browser.close();
    vite.stop();
  }
}

/**
 * Loads `modulePath` (served by the Vite dev server at `page`'s origin) in the page and returns what its
 * `runInPage()` resolves to. The dev server reloads the page once when it first meets a dependency it has
 * not optimised yet: then the import runs again on the reloaded page.
 */
export async function runModuleInPage<T>(page: Page, modulePath: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      // A string, not a function: tsx's keepNames helper (__name) does not exist in the page.
      return (await page.evaluate(`import('${modulePath}').then((m) => m.runInPage())`)) as T;
    } catch (e) {
      if (attempt >= 2 || !/context was destroyed|navigation/i.test(String(e))) throw e;
      await page.waitForLoadState('load');
    }
  }
}

export interface E2eSession {
  readonly server: PreviewServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function openE2eSession(): Promise<E2eSession> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dist = await sharedBuild();
  const release = await acquireE2eLock();
  const server = await startPreview(dist);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      server.stop();
      release();
    },
  };
}

/**
 * A new page that records main-thread long tasks into `window.__longTasks` (PerformanceObserver) and
 * collects crashes, page errors and console errors into `errors`.
 */
export async function instrumentedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  timeoutMs: number,
  errors: string[],
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(timeoutMs);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  page.on('crash', () => errors.push('renderer crashed'));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return page;
}
