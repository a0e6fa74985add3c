/**
 * A saved run folder (the CLI's output and the analysis commands' input):
 *   config.json       canonical config + run id + the command that produced it
 *   rounds.csv        one row per finished (seed, method, round): sparsity, accuracy, … — the folder's
 *                     record of which rounds are complete (a round's files are written before its row)
 *   generations.csv   per reported generation of the finished rounds: scores, last test eval
 *   masks/<seed>-<method>-r<k>.mask.bin   Uint8 mask (length D)
 *   params/<seed>-<method>-r<k>.{mean,std}.f32   final ES mean and σ (float32 little-endian)
 *   theta0/<seed>.f32 the chain's initial parameters
 * Every file is written through a temporary name and a rename (fs-safe.ts), so an interrupted command
 * leaves each file whole: old or new. docs/RELIABILITY.md describes what a rerun does with such a folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoundRecord, GenerationMetrics } from '../core/experiments/events';
import {
  GEN_COLUMNS,
  ROUND_COLUMNS,
  generationRow,
  parseGenerationsCsv,
  parseRoundsCsv,
  roundRow,
  type CheckedCsv,
  type GenRow,
  type RoundRow,
} from '../core/runs/csv';
import { clip, CsvError } from '../core/runs/csv-format';
import type { ExperimentConfig } from '../core/runs/config';
import { recordedConfig } from './run-settings';
import type { PopulationNet } from '../core/nets/types';
import { roundProblem, type RoundArrays, type RoundMetrics } from '../core/runs/round-checks';
import { bytesOf, writeFileAtomic } from './fs-safe';
import { CliError } from './args';

// Row formatting lives in core so the UI's CSV export writes the same rows (re-exported for old imports).
export { ROUND_COLUMNS, GEN_COLUMNS, roundRow } from '../core/runs/csv';

export const CONFIG_FILE = 'config.json';
export const ROUNDS_FILE = 'rounds.csv';
export const GENERATIONS_FILE = 'generations.csv';

/** File stem of one round's snapshot files. */
export const roundStem = (seed: number, method: string, roundNum: number): string => `${seed}-${method}-r${roundNum}`;

/** Paths of one round's snapshot files, relative to the folder. */
export function roundFiles(
  seed: number,
  method: string,
  roundNum: number,
): { mask: string; mean: string; std: string } {
  const stem = roundStem(seed, method, roundNum);
  return {
    mask: join('masks', `${stem}.mask.bin`),
    mean: join('params', `${stem}.mean.f32`),
    std: join('params', `${stem}.std.f32`),
  };
}

export const theta0File = (seed: number): string => join('theta0', `${seed}.f32`);

