/**
 * The sweep on a real Slurm: test/helpers/local-slurm.sh starts a single-node cluster on this machine
 * (munged, slurmctld, slurmd with a generated slurm.conf and munge key, all under a temporary folder),
 * `lab sweep slurm --submit` submits the tiny CartPole sweep as a job array plus its afterok collect job,
 * and the collected summary must equal the one `lab sweep run` + `collect` give on this machine for the
 * same file. The daemons are stopped by PID at the end.
 *
 * Skipped, with the reason printed, only where Slurm cannot run: the slurm-wlm / munge packages are not
 * installed (.ci/run installs them), or the test does not run as root (slurmd must).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';

const HELPER = join(import.meta.dirname, '..', '..', 'helpers', 'local-slurm.sh');
/** Bound on waiting for the jobs: the whole sweep takes ~10–40 s on a loaded 2-core machine. */
const WAIT_MS = 180_000;

const missing = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo'].filter(
  (b) => spawnSync('sh', ['-c', `command -v ${b}`]).status !== 0,
);
const skipReason = missing.length
  ? `Slurm is not installed here (missing ${missing.join(', ')}; .ci/run installs it with apt-get install -y slurm-wlm munge)`
  : process.getuid?.() !== 0
    ? 'a local Slurm needs root (slurmd starts jobs as their user)'
    : null;
if (skipReason) console.warn(`skipping the real-Slurm sweep test: ${skipReason}`);

let tmp = '',
  cluster = '',
  slurmConf = '';

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipReason !== null)('lab sweep on a single-node Slurm', () => {
  beforeAll(async () => {
    // Under /tmp with an open mode: munged (the munge user) must reach its socket folder inside.
    tmp = await mkdtemp('/tmp/lab-slurm-');
    await chmod(tmp, 0o755);
    cluster = join(tmp, 'cluster');
    const started = sh('bash', [HELPER, 'start', cluster]);
    if (started.status !== 0) throw new Error(`the local Slurm did not start:\n${started.stderr}${started.stdout}`);
    slurmConf = /SLURM_CONF=(.+)/.exec(started.stdout)![1].trim();
  });

  afterAll(async () => {
    if (cluster) sh('bash', [HELPER, 'stop', cluster]);
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it(
    'the job array and its collect job give the same summary as lab sweep run on this machine',
    async () => {
      const file = await writeTinySweep(tmp);
      const local = join(tmp, 'local'),
        remote = join(tmp, 'remote');
      expect((await runCli(['sweep', 'run', file, '--out', local, '--quiet'])).code).toBe(0);
      expect((await runCli(['sweep', 'collect', local])).code).toBe(0);

      const env = { ...process.env, SLURM_CONF: slurmConf };
      const saved = process.env.SLURM_CONF;
      process.env.SLURM_CONF = slurmConf; // sbatch (run by --submit) finds the test cluster
      let submitted;
      try {
        submitted = await runCli(['sweep', 'slurm', file, '--out', remote, '--time', '5', '--submit']);
      } finally {
        if (saved === undefined) delete process.env.SLURM_CONF;
        else process.env.SLURM_CONF = saved;
      }
      expect(submitted.code, submitted.stderr).toBe(0);
      expect(submitted.stdout).toMatch(/submitted job array \d+ \(4 runs\) and collect job \d+/);

      const t0 = Date.now();
      for (;;) {
        const q = sh('squeue', ['-h', '-o', '%i %T'], env);
        expect(q.status, q.stderr).toBe(0);
        if (!q.stdout.trim()) break;
        if (Date.now() - t0 > WAIT_MS) throw new Error(`jobs still queued after ${WAIT_MS / 1000} s:\n${q.stdout}`);
        await sleep(1000);
      }
      const logs = join(remote, 'slurm', (await readdir(join(remote, 'slurm')))[0], 'logs');
      const logText = async () =>
        (
          await Promise.all(
            (await readdir(logs)).map(async (f) => `--- ${f}\n${await readFile(join(logs, f), 'utf8')}`),
          )
        ).join('\n');
      const summary = await readFile(join(remote, 'summary.csv'), 'utf8').catch(async () => {
        throw new Error(`the collect job wrote no summary; job logs:\n${await logText()}`);
      });
      expect(summary).toBe(await readFile(join(local, 'summary.csv'), 'utf8'));
      // Every array task ran exactly its one run.
      for (const f of (await readdir(logs)).filter((n) => n.startsWith('run-')))
        expect(await readFile(join(logs, f), 'utf8')).toMatch(/1 run: 1 ran now, 0 already complete/);
    },
    WAIT_MS + 60_000,
  );
});
