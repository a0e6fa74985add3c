/**
 * What an output folder holds, before a command writes to it (docs/RELIABILITY.md "run folders"):
 *
 *   runFolderStatus(dir, identity) → 'absent'   no folder, or an empty one: a new run may start there;
 *                                    'partial'  this very run (same run id, same backend), some rounds
 *                                               finished: a rerun continues after the last of them;
 *                                    'complete' this run, every round finished: nothing to do;
 *                                    'foreign'  anything else (another run, a damaged folder, files that
 *                                               are not a run): never written to; `message` says why and
 *                                               how to choose another folder.
 *
 * Other commands (sweeps, scripts) ask the same question through `impRunStatus(dir, config)`: "is this
 * folder a complete run of config X, and how many of its rounds are done?". config.json must hold a valid
 * config; generations.csv is read whole by the one CSV reader, as `lab bundle` reads it (a row cut short
 * there is damage: it held a finished round's numbers); rounds.csv likewise, except that a last row cut
 * short only makes its round unfinished (the rerun trains it again, to the same numbers). With the network
 * in the identity (impIdentity has it) every finished round's files are read and checked too, and with its
 * schedule the rows are checked the way `lab bundle` checks them. Nothing here writes files;
 * `outputFolderStatus` is the question every training command asks before it starts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExperimentConfig } from '../core/runs/config';
import { runId } from '../core/runs/hash';
import { networkOf } from '../core/runs/network-shape';
import { CsvError, toCsv } from '../core/runs/csv-format';
import {
  GEN_COLUMNS,
  ROUND_COLUMNS,
  parseGenerationsCsv,
  parseRoundsCsv,
  roundKey,
  type CheckedCsv,
  type GenRow,
  type RoundRow,
} from '../core/runs/csv';
import { CONFIG_FILE, GENERATIONS_FILE, ROUNDS_FILE, RunFolder, roundFiles, theta0File } from './run-folder';
import { CliError } from './args';
import type { PopulationNet } from '../core/nets/types';
import { isLockFile } from './fs-safe';
import { roundRowsProblem } from './folder-records';
import { differences, recordedSettings } from './run-settings';

/** One (seed, method, round) a run trains. */
export interface RoundKey {
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
}

/** What makes a folder "this run": its id, the backend its numbers came from, and the rounds it holds when done. */
export interface RunIdentity {
  readonly runId: string;
  readonly backend: string;
  /** Every round of the finished run. */
  readonly expected: readonly RoundKey[];
  /** Parameters of the network (checks the sizes of the round files); omit to skip that check. */
  readonly paramCount?: number;
  /**
   * The network: with it, every finished round's files are read and checked against it and against
   * rounds.csv (the checks of RunFolder.loadRound), so a damaged folder is never reported as this run.
   */
  readonly net?: PopulationNet;
  /**
   * Rounds that follow a pruning schedule, chain by chain (ES-IMP, GD-IMP): each round listed with the
   * round before it and the schedule's sparsity for `pruneFrac` (folder-records.ts roundRowsProblem).
   */
  readonly schedule?: { readonly pruneFrac: number };
  /**
   * The run's settings as config.json records them: its config, and the other fields its run id hashes
   * (a GD run's `gd`, a transfer's `kind` and `transfer`); with them, a folder of another run is refused
   * naming the fields that differ.
   */
  readonly settings?: { readonly config: unknown; readonly extra?: Readonly<Record<string, unknown>> };
}

export type RunFolderStatus =
  | { readonly state: 'absent'; readonly dir: string }
  | { readonly state: 'foreign'; readonly dir: string; readonly message: string }
  | {
      readonly state: 'partial' | 'complete';
      readonly dir: string;
      /** The finished rounds, in rounds.csv order. */
      readonly rounds: readonly RoundRow[];
      /** rounds.csv and generations.csv as they are to be continued: the rows of finished rounds only. */
      readonly roundsText: string;
      readonly generationsText: string;
      readonly done: number;
      readonly total: number;
      /** config.json as stored (run id, command, backend, config, …). */
      readonly meta: Readonly<Record<string, unknown>>;
    };

/** The status of a folder a command may write to (anything but 'foreign'). */
export type UsableFolderStatus = Exclude<RunFolderStatus, { readonly state: 'foreign' }>;

/** How a command names its run and what it counts, in messages: a run of rounds, a transfer of trainings. */
export interface RunNoun {
  readonly run: string;
  readonly units: string;
}