async function readF32(path: string): Promise<Float32Array> {
  const b = await readFile(path);
  if (b.byteLength % 4 !== 0)
    throw new Error(`${path} has ${b.byteLength} bytes, not a whole number of float32 values`);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export class RunFolder {
  constructor(readonly dir: string) {}

  path(rel: string): string {
    return join(this.dir, rel);
  }

  /** config.json and header-only CSVs of a new run (sub-folders are created as files are written). */
  async create(config: unknown, meta: Record<string, unknown>): Promise<void> {
    await writeFileAtomic(this.path(CONFIG_FILE), JSON.stringify({ ...meta, config }, null, 2) + '\n');
    await writeFileAtomic(this.path(GENERATIONS_FILE), GEN_COLUMNS.join(',') + '\n');
    await writeFileAtomic(this.path(ROUNDS_FILE), ROUND_COLUMNS.join(',') + '\n');
  }

  async writeTheta0(seed: number, theta0: Float32Array): Promise<void> {
    await writeFileAtomic(this.path(theta0File(seed)), bytesOf(theta0));
  }

  /** A round's mask, mean and σ files (its rounds.csv row is written after them, by the caller). */
  async writeRoundFiles(r: RoundRecord): Promise<void> {
    const f = roundFiles(r.seed, r.method, r.roundNum);
    await writeFileAtomic(this.path(f.mask), bytesOf(r.mask));
    await writeFileAtomic(this.path(f.mean), bytesOf(r.mean));
    await writeFileAtomic(this.path(f.std), bytesOf(r.std));
  }

  /** Writes a round's files, then adds its row to rounds.csv (a whole new rounds.csv, renamed into place). */
  async appendRound(r: RoundRecord): Promise<void> {
    await this.writeRoundFiles(r);
    const old = await readFile(this.path(ROUNDS_FILE), 'utf8').catch(() => ROUND_COLUMNS.join(',') + '\n');
    await writeFileAtomic(this.path(ROUNDS_FILE), old + roundRow(r) + '\n');
  }

  /** Adds rows to generations.csv (a whole new file, renamed into place). */
  async appendGenerations(rows: readonly GenerationMetrics[]): Promise<void> {
    if (!rows.length) return;
    const old = await readFile(this.path(GENERATIONS_FILE), 'utf8').catch(() => GEN_COLUMNS.join(',') + '\n');
    await writeFileAtomic(this.path(GENERATIONS_FILE), old + rows.map(generationRow).join('\n') + '\n');
  }

  /**
   * rounds.csv, every cell checked (the one reader of the file: a blank or cut-short cell is an error
   * naming file, line and column, never a 0). `requireRows`: a folder without finished rounds is refused.
   */
  async readRounds(opts: { requireRows?: boolean } = {}): Promise<RoundRow[]> {
    return (await this.readRoundsTable(opts)).rows;
  }

  /** rounds.csv with its header (for writers that copy rows). */
  async readRoundsTable(opts: { requireRows?: boolean } = {}): Promise<CheckedCsv<RoundRow>> {
    const table = await this.readCsv(ROUNDS_FILE, parseRoundsCsv);
    if (opts.requireRows && !table.rows.length)
      throw new CliError(`${this.path(ROUNDS_FILE)} lists no finished round yet: nothing to read`, 1);
    return table;
  }

  /** generations.csv, every cell checked. */
  async readGenerations(): Promise<GenRow[]> {
    return (await this.readGenerationsTable()).rows;
  }

  async readGenerationsTable(): Promise<CheckedCsv<GenRow>> {
    return this.readCsv(GENERATIONS_FILE, parseGenerationsCsv);
  }

  private async readCsv<T>(name: string, parse: (text: string, file: string) => T): Promise<T> {
    const path = this.path(name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new CliError(
        `${this.dir}: cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); is it a run folder written by "lab imp" or "lab gd"?`,
        1,
      );
    }
    try {
      return parse(text, path);
    } catch (e) {
      if (e instanceof CsvError) throw new CliError(e.message, 1);
      throw e;
    }
  }

  /**
   * config.json: a JSON object whose `config` passes the config schema (read by run-settings.ts
   * recordedConfig, as a run's writer reads it). Errors name the file (and the config field); `flag` is
   * the flag that named the folder (e.g. "--run").
   */
  async readMeta(flag: string): Promise<{ meta: Readonly<Record<string, unknown>>; config: ExperimentConfig }> {
    const path = this.path(CONFIG_FILE);
    let meta: unknown;
    try {
      meta = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new CliError(`${flag} ${this.dir}: cannot read ${CONFIG_FILE} (${clip((e as Error).message, 120)})`);
    }
    if (!meta || typeof meta !== 'object' || Array.isArray(meta))
      throw new CliError(`${flag} ${this.dir}: ${CONFIG_FILE} is not a run folder's config (expected a JSON object)`);
    const read = recordedConfig(meta as Record<string, unknown>);
    if ('problem' in read)
      throw new CliError(`${flag} ${this.dir}: ${CONFIG_FILE} holds an invalid config (${read.problem})`);
    return { meta: meta as Record<string, unknown>, config: read.config };
  }

  /**
   * One round's mask, final mean and σ, checked against the network and the round's metrics with the same
   * checks a bundle import makes (core/runs/round-checks.ts); an error names the file and the entry.
   */
  async loadRound(
    seed: number,
    method: string,
    roundNum: number,
    net: PopulationNet,
    metrics: RoundMetrics = {},
  ): Promise<RoundArrays> {
    const files = roundFiles(seed, method, roundNum);
    let arrays: RoundArrays;
    try {
      const [mask, mean, std] = await Promise.all([
        this.readMask(seed, method, roundNum),
        this.readParams(seed, method, roundNum, 'mean'),
        this.readParams(seed, method, roundNum, 'std'),
      ]);
      arrays = { mask, mean, std };
    } catch (e) {
      throw new CliError(
        `${this.dir}: the files of seed ${seed} ${method} round ${roundNum} cannot be read (${clip((e as Error).message, 160)})`,
        1,
      );
    }
    const problem = roundProblem(arrays, net, metrics);
    if (problem) {
      const file =
        problem.field === 'mask' || problem.field === 'mean' || problem.field === 'std'
          ? this.path(files[problem.field])
          : `${this.path(ROUNDS_FILE)} (seed ${seed} ${method} round ${roundNum})`;
      throw new CliError(`${file}: ${problem.field} ${problem.message}`, 1);
    }
    return arrays;
  }

  /** θ0 of a seed, checked: the network's length, finite values. */
  async loadTheta0(seed: number, net: PopulationNet): Promise<Float32Array> {
    const path = this.path(theta0File(seed));
    let theta0: Float32Array;
    try {
      theta0 = await this.readTheta0(seed);
    } catch (e) {
      throw new CliError(`${this.dir}: θ0 of seed ${seed} cannot be read (${clip((e as Error).message, 160)})`, 1);
    }
    if (theta0.length !== net.paramCount)
      throw new CliError(`${path}: has ${theta0.length} values, the network has D = ${net.paramCount}`, 1);
    const bad = theta0.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new CliError(`${path}: entry ${bad} is ${theta0[bad]} (must be a finite number)`, 1);
    return theta0;
  }

  async readMask(seed: number, method: string, roundNum: number): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.path(roundFiles(seed, method, roundNum).mask)));
  }

  async readParams(seed: number, method: string, roundNum: number, kind: 'mean' | 'std'): Promise<Float32Array> {
    return readF32(this.path(roundFiles(seed, method, roundNum)[kind]));
  }

  async readTheta0(seed: number): Promise<Float32Array> {
    return readF32(this.path(theta0File(seed)));
  }
}
