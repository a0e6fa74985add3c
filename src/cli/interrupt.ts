/**
 * Ctrl-C (SIGINT) and SIGTERM while a command writes a run folder (`lab imp`, `lab gd`, `lab transfer`: the
 * run writer, run-writer.ts, watches for them while it holds the folder's lock; `lab sweep run` watches
 * for the whole sweep, sweep/run-command.ts).
 *
 * The first signal is only noted; the run stops at its next safe point, the trainers' gate between two
 * generations (or GD steps), after every write so far has landed. The folder then holds exactly its
 * finished rounds, the writer releases the lock on the way out, and the command prints one line saying
 * how far the run got and exits with 130 (SIGINT) or 143 (SIGTERM), the codes a shell reports for those
 * signals. A watch opened after a signal that another watch noted (the run writer of a sweep's run whose
 * data was still loading) starts out stopped, so that run stops at its first gate. A second signal
 * stops the process at once, for a generation that takes too long: the lock file is removed first, and
 * the rest of the folder is consistent at any moment anyway, since every file is written whole
 * (fs-safe.ts) and a rerun drops what an unfinished round left behind.
 *
 * The run processes of `lab sweep run --jobs` (sweep/run-children.ts) also take a stop from their parent
 * process, passed on over the IPC channel when the parent alone got the signal (`kill PID`, a process
 * manager). It counts as a first signal only: with Ctrl-C a run process gets the signal from the terminal
 * and the parent's message as well, and the two together must not make "stop at once".
 */
import { rmSync } from 'node:fs';
import { CliError } from './args';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODES;

/** Thrown at a safe point after a signal; main.ts prints its message as is (it is not an error). */
export class InterruptedError extends CliError {
  constructor(
    message: string,
    readonly signal: Signal,
  ) {
    super(message, EXIT_CODES[signal]);
    this.name = 'InterruptedError';
  }
}

/** What the run writer needs: stop at a safe point, and stop watching when the folder is released. */
export interface Interruption {
  /**
   * The safe point: one macrotask turn, so that a signal that came in is handled (training otherwise
   * awaits only microtasks, and a signal's handler waits for the event loop), then InterruptedError if
   * one did.
   */
  checkpoint(): Promise<void>;
  stop(): void;
}

interface Watch {
  signal: Signal | null;
  /** The lock file to remove on a second signal (null: none held now). */
  readonly lockPath: () => string | null;
  /** How far the run got, e.g. "2 of 6 rounds". */
  readonly progress: () => string;
}

const watches = new Set<Watch>();
const again = 'run the same command again to continue';
/** Signals this process itself got while watched; the second stops at once. */
let received = 0;
/** The stop a parent `lab sweep run --jobs` passed on (null: none): new watches start stopped. */
let fromParent: Signal | null = null;

function onSignal(signal: Signal): void {
  received++;
  if (received > 1) {
    // The second signal: the user does not want to wait for the safe point.
    for (const w of watches) {
      const lock = w.lockPath();
      if (lock) rmSync(lock, { force: true });
    }
    const got = [...new Set([...watches].map((w) => w.progress()))].join(', ');
    process.stderr.write(`\ninterrupted again: stopped at once after ${got} (finished rounds are kept); ${again}\n`);
    process.exit(EXIT_CODES[signal]);
  }
  for (const w of watches) w.signal ??= signal;
}

/** The message a parent process sends its run processes to pass a signal on (run-children.ts). */
export function stopMessage(signal: Signal): { labStop: Signal } {
  return { labStop: signal };
}

/** Set in the environment of the run processes `lab sweep run --jobs` starts: they listen for stopMessage. */
export const PARENT_STOPS_ENV = 'LAB_PARENT_STOPS';

let listening = false;
/**
 * In a run process of `lab sweep run --jobs` (PARENT_STOPS_ENV set, an IPC channel open): takes the
 * parent's stopMessage as a first signal. The channel does not keep the process alive.
 */
export function listenForParentStop(): void {
  if (listening || process.env[PARENT_STOPS_ENV] !== '1' || !process.send) return;
  listening = true;
  process.on('message', (m: unknown) => {
    const signal = (m as { labStop?: unknown } | null)?.labStop;
    if (signal !== 'SIGINT' && signal !== 'SIGTERM') return;
    fromParent ??= signal;
    for (const w of watches) w.signal ??= signal;
  });
  process.channel?.unref();
}

const onSigint = () => onSignal('SIGINT');
const onSigterm = () => onSignal('SIGTERM');

/**
 * Watches for SIGINT / SIGTERM until `stop()`: the process-wide handlers are installed while at least one
 * watch is open and removed after the last, so that outside a run the signals keep their usual effect.
 * `lockPath`: the lock the process holds, or a function giving the one it holds now (a sweep's, which
 * changes from run to run).
 */
export function watchInterrupts(lockPath: string | (() => string | null), progress: () => string): Interruption {
  const pending = [...watches].find((w) => w.signal !== null)?.signal ?? fromParent;
  const watch: Watch = {
    signal: pending,
    lockPath: typeof lockPath === 'string' ? () => lockPath : lockPath,
    progress,
  };
  if (watches.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  watches.add(watch);
  return {
    async checkpoint() {
      await new Promise((resolve) => setImmediate(resolve));
      if (watch.signal) throw new InterruptedError(`interrupted after ${watch.progress()}; ${again}`, watch.signal);
    },
    stop() {
      if (!watches.delete(watch) || watches.size > 0) return;
      received = 0;
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}