/**
 * The status of `dir` for a training command about to write run `identity` there: a foreign folder is
 * refused (CliError, nothing in it touched); a complete one is reported on stderr ("… nothing to do"),
 * and the command stops there; absent or partial, it starts or continues.
 */
export async function outputFolderStatus(
  dir: string,
  identity: RunIdentity,
  noun: RunNoun = { run: 'run', units: 'rounds' },
): Promise<UsableFolderStatus> {
  const status = await runFolderStatus(dir, identity);
  if (status.state === 'foreign') throw new CliError(status.message);
  if (status.state === 'complete')
    process.stderr.write(
      `${dir} already holds this finished ${noun.run} (${status.total} ${noun.units}); nothing to do\n`,
    );
  return status;
}

/** The rounds a usable folder already holds (none when it is absent). */
export function finishedRoundsOf(status: UsableFolderStatus): readonly RoundRow[] {
  return status.state === 'absent' ? [] : status.rounds;
}

/** The rounds ES-IMP (and GD-IMP, with its method ids) trains for `config`: every seed × chain × round. */
export function impRounds(config: ExperimentConfig, methodIds: readonly string[] = config.prune.methods): RoundKey[] {
  return config.seeds.flatMap((seed) =>
    methodIds.flatMap((method) =>
      Array.from({ length: config.prune.rounds }, (_, i) => ({ seed, method, roundNum: i + 1 })),
    ),
  );
}

/** The identity of `lab imp` with this config on this backend. */
export function impIdentity(config: ExperimentConfig, backend = 'wasm'): RunIdentity {
  const net = networkOf(config);
  return {
    runId: runId(config),
    backend,
    expected: impRounds(config),
    paramCount: net.paramCount,
    net,
    schedule: { pruneFrac: config.prune.pruneFrac },
    settings: { config },
  };
}

/** Status of `dir` as the output folder of `lab imp` with `config` (see the module comment). */
export function impRunStatus(dir: string, config: ExperimentConfig, backend = 'wasm'): Promise<RunFolderStatus> {
  return runFolderStatus(dir, impIdentity(config, backend));
}

const other = (dir: string) =>
  `choose another folder with --out DIR (or move ${dir} away to start over: nothing in it was changed)`;

/** The message that refuses an output folder: why, then what to do (`lab sweep run` says it too). */
export const folderRefusal = (dir: string, why: string): string => `${why}; ${other(dir)}`;

/**
 * What an existing output folder holds, its lock file aside: [] when it does not exist or is empty, or
 * the refusal of a file or an unreadable folder. The first question of every command that writes one.
 */
