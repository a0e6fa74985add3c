/**
 * The child processes of `lab sweep run --jobs N` (run-command.ts): up to N at once, each one
 * `lab sweep run FILE --out DIR --index I` for one run, so each run has its own process, lock and
 * Ctrl-C handling (interrupt.ts). After a signal no further process starts; those running stop at their
 * next generation: Ctrl-C reaches the whole process group, and a signal sent to this process alone
 * (`kill PID`) is passed on to them over their IPC channel (interrupt.ts stopMessage). The parent shares
 * the machine's evaluation threads out between them (`workersPerRun`) and prints the one summary line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { threadsPerLane } from '../../core/experiments/parallel/threads';
import { InterruptedError, PARENT_STOPS_ENV, stopMessage, type Interruption } from '../interrupt';
import { labInvocation } from './lab-invocation';

/**
 * Set in a run process this module starts: the parent prints the sweep's summary line on stdout, so a run
 * process prints none of its own (a script reading stdout sees one summary).
 */
export const SWEEP_CHILD_ENV = 'LAB_SWEEP_CHILD';

/**
 * Evaluation threads (`--workers`) for each of `runsAtOnce` run processes sharing a budget of `budget`
 * threads (lab imp's default W, cores − 1): ⌊budget / runsAtOnce⌋, at least 1, so the processes together
 * do not oversubscribe the cores. Results are the same for any W; only the speed depends on it.
 */
export function workersPerRun(budget: number, runsAtOnce: number): number {
  return threadsPerLane(budget, runsAtOnce);
}

/** The exit codes of a process stopped by Ctrl-C / SIGTERM at a safe point (interrupt.ts). */
const INTERRUPTED_CODES = new Set([130, 143]);

/** The safe point as a value: the InterruptedError a signal caused, or null (other errors still throw). */
function signalled(interruption: Interruption): Promise<InterruptedError | null> {
  return interruption.checkpoint().then(
    () => null,
    (e: unknown) => {
      if (e instanceof InterruptedError) return e;
      throw e;
    },
  );
}

/**
 * Runs `indices` in up to `jobs` child processes (`lab sweep run FILE --out DIR --index I`); after a
 * signal (`interruption`) it starts no further one and waits for those running. `done` counts each run
 * that finished.
 */
export async function runInChildren(
  indices: readonly number[],
  jobs: number,
  args: readonly string[],
  interruption: Interruption,
  done: () => void,
): Promise<{ failed: string[]; stopped: InterruptedError | null }> {
  const failed: string[] = [];
  const byTheSignal: string[] = [];
  const queue = [...indices];
  const [node, ...pre] = labInvocation();
  let stopped: InterruptedError | null = null;
  const live = new Set<ChildProcess>();
  // A child that has just exited cannot take the message: send's callback gets that error, not a throw.
  const passOn = (signal: 'SIGINT' | 'SIGTERM') => {
    for (const c of live) if (c.connected) c.send(stopMessage(signal), () => undefined);
  };
  const onSigint = () => passOn('SIGINT');
  const onSigterm = () => passOn('SIGTERM');
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined && !stopped; i = queue.shift()) {
      const index = i;
      const signal = await signalled(interruption);
      if (signal) {
        stopped ??= signal; // another worker may have noted it first
        return;
      }
      const code = await new Promise<number>((resolve) => {
        const child = spawn(node, [...pre, 'sweep', 'run', ...args, '--index', String(index)], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          env: { ...process.env, [PARENT_STOPS_ENV]: '1', [SWEEP_CHILD_ENV]: '1' },
        });
        live.add(child);
        child.on('error', () => resolve(1));
        child.on('exit', (c) => {
          live.delete(child);
          resolve(c ?? 1);
        });
      });
      if (code === 0) done();
      else if (INTERRUPTED_CODES.has(code)) byTheSignal.push(`run ${index}: its process was stopped by a signal`);
      else failed.push(`run ${index}: its process exited with code ${code}`);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, indices.length) }, worker));
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
  // A run stopped by the signal this process got too (Ctrl-C) is part of the interruption, not a failure.
  stopped ??= await signalled(interruption); // the workers are done: nothing else writes `stopped` now
  return { failed: stopped ? failed : [...failed, ...byTheSignal], stopped };
}
