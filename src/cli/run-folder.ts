/**
 * A saved run folder (the CLI's output and the analysis commands' input):
 *   config.json       canonical config + run id + the command that produced it
 *   rounds.csv        one row per (seed, method, round): sparsity, accuracy, …
 *   generations.csv   per reported generation: scores, last test eval
 *   masks/<seed>-<method>-r<k>.mask.bin   Uint8 mask (length D)
 *   params/<seed>-<method>-r<k>.{mean,std}.f32   final ES mean and σ (float32 little-endian)
 *   theta0/<seed>.f32 the chain's initial parameters
 */
import { mkdir, writeFile, appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoundRecord, GenerationMetrics } from '../core/experiments/events';
import { GEN_COLUMNS, ROUND_COLUMNS, generationRow, roundRow } from '../core/runs/csv';

// Row formatting lives in core so the UI's CSV export writes the same rows (re-exported for old imports).
export { ROUND_COLUMNS, GEN_COLUMNS, roundRow } from '../core/runs/csv';

function bytesOf(a: Float32Array | Uint8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export class RunFolder {
  constructor(readonly dir: string) {}

  async create(config: unknown, meta: Record<string, unknown>): Promise<void> {
    await mkdir(join(this.dir, 'masks'), { recursive: true });
    await mkdir(join(this.dir, 'params'), { recursive: true });
    await mkdir(join(this.dir, 'theta0'), { recursive: true });
    await writeFile(join(this.dir, 'config.json'), JSON.stringify({ ...meta, config }, null, 2) + '\n');
    await writeFile(join(this.dir, 'rounds.csv'), ROUND_COLUMNS.join(',') + '\n');
    await writeFile(join(this.dir, 'generations.csv'), GEN_COLUMNS.join(',') + '\n');
  }

  async writeTheta0(seed: number, theta0: Float32Array): Promise<void> {
    await writeFile(join(this.dir, 'theta0', `${seed}.f32`), bytesOf(theta0));
  }

  async appendRound(r: RoundRecord): Promise<void> {
    const stem = `${r.seed}-${r.method}-r${r.roundNum}`;
    await writeFile(join(this.dir, 'masks', `${stem}.mask.bin`), bytesOf(r.mask));
    await writeFile(join(this.dir, 'params', `${stem}.mean.f32`), bytesOf(r.mean));
    await writeFile(join(this.dir, 'params', `${stem}.std.f32`), bytesOf(r.std));
    await appendFile(join(this.dir, 'rounds.csv'), roundRow(r) + '\n');
  }

  async appendGenerations(rows: GenerationMetrics[]): Promise<void> {
    if (!rows.length) return;
    const text = rows.map(generationRow).join('\n') + '\n';
    await appendFile(join(this.dir, 'generations.csv'), text);
  }

  async readMask(seed: number, method: string, roundNum: number): Promise<Uint8Array> {
    return new Uint8Array(await readFile(join(this.dir, 'masks', `${seed}-${method}-r${roundNum}.mask.bin`)));
  }

  async readParams(seed: number, method: string, roundNum: number, kind: 'mean' | 'std'): Promise<Float32Array> {
    const b = await readFile(join(this.dir, 'params', `${seed}-${method}-r${roundNum}.${kind}.f32`));
    return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
}