export async function folderEntries(dir: string): Promise<string[] | { readonly refused: string }> {
  try {
    if (!(await stat(dir)).isDirectory()) return { refused: folderRefusal(dir, `${dir} is a file, not a folder`) };
    return (await readdir(dir)).filter((e) => !isLockFile(e));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return { refused: folderRefusal(dir, `${dir} cannot be read (${(e as Error).message})`) };
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/** What `dir` holds with respect to the run `identity` (reads only; see the module comment). */
export async function runFolderStatus(dir: string, identity: RunIdentity): Promise<RunFolderStatus> {
  const foreign = (why: string): RunFolderStatus => ({ state: 'foreign', dir, message: folderRefusal(dir, why) });
  const entries = await folderEntries(dir);
  if ('refused' in entries) return { state: 'foreign', dir, message: entries.refused };
  if (entries.length === 0) return { state: 'absent', dir };
  if (!entries.includes(CONFIG_FILE)) return foreign(`${dir} already holds files and is not a run folder of this lab`);

  let meta: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, CONFIG_FILE), 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    meta = parsed as Record<string, unknown>;
  } catch (e) {
    return foreign(`${join(dir, CONFIG_FILE)} cannot be read (${(e as Error).message})`);
  }
  const recorded = recordedSettings(meta);
  if (typeof recorded === 'string') return foreign(`${dir} is damaged: ${CONFIG_FILE} ${recorded}`);
  if (meta.runId !== identity.runId) {
    const made = typeof meta.command === 'string' ? `, made by "${meta.command.slice(0, 200)}"` : '';
    const differs = identity.settings ? differences(recorded, identity.settings) : '';
    return foreign(
      `${dir} holds a different run (run id ${String(meta.runId).slice(0, 40)}${made}${differs ? `; it differs in ${differs}` : ''})`,
    );
  }
  const backend = typeof meta.backend === 'string' ? meta.backend : 'wasm';
  if (backend !== identity.backend)
    return foreign(
      `${dir} holds this run computed on the ${backend} backend; add --backend ${backend} to continue it there`,
    );

  let rounds: CheckedCsv<RoundRow>, generations: CheckedCsv<GenRow>;
  try {
    // Missing CSVs are those of a new folder whose process died before writing them (config.json comes
    // first). A last rounds.csv row without its line break is a round not counted as finished; the
    // continued run records it again. generations.csv gets no such leniency: rows cut from it belong to
    // finished rounds, which would be declared complete without them (lab bundle refuses such a folder).
    const rText = await readFile(join(dir, ROUNDS_FILE), 'utf8').catch(() => ROUND_COLUMNS.join(',') + '\n');
    rounds = parseRoundsCsv(rText, join(dir, ROUNDS_FILE), { dropUnterminated: true });
    const gText = await readFile(join(dir, GENERATIONS_FILE), 'utf8').catch(() => GEN_COLUMNS.join(',') + '\n');
    generations = parseGenerationsCsv(gText, join(dir, GENERATIONS_FILE));
  } catch (e) {
    if (e instanceof CsvError) return foreign(`${dir} is damaged (${e.message})`);
    throw e;
  }
  const rowsProblem = identity.schedule
    ? roundRowsProblem(rounds.rows, join(dir, ROUNDS_FILE), identity.schedule.pruneFrac)
    : null;
  if (rowsProblem) return foreign(`${dir} is damaged (${rowsProblem})`);

  const expected = new Set(identity.expected.map((k) => roundKey(k.seed, k.method, k.roundNum)));
  for (const r of rounds.rows) {
    if (!expected.has(roundKey(r.seed, r.method, r.round)))
      return foreign(
        `${join(dir, ROUNDS_FILE)} line ${r.line} lists seed ${r.seed} ${r.method} round ${r.round}, which this run does not train: the folder is damaged`,
      );
    const files = roundFiles(r.seed, r.method, r.round);
    const D = identity.paramCount;
    for (const [rel, bytesPer] of [
      [files.mask, 1],
      [files.mean, 4],
      [files.std, 4],
    ] as const) {
      const size = await fileSize(join(dir, rel));
      if (size === undefined) return foreign(`${dir} is damaged: ${rel} of a finished round is missing`);
      if (D !== undefined && size !== D * bytesPer)
        return foreign(`${dir} is damaged: ${rel} has ${size} bytes, the network needs ${D * bytesPer}`);
    }
  }
  if (identity.net) {
    const folder = new RunFolder(dir);
    try {
      for (const r of rounds.rows)
        await folder.loadRound(r.seed, r.method, r.round, identity.net, {
          // The mask's sparsity is checked against rounds.csv's, itself checked against the schedule above.
          ...(identity.schedule ? { sparsityFrac: r.sparsity } : {}),
          prunableActive: r.prunable_active,
          layerSparsity: r.layer_sparsity,
        });
      for (const seed of new Set(rounds.rows.map((r) => r.seed))) await folder.loadTheta0(seed, identity.net);
    } catch (e) {
      if (e instanceof CliError) return foreign(`${dir} is damaged (${e.message})`);
      throw e;
    }
  }
  const done = new Set(rounds.rows.map((r) => roundKey(r.seed, r.method, r.round)));
  // θ0 is written when a seed starts; a folder without it is continued (which writes it), not complete.
  let theta0s = true;
  for (const seed of new Set(identity.expected.map((k) => k.seed))) {
    const size = await fileSize(join(dir, theta0File(seed)));
    if (size === undefined) theta0s = false;
    else if (identity.paramCount !== undefined && size !== identity.paramCount * 4)
      return foreign(
        `${dir} is damaged: ${theta0File(seed)} has ${size} bytes, the network needs ${identity.paramCount * 4}`,
      );
  }
  const kept = generations.rows.filter((g) => done.has(roundKey(g.seed, g.method, g.round)));
  return {
    state: done.size === expected.size && theta0s ? 'complete' : 'partial',
    dir,
    rounds: rounds.rows,
    roundsText: toCsv(
      rounds.header,
      rounds.rows.map((r) => r.cells),
    ),
    generationsText: toCsv(
      generations.header,
      kept.map((g) => g.cells),
    ),
    done: done.size,
    total: expected.size,
    meta,
  };
}
