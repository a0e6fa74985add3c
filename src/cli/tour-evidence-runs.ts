/**
 * The parts of `lab tour-evidence` that read run folders and run bundles rather than analysis tables:
 * how a run was trained (config.json: an ES run, or a `lab gd` run with its epochs per round), its round
 * results (rounds.csv) and its untrained result (generations.csv, first evaluation of round 1), or the
 * same from a precomputed run bundle. Every file goes through the project's one checked reader.
 */
import { readFile } from 'node:fs/promises';
import { importBundle } from '../core/runs/bundle';
import type { ExperimentConfig } from '../core/runs/config';
import { parseCsv } from '../core/runs/csv-format';
import type { RoundResult } from '../core/tour/analysis-from-tables';
import { roundResults } from '../core/tour/analysis-from-tables';
import { roundsOfRecords, untrainedBySeed, untrainedOfRecords, type Trainer } from '../core/tour/analysis-from-runs';
import { CliError } from './args';
import { GENERATIONS_FILE, ROUNDS_FILE, RunFolder } from './run-folder';

/** A CSV table of the project's format; a missing file is an error naming it. */
export async function table(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`tour-evidence: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return parseCsv(text, path);
}

/** How the run in `dir` was trained, from its config.json: `lab gd` runs record their epochs per round. */
export async function trainerOf(dir: string, flag: string): Promise<Trainer> {
  const { meta } = await new RunFolder(dir).readMeta(flag);
  if (meta.kind !== 'gd') return { trainer: 'es' };
  const epochs = (meta.gd as { epochs?: unknown } | undefined)?.epochs;
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 1)
    throw new CliError(`tour-evidence: ${flag} ${dir}: config.json of a GD run has no whole number gd.epochs`);
  return { trainer: 'gd', epochs };
}

/** The finished rounds of a run folder. */
export async function roundsOfRun(dir: string): Promise<RoundResult[]> {
  return roundResults(await table(`${dir}/${ROUNDS_FILE}`));
}

/** What a task's effect is normalised by: round results, untrained results by seed, and the run's config. */
export interface TaskRun {
  readonly rounds: readonly RoundResult[];
  readonly untrained: ReadonlyMap<number, number>;
  readonly config: ExperimentConfig;
}

/** A run folder (`run`) or a precomputed run bundle file (`bundle`) as a TaskRun. */
export async function taskRun(from: { run?: string; bundle?: string }, where: string): Promise<TaskRun> {
  if (from.run) {
    const folder = new RunFolder(from.run);
    const { config } = await folder.readMeta(`${where}.run`);
    return {
      rounds: await roundsOfRun(from.run),
      untrained: untrainedBySeed(await table(`${from.run}/${GENERATIONS_FILE}`)),
      config,
    };
  }
  const path = from.bundle!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError(
      `tour-evidence: ${where}.bundle: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e})`,
    );
  }
  const got = importBundle(bytes);
  if (!got.ok) throw new CliError(`tour-evidence: ${where}.bundle: ${path} is not a run bundle (${got.message})`);
  const { records, config } = got.bundle;
  return { rounds: roundsOfRecords(records), untrained: untrainedOfRecords(records), config };
}
