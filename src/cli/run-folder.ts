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
import { GEN_COLUMNS, ROUND_COLUMNS, generationRow, roundRow } from '../core/runs/csv';
import { bytesOf, writeFileAtomic } from './fs-safe';

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
